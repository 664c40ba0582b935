"""Undoing mistakes in the live record: struck lesion events, removed lesions and complications, corrected times."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest

from mimic_desktop.domain import rules
from mimic_desktop.domain.errors import NotFound, ReasonRequired, ValidationError
from mimic_desktop.exchange import flat, record_check, record_json
from mimic_desktop.storage import audit
from tests.support.enrolment import ENROLMENT

NOW = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)


def at(minutes: int) -> datetime:
    return NOW + timedelta(minutes=minutes)


@pytest.fixture
def proc_id(service):
    return service.create("MIM-01-001", "01", ENROLMENT | {"icg_given_at": NOW - timedelta(hours=24)})


@pytest.fixture
def two_lesions(service, proc_id):
    """Incision, a lesion known from imaging, then an occult lesion pressed by mistake (now current)."""
    service.record_event(proc_id, "incision", at=at(0))
    service.record_event(proc_id, "lesion_found", at=at(5))
    occult_event = service.record_event(proc_id, "occult_lesion", at=at(6))
    proc = service.load(proc_id)
    return proc.lesions[0].id, proc.lesions[1].id, occult_event


def trail(service, proc_id, entity: str, entity_id: str) -> list:
    return [r for r in service.audit_trail(proc_id) if r["entity"] == entity and r["entity_id"] == entity_id]


# -- H1: a lesion created by mistake ---------------------------------------------------------------


def test_striking_a_mistyped_occult_lesion_removes_its_lesion(service, store, proc_id, two_lesions):
    first, occult, occult_event = two_lesions
    service.set_values(proc_id, {"size_mm": 12}, entity="lesion", entity_id=occult)
    service.strike_event(occult_event, "pressed O instead of L")

    proc = service.load(proc_id)
    assert [lesion.id for lesion in proc.lesions] == [first]
    assert [(lesion.id, lesion.number) for lesion in proc.removed_lesions] == [(occult, 2)]
    assert proc.current_lesion_id == first, "the current lesion moves to one still in the record"
    assert next(e for e in proc.events if e.id == occult_event).struck
    assert not any("Lesion 2" in item for item in rules.missing_for_completion(proc))
    # Soft removal: the row stays, with its time and reason; its values stay in the trail.
    removed_utc, removed_reason = store.read("SELECT removed_utc, removed_reason FROM lesions WHERE id=?", (occult,))[0]
    assert removed_utc is not None and removed_reason == "pressed O instead of L"
    rows = trail(service, proc_id, "lesion", occult)
    assert [(r["field"], r["reason"]) for r in rows][-1] == ("removed", "pressed O instead of L")
    assert any(r["field"] == "size_mm" for r in rows)
    assert audit.check(service.store.conn).ok


def test_the_strike_and_the_removal_are_one_transaction(service, store, proc_id, two_lesions):
    _first, _occult, occult_event = two_lesions
    seqs_before = store.read("SELECT MAX(seq) FROM audit")[0][0]
    service.strike_event(occult_event, "duplicate")
    new_rows = store.read("SELECT field, reason FROM audit WHERE seq > ?", (seqs_before,))
    assert {(r["field"], r["reason"]) for r in new_rows} == {
        ("struck", "duplicate"),
        ("removed", "duplicate"),
        ("sealed", None),  # the lesion's row as the removal left it
    }


def test_a_lesion_with_live_events_stays_and_the_events_are_named(service, proc_id, two_lesions):
    first, _occult, _ = two_lesions
    found = next(e for e in service.load(proc_id).events if e.kind == "lesion_found")
    service.switch_lesion(proc_id, first)
    service.record_event(proc_id, "transection_start", at=at(10))
    service.record_event(proc_id, "note", at=at(11), note="bleeding controlled")
    with pytest.raises(ValidationError) as refused:
        service.strike_event(found.id, "wrong lesion")
    message = str(refused.value)
    assert message.startswith("Lesion 1 still has events that are not struck through")
    assert "Transection start" in message and "Note" in message
    proc = service.load(proc_id)
    assert first in {lesion.id for lesion in proc.lesions}
    assert not next(e for e in proc.events if e.id == found.id).struck, "nothing of the refused strike is kept"


def test_removing_lesions_and_complications_with_a_reason(service, proc_id, two_lesions):
    first, occult, occult_event = two_lesions
    complication = service.add_complication(proc_id, {"description": "Ileus", "clavien_dindo": "II"})
    with pytest.raises(ReasonRequired):
        service.remove_lesion(proc_id, occult, " ")
    with pytest.raises(ReasonRequired):
        service.remove_complication(proc_id, complication, "")

    service.remove_lesion(proc_id, occult, "entered twice")
    service.remove_complication(proc_id, complication, "belongs to another patient")
    proc = service.load(proc_id)
    assert [lesion.id for lesion in proc.lesions] == [first]
    assert proc.complications == []
    creating = next(e for e in proc.events if e.id == occult_event)
    assert creating.struck and creating.struck_reason == "entered twice", "the lesion's own event goes with it"
    assert [r["reason"] for r in trail(service, proc_id, "complication", complication) if r["field"] == "removed"] == [
        "belongs to another patient"
    ]
    with pytest.raises(NotFound):
        service.set_values(proc_id, {"size_mm": 3}, entity="lesion", entity_id=occult)
    with pytest.raises(NotFound):
        service.switch_lesion(proc_id, occult)
    with pytest.raises(NotFound):
        service.remove_complication(proc_id, complication, "again")

    # Numbers are never reused: they are in the audit trail and on paper.
    service.record_event(proc_id, "lesion_found", at=at(20))
    assert [lesion.number for lesion in service.load(proc_id).lesions] == [1, 3]
    assert service.add_complication(proc_id, {"description": "Bile leak"})
    assert [c.number for c in service.load(proc_id).complications] == [2]
    assert audit.check(service.store.conn).ok


def test_removing_the_only_lesion_leaves_no_current_lesion(service, proc_id):
    service.record_event(proc_id, "incision", at=at(0))
    service.record_event(proc_id, "lesion_found", at=at(1))
    lesion = service.load(proc_id).current_lesion_id
    service.remove_lesion(proc_id, lesion, "no lesion after all")
    proc = service.load(proc_id)
    assert proc.lesions == [] and proc.current_lesion_id is None
    with pytest.raises(ValidationError, match="choose the lesion"):
        service.record_event(proc_id, "transection_start", at=at(2))


def test_removed_lesions_and_complications_leave_the_flat_rows_and_the_session_record(service, recorded):
    proc = service.load(recorded)
    during_surgery = proc.first_event("incision").moment + timedelta(minutes=1)
    occult_event = service.record_event(recorded, "occult_lesion", at=during_surgery)
    occult = service.load(recorded).current_lesion_id
    service.strike_event(occult_event, "pressed O instead of L")
    service.record_event(recorded, "lesion_found", at=during_surgery)
    extra = service.load(recorded).current_lesion_id
    complication = service.add_complication(recorded, {"description": "Ileus", "clavien_dindo": "II"})
    service.remove_lesion(recorded, extra, "typed in the wrong record")
    service.remove_complication(recorded, complication, "typed in the wrong record")

    proc = service.load(recorded)
    assert flat.procedure_row(proc)["lesion_count"] == 2
    assert flat.procedure_row(proc)["complication_count"] == 0
    assert [row["lesion_number"] for row in flat.lesion_rows(proc)] == [1, 2]
    assert flat.complication_rows(proc) == []
    assert service.missing(recorded) == []
    service.complete(recorded)

    # The struck event still names its removed lesion; the importer accepts that of a struck event only.
    data = record_json.record_to_dict(
        service.load(recorded), session_version=1, exported_at=NOW.isoformat(), audit_head="0" * 64
    )
    assert "removed_lesions" not in data["record"]
    checked = record_check.check_record(json.loads(json.dumps(data)))
    assert [lesion.id for lesion in checked.lesions] == [lesion.id for lesion in proc.lesions]
    assert checked.complications == []
    assert next(e for e in checked.events if e.id == occult_event).lesion_id == occult
    event = next(e for e in data["record"]["events"] if e["id"] == occult_event)
    event["struck"], event["struck_reason"] = False, None
    with pytest.raises(record_check.RecordRejected, match="points at a lesion the record does not have"):
        record_check.check_record(json.loads(json.dumps(data)))


def test_a_removal_without_its_audit_row_is_found(service, store, proc_id, two_lesions):
    _first, occult, _ = two_lesions
    with store.transaction() as db:
        db.conn.execute("UPDATE lesions SET removed_utc='2026-11-24T10:00:00+00:00' WHERE id=?", (occult,))
    assert not audit.check(service.store.conn).ok
    assert any(
        str(p).startswith(f"lesion {occult}: its removed_utc is not what the audit trail recorded")
        for p in audit.check(service.store.conn).problems
    )


# -- H2: correcting an event's time ------------------------------------------------------------------


def test_a_correction_refused_by_a_rule_changes_nothing(service, store, proc_id, two_lesions):
    first, _occult, _ = two_lesions
    service.switch_lesion(proc_id, first)
    start = service.record_event(proc_id, "transection_start", at=at(10))
    events_before = [(e.id, e.struck) for e in service.load(proc_id).events]
    audit_before = store.read("SELECT COUNT(*) FROM audit")[0][0]
    with pytest.raises(ValidationError, match="needs Incision before it"):
        service.correct_event_time(start, at(-5), "clock was wrong")
    assert [(e.id, e.struck) for e in service.load(proc_id).events] == events_before
    assert store.read("SELECT COUNT(*) FROM audit")[0][0] == audit_before


def test_the_incision_can_be_corrected_although_it_is_already_recorded(service, proc_id):
    incision = service.record_event(proc_id, "incision", at=at(0))
    service.record_event(proc_id, "ious", at=at(5))
    # Checked as the rules stand without the old incision: not "already recorded".
    replacement = service.correct_event_time(incision, at(-3), "clock read late")
    proc = service.load(proc_id)
    assert proc.first_event("incision").id == replacement
    assert proc.first_event("incision").moment == at(-3)
    assert next(e for e in proc.events if e.id == incision).struck_reason == "clock read late"


def test_correcting_a_lesion_event_keeps_its_lesion(service, proc_id, two_lesions):
    first, occult, occult_event = two_lesions
    service.switch_lesion(proc_id, first)
    replacement = service.correct_event_time(occult_event, at(7), "pressed a minute late")
    proc = service.load(proc_id)
    assert [lesion.id for lesion in proc.lesions] == [first, occult], "no second lesion"
    assert next(e for e in proc.events if e.id == replacement).lesion_id == occult
    assert proc.current_lesion_id == first, "a correction is not a new lesion: the current one stays"
    assert proc.lesion(occult).get("source") == "occult"


def test_a_struck_event_is_not_corrected(service, proc_id):
    incision = service.record_event(proc_id, "incision", at=at(0))
    service.strike_event(incision, "wrong patient")
    with pytest.raises(ValidationError, match="already struck through"):
        service.correct_event_time(incision, at(1), "again")


def test_every_event_has_its_time_in_the_audit_trail(service, proc_id):
    service.record_event(proc_id, "incision", at=at(0))
    ious = service.record_event(proc_id, "ious", at=at(2))
    details = [
        json.loads(r["new_value"]) for r in trail(service, proc_id, "event", str(ious)) if r["field"] == "details"
    ]
    assert details == [{"kind": "ious", "at": "2026-11-24T09:02:00.000000+00:00", "lesion_id": None, "note": None}]
    replacement = service.correct_event_time(ious, at(3), "typed the wrong minute")
    rows = trail(service, proc_id, "event", str(replacement))
    assert [json.loads(r["new_value"])["at"] for r in rows if r["field"] == "details"] == [
        "2026-11-24T09:03:00.000000+00:00"
    ]
