"""A record from creation to `complete` and `export` on the command line alone, through main(argv)."""

from __future__ import annotations

import io
import json
import random
from datetime import UTC, datetime, timedelta

import pytest

from mimic_desktop.cli.main import main
from mimic_desktop.services.accounts import AccountService
from mimic_desktop.services.procedures import ProcedureService
from mimic_desktop.services.simulate import baseline
from mimic_desktop.storage.connection import open_store

USER = ("--user", "anna")
STUDY_ID = "MIM-03-001"


def desktop(*args) -> int:
    return main([str(a) for a in args])


@pytest.fixture
def db(db_path, monkeypatch, capsys):
    monkeypatch.setenv("MIMIC_PASSWORD", "correct horse")
    monkeypatch.setattr("sys.stdin", io.StringIO("correct horse\n"))  # the new account's password
    assert desktop("init", "--db", db_path, *USER, "--name", "Anna de Vries") == 0
    capsys.readouterr()
    return db_path


def out_of(capsys, *args) -> str:
    """Run a command that must succeed; its standard output."""
    code = desktop(*args)
    captured = capsys.readouterr()
    assert code == 0, captured.err
    return captured.out


def dump(capsys, db) -> dict:
    return json.loads(out_of(capsys, "dump", "--db", db, *USER, STUDY_ID))


def test_a_whole_record_on_the_command_line(db, capsys, tmp_path):
    patient = {
        "age_18_or_over": "yes",
        "scheduled_mi_resection": "yes",
        "iodine_or_icg_allergy": "no",
        "recurrence_at_treated_site": "no",
        "oral_consent": "yes",
        "consent_date": "2026-11-17",
        "age": "64",
        "sex": "female",
        "t_stage": "T3",
        "n_stage": "N1",
        "m_stage": "M1",
        "cea": "12.5",
        "disease_free_interval_months": "0",
        "neoadjuvant_chemo": "no",
        "suspected_lesions": "1",
        "largest_lesion_mm": "18",
        "scan_type": "mri",
        "icg_dose_mg": "10",
        "icg_given_at": "2026-11-23T09:00:00+00:00",
        "icg_adverse_reaction": "no",
        "surgeon": "Dr. B",
        "approach": "laparoscopic",
        "imaging_system": "storz_rubina",
        "planned_procedure": "wedge",
    }
    sets = [arg for name, value in patient.items() for arg in ("--set", f"{name}={value}")]
    out_of(capsys, "create", "--db", db, *USER, STUDY_ID, "--centre", "03", *sets)

    def event(kind: str, minute: int) -> int:
        return int(
            out_of(capsys, "event", "--db", db, *USER, STUDY_ID, kind, "--at", f"2026-11-24T08:{minute:02d}+00:00")
        )

    event("incision", 30)
    event("lesion_found", 40)
    event("occult_lesion", 41)  # pressed by mistake: lesion 2 becomes current
    assert "Lesion 1 is now the current lesion" in out_of(capsys, "switch-lesion", "--db", db, *USER, STUDY_ID, "1")
    event("transection_start", 45)
    out = out_of(capsys, "remove-lesion", "--db", db, *USER, STUDY_ID, "2", "--reason", "pressed O instead of L")
    assert "Lesion 2 removed" in out
    event("transection_end", 55)
    event("specimen_clear", 56)
    closure = event("closure", 58)
    corrected = int(
        out_of(
            capsys,
            "correct-time",
            "--db",
            db,
            *USER,
            closure,
            "--at",
            "2026-11-24T09:05:00+00:00",
            "--reason",
            "closure logged late",
        )
    )
    assert corrected != closure

    lesion_values = ["segments=VII,VIII", "size_mm=18", "detected_by=preop_imaging", "treatment=resection"]
    out = out_of(
        capsys, "set-lesion", "--db", db, *USER, STUDY_ID, "1", *lesion_values, "histology=crlm", "margin_mm=4"
    )
    assert "6 value(s) changed" in out
    postop = ["icu_days=0", "hospital_stay_days=4", "readmission=no", "icg_adverse_event=no"]
    out_of(capsys, "set", "--db", db, *USER, STUDY_ID, *postop)
    complication = ["description=Bile leak", "clavien_dindo=II", "onset_date=2026-11-24"]
    assert "Complication 1 added" in out_of(capsys, "add-complication", "--db", db, *USER, STUDY_ID, *complication)
    out_of(capsys, "set-complication", "--db", db, *USER, STUDY_ID, "1", "clavien_dindo=IIIa")
    out_of(capsys, "add-complication", "--db", db, *USER, STUDY_ID, "description=Wrong patient")
    out = out_of(capsys, "remove-complication", "--db", db, *USER, STUDY_ID, "2", "--reason", "belongs to MIM-03-002")
    assert "Complication 2 removed" in out

    record = dump(capsys, db)
    assert [lesion["number"] for lesion in record["lesions"]] == [1]
    assert [lesion["number"] for lesion in record["removed_lesions"]] == [2]
    assert record["lesions"][0]["values"]["source"] == "imaging"
    assert [(c["number"], c["values"]["clavien_dindo"]) for c in record["complications"]] == [(1, "IIIa")]
    closures = [e for e in record["events"] if e["kind"] == "closure"]
    assert [(e["id"], e["struck"], e["at"]) for e in closures] == [
        (closure, True, "2026-11-24T08:58:00.000000+00:00"),
        (corrected, False, "2026-11-24T09:05:00.000000+00:00"),
    ]
    derived = record["derived"]
    assert derived["operation_minutes"] == 35 and (derived["lesion_count"], derived["complication_count"]) == (1, 1)
    assert list(derived["lesions"]) == ["1"] and derived["lesions"]["1"]["r_status"] == "R0"
    assert derived["complications"] == {"1": {"late": False, "grade_text": "IIIa"}}

    assert f"{STUDY_ID} is complete and locked" in out_of(capsys, "complete", "--db", db, *USER, STUDY_ID)
    assert dump(capsys, db)["derived"]["status"] == "complete"
    out_of(capsys, "export-key", "--out", tmp_path / "centre-03.pem")
    out = out_of(capsys, "export", "--db", db, *USER, STUDY_ID, "--out", tmp_path)
    assert (tmp_path / f"{STUDY_ID}-v1.mimic").is_file() and f"{STUDY_ID} version 1" in out
    assert out_of(capsys, "verify", "--db", db).startswith("OK")


