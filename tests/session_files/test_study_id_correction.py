"""A study ID corrected on the laptop: refused when malformed or taken, audited, carried in every later session file,
and imported at the trial office as the same patient (its earlier versions linked)."""

from __future__ import annotations

import io
import json

import pytest

from mimic_desktop.cli.main import main as desktop_main
from mimic_desktop.domain.errors import ReasonRequired, ValidationError
from mimic_desktop.exchange import central, record_check, session_file
from mimic_desktop.services import central_import, study_id_correction
from mimic_desktop.services.central_import import Outcome
from mimic_desktop.services.central_verify import verify_central
from mimic_desktop.services.verification import INTACT, verify
from mimic_desktop.storage import audit
from tests.support.central_rows import read_rows
from tests.support.session_files import COORDINATOR_PASSWORD, members, with_record


def record_of(path) -> dict:
    return json.loads(members(path.read_bytes())[session_file.RECORD])


def test_a_malformed_other_centres_or_taken_study_id_is_refused_and_nothing_changes(laptop):
    first, second = laptop.record(40), laptop.record(41)
    service = laptop.service
    taken = service.load(second).study_id
    before = audit.head(service.store.conn)
    for bad in ("MIM-1-2", "=cmd|' /C calc'!A0", "MIM-02-001", taken, service.load(first).study_id, "MIM-01-001\x00"):
        with pytest.raises(ValidationError):
            study_id_correction.rename(service, first, bad, "typed wrong at enrolment")
    with pytest.raises(ReasonRequired):
        study_id_correction.rename(service, first, "MIM-01-900", "   ")
    with pytest.raises(ValidationError, match="control characters"):
        study_id_correction.rename(service, first, "MIM-01-900", "typed\x1bwrong")
    assert audit.head(service.store.conn) == before
    assert study_id_correction.corrections(service, first) == []


def test_a_correction_is_audited_and_goes_with_every_later_session_file(laptop):
    proc_id = laptop.record(42)
    old_id = laptop.service.load(proc_id).study_id
    before = laptop.export(proc_id)
    assert "study_id_corrections" not in record_of(before)
    study_id_correction.rename(laptop.service, proc_id, "mim-01-900 ", "two digits swapped at enrolment")
    proc = laptop.service.load(proc_id)
    assert proc.study_id == "MIM-01-900" and proc.locked  # a completed record can be corrected, with its reason
    rows = [r for r in laptop.service.audit_trail(proc_id) if r["field"] == "study_id" and r["old_value"]]
    assert [(json.loads(r["old_value"]), json.loads(r["new_value"]), r["reason"]) for r in rows] == [
        (old_id, "MIM-01-900", "two digits swapped at enrolment")
    ]
    account = laptop.service.user.id  # the account's number, never its user name
    for _ in range(2):  # every later file, not only the next one
        data = record_of(laptop.export(proc_id))
        assert data["format_version"] >= 2
        [correction] = data["study_id_corrections"]
        assert (correction["from"], correction["to"], correction["by"]) == (old_id, "MIM-01-900", account)
        assert correction["reason"] == "two digits swapped at enrolment" and correction["when"]
        record_check.check_record(data)
    verdict = verify(laptop.service.store.path)
    assert verdict.code == INTACT, verdict.lines()


def test_the_trial_office_imports_a_corrected_study_id_as_the_same_patient(laptop, importer, central_store):
    proc_id = laptop.record(43)
    old_id = laptop.service.load(proc_id).study_id
    assert importer.import_file(laptop.export(proc_id)).outcome is Outcome.NEW
    study_id_correction.rename(laptop.service, proc_id, "MIM-01-901", "wrong patient number at enrolment")
    study_id_correction.rename(laptop.service, proc_id, "MIM-01-902", "the first correction was wrong too")
    result = importer.import_file(laptop.export(proc_id))
    assert result.outcome is Outcome.SUPERSEDING and old_id in result.message and "corrected" in result.message
    [row] = read_rows(central_store.conn, "procedures")
    assert row["study_id"] == "MIM-01-902"
    files = central_import.imported_files(central_store)
    assert [(f["study_id"], f["session_study_id"], f["current"]) for f in files] == [
        (old_id, "MIM-01-902", 0),
        ("MIM-01-902", "MIM-01-902", 1),
    ]
    assert [f["session_id"] for f in files] == [laptop.service.load(proc_id).session_id] * 2
    assert central_import.imported_files(central_store, old_id) == files  # found by either ID, both versions
    assert central_import.imported_files(central_store, "MIM-01-902") == files
    assert verify_central(central_store.path).ok


