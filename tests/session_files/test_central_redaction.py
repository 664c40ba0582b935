"""A redaction made on the laptop reaches the trial office: importing the session file that carries it rewrites every
earlier stored version of the record and its archived signed file, the central database file and the archive keep
no byte of the text, `mimic-central verify --signatures` passes, and a direct edit of a version or an archived file
is still found."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

import pytest

from mimic_desktop.exchange import session_file
from mimic_desktop.services import central_redaction
from mimic_desktop.services.central_import import Outcome
from mimic_desktop.services.central_verify import verify_central
from mimic_desktop.storage import central_archive
from tests.exports.test_odm import schema  # noqa: F401  (the official ODM 1.3.2 XSD, as a fixture)
from tests.support.office import run_central

IDENTIFYING = "Mr. Jan Jansen (born 12-03-1961, hospital no. 1234567)"
WORDS = (b"Jansen", b"1234567", b"12-03-1961")


def archive_bytes(db_path: Path) -> bytes:
    return b"".join(
        path.read_bytes() for path in sorted(central_archive.folder_for(db_path).rglob("*")) if path.is_file()
    )


def database_bytes(db_path: Path) -> bytes:
    data = db_path.read_bytes()
    for suffix in ("-wal", "-journal"):
        other = db_path.with_name(db_path.name + suffix)
        if other.exists():
            data += other.read_bytes()
    return data


def found(data: bytes) -> list[bytes]:
    # The text as the laptop wrote it (JSON escapes nothing of it) and as the PDFs set it (each word on its own).
    return [word for word in WORDS if word in data]


@pytest.fixture
def imported_twice(laptop, importer, central_store):
    """A name kept with a reason in an event's note and a complication's description, exported (version 1), redacted
    on the laptop, exported again (version 2); the trial office imports both, in that order."""
    service = laptop.service
    proc_id = laptop.record(41, complication=True)
    keeping = service.keeping_identifiers("dictated by the surgeon as said")
    keeping.record_event(proc_id, "note", note=IDENTIFYING, reason="a remark added after the operation")
    complication = service.load(proc_id).complications[0].id
    keeping.set_values(
        proc_id, {"description": IDENTIFYING}, entity="complication", entity_id=complication, reason="as reported"
    )
    first = laptop.export(proc_id)
    assert found(first.read_bytes())
    assert importer.import_file(first).outcome is Outcome.NEW
    assert found(archive_bytes(central_store.path)) and found(database_bytes(central_store.path))
    service.redact(proc_id, IDENTIFYING, "the patient's name, typed by mistake")
    second = laptop.export(proc_id)
    assert not found(second.read_bytes())
    assert importer.import_file(second).outcome is Outcome.SUPERSEDING
    return proc_id, first, second


def test_the_trial_office_keeps_no_trace_of_a_redacted_text(imported_twice, central_store):
    _, first, _ = imported_twice
    db_path = central_store.path
    central_store.conn.execute("VACUUM")
    central_store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert found(database_bytes(db_path)) == []
    assert found(archive_bytes(db_path)) == []
    first_hash = hashlib.sha256(first.read_bytes()).hexdigest()
    # The first version is still on record under the hash and the signature it was imported with.
    row = central_store.conn.execute(
        "SELECT session_version, record_json FROM session_files WHERE file_hash = ?", (first_hash,)
    ).fetchone()
    assert row[0] == 1 and "[redacted]" in row[1]
    kept = central_archive.read(db_path, first_hash)
    members = session_file.members_of(kept)
    assert members[session_file.MANIFEST] == session_file.members_of(first.read_bytes())[session_file.MANIFEST]
    assert members[session_file.SUMMARY] == members[session_file.QUESTIONNAIRE] == b""  # the PDFs are removed
    assert json.loads(members[session_file.RECORD]) == json.loads(row[1])
    result = verify_central(db_path, signatures=True)
    assert result.ok, result.problems
    # Every step is in the central trail: the version's new record, and the redaction applied.
    steps = central_store.conn.execute(
        "SELECT entity, field, reason FROM audit WHERE (entity = 'session_file' AND entity_id = ?)"
        " OR entity = 'redaction' ORDER BY seq",
        (first_hash,),
    ).fetchall()
    assert [(entity, field) for entity, field, _ in steps] == [
        ("session_file", "imported"),
        ("session_file", "imported"),
        ("redaction", "applied"),
    ]
    assert steps[-1][2] == "the patient's name, typed by mistake"


def test_mimic_central_verify_signatures_passes_after_the_redaction(imported_twice, central_store, capsys):
    central_store.close()
    assert run_central("verify", "--db", central_store.path, "--signatures") == 0
    assert "intact" in capsys.readouterr().out


def test_a_direct_edit_of_a_redacted_version_is_still_found(imported_twice, central_store):
    _, first, _ = imported_twice
    first_hash = hashlib.sha256(first.read_bytes()).hexdigest()
    conn = sqlite3.connect(central_store.path, isolation_level=None)
    conn.execute("DROP TRIGGER session_files_no_update")
    conn.execute(
        "UPDATE session_files SET record_json = replace(record_json, 'Bile', 'Bule') WHERE file_hash = ?",
        (first_hash,),
    )
    conn.close()
    problems = verify_central(central_store.path, signatures=True).problems
    assert any("is not what the audit trail recorded" in problem for problem in problems), problems


def test_a_direct_edit_of_a_redacted_archive_file_is_still_found(imported_twice, central_store):
    _, first, _ = imported_twice
    first_hash = hashlib.sha256(first.read_bytes()).hexdigest()
    path = central_archive.path_for(central_store.path, first_hash)
    kept = path.read_bytes()
    members = session_file.members_of(kept)
    members[session_file.SUMMARY] = b"%PDF-1.4 something else"
    path.write_bytes(session_file.container(members))
    problems = verify_central(central_store.path, signatures=True).problems
    assert any("neither the one imported nor the one its redaction wrote" in p for p in problems), problems
    path.write_bytes(kept)
    assert verify_central(central_store.path, signatures=True).ok


def test_an_archive_rewrite_cut_short_is_finished_by_the_next_import(laptop, importer, central_store, imported_twice):
    _, first, second = imported_twice
    first_hash = hashlib.sha256(first.read_bytes()).hexdigest()
    # As if the application stopped between the commit and the rewrite of the archived file.
    central_archive.path_for(central_store.path, first_hash).write_bytes(first.read_bytes())
    problems = verify_central(central_store.path).problems
    assert any("to finish the redaction" in problem for problem in problems), problems
    importer.import_paths([second])
    assert found(archive_bytes(central_store.path)) == []
    assert verify_central(central_store.path, signatures=True).ok
    assert central_redaction.unfinished(central_store) == []


def test_an_older_central_database_is_upgraded_and_then_takes_the_redaction(laptop, tmp_path, central_store, importer):
    from mimic_desktop.services import central_import
    from mimic_desktop.storage import central as central_storage
    from tests.support.office import data_manager

    service = laptop.service
    proc_id = laptop.record(43, complication=True)
    complication = service.load(proc_id).complications[0].id
    service.keeping_identifiers("as dictated").set_values(
        proc_id, {"description": IDENTIFYING}, entity="complication", entity_id=complication, reason="as reported"
    )
    first = laptop.export(proc_id)
    importer.import_file(first)
    path = tmp_path / "older.sqlite"
    older = sqlite3.connect(path)
    central_store.conn.backup(older)  # as it stood before a stored record could be redacted
    older.execute("DROP TRIGGER session_files_no_update")
    older.execute(
        "CREATE TRIGGER session_files_no_update BEFORE UPDATE ON session_files "
        "BEGIN SELECT RAISE(ABORT, 'imported session files are kept as they came'); END"
    )
    older.execute("DELETE FROM _sqlite_migrations WHERE name = 'm008_redacted_versions'")
    older.commit()
    older.close()
    archive = central_archive.folder_for(central_store.path)
    archive.rename(central_archive.folder_for(path))

    store = central_import.open_existing(path)
    assert "m008_redacted_versions" in central_storage.central_migrations.applied_names(store.conn)
    assert verify_central(path, signatures=True).ok
    service.redact(proc_id, IDENTIFYING, "typed by mistake")
    upgraded = central_import.CentralImporter(store, data_manager(store))
    assert upgraded.import_file(laptop.export(proc_id)).outcome is Outcome.SUPERSEDING
    assert found(database_bytes(path)) == [] and found(archive_bytes(path)) == []
    with pytest.raises(sqlite3.IntegrityError, match="kept as they came"):
        store.conn.execute("UPDATE session_files SET file_name = 'other.mimic'")
    store.close()
    assert verify_central(path, signatures=True).ok


def test_the_pdfs_of_a_redacted_version_are_said_to_be_removed_and_the_current_ones_open(imported_twice, central_store):
    from mimic_desktop.domain.errors import NotFound
    from mimic_desktop.services import central_record

    study_id = central_store.conn.execute("SELECT study_id FROM sessions").fetchone()[0]
    with pytest.raises(NotFound, match="removed from the archive when a redaction"):
        central_record.document_copy(central_store, study_id, 1, "summary")
    pdf = central_record.document_copy(central_store, study_id, 2, "summary")
    assert pdf.read_bytes().startswith(b"%PDF") and not found(pdf.read_bytes())


def test_a_held_version_redacts_nothing_until_a_data_manager_releases_it(laptop, importer, central_store):
    from mimic_desktop.services import central_settling
    from tests.session_files.test_settling import forged
    from tests.support.office import data_manager

    service = laptop.service
    proc_id = laptop.record(44, complication=True)
    complication = service.load(proc_id).complications[0].id
    service.keeping_identifiers("as dictated").set_values(
        proc_id, {"description": IDENTIFYING}, entity="complication", entity_id=complication, reason="as reported"
    )
    assert importer.import_file(laptop.export(proc_id)).outcome is Outcome.NEW
    service.redact(proc_id, IDENTIFYING, "typed by mistake")
    far_ahead = forged(laptop.export(proc_id), laptop.key_path, 40, "far-ahead.mimic")
    assert importer.import_file(far_ahead).outcome is Outcome.HELD
    assert found(archive_bytes(central_store.path))  # a held file may come from a stolen key: nothing changed yet
    study_id = service.load(proc_id).study_id
    central_settling.release(central_store, data_manager(central_store), study_id, 40, "confirmed by the centre")
    assert found(database_bytes(central_store.path)) == [] and found(archive_bytes(central_store.path)) == []
    assert verify_central(central_store.path, signatures=True).ok


def test_the_central_odm_archive_copy_shows_the_redaction_as_an_audit_record(
    imported_twice,
    central_store,
    laptop,
    tmp_path,
    capsys,
    schema,  # noqa: F811 (the official ODM 1.3.2 XSD)
):
    from lxml import etree

    from mimic_desktop.storage import users

    capsys.readouterr()
    assert run_central("export-odm", "--db", central_store.path, "--out", tmp_path / "odm", "--audit") == 0
    path = tmp_path / "odm" / "mimic_central_odm_archive.xml"
    assert not found(path.read_bytes())
    document = etree.parse(str(path))
    assert schema.validate(document), schema.error_log
    records = [
        group.find(ODM + "AuditRecord")
        for group in document.getroot().iter(ODM + "ItemGroupData")
        if group.get("TransactionType") == "Context"
    ]
    [record] = records
    account = users.account_ids(laptop.service.store.conn)["anna.coord"]
    assert record.find(ODM + "UserRef").get("UserOID") == f"USR.01_{account}"
    assert record.findtext(ODM + "ReasonForChange").endswith(": the patient's name, typed by mistake")
    assert "Redaction" in record.findtext(ODM + "ReasonForChange")


ODM = "{http://www.cdisc.org/ns/odm/v1.3}"
