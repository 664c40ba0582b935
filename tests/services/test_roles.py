"""Roles hold: every refused attempt changes nothing, says why, and is kept in the audit trail."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from mimic_desktop.domain.errors import PermissionDenied, ReasonRequired
from mimic_desktop.services.accounts import AccountService
from mimic_desktop.services.demo import DEMO_QUESTIONNAIRE
from mimic_desktop.services.procedures import ProcedureService
from mimic_desktop.services.signing import SigningService
from mimic_desktop.storage import audit
from tests.support.roles import ATTEMPTS, LOCKED_EDITS, attempt, exports_folder, refusals, snapshot
from tests.support.signers import sign_as


@pytest.fixture
def monitor(store, coordinator):
    return AccountService(store).create_user("mo.nitor", "Mo Nitor", "monitor", "monitor-pass", by=coordinator)


@pytest.fixture
def surgeon(store, coordinator):
    return AccountService(store).create_user("sam.surgeon", "Sam Snijder", "surgeon", "surgeon-pass", by=coordinator)


@pytest.mark.parametrize("name", ATTEMPTS)
def test_a_monitor_changes_nothing_and_every_attempt_is_logged(store, service, recorded, monitor, name):
    refusal, error = attempt(
        store, lambda: ATTEMPTS[name](ProcedureService(store, monitor), service, store, monitor, recorded)
    )
    assert isinstance(error, PermissionDenied)
    assert "monitor" in refusal.message, "the message names the role that is refused"
    assert refusal.unchanged, f"{name}: a refused attempt changed data"
    assert refusal.held(monitor), "refused with a message, logged once with that message"
    assert audit.check(service.store.conn).ok
    assert not any(exports_folder(store).iterdir()), "a refused export writes no file"


@pytest.mark.parametrize("role", ["coordinator", "monitor"])
def test_only_a_surgeon_signs(store, service, recorded, coordinator, monitor, role):
    user = coordinator if role == "coordinator" else monitor
    password = "correct horse" if role == "coordinator" else "monitor-pass"
    with pytest.raises(PermissionDenied, match="Only a surgeon can sign"):
        SigningService(store, user).sign_questionnaire(recorded, password)
    assert service.load(recorded).signatures == []
    last = refusals(store)[-1]
    assert (last["user"], last["action"], last["procedure"]) == (user.username, "sign", recorded)


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


@pytest.mark.parametrize("role", ["coordinator", "surgeon"])
def test_nobody_changes_a_signed_questionnaire_without_a_reason(store, service, recorded, surgeon, coordinator, role):
    service.set_values(recorded, DEMO_QUESTIONNAIRE)
    sign_as(store, surgeon, recorded, "surgeon-pass")
    user = surgeon if role == "surgeon" else coordinator
    before = snapshot(store)
    with pytest.raises(ReasonRequired, match="questionnaire is signed: give a reason"):
        ProcedureService(store, user).set_values(recorded, {"q_usefulness": 1})
    assert snapshot(store) == before
    assert (refusals(store)[-1]["action"], refusals(store)[-1]["user"]) == ("edit_signed", user.username)
    assert service.load(recorded).valid_signature() is not None


def test_a_locked_record_changes_with_a_reason_kept_in_the_trail(store, service, recorded):
    service.complete(recorded)
    service.set_values(recorded, {"cea": 42.0}, reason="lab value corrected after review")
    row = [r for r in service.audit_trail(recorded) if r["field"] == "cea"][-1]
    assert (json.loads(row["new_value"]), row["reason"]) == (42.0, "lab value corrected after review")
    service.record_event(recorded, "note", note="late remark", at=datetime.now(UTC), reason="added afterwards")
    assert service.load(recorded).events[-1].note == "late remark"
    assert audit.check(service.store.conn).ok
