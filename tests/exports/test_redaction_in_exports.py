"""After a redaction no file made from the laptop holds the text: session files, CSV, REDCap, ODM (the archive copy
with its audit records too), Castor, Dataset-JSON, the summary and questionnaire PDFs and the audit trail's PDF;
verify still passes."""

from __future__ import annotations

import pytest
from lxml import etree

from mimic_desktop.services import audit_history, data_exports, verification
from mimic_desktop.storage import audit
from tests.exports.test_odm import schema  # noqa: F401  (the official ODM 1.3.2 XSD, as a fixture)
from tests.support.privacy import IDENTIFYING_TEXT, PLANTED, export_everything, realistic_laptop, scan, type_identifiers

WORDS = ("Jansen", "20571134", "j.jansen@example.org")


@pytest.fixture
def laptop_and_records(tmp_path):
    laptop, ids = realistic_laptop(tmp_path / "laptop")
    yield laptop, ids
    laptop.service.store.close()


def every_file(laptop, ids, out):
    exports = export_everything(laptop, ids, out)
    service = laptop.service
    paths = list(exports.paths)
    paths += data_exports.export_odm(service, None, out / "archive.xml", with_audit=True).paths
    paths += data_exports.export_castor(service, None, out / "castor").paths
    paths += data_exports.export_dataset_json(service, None, out / "dataset-json").paths
    for proc_id in ids:
        proc = service.load(proc_id)
        lines = audit_history.history(service.store, proc)
        paths.append(audit_history.write_pdf(proc, lines, out / f"{proc.study_id}-audit.pdf"))
    return paths


def test_files_made_after_a_redaction_hold_none_of_the_text(laptop_and_records, tmp_path, schema):  # noqa: F811
    laptop, ids = laptop_and_records
    type_identifiers(laptop, ids)
    before = scan(every_file(laptop, ids, tmp_path / "before"))
    assert set(PLANTED) <= {kind for _, _, kind in before.findings}, "the text is in the files before"
    assert [where for kind, where, _ in before.findings if kind == "PDF" and "summary" in where], "and its summary PDF"
    service = laptop.service
    redacted = 0
    for proc_id in ids:
        try:
            redacted += service.redact(proc_id, IDENTIFYING_TEXT, "identifiers typed by mistake")
        except Exception as error:  # a record the text was never typed into
            assert "nothing was redacted" in str(error)
    assert redacted == 4  # a description, a comment, a note and a strike reason
    paths = every_file(laptop, ids, tmp_path / "after")
    result = scan(paths)
    assert result.findings == []
    for path in paths:
        data = path.read_bytes()
        assert not [word for word in WORDS if word.encode() in data], path.name
    archive = etree.parse(str(tmp_path / "after" / "archive.xml"))
    assert schema.validate(archive), schema.error_log
    # Each redaction is an audit record of its own in the archive copy: who (by account id), when, why.
    odm = "{http://www.cdisc.org/ns/odm/v1.3}"
    reasons = [
        group.findtext(f"{odm}AuditRecord/{odm}ReasonForChange")
        for group in archive.getroot().iter(f"{odm}ItemGroupData")
        if group.get("TransactionType") == "Context"
    ]
    assert reasons and all(reason.endswith(": identifiers typed by mistake") for reason in reasons), reasons
    assert audit.check(service.store.conn).ok
    assert verification.verify(service.store.path).code == verification.INTACT


def test_a_files_own_uuid_is_no_identifier_even_when_its_first_group_is_all_digits():
    from tests.support.privacy import kinds_in

    assert kinds_in('FileOID="MIMIC.70203131-a84c-414f-911b-e7edfdde2cce"') == []
    assert kinds_in("hospital number 70203131") == ["long digit run"]
