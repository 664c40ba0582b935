"""Subject status on the command line: set-status, its refusals, the record that leaves the trial completed as it
stands, exported, imported by the trial office and counted in the flow diagram rather than analysed."""

from __future__ import annotations

import io
import json
import random
import sqlite3
from datetime import UTC, datetime, timedelta

import pytest

from mimic_desktop.cli.main import main
from mimic_desktop.services.accounts import AccountService
from mimic_desktop.services.procedures import ProcedureService
from mimic_desktop.services.simulate import baseline
from mimic_desktop.storage.connection import open_store
from tests.support.office import run_central

USER = ("--user", "anna")
ANALYSED, NOT_OPERATED = "MIM-03-001", "MIM-03-002"
ENROLMENT = {
    "age_18_or_over": "yes",
    "scheduled_mi_resection": "yes",
    "iodine_or_icg_allergy": "no",
    "recurrence_at_treated_site": "no",
    "oral_consent": "yes",
    "consent_date": "2026-11-17",
    "surgeon": "Dr. B",
    "approach": "laparoscopic",
    "imaging_system": "storz_rubina",
    "planned_procedure": "wedge",
}


def desktop(*args: object) -> int:
    return main([str(a) for a in args])


def out_of(capsys, *args: object) -> str:
    code = desktop(*args)
    captured = capsys.readouterr()
    assert code == 0, captured.err
    return captured.out


def refused(capsys, *args: object) -> str:
    """Run a command that must be refused; what it said on standard error (no traceback)."""
    try:
        code = desktop(*args)
    except SystemExit as stop:  # argparse's own refusal of an argument
        code = stop.code
    captured = capsys.readouterr()
    assert code != 0 and "Traceback" not in captured.err, captured
    return captured.err


@pytest.fixture
def db(db_path, monkeypatch, capsys):
    return enrolled(db_path, monkeypatch, capsys)


def enrolled(db_path, monkeypatch, capsys):
    """A database with its coordinator and one patient enrolled (NOT_OPERATED, as yet enrolled)."""
    monkeypatch.setenv("MIMIC_PASSWORD", "correct horse")
    monkeypatch.setattr("sys.stdin", io.StringIO("correct horse\n"))
    assert desktop("init", "--db", db_path, *USER, "--name", "Anna de Vries") == 0
    sets = [arg for name, value in ENROLMENT.items() for arg in ("--set", f"{name}={value}")]
    out_of(capsys, "create", "--db", db_path, *USER, NOT_OPERATED, "--centre", "03", *sets)
    return db_path


def dump(capsys, db, study_id: str = NOT_OPERATED) -> dict:
    return json.loads(out_of(capsys, "dump", "--db", db, *USER, study_id))


def complete_record(db) -> None:
    """A complete one-lesion record of an enrolled patient, through the service."""
    store = open_store(db)
    try:
        service = ProcedureService(store, AccountService(store).sign_in("anna", "correct horse"))
        start = datetime(2026, 11, 24, 8, 0, tzinfo=UTC)
        values = baseline(random.Random(1), 1) | {
            "consent_date": "2026-11-17",
            "icg_given_at": start - timedelta(hours=24),
        }
        proc_id = service.create(ANALYSED, "03", values)
        for minute, kind in enumerate(("incision", "lesion_found", "transection_start", "specimen_clear")):
            service.record_event(proc_id, kind, at=start + timedelta(minutes=minute))
        service.record_event(proc_id, "closure", at=start + timedelta(hours=1))
        lesion = {"segments": ["III"], "size_mm": 20, "detected_by": "preop_imaging", "treatment": "resection"}
        service.set_values(
            proc_id,
            lesion | {"histology": "crlm", "margin_mm": 3},
            entity="lesion",
            entity_id=service.load(proc_id).current_lesion_id,
        )
        service.set_values(
            proc_id, {"icu_days": 0, "hospital_stay_days": 3, "readmission": False, "icg_adverse_event": False}
        )
        service.complete(proc_id)
    finally:
        store.close()


