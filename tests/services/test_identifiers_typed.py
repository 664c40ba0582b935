"""Free text that looks like it holds an identifier is caught where it is saved: nothing is stored until the text
is rewritten, or kept with a reason that the audit trail records beside it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from mimic_desktop.domain import forms
from mimic_desktop.domain.errors import LooksLikeIdentifier
from mimic_desktop.domain.wording import said
from mimic_desktop.services import audit_history
from mimic_desktop.storage import audit
from tests.support.enrolment import ENROLMENT

IDENTIFYING = "Mr. Jan Jansen (born 12-03-1961, hospital no. 1234567)"
NOW = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)


@pytest.fixture
def operating(service):
    proc_id = service.create("MIM-01-001", "01", ENROLMENT | {"icg_given_at": NOW - timedelta(hours=24)})
    service.record_event(proc_id, "incision", at=NOW)
    return proc_id


def audit_count(store) -> int:
    return store.conn.execute("SELECT COUNT(*) FROM audit").fetchone()[0]


def test_a_note_with_an_identifier_is_refused_in_both_languages_and_nothing_is_saved(service, store, operating):
    before = audit_count(store)
    with pytest.raises(LooksLikeIdentifier) as caught:
        service.record_event(operating, "note", note=IDENTIFYING, at=NOW + timedelta(minutes=1))
    assert said(caught.value, "en").startswith("Note: this looks like it holds an identifier (date, long digit run")
    assert "title and name" in said(caught.value, "en")
    assert said(caught.value, "nl").startswith("Notitie: dit lijkt een identificerend gegeven te bevatten (datum")
    assert caught.value.field == "note"
    assert audit_count(store) == before
    assert [e.kind for e in service.load(operating).events] == ["incision"]


def test_a_rewritten_note_is_saved_without_a_reason(service, operating):
    service.record_event(operating, "note", note="Patient moved on the table", at=NOW + timedelta(minutes=1))
    assert service.load(operating).events[-1].note == "Patient moved on the table"


def test_a_description_a_comment_and_a_strike_reason_are_caught(service, operating):
    with pytest.raises(LooksLikeIdentifier) as caught:
        service.add_complication(operating, {"description": IDENTIFYING, "clavien_dindo": "I"}, lang="nl")
    assert str(caught.value).startswith(forms.field_def("description").text("nl") + ": dit lijkt")
    with pytest.raises(LooksLikeIdentifier) as caught:
        service.set_values(operating, {"q_comments": "call back on +31 6 1234 5678"})
    assert caught.value.field == "q_comments"
    event_id = service.load(operating).events[0].id
    with pytest.raises(LooksLikeIdentifier) as caught:
        service.strike_event(event_id, "wrong patient, mrs. De Vries")
    assert caught.value.field == "reason"
    assert not service.load(operating).events[0].struck
    assert not service.load(operating).complications


def test_kept_with_a_reason_the_text_is_saved_and_the_reason_recorded(service, store, operating):
    keeping = service.keeping_identifiers("the surgeon's own words, checked with the monitor")
    keeping.add_complication(operating, {"description": IDENTIFYING, "clavien_dindo": "I"})
    proc = service.load(operating)
    assert proc.complications[0].get("description") == IDENTIFYING
    row = store.conn.execute("SELECT * FROM audit WHERE entity = 'identifier'").fetchone()
    assert audit.decode(row["new_value"]) == {
        "in": "description",
        "kinds": ["date", "long digit run", "title and name"],
    }
    assert row["reason"] == "the surgeon's own words, checked with the monitor"
    assert row["username"] == service.user.username
    lines = [line for line in audit_history.history(store, proc, "nl") if line.kind == "identifier"]
    label = forms.field_def("description").text("nl")
    assert [line.what for line in lines] == [
        f"{label}: bewaard zoals getypt, hoewel het op een identificerend gegeven lijkt"
    ]
    assert audit.check(store.conn).ok


def test_keeping_needs_a_reason(service):
    with pytest.raises(Exception, match="Say why this text is kept"):
        service.keeping_identifiers("  ")


def test_a_delegation_s_reason_with_an_identifier_is_refused_then_kept_with_a_reason(store, service, coordinator):
    from mimic_desktop.services.accounts import AccountService
    from mimic_desktop.services.surgeons import SurgeonService
    from tests.support.signers import make_surgeon_of_record

    accounts = AccountService(store)
    sam = accounts.create_user("sam.surgeon", "Sam Snijder", "surgeon", "steady hands 1", by=coordinator)
    accounts.create_user("kim.surgeon", "Kim Kapper", "surgeon", "other hands 1", by=coordinator)
    proc_id = service.create("MIM-01-001", "01", ENROLMENT | {"icg_given_at": NOW - timedelta(hours=24)})
    make_surgeon_of_record(store, proc_id, sam)
    surgeons = SurgeonService(store, coordinator)
    before = audit_count(store)
    with pytest.raises(LooksLikeIdentifier) as caught:
        surgeons.delegate(proc_id, "kim.surgeon", IDENTIFYING, lang="nl")
    assert said(caught.value, "nl").startswith("Reden: dit lijkt een identificerend gegeven te bevatten")
    assert said(caught.value, "en").startswith("Reason: this looks like it holds an identifier")
    assert audit_count(store) == before and surgeons.delegations(proc_id) == []
    surgeons.delegate(proc_id, "kim.surgeon", IDENTIFYING, keep_identifier="the surgeon's own words")
    assert [d.reason for d in surgeons.delegations(proc_id)] == [IDENTIFYING]
    kept = [row for row in service.audit_trail(proc_id) if row["entity"] == "identifier"]
    assert [(row["reason"], audit.decode(row["new_value"])["in"]) for row in kept] == [
        ("the surgeon's own words", "reason")
    ]
    assert audit.check(store.conn).ok
