"""`mimic-central export-odm --audit`: the trial office's ODM archive copy of every current session, made by the
laptop's ODM writer from the change history each file carries: an AuditRecord per change of a value (the laptop
account by its id within its centre, when, why), the questionnaire's Signature with its meaning, valid against the
official ODM 1.3.2 XSD; a file of record format version 1 (no history) still gives a valid file."""

from __future__ import annotations

from lxml import etree

from mimic_desktop.exchange import change_history
from mimic_desktop.storage import users
from tests.exports.test_odm import schema  # noqa: F401  (the official ODM 1.3.2 XSD, as a fixture)
from tests.support.office import run_central
from tests.support.session_files import sign_questionnaire, with_record

Q = "{http://www.cdisc.org/ns/odm/v1.3}"
REASON = "anaesthesia chart read again"
PEOPLE = ("anna.coord", "Anna Coordinator", "sam.surgeon")


def export_archive(central_store, out, capsys) -> etree._ElementTree:
    capsys.readouterr()
    assert run_central("export-odm", "--db", central_store.path, "--out", out, "--audit") == 0
    path = out / "mimic_central_odm_archive.xml"
    assert capsys.readouterr().out.strip() == str(path)
    text = path.read_text(encoding="utf-8")
    for name in PEOPLE:
        assert name not in text, "accounts by their id only"
    return etree.parse(str(path))


def test_every_change_and_the_signature_reach_the_archive_copy(
    laptop,
    importer,
    central_store,
    tmp_path,
    capsys,
    schema,  # noqa: F811 (the fixture imported above)
):
    signed = laptop.record(21, lesions=2)
    sign_questionnaire(laptop, signed)
    importer.import_bytes(laptop.export(signed).read_bytes(), "a1.mimic")
    laptop.service.set_values(signed, {"blood_loss_ml": 777}, reason=REASON)
    importer.import_bytes(laptop.export(signed).read_bytes(), "a2.mimic")
    plain = laptop.record(22, lesions=1)
    importer.import_bytes(laptop.export(plain).read_bytes(), "b1.mimic")

    document = export_archive(central_store, tmp_path / "odm", capsys)
    assert schema.validate(document), schema.error_log
    root = document.getroot()
    assert root.get("FileType") == "Transactional"
    ids = users.account_ids(laptop.service.store.conn)
    coordinator, surgeon = f"USR.01_{ids['anna.coord']}", f"USR.01_{ids['sam.surgeon']}"
    assert {user.get("OID") for user in root.iter(Q + "User")} >= {coordinator, surgeon}
    subjects = {s.get("SubjectKey"): s for s in root.iter(Q + "SubjectData")}
    study_id = laptop.service.load(signed).study_id
    changes = [
        item
        for item in subjects[study_id].iter(Q + "ItemData")
        if item.get("ItemOID") == "IT.blood_loss_ml" and item.find(Q + "AuditRecord") is not None
    ]
    audit = changes[-1].find(Q + "AuditRecord")
    assert changes[-1].get("Value") == "777"
    assert audit.findtext(Q + "ReasonForChange") == REASON
    assert audit.find(Q + "UserRef").get("UserOID") == coordinator
    assert audit.find(Q + "LocationRef").get("LocationOID") == "LOC.01"
    signature = next(subjects[study_id].iter(Q + "Signature"))
    assert signature.find(Q + "UserRef").get("UserOID") == surgeon
    meaning = signature.find(Q + "SignatureRef").get("SignatureOID")
    assert meaning in {d.get("OID") for d in root.iter(Q + "SignatureDef")}
    # The other record was never signed: no signature is made up for it.
    other = subjects[laptop.service.load(plain).study_id]
    assert next(other.iter(Q + "Signature"), None) is None
    assert run_central("verify", "--db", central_store.path) == 0
    kept = central_store.conn.execute("SELECT entity_id, username FROM audit WHERE entity='export'").fetchall()
    assert [tuple(row) for row in kept] == [("odm-archive", "dana.dm")], "the export is in the central audit trail"


def test_a_file_without_history_still_gives_a_valid_archive(laptop, importer, central_store, tmp_path, capsys, schema):  # noqa: F811
    proc_id = laptop.record(23, lesions=1)

    def as_version_1(record: dict) -> None:
        record["format_version"] = 1
        del record[change_history.KEY]

    old = with_record(laptop.export(proc_id).read_bytes(), laptop.key_path, as_version_1)
    assert importer.import_bytes(old, "old.mimic").outcome.value == "new"
    document = export_archive(central_store, tmp_path / "odm", capsys)
    assert schema.validate(document), schema.error_log
    assert next(document.getroot().iter(Q + "AuditRecord"), None) is None
    assert any(True for _ in document.getroot().iter(Q + "ItemData"))