def test_a_patient_not_operated_is_completed_exported_imported_and_counted_apart(db, capsys, tmp_path):
    assert dump(capsys, db)["subject_status"] == "enrolled"
    assert "Missing" in refused(capsys, "complete", "--db", db, *USER, NOT_OPERATED)
    reason = "surgery cancelled: progression on the scan"
    out = out_of(
        capsys,
        "set-status",
        "--db",
        db,
        *USER,
        NOT_OPERATED,
        "not_operated",
        "--reason",
        reason,
        "--date",
        "2026-11-20",
    )
    assert f"{NOT_OPERATED} is Not operated since 2026-11-20" in out
    record = dump(capsys, db)
    assert (record["subject_status"], record["subject_status_reason"], record["subject_status_date"]) == (
        "not_operated",
        reason,
        "2026-11-20",
    )
    assert record["derived"]["subject_status"] == "not_operated"
    listed = out_of(capsys, "list", "--db", db, *USER)
    assert f"{NOT_OPERATED}\t" in listed and listed.strip().endswith("Not operated")  # said in the reader's language
    # Left out of the analysis as the paper did: nothing more is asked of the record before it is locked.
    assert "complete and locked" in out_of(capsys, "complete", "--db", db, *USER, NOT_OPERATED)
    with sqlite3.connect(db) as conn:
        audited = conn.execute(
            "SELECT field, old_value, new_value, reason FROM audit WHERE entity = 'procedure' AND field LIKE 'subject%'"
        ).fetchall()
    assert {row[0] for row in audited} == {"subject_status", "subject_status_reason", "subject_status_date"}
    assert all(row[3] == reason for row in audited)
    assert out_of(capsys, "verify", "--db", db).startswith("OK")

    complete_record(db)
    out_of(capsys, "export-key", "--out", tmp_path / "centre-03.pem")
    outbox = tmp_path / "outbox"
    outbox.mkdir()
    for study_id in (ANALYSED, NOT_OPERATED):
        out_of(capsys, "export", "--db", db, *USER, study_id, "--out", outbox)
    central = tmp_path / "central.sqlite"
    assert run_central("init", "--db", central) == 0
    assert run_central("add-centre", "--db", central, "03", tmp_path / "centre-03.pem") == 0
    assert run_central("import", "--db", central, outbox) == 0
    capsys.readouterr()
    with sqlite3.connect(central) as conn:
        flat = dict(conn.execute("SELECT study_id, subject_status FROM procedures").fetchall())
    assert flat == {ANALYSED: "enrolled", NOT_OPERATED: "not_operated"}
    assert run_central("report", "--db", central, "--json") == 0
    report = json.loads(capsys.readouterr().out)
    flow, counted = report["flow"], report["counted"]
    assert (flow["enrolled"], flow["not_operated"], flow["withdrawn"], flow["excluded"]) == (2, 1, 0, 0)
    assert flow["patients"] == 1
    assert counted["left_trial"] == [{"status": "not_operated", "reason": reason, "patients": 1}]
    assert [(e["reason"], e["study_ids"]) for e in counted["exclusions"]] == [("subject not operated", [NOT_OPERATED])]


def test_back_to_enrolled_with_a_reason_and_the_record_asks_for_everything_again(db, capsys):
    out_of(capsys, "set-status", "--db", db, *USER, NOT_OPERATED, "withdrawn", "--reason", "consent withdrawn")
    record = dump(capsys, db)
    assert record["subject_status"] == "withdrawn"
    assert record["subject_status_date"] == datetime.now().astimezone().date().isoformat()
    out_of(capsys, "set-status", "--db", db, *USER, NOT_OPERATED, "enrolled", "--reason", "withdrawn by mistake")
    assert dump(capsys, db)["subject_status"] == "enrolled"
    assert "Missing" in refused(capsys, "complete", "--db", db, *USER, NOT_OPERATED)
    assert "already Enrolled" in refused(
        capsys, "set-status", "--db", db, *USER, NOT_OPERATED, "enrolled", "--reason", "again"
    )


