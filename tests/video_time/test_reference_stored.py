"""The video time reference is stored with its audit rows in the record's one transaction: before and after in the
trail, a reason on a complete record, refused to a monitor, covered by verify's seals; an older database upgrades
to hold it."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from mimic_desktop.domain import forms, video_time
from mimic_desktop.domain.errors import PermissionDenied, ReasonRequired, ValidationError
from mimic_desktop.services.accounts import AccountService
from mimic_desktop.services.procedures import ProcedureService
from mimic_desktop.services.verification import INTACT, verify
from mimic_desktop.storage import audit
from mimic_desktop.storage.connection import open_store
from mimic_desktop.storage.migrations import migrations
from tests.support.enrolment import ENROLMENT

NOW = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
V1 = Path(__file__).parents[1] / "data" / "schema_v1.sqlite"
MIGRATION = "m013_video_reference"


def _incision() -> str:
    return forms.marking("surgery_start").kind


@pytest.fixture
def proc_id(service):
    made = service.create("MIM-01-001", "01", ENROLMENT | {"icg_given_at": NOW - timedelta(hours=24)})
    service.record_event(made, _incision(), at=NOW)
    return made


def _trail(store, proc_id):
    rows = store.read(
        "SELECT field, old_value, new_value, reason FROM audit WHERE procedure_id=? AND field LIKE 'video_%'"
        " ORDER BY seq",
        (proc_id,),
    )
    return [tuple(row) for row in rows]


def test_the_reference_at_incision_is_stored_and_audited_with_before_and_after(service, store, proc_id):
    incision = service.load(proc_id).first_event(_incision())
    service.set_video_reference(proc_id, "0:12:30")
    proc = service.load(proc_id)
    assert proc.video_reference is not None
    assert (proc.video_reference.event_id, proc.video_reference.shown) == (incision.id, "0:12:30")
    later = service.record_event(proc_id, forms.routine("inspection")[0].kind, at=NOW + timedelta(minutes=3))
    assert video_time.positions(service.load(proc_id))[later] == (12 * 60 + 30 + 180) * 1000
    service.set_video_reference(proc_id, "0:12:31.5", event_id=incision.id)
    trail = _trail(store, proc_id)
    assert [row[0] for row in trail] == ["video_event_id", "video_shown", "video_shown"]
    assert "0:12:30" in trail[-1][1] and "0:12:31.500" in trail[-1][2], "before and after"
    assert audit.check(store.conn).ok


def test_a_reading_taken_now_is_kept_as_the_time_at_incision(service, proc_id):
    service.set_video_reference(proc_id, "0:40:00", read_at=NOW + timedelta(minutes=30))
    assert service.load(proc_id).video_reference.shown == "0:10:00"


def test_a_recording_started_after_the_incision_names_the_first_event_it_holds(service, proc_id):
    inspected = service.record_event(proc_id, forms.routine("inspection")[0].kind, at=NOW + timedelta(minutes=20))
    service.set_video_reference(proc_id, "0:15:00", read_at=NOW + timedelta(minutes=30))
    reference = service.load(proc_id).video_reference
    assert (reference.event_id, reference.shown) == (inspected, "0:05:00")
    positions = video_time.positions(service.load(proc_id))
    incision = service.load(proc_id).first_event(_incision())
    assert video_time.shown(positions[incision.id]) == "-0:15:00", "before the recording: shown, with its sign"


def test_a_recording_that_holds_no_event_is_refused_in_words(service, proc_id):
    with pytest.raises(ValidationError, match="started after event"):
        service.set_video_reference(proc_id, "0:05:00", read_at=NOW + timedelta(minutes=30))
    assert service.load(proc_id).video_reference is None


@pytest.mark.parametrize("shown", ["-0:00:01", "abc", "1:99:00", str(2**63), "0:00:00\x00", "=1+1"])
def test_hostile_readings_change_nothing(service, store, proc_id, shown):
    with pytest.raises(ValidationError, match="not a time the video recording shows"):
        service.set_video_reference(proc_id, shown)
    assert service.load(proc_id).video_reference is None
    assert _trail(store, proc_id) == []


def test_a_struck_or_unknown_event_is_refused(service, proc_id):
    other = service.record_event(proc_id, forms.routine("inspection")[0].kind, at=NOW + timedelta(minutes=2))
    service.strike_event(other, "logged by mistake")
    with pytest.raises(ValidationError, match="struck through"):
        service.set_video_reference(proc_id, "0:01:00", event_id=other)
    with pytest.raises(ValidationError, match="has no event 999"):
        service.set_video_reference(proc_id, "0:01:00", event_id=999)


def test_no_incision_yet_is_said(service):
    made = service.create("MIM-01-002", "01", ENROLMENT | {"icg_given_at": NOW - timedelta(hours=24)})
    with pytest.raises(ValidationError, match="no incision recorded yet"):
        service.set_video_reference(made, "0:01:00")


def test_a_monitor_may_not_set_it_and_the_refusal_is_logged(store, coordinator, service, proc_id):
    monitor = AccountService(store).create_user("mo.nitor", "Mo Nitor", "monitor", "monitor-pass", by=coordinator)
    with pytest.raises(PermissionDenied, match="read-only"):
        ProcedureService(store, monitor).set_video_reference(proc_id, "0:01:00")
    assert service.load(proc_id).video_reference is None


def test_a_complete_record_asks_for_a_reason(store, service, recorded):
    service.complete(recorded)
    with pytest.raises(ReasonRequired):
        service.set_video_reference(recorded, "0:01:00")
    service.set_video_reference(recorded, "0:01:00", reason="read off the recording afterwards")
    assert _trail(store, recorded)[-1][3] == "read off the recording afterwards"
    assert service.load(recorded).video_reference.shown == "0:01:00"


def test_verify_finds_a_reference_changed_behind_the_apps_back(db_path, store, service, proc_id):
    service.set_video_reference(proc_id, "0:12:30")
    store.close()
    assert verify(db_path).code == INTACT
    with sqlite3.connect(db_path) as conn:
        conn.execute("UPDATE procedures SET video_shown='0:00:01'")
    conn.close()
    verdict = verify(db_path)
    assert verdict.code != INTACT
    assert "video_shown" in "\n".join(verdict.lines())


def test_an_older_database_upgrades_without_a_reference_and_takes_one(tmp_path):
    from sqlite_utils import Database

    path = tmp_path / "older.sqlite"
    shutil.copy(V1, path)
    migrations.apply(Database(path), stop_before=MIGRATION)
    assert MIGRATION not in migrations.applied_names(Database(path).conn)
    store = open_store(path)
    assert MIGRATION in migrations.applied_names(store.conn)
    accounts = AccountService(store)
    old = accounts.users()[0]
    coordinator = accounts.create_user("new.coord", "New Coordinator", "coordinator", "long enough", by=old)
    service = ProcedureService(store, coordinator)
    proc = service.find("MIM-02-001")
    assert proc.video_reference is None
    assert video_time.positions(proc) == {}
    first = proc.live_events()[0]
    service.set_video_reference(proc.id, "0:00:10", event_id=first.id, reason="read off the recording")
    assert service.find("MIM-02-001").video_reference.event_id == first.id
    store.close()
    verdict = verify(path)
    assert verdict.code == INTACT, verdict.lines()


def test_the_history_names_the_change_in_words_with_before_and_after(store, service, proc_id):
    from mimic_desktop.services import audit_history

    service.set_video_reference(proc_id, "0:12:30")
    service.set_video_reference(proc_id, "0:12:45")
    lines = audit_history.history(store, service.load(proc_id), "nl")
    shown = [line for line in lines if line.what == "Tijd die de video-opname bij die gebeurtenis toonde"]
    assert [(line.old, line.new) for line in shown][-1] == ("0:12:30", "0:12:45")
    (named,) = [line for line in lines if line.what == "Gebeurtenis waaraan de videotijd is gekoppeld"]
    assert "Incisie" in named.new or "incisie" in named.new.lower()


def test_an_event_of_another_record_is_refused(service, proc_id):
    other = service.create("MIM-01-003", "01", ENROLMENT | {"icg_given_at": NOW - timedelta(hours=24)})
    foreign = service.record_event(other, _incision(), at=NOW)
    with pytest.raises(ValidationError, match=f"has no event {foreign}"):
        service.set_video_reference(proc_id, "0:01:00", event_id=foreign)
    assert service.load(proc_id).video_reference is None
