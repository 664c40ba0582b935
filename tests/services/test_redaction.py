"""A coordinator redacts a text typed by mistake: it reads "[redacted]" in the record and its whole audit trail, its
bytes are gone from the database file, the redaction is an audit row of its own, and verify still passes while a
direct edit is still found."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta

import pytest

from mimic_desktop.domain.errors import NotFound, PermissionDenied, ReasonRequired
from mimic_desktop.domain.roles import Role
from mimic_desktop.services import audit_history, verification
from mimic_desktop.services.accounts import AccountService
from mimic_desktop.services.procedures import ProcedureService
from mimic_desktop.storage import audit
from tests.support.enrolment import ENROLMENT

IDENTIFYING = "Mr. Jan Jansen (born 12-03-1961, hospital no. 1234567)"
NOW = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
WORDS = (b"Jansen", b"1234567")


@pytest.fixture
def typed(service):
    """The text in a complication's description (then corrected: it stays as an earlier value), in a note and in the
    reason an event was struck."""
    keeping = service.keeping_identifiers("typed on purpose, to test the redaction")
    proc_id = service.create("MIM-01-001", "01", ENROLMENT | {"icg_given_at": NOW - timedelta(hours=24)})
    service.record_event(proc_id, "incision", at=NOW)
    keeping.record_event(proc_id, "note", note=IDENTIFYING, at=NOW + timedelta(minutes=1))
    wrong = service.record_event(proc_id, "lesion_found", at=NOW + timedelta(minutes=2))
    keeping.strike_event(wrong, IDENTIFYING)
    complication = keeping.add_complication(proc_id, {"description": IDENTIFYING, "clavien_dindo": "I"})
    service.set_values(proc_id, {"description": "Bile leak"}, entity="complication", entity_id=complication)
    return proc_id


def file_bytes(store) -> bytes:
    path = store.path
    data = path.read_bytes()
    for suffix in ("-wal", "-journal"):
        other = path.with_name(path.name + suffix)
        if other.exists():
            data += other.read_bytes()
    return data


def test_a_redacted_text_is_gone_from_the_record_the_trail_and_the_file(service, store, typed):
    assert all(word in file_bytes(store) for word in WORDS)
    changed = service.redact(typed, IDENTIFYING, "a patient's name and numbers, typed by mistake")
    assert changed >= 4  # the note, the strike reason twice (event and trail), the description's old and new values
    proc = service.load(typed)
    assert [e.note for e in proc.events if e.kind == "note"] == ["[redacted]"]
    assert [e.struck_reason for e in proc.events if e.struck] == ["[redacted]"]
    assert proc.complications[0].get("description") == "Bile leak"
    lines = audit_history.history(store, proc)
    shown = "\n".join(f"{line.old} {line.new} {line.reason}" for line in lines)
    assert "Jansen" not in shown and "[redacted]" in shown
    redacted = [line for line in lines if line.kind == "redaction"]
    assert [(line.username, line.reason) for line in redacted] == [
        (service.user.username, "a patient's name and numbers, typed by mistake")
    ]
    data = file_bytes(store)
    assert not [word for word in WORDS if word in data]
    assert audit.check(store.conn).ok
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert verification.verify(store.path).code == verification.INTACT


def test_after_a_redaction_a_direct_edit_is_still_found(service, store, typed):
    service.redact(typed, IDENTIFYING, "typed by mistake")
    conn = sqlite3.connect(store.path, isolation_level=None)
    conn.execute("DROP TRIGGER audit_no_update")
    seq = conn.execute("SELECT seq FROM audit WHERE reason = '[redacted]' LIMIT 1").fetchone()[0]
    conn.execute("UPDATE audit SET reason = 'something else' WHERE seq = ?", (seq,))
    assert any(f"entry {seq}: its reason is not what its redaction left" in str(p) for p in audit.verify(conn).problems)
    conn.execute("UPDATE audit SET reason = '[redacted]' WHERE seq = ?", (seq,))
    assert audit.verify(conn).ok
    # A text of another row passed off as redacted: its key deleted, no redaction names it.
    other = conn.execute("SELECT seq FROM audit WHERE entity = 'event' AND field = 'kind' LIMIT 1").fetchone()[0]
    conn.execute(
        "UPDATE audit SET new_value = '\"[redacted]\"', value_keys = json_remove(value_keys, '$.new_value')"
        " WHERE seq = ?",
        (other,),
    )
    assert any(f"entry {other}: its new_value lost its key" in str(p) for p in audit.verify(conn).problems)
    conn.close()


def test_redaction_needs_a_coordinator_a_reason_and_a_text_the_record_holds(service, store, typed, coordinator):
    with pytest.raises(ReasonRequired):
        service.redact(typed, IDENTIFYING, " ")
    with pytest.raises(NotFound, match="holds no free text"):
        service.redact(typed, "Bile", "a part of a text is not redacted")
    with pytest.raises(NotFound):
        service.redact(typed, "crlm", "a coded answer is never redacted")
    surgeon = AccountService(store).create_user(
        "sam", "Sam Snijder", Role.SURGEON.value, "steady hands 42", by=coordinator
    )
    with pytest.raises(PermissionDenied):
        ProcedureService(store, surgeon).redact(typed, IDENTIFYING, "not mine to redact")
    assert "Jansen" in (service.load(typed).events[1].note or "")


def test_redacting_a_signed_comment_voids_the_signature_with_the_redaction_s_reason(tmp_path):
    from mimic_desktop.services.demo import DEMO_QUESTIONNAIRE
    from mimic_desktop.services.signing import SignatureState, check_signature
    from tests.support.session_files import SURGEON_PASSWORD, make_laptop
    from tests.support.signers import sign_as

    laptop = make_laptop(tmp_path / "laptop")
    store = laptop.service.store
    proc_id = laptop.record(41)
    keeping = laptop.service.keeping_identifiers("the surgeon's own words")
    keeping.set_values(
        proc_id, DEMO_QUESTIONNAIRE | {"q_comments": IDENTIFYING}, reason="questionnaire after completion"
    )
    surgeon = AccountService(store).sign_in("sam.surgeon", SURGEON_PASSWORD)
    sign_as(store, surgeon, proc_id, SURGEON_PASSWORD)
    assert check_signature(store, laptop.service.load(proc_id)).ok
    laptop.service.redact(proc_id, IDENTIFYING, "the patient's name in a comment")
    check = check_signature(store, laptop.service.load(proc_id))
    assert check.state is SignatureState.VOIDED
    assert check.voided is not None and check.voided.void_reason == "the patient's name in a comment"
    assert audit.check(store.conn).ok
    store.close()


def test_a_copy_made_before_the_redaction_is_still_an_earlier_state_of_the_same_trail(service, store, typed, tmp_path):
    copy = tmp_path / "before-redaction.sqlite"
    with sqlite3.connect(copy) as target:
        store.conn.backup(target)
    service.redact(typed, IDENTIFYING, "typed by mistake")
    verdict = verification.verify(store.path, [copy])
    assert verdict.code == verification.INTACT, verdict