@pytest.fixture
def complete_record():
    """Puts a complete one-lesion record into the database through the service; returns its id."""

    def make(db) -> str:
        store = open_store(db)
        try:
            service = ProcedureService(store, AccountService(store).sign_in("anna", "correct horse"))
            start = datetime(2026, 11, 24, 8, 0, tzinfo=UTC)
            values = baseline(random.Random(1), 1) | {
                "consent_date": "2026-11-17",
                "icg_given_at": start - timedelta(hours=24),
            }
            proc_id = service.create(STUDY_ID, "03", values)
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
            return proc_id
        finally:
            store.close()

    return make


def test_a_locked_record_changes_on_the_command_line_only_with_a_reason(db, capsys, complete_record):
    complete_record(db)
    assert desktop("set-lesion", "--db", db, *USER, STUDY_ID, "1", "size_mm=21") == 2
    assert "complete and locked: give a reason" in capsys.readouterr().err
    out_of(capsys, "set-lesion", "--db", db, *USER, STUDY_ID, "1", "size_mm=21", "--reason", "measured again")
    assert dump(capsys, db)["lesions"][0]["values"]["size_mm"] == 21


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (("create", STUDY_ID, "--centre", "03", "--set", "age"), "'age'"),
        (("set", STUDY_ID, "cea=4", "age"), "'age'"),
        (("set-lesion", STUDY_ID, "1", "size_mm"), "'size_mm'"),
        (("add-complication", STUDY_ID, "=II"), "'=II'"),
    ],
)
def test_a_value_without_its_field_name_is_named_in_plain_words(db, capsys, args, named):
    command, *rest = args
    assert desktop(command, "--db", db, *USER, *rest) == 2
    err = capsys.readouterr().err
    assert named in err and "FIELD=VALUE" in err and "Traceback" not in err


def test_unknown_lesions_complications_and_events_are_named(db, capsys, complete_record):
    complete_record(db)
    for args, message in (
        (("switch-lesion", STUDY_ID, "7"), f"{STUDY_ID} has no lesion 7"),
        (("remove-complication", STUDY_ID, "3", "--reason", "x"), f"{STUDY_ID} has no complication 3"),
        (("correct-time", "999", "--at", "2026-11-24T09:00+00:00", "--reason", "x"), "There is no event 999"),
    ):
        assert desktop(args[0], "--db", db, *USER, *args[1:]) == 2
        assert message in capsys.readouterr().err
