"""Roles hold: every refused attempt changes nothing, says why, and is kept in the audit trail."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest

from mimic_desktop.domain.errors import PermissionDenied, ReasonRequired
from mimic_desktop.services import settings
from mimic_desktop.services.accounts import AccountService
from mimic_desktop.services.procedures import ProcedureService
from mimic_desktop.services.signing import SigningService

DATA_TABLES = ("users", "procedures", "field_values", "lesions", "complications", "events", "signatures", "settings")
LATER = datetime(2031, 1, 1, tzinfo=UTC)


def snapshot(store) -> dict[str, list]:
    return {table: store.read(f"SELECT * FROM {table} ORDER BY rowid") for table in DATA_TABLES}


def refusals(store) -> list[dict]:
    rows = store.read("SELECT username, procedure_id, new_value FROM audit WHERE entity = 'access' ORDER BY seq")
    return [{"user": r[0], "procedure": r[1], **json.loads(r[2])} for r in rows]


@pytest.fixture
def monitor(store, coordinator):
    return AccountService(store).create_user("mo.nitor", "Mo Nitor", "monitor", "monitor-pass", by=coordinator)


@pytest.fixture
def surgeon(store, coordinator):
    return AccountService(store).create_user("sam.surgeon", "Sam Snijder", "surgeon", "surgeon-pass", by=coordinator)


def _first_event(service, proc_id):
    return service.load(proc_id).events[0].id


def _first_lesion(service, proc_id):
    return service.load(proc_id).lesions[0].id


# Every way of changing data, as (name, call); `svc` acts as the user under test, `ref` reads as the owner.
ATTEMPTS = {
    "create a procedure": lambda svc, ref, store, user, pid: svc.create("MIM-01-900", "01", {}),
    "set a value": lambda svc, ref, store, user, pid: svc.set_values(pid, {"cea": 12.5}),
    "add a lesion": lambda svc, ref, store, user, pid: svc.add_lesion(pid, {"size_mm": 9}),
    "edit a lesion": lambda svc, ref, store, user, pid: svc.set_values(
        pid, {"margin_mm": 3}, entity="lesion", entity_id=_first_lesion(ref, pid)
    ),
    "add a complication": lambda svc, ref, store, user, pid: svc.add_complication(
        pid, {"description": "ileus", "clavien_dindo": "II", "onset_date": "2031-01-02"}
    ),
    "record an event": lambda svc, ref, store, user, pid: svc.record_event(pid, "note", note="x", at=LATER),
    "strike an event": lambda svc, ref, store, user, pid: svc.strike_event(_first_event(ref, pid), "wrong"),
    "correct an event time": lambda svc, ref, store, user, pid: svc.correct_event_time(
        _first_event(ref, pid), LATER, "wrong time"
    ),
    "switch lesion": lambda svc, ref, store, user, pid: svc.switch_lesion(pid, _first_lesion(ref, pid)),
    "complete": lambda svc, ref, store, user, pid: svc.complete(pid),
    "mark exported": lambda svc, ref, store, user, pid: svc.mark_exported(pid, 1, ref.load(pid).modified_at),
    "sign the questionnaire": lambda svc, ref, store, user, pid: SigningService(store, user).sign_questionnaire(
        pid, "monitor-pass"
    ),
    "add an account": lambda svc, ref, store, user, pid: AccountService(store).create_user(
        "new.person", "New Person", "surgeon", "a long password", by=user
    ),
    "set the centre": lambda svc, ref, store, user, pid: settings.set_centre(store, user, "07"),
    "set the ICG window": lambda svc, ref, store, user, pid: settings.set_icg_window(store, user, 20, 28),
}


@pytest.mark.parametrize("attempt", ATTEMPTS)
def test_a_monitor_changes_nothing_and_every_attempt_is_logged(store, service, recorded, monitor, attempt):
    before = snapshot(store)
    logged = len(refusals(store))
    with pytest.raises(PermissionDenied) as refused:
        ATTEMPTS[attempt](ProcedureService(store, monitor), service, store, monitor, recorded)
    assert "monitor" in str(refused.value), "the message names the role that is refused"
    assert snapshot(store) == before, f"{attempt}: a refused attempt changed data"
    new = refusals(store)[logged:]
    assert len(new) == 1 and new[0]["user"] == "mo.nitor" and new[0]["message"] == str(refused.value)
    assert service.verify_audit().ok


@pytest.mark.parametrize("role", ["coordinator", "monitor"])
def test_only_a_surgeon_signs(store, service, recorded, coordinator, monitor, role):
    user = coordinator if role == "coordinator" else monitor
    password = "correct horse" if role == "coordinator" else "monitor-pass"
    with pytest.raises(PermissionDenied, match="Only a surgeon can sign"):
        SigningService(store, user).sign_questionnaire(recorded, password)
    assert service.load(recorded).signatures == []
    last = refusals(store)[-1]
    assert (last["user"], last["action"], last["procedure"]) == (user.username, "sign", recorded)


# Striking an event always carries its own reason, so it is not among the edits refused here.
LOCKED_EDITS = {
    name: ATTEMPTS[name]
    for name in ("set a value", "add a lesion", "edit a lesion", "add a complication", "record an event")
}


@pytest.mark.parametrize("role", ["coordinator", "surgeon"])
@pytest.mark.parametrize("edit", LOCKED_EDITS)
def test_nobody_edits_a_locked_record_without_a_reason(store, service, recorded, surgeon, coordinator, role, edit):
    service.complete(recorded)
    user = surgeon if role == "surgeon" else coordinator
    as_user = ProcedureService(store, user)
    before = snapshot(store)
    with pytest.raises(ReasonRequired, match="locked: give a reason"):
        LOCKED_EDITS[edit](as_user, service, store, user, recorded)
    assert snapshot(store) == before
    assert refusals(store)[-1]["action"] == "edit_locked" and refusals(store)[-1]["user"] == user.username


def test_a_locked_record_changes_with_a_reason_kept_in_the_trail(store, service, recorded):
    service.complete(recorded)
    service.set_values(recorded, {"cea": 42.0}, reason="lab value corrected after review")
    row = [r for r in service.audit_trail(recorded) if r["field"] == "cea"][-1]
    assert (json.loads(row["new_value"]), row["reason"]) == (42.0, "lab value corrected after review")
    service.record_event(recorded, "note", note="late remark", at=LATER - timedelta(days=1), reason="added afterwards")
    assert service.load(recorded).events[-1].note == "late remark"
    assert service.verify_audit().ok
