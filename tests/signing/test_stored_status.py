"""The status column the procedure list shows always equals the status derived from the whole record."""

from __future__ import annotations

from datetime import timedelta

from mimic_desktop.domain import derive
from tests.support.signers import sign_as

from .conftest import SURGEON_PASSWORD


def stored_and_derived(store, service, proc_id) -> tuple[str, str]:
    stored = store.read("SELECT status FROM procedures WHERE id=?", (proc_id,))[0][0]
    return stored, derive.status(service.load(proc_id)).value


def test_the_stored_status_follows_every_step_of_the_record(store, service, surgeon, answered):
    proc = service.load(answered)
    closure = proc.first_event("closure")
    seen = [stored_and_derived(store, service, answered)]
    service.strike_event(closure.id, "closed later")
    seen.append(stored_and_derived(store, service, answered))
    service.record_event(answered, "note", at=closure.moment + timedelta(minutes=1), note="Bleeding stopped")
    seen.append(stored_and_derived(store, service, answered))
    service.record_event(answered, "closure", at=closure.moment + timedelta(minutes=5))
    seen.append(stored_and_derived(store, service, answered))
    service.complete(answered)
    seen.append(stored_and_derived(store, service, answered))
    sign_as(store, surgeon, answered, SURGEON_PASSWORD)
    seen.append(stored_and_derived(store, service, answered))
    service.mark_exported(answered, 1, service.load(answered).modified_at)
    seen.append(stored_and_derived(store, service, answered))
    service.set_values(answered, {"q_comments": "Clear rim."}, reason="typing error")
    seen.append(stored_and_derived(store, service, answered))

    assert [stored for stored, _ in seen] == [derived for _, derived in seen]
    assert [stored for stored, _ in seen] == [
        "awaiting_pathology",
        "in_progress",
        "in_progress",
        "awaiting_pathology",
        "complete",
        "signed",
        "exported",
        "complete",  # the change voided the signature
    ]