def test_a_session_moving_to_another_study_id_without_a_recorded_correction_is_still_refused(
    laptop, importer, central_store
):
    proc_id = laptop.record(44)
    first = laptop.export(proc_id)
    assert importer.import_file(first).outcome is Outcome.NEW
    laptop.service.set_value(proc_id, "icu_days", 1, reason="ICU day missed")
    second = laptop.export(proc_id)

    def moved(record: dict) -> None:
        record["record"]["study_id"] = "MIM-01-950"
        record["session_version"] = 2

    forged = second.with_name("forged.mimic")
    forged.write_bytes(with_record(second.read_bytes(), laptop.key_path, moved))
    result = importer.import_file(forged)
    assert result.outcome is Outcome.REJECTED and "keeps its study ID" in result.message
    assert [r["study_id"] for r in read_rows(central_store.conn, "procedures")] == [
        laptop.service.load(proc_id).study_id
    ]


def test_a_correction_to_an_id_another_session_holds_at_the_trial_office_is_refused(laptop, importer, central_store):
    a, b = laptop.record(45), laptop.record(46)
    a_id, b_id = laptop.service.load(a).study_id, laptop.service.load(b).study_id
    importer.import_file(laptop.export(a))
    importer.import_file(laptop.export(b))
    # b moves aside on this laptop, but its new file has not reached the trial office: there b_id is still b's.
    study_id_correction.rename(laptop.service, b, "MIM-01-903", "moving aside")
    study_id_correction.rename(laptop.service, a, b_id, "the patient's real number")
    result = importer.import_file(laptop.export(a))
    assert result.outcome is Outcome.REJECTED and "two records for one study ID" in result.message
    assert sorted(p.study_id for p in central.current_records(central_store.conn)) == sorted([a_id, b_id])


def test_the_command_line_renames_and_refuses_in_words(laptop, capsys, monkeypatch):
    proc_id = laptop.record(47)
    old_id = laptop.service.load(proc_id).study_id
    db = laptop.service.store.path
    monkeypatch.setenv("MIMIC_PASSWORD", COORDINATOR_PASSWORD)
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    user = ("--db", db, "--user", "anna.coord")
    assert desktop_main(["rename", old_id, "MIM-01-904", "--reason", "typo at enrolment", *map(str, user)]) == 0
    assert "MIM-01-904" in capsys.readouterr().out
    assert desktop_main(["rename", "MIM-01-904", "MIM-7", "--reason", "again", *map(str, user)]) == 2
    err = capsys.readouterr().err
    assert "does not have the form MIM-CC-NNN" in err and "Traceback" not in err
    assert laptop.service.load(proc_id).study_id == "MIM-01-904"


def test_a_version_1_record_without_the_new_parts_still_imports(laptop, importer, central_store):
    proc_id = laptop.record(48)
    exported = laptop.export(proc_id)

    def as_version_1(record: dict) -> None:
        record["format_version"] = 1

    old = exported.with_name("version-1.mimic")
    old.write_bytes(with_record(exported.read_bytes(), laptop.key_path, as_version_1))
    assert record_of(old)["format_version"] == 1
    assert importer.import_file(old).outcome is Outcome.NEW


def test_a_signed_questionnaire_is_signed_again_after_a_correction(laptop, importer, central_store):
    from mimic_desktop.services.signing import SignatureState, check_signature
    from tests.support.session_files import sign_questionnaire

    proc_id = laptop.record(49)
    sign_questionnaire(laptop, proc_id)
    study_id_correction.rename(laptop.service, proc_id, "MIM-01-905", "typed wrong at enrolment")
    proc = laptop.service.load(proc_id)
    assert proc.valid_signature() is None, "the signed content named the old study ID"
    [voided] = proc.signatures
    assert voided.void_reason == "typed wrong at enrolment"
    assert importer.import_file(laptop.export(proc_id)).outcome is Outcome.NEW  # exported unsigned, with a warning
    sign_questionnaire(laptop, proc_id)
    assert check_signature(laptop.service.store, laptop.service.load(proc_id)).state is SignatureState.VALID
    assert importer.import_file(laptop.export(proc_id)).outcome is Outcome.SUPERSEDING
    [row] = read_rows(central_store.conn, "procedures")
    assert row["study_id"] == "MIM-01-905" and row["questionnaire_signed"] == 1
