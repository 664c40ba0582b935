from datetime import UTC, datetime, timedelta

import pytest

from mimic_desktop.domain import derive
from mimic_desktop.domain.errors import NotFound, PermissionDenied, ReasonRequired, ValidationError
from mimic_desktop.services.accounts import AccountService
from mimic_desktop.services.procedures import ProcedureService
from mimic_desktop.storage import audit
from tests.support.enrolment import ENROLMENT

NOW = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)


@pytest.fixture
def proc_id(service):
    return service.create("MIM-01-001", "01", ENROLMENT | {"icg_given_at": NOW - timedelta(hours=24)})


def test_create_refuses_a_taken_study_id(service, proc_id):
    with pytest.raises(ValidationError, match="already in use"):
        service.create("MIM-01-001", "01", ENROLMENT)


def test_an_ineligible_patient_is_not_enrolled_and_the_reason_is_named(service, store):
    with pytest.raises(ValidationError, match="Allergy to iodine"):
        service.create("MIM-01-002", "01", ENROLMENT | {"iodine_or_icg_allergy": True})
    assert store.read("SELECT COUNT(*) FROM procedures")[0][0] == 0


def test_events_attach_to_the_current_lesion(service, proc_id):
    service.record_event(proc_id, "incision", at=NOW)
    service.record_event(proc_id, "lesion_found", at=NOW + timedelta(minutes=5))
    first = service.load(proc_id).current_lesion_id
    service.record_event(proc_id, "occult_lesion", at=NOW + timedelta(minutes=6))
    second = service.load(proc_id).current_lesion_id
    assert first != second
    service.switch_lesion(proc_id, first)
    event_id = service.record_event(proc_id, "transection_start", at=NOW + timedelta(minutes=7))
    proc = service.load(proc_id)
    assert next(e for e in proc.events if e.id == event_id).lesion_id == first
    assert proc.lesion(second).get("source") == "occult"


def test_icg_cannot_be_given_after_incision(service, proc_id):
    service.record_event(proc_id, "incision", at=NOW)
    with pytest.raises(ValidationError, match="ICG cannot be given after the incision"):
        service.set_value(proc_id, "icg_given_at", NOW + timedelta(minutes=1))


def test_events_must_follow_the_incision_and_precede_closure(service, proc_id):
    service.record_event(proc_id, "incision", at=NOW)
    with pytest.raises(ValidationError, match="needs Incision before it"):
        service.record_event(proc_id, "ious", at=NOW - timedelta(minutes=1))
    service.record_event(proc_id, "closure", at=NOW + timedelta(hours=2))
    with pytest.raises(ValidationError, match="Surgery has ended"):
        service.record_event(proc_id, "ious", at=NOW + timedelta(hours=3))


def test_a_specimen_call_needs_a_lesion_and_a_transection(service, proc_id):
    service.record_event(proc_id, "incision", at=NOW)
    with pytest.raises(ValidationError, match="choose the lesion"):
        service.record_event(proc_id, "specimen_fluorescent", at=NOW)
    service.record_event(proc_id, "lesion_found", at=NOW)
    with pytest.raises(ValidationError, match="needs Transection start or Ablation of this lesion before it"):
        service.record_event(proc_id, "specimen_fluorescent", at=NOW)


def test_strike_keeps_the_event_with_its_reason(service, proc_id):
    event_id = service.record_event(proc_id, "incision", at=NOW)
    with pytest.raises(ReasonRequired):
        service.strike_event(event_id, "  ")
    service.strike_event(event_id, "pressed by mistake")
    proc = service.load(proc_id)
    struck = next(e for e in proc.events if e.id == event_id)
    assert struck.struck and struck.struck_reason == "pressed by mistake"
    assert proc.first_event("incision") is None
    trail = service.audit_trail(proc_id)
    assert any(r["field"] == "struck" and r["reason"] == "pressed by mistake" for r in trail)


def test_correcting_an_event_time(service, proc_id):
    event_id = service.record_event(proc_id, "incision", at=NOW)
    new_id = service.correct_event_time(event_id, NOW - timedelta(minutes=10), "clock was late")
    proc = service.load(proc_id)
    assert proc.first_event("incision").id == new_id
    assert derive.incision_time(proc) == NOW - timedelta(minutes=10)


def test_values_are_audited_with_old_and_new(service, proc_id):
    service.set_value(proc_id, "cea", 5.2)
    service.set_value(proc_id, "cea", 7)
    rows = [r for r in service.audit_trail(proc_id) if r["field"] == "cea"]
    assert [(r["old_value"], r["new_value"]) for r in rows] == [(None, "5.2"), ("5.2", "7.0")]
    assert all(r["username"] == "anna.coord" for r in rows)
    assert service.set_value(proc_id, "cea", 7) == 0  # no change, no audit row


def test_completion_lists_what_is_missing_then_locks(service, recorded):
    missing = service.missing(recorded)
    assert "Serum CEA" not in " ".join(missing)
    service.set_value(recorded, "cea", None)
    with pytest.raises(ValidationError, match="Serum CEA"):
        service.complete(recorded)
    service.set_value(recorded, "cea", 4.0)
    assert service.missing(recorded) == []
    service.complete(recorded)
    assert derive.status(service.load(recorded)) is derive.Status.COMPLETE
    with pytest.raises(ReasonRequired, match="locked"):
        service.set_value(recorded, "cea", 5.0)
    service.set_value(recorded, "cea", 5.0, reason="lab report corrected")
    assert service.load(recorded).get("cea") == 5.0


def test_pathology_inconsistency_blocks_completion(service, recorded):
    proc = service.load(recorded)
    lesion = proc.lesions[0]
    service.set_values(recorded, {"margin_mm": 0.4, "r1_type": None}, entity="lesion", entity_id=lesion.id)
    assert any("vascular or parenchymal" in m for m in service.missing(recorded))


def test_a_monitor_changes_nothing_and_the_attempt_is_logged(store, service, coordinator, proc_id):
    accounts = AccountService(store)
    monitor = accounts.create_user("mo.nitor", "Mo Nitor", "monitor", "monitor-pass", by=coordinator)
    as_monitor = ProcedureService(store, monitor)
    with pytest.raises(PermissionDenied, match="read-only"):
        as_monitor.set_value(proc_id, "cea", 3)
    with pytest.raises(PermissionDenied):
        as_monitor.record_event(proc_id, "incision", at=NOW)
    assert service.load(proc_id).get("cea") is None
    refusals = [r for r in service.audit_trail() if r["field"] == "refused"]
    assert len(refusals) == 2 and refusals[0]["username"] == "mo.nitor"
    assert audit.check(service.store.conn).ok


def test_unknown_things_are_named(service, proc_id):
    with pytest.raises(ValidationError, match="not a known intraoperative event"):
        service.record_event(proc_id, "teleport")
    with pytest.raises(ValidationError, match="not a field"):
        service.set_values(proc_id, {"patient_name": "x"})
    with pytest.raises(NotFound):
        service.find("MIM-09-999")
    with pytest.raises(ValidationError, match="belongs to a lesion"):
        service.set_values(proc_id, {"margin_mm": 2})
