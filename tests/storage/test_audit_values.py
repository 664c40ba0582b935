"""A change made outside the application to an event, a user or a signature is found by verify: the data are
compared with the latest values their audit rows recorded, not only with the rows' existence."""

from __future__ import annotations

import sqlite3

import pytest

from mimic_desktop.services.accounts import AccountService
from mimic_desktop.services.demo import DEMO_QUESTIONNAIRE
from mimic_desktop.services.signing import SignatureState, check_signature
from mimic_desktop.storage import audit
from mimic_desktop.storage.connection import open_store
from tests.support.signers import sign_as

SURGEON_PASSWORD = "steady hands 42"


@pytest.fixture
def trail(store, service, coordinator, recorded, db_path):
    """A completed, signed record with a struck event, a voided signature and a valid one; the audit trail agrees."""
    surgeon = AccountService(store).create_user(
        "sam.surgeon", "Sam Snijder", "surgeon", SURGEON_PASSWORD, by=coordinator
    )
    service.set_values(recorded, DEMO_QUESTIONNAIRE)
    sign_as(store, surgeon, recorded, SURGEON_PASSWORD)
    service.set_values(recorded, {"q_usefulness": 3}, reason="answer misread")
    sign_as(store, surgeon, recorded, SURGEON_PASSWORD)
    note = next(e for e in service.load(recorded).events if e.kind == "note")
    service.strike_event(note.id, "noted twice")
    service.complete(recorded)
    assert audit.check(service.store.conn).ok
    assert check_signature(store, service.load(recorded)).state is SignatureState.VALID
    store.close()
    return db_path


def tampered(db_path, sql: str, params: tuple = ()) -> sqlite3.Connection:
    """A connection to the database after one row was changed behind the application's back."""
    conn = sqlite3.connect(db_path, isolation_level=None)
    assert conn.execute(sql, params).rowcount == 1
    return conn


EVENT = "(SELECT id FROM events WHERE kind = ?)"
VALID = "(SELECT MAX(id) FROM signatures)"
VOIDED = "(SELECT MIN(id) FROM signatures)"
MOMENT = "2026-01-01T08:00:00.000000+00:00"
# What was changed: (SQL, its parameters).
CASES = {
    "an event's time": (f"UPDATE events SET at_utc = ? WHERE id = {EVENT}", (MOMENT, "incision")),
    "the time of an event on a lesion": (
        f"UPDATE events SET at_utc = ? WHERE id = {EVENT}",
        (MOMENT, "specimen_clear"),
    ),
    "an event's kind": (f"UPDATE events SET kind = 'closure' WHERE id = {EVENT}", ("incision",)),
    "an event's lesion": (
        f"UPDATE events SET lesion_id = (SELECT id FROM lesions WHERE number = 2) WHERE id = {EVENT}",
        ("lesion_found",),
    ),
    "an event's note": (f"UPDATE events SET note = 'rewritten' WHERE id = {EVENT}", ("note",)),
    "a struck event made live again": (f"UPDATE events SET struck = 0 WHERE id = {EVENT}", ("note",)),
    "the reason an event was struck": (f"UPDATE events SET struck_reason = 'other' WHERE id = {EVENT}", ("note",)),
    "who recorded an event": (f"UPDATE events SET username = 'sam.surgeon' WHERE id = {EVENT}", ("closure",)),
    "an event deleted": (f"DELETE FROM events WHERE id = {EVENT}", ("closure",)),
    "a user's role": ("UPDATE users SET role = 'coordinator' WHERE username = 'sam.surgeon'", ()),
    "a user's name": ("UPDATE users SET full_name = 'Someone Else' WHERE username = 'sam.surgeon'", ()),
    "a signer": (f"UPDATE signatures SET username = 'anna.coord' WHERE id = {VALID}", ()),
    "a signer's printed name": (f"UPDATE signatures SET printed_name = 'Dr. Someone Else' WHERE id = {VALID}", ()),
    "the moment of signing": (f"UPDATE signatures SET signed_utc = ? WHERE id = {VALID}", (MOMENT,)),
    "the meaning of a signature": (f"UPDATE signatures SET meaning = 'I only read it.' WHERE id = {VALID}", ()),
    "a signature voided outside the application": (
        f"UPDATE signatures SET voided_utc = ?, void_reason = 'x' WHERE id = {VALID}",
        (MOMENT,),
    ),
    "a voided signature made valid again": (
        f"UPDATE signatures SET voided_utc = NULL, void_reason = NULL WHERE id = {VOIDED}",
        (),
    ),
    "the reason a signature was voided": (f"UPDATE signatures SET void_reason = 'other' WHERE id = {VOIDED}", ()),
    "a signature deleted": (f"DELETE FROM signatures WHERE id = {VALID}", ()),
    "a procedure's study ID": ("UPDATE procedures SET study_id = 'MIM-01-099'", ()),
    "a lesion removed from the record": (
        "UPDATE lesions SET removed_utc = ?, removed_reason = 'x' WHERE number = 2",
        (MOMENT,),
    ),
    "a field value deleted": ("DELETE FROM field_values WHERE field = 'cea'", ()),
    "the export mark": ("UPDATE procedures SET exported_utc = ?", (MOMENT,)),
}


@pytest.mark.parametrize("case", list(CASES))
def test_a_change_outside_the_application_is_found(trail, case):
    conn = tampered(trail, *CASES[case])
    problems = audit.cross_check(conn)
    conn.close()
    assert problems, f"{case} went unnoticed"


@pytest.mark.parametrize(
    "column, value",
    [
        ("username", "anna.coord"),
        ("printed_name", "Dr. Someone Else"),
        ("signed_utc", MOMENT),
        ("meaning", "I only read it."),
    ],
)
def test_a_signature_whose_signer_moment_or_meaning_changed_is_broken(trail, column, value):
    tampered(trail, f"UPDATE signatures SET {column} = ? WHERE id = {VALID}", (value,)).close()
    store = open_store(trail)
    proc_id = store.conn.execute("SELECT id FROM procedures").fetchone()[0]
    from mimic_desktop.storage.repository import load_procedure

    assert check_signature(store, load_procedure(store.conn, proc_id)).state is SignatureState.TAMPERED
    store.close()


def test_a_signature_from_before_printed_names_were_audited_is_checked_against_the_signers_name(
    store, service, coordinator, recorded
):
    """Older trails recorded form, meaning and hash at signing: the printed name was then the signer's own name."""
    now = "2026-11-20T10:00:00.000000+00:00"
    with store.transaction() as db:
        cursor = db.conn.execute(
            "INSERT INTO signatures (procedure_id, form, username, printed_name, meaning, signed_utc, content_hash)"
            " VALUES (?, 'questionnaire', ?, ?, 'I am the author.', ?, ?)",
            (recorded, coordinator.username, coordinator.full_name, now, "0" * 64),
        )
        new = {"form": "questionnaire", "meaning": "I am the author.", "content_hash": "0" * 64}
        audit.append(
            db.conn,
            at_utc=now,
            username=coordinator.username,
            procedure_id=recorded,
            entity="signature",
            entity_id=str(cursor.lastrowid),
            field="signed",
            old=None,
            new=new,
        )
    assert audit.cross_check(store.conn) == []
    store.conn.execute("UPDATE signatures SET printed_name = 'Dr. Someone Else'")
    assert [str(p) for p in audit.cross_check(store.conn)] == [
        f"signature {cursor.lastrowid}: its printed_name is not what the audit trail recorded "
        "(changed outside the application)"
    ]
