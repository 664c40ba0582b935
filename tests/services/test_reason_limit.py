"""Every reason taken has one limit, domain/values.REASON_LIMIT characters: a longer one (100 KB pasted into the
box) is refused with a sentence naming the limit, and nothing of the change it came with is saved."""

from __future__ import annotations

import sqlite3
import subprocess
import sys

import pytest

from mimic_desktop.domain import values
from mimic_desktop.domain.errors import ValidationError
from mimic_desktop.domain.subject_status import SubjectStatus
from mimic_desktop.storage import audit

LONG = "the pathology report was re-read " * 3200  # about 100 KB
LIMIT = values.REASON_LIMIT


def rows(service) -> int:
    return int(service.store.conn.execute("SELECT COUNT(*) FROM audit").fetchone()[0])


def refused(error: pytest.ExceptionInfo[ValidationError]) -> None:
    assert f"at most {LIMIT:,} characters long; this one has {len(LONG.strip()):,}" in str(error.value)


def test_the_limit_is_the_limit_and_is_said_in_both_languages():
    assert values.check_reason(" " + "x" * LIMIT + " ") == "x" * LIMIT
    with pytest.raises(ValidationError) as error:
        values.check_reason("x" * (LIMIT + 1))
    assert str(error.value) == (
        f"A reason may be at most {LIMIT:,} characters long; this one has {LIMIT + 1:,}: shorten it."
    )
    assert error.value.text("nl").startswith(f"Een reden mag hoogstens {LIMIT:,} tekens lang zijn")


def test_a_change_to_a_locked_record_with_a_huge_reason_saves_nothing(service, recorded):
    service.complete(recorded)
    before, count = service.load(recorded).get("blood_loss_ml"), rows(service)
    with pytest.raises(ValidationError) as error:
        service.set_value(recorded, "blood_loss_ml", 321, reason=LONG)
    refused(error)
    assert service.load(recorded).get("blood_loss_ml") == before and rows(service) == count
    service.set_value(recorded, "blood_loss_ml", 321, reason="x" * LIMIT)  # at the limit it is taken
    assert service.load(recorded).get("blood_loss_ml") == 321


def test_striking_an_event_removing_a_lesion_and_a_withdrawal_refuse_it(service, recorded):
    proc = service.load(recorded)
    event = proc.live_events()[-1]
    count = rows(service)
    for act in (
        lambda: service.strike_event(event.id, LONG),
        lambda: service.remove_lesion(recorded, proc.lesions[-1].id, LONG),
        lambda: service.set_subject_status(recorded, SubjectStatus.WITHDRAWN, LONG),
        lambda: service.keeping_identifiers(LONG),
    ):
        with pytest.raises(ValidationError) as error:
            act()
        refused(error)
    after = service.load(recorded)
    assert not next(e for e in after.events if e.id == event.id).struck
    assert len(after.lesions) == len(proc.lesions) and after.subject_status == "enrolled"
    assert rows(service) == count


def test_the_audit_trail_takes_no_longer_reason_whichever_way_it_comes(store):
    """The one place every reason passes: a change written with such a reason is rolled back with it."""
    with pytest.raises(ValidationError), store.transaction() as db:
        db.conn.execute("INSERT INTO settings (key, value) VALUES ('probe', '1')")
        audit.append(
            db.conn,
            at_utc="2026-12-07T10:00:00+00:00",
            username="anna.coord",
            procedure_id=None,
            entity="setting",
            entity_id="probe",
            field="value",
            old=None,
            new="1",
            reason="y" * (LIMIT + 1),
        )
    assert store.conn.execute("SELECT COUNT(*) FROM settings WHERE key='probe'").fetchone()[0] == 0


def test_the_command_line_says_the_limit_without_a_traceback(service, recorded, db_path):
    event = service.load(recorded).live_events()[-1]
    service.store.close()
    result = subprocess.run(
        [sys.executable, "-m", "mimic_desktop.cli.main", "strike", "--db", str(db_path), "--user", "anna.coord",
         str(event.id), "--reason", LONG],
        capture_output=True, text=True, timeout=120, env={"MIMIC_PASSWORD": "correct horse", "PATH": "/usr/bin"},
    )  # fmt: skip
    assert result.returncode == 2, result.stderr
    assert f"at most {LIMIT:,} characters" in result.stderr and "Traceback" not in result.stderr
    conn = sqlite3.connect(db_path)
    try:
        assert conn.execute("SELECT struck FROM events WHERE id=?", (event.id,)).fetchone()[0] == 0
    finally:
        conn.close()
