"""Rules are checked on the record as it stands inside the write transaction, not on an earlier read.

Two connections to one database file (two windows, or the app and the command line) are made to
interleave at the worst moment: right after the first has read the record.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from mimic_desktop.domain.errors import MimicError
from mimic_desktop.services.accounts import AccountService
from mimic_desktop.services.demo import DEMO_QUESTIONNAIRE
from mimic_desktop.services.procedures import ProcedureService
from mimic_desktop.services.signing import SignatureState, SigningService, check_signature
from mimic_desktop.storage import repository
from mimic_desktop.storage.connection import open_store
from tests.support.enrolment import ENROLMENT
from tests.support.signers import make_surgeon_of_record

NOW = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)


@pytest.fixture
def other_store(db_path, store):
    """A second connection that gives up at once when the file is being written."""
    second = open_store(db_path)
    second.conn.execute("PRAGMA busy_timeout=0")
    yield second
    second.close()


def after_first_read(monkeypatch, conn, meanwhile) -> list:
    """Run meanwhile() once, right after a record is read on conn; returns what it raised, if anything."""
    outcome: list = []
    load = repository.load_procedure

    def load_then_meanwhile(reading_conn, proc_id, **kwargs):
        proc = load(reading_conn, proc_id, **kwargs)
        if reading_conn is conn and not outcome:
            try:
                outcome.append(meanwhile())
            except MimicError as error:
                outcome.append(error)
        return proc

    monkeypatch.setattr(repository, "load_procedure", load_then_meanwhile)
    return outcome


def test_two_connections_never_both_record_the_incision(monkeypatch, store, service, coordinator, other_store):
    proc_id = service.create("MIM-01-001", "01", ENROLMENT | {"icg_given_at": NOW - timedelta(hours=24)})
    other = ProcedureService(other_store, coordinator)
    outcome = after_first_read(monkeypatch, store.conn, lambda: other.record_event(proc_id, "incision", at=NOW))
    service.record_event(proc_id, "incision", at=NOW + timedelta(minutes=1))
    assert outcome, "the other connection tried while the record was being changed"
    incisions = [e for e in service.load(proc_id).events if e.kind == "incision" and not e.struck]
    assert len(incisions) == 1


def test_the_signature_covers_the_answers_as_they_are_when_it_is_written(
    monkeypatch, store, service, coordinator, other_store, recorded
):
    surgeon = AccountService(store).create_user(
        "sam.surgeon", "Sam Snijder", "surgeon", "steady hands 42", by=coordinator
    )
    service.set_values(recorded, DEMO_QUESTIONNAIRE)
    make_surgeon_of_record(store, recorded, surgeon)
    signing = SigningService(store, surgeon)
    signing.confirm_answers(recorded)
    other = ProcedureService(other_store, coordinator)
    outcome = after_first_read(monkeypatch, store.conn, lambda: other.set_values(recorded, {"q_image_quality": 1}))
    signing.sign_questionnaire(recorded, "steady hands 42")
    assert outcome, "the other connection tried while the questionnaire was being signed"
    assert check_signature(signing.store, service.load(recorded)).state is SignatureState.VALID