@pytest.mark.parametrize(
    ("options", "named"),
    [
        (("excluded", "--reason", "   "), "Say why the subject status changes"),
        (("excluded", "--reason", "bad\x07 text"), "control characters"),
        (("excluded", "--reason", "no CRLM", "--date", "9999-12-31"), "lies ahead"),
        (("excluded", "--reason", "no CRLM", "--date", "2026-02-30"), "is not a date"),
        (("excluded", "--reason", "no CRLM", "--date", "=1+1"), "is not a date"),
        (("excluded", "--reason", "no CRLM", "--date", "2026-11-01"), "before the patient was enrolled"),
        (("cancelled", "--reason", "no CRLM"), "invalid choice: 'cancelled'"),
        (("excluded",), "--reason"),
    ],
)
def test_a_status_that_cannot_be_set_is_named_and_nothing_changes(db, capsys, options, named):
    assert named in refused(capsys, "set-status", "--db", db, *USER, NOT_OPERATED, *options)
    record = dump(capsys, db)
    assert (record["subject_status"], record["subject_status_reason"], record["subject_status_date"]) == (
        "enrolled",
        None,
        None,
    )


def test_a_monitor_cannot_set_the_status(db, capsys, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO("monitor password 1\n"))
    out_of(capsys, "add-user", "--db", db, *USER, "mo", "--name", "Mo Monitor", "--role", "monitor")
    monkeypatch.setenv("MIMIC_PASSWORD", "monitor password 1")
    refused(capsys, "set-status", "--db", db, "--user", "mo", NOT_OPERATED, "withdrawn", "--reason", "why not")
    monkeypatch.setenv("MIMIC_PASSWORD", "correct horse")
    assert dump(capsys, db)["subject_status"] == "enrolled"
    out_of(capsys, "set-status", "--db", db, *USER, NOT_OPERATED, "excluded", "--reason", "no CRLM on the scan")
    monkeypatch.setenv("MIMIC_PASSWORD", "monitor password 1")
    lines = json.loads(out_of(capsys, "audit", "--db", db, "--user", "mo", NOT_OPERATED, "--json"))["entries"]
    worded = {(line["what"], line["old"], line["new"], line["reason"]) for line in lines if not line["refused"]}
    assert ("Subject status", "Enrolled", "Excluded", "no CRLM on the scan") in worded
    assert any(line["refused"] for line in lines), "the monitor's attempt is kept as a refusal"


def test_a_locked_record_of_a_patient_not_operated_goes_back_to_enrolled_only_when_complete(db, capsys):
    out_of(capsys, "set-status", "--db", db, *USER, NOT_OPERATED, "not_operated", "--reason", "cancelled")
    out_of(capsys, "complete", "--db", db, *USER, NOT_OPERATED)
    err = refused(capsys, "set-status", "--db", db, *USER, NOT_OPERATED, "enrolled", "--reason", "operated after all")
    assert "complete and locked, and this change would break what completion requires" in err
    assert "Event: Incision" in err
    record = dump(capsys, db)
    assert (record["subject_status"], record["subject_status_reason"]) == ("not_operated", "cancelled")


def test_with_a_dutch_locale_set_status_and_frames_answer_in_dutch(db, capsys, monkeypatch):
    monkeypatch.setenv("LANG", "nl_NL.UTF-8")
    for name in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(name, raising=False)
    out = out_of(capsys, "set-status", "--db", db, *USER, NOT_OPERATED, "withdrawn", "--reason", "teruggebeld")
    assert out.startswith(f"{NOT_OPERATED} is Teruggetrokken sinds ") and "audittrail" in out, out
    out = out_of(capsys, "frames", "--db", db, *USER, NOT_OPERATED)
    assert out.strip() == f"Bij de gebeurtenissen van {NOT_OPERATED} zijn geen beelden bewaard."
