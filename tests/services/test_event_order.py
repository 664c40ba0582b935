"""The order of the intraoperative events, declared in forms/events.json and applied to recorded and corrected
times alike; the slips of a hurried coordinator that the order used to let through."""

from __future__ import annotations

import copy
import json
from datetime import UTC, datetime, timedelta

import pytest

from mimic_desktop.domain import forms
from mimic_desktop.domain.errors import ValidationError
from mimic_desktop.domain.forms import forms_dir, parse_events
from tests.support.enrolment import ENROLMENT

NOW = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)


def at(minutes: int) -> datetime:
    return NOW + timedelta(minutes=minutes)


@pytest.fixture
def proc_id(service):
    return service.create("MIM-01-001", "01", ENROLMENT | {"icg_given_at": NOW - timedelta(hours=24)})


def audit_rows(store) -> int:
    return store.read("SELECT COUNT(*) FROM audit")[0][0]


def refused(store, act, match: str) -> None:
    """The change is refused in words and leaves no trace: no event, no audit row."""
    before = audit_rows(store)
    with pytest.raises(ValidationError, match=match):
        act()
    assert audit_rows(store) == before


def test_nothing_intraoperative_before_the_incision(service, store, proc_id):
    for kind in ("inspect_white_light", "inspect_icg", "ious", "lesion_found", "occult_lesion", "resection_planning"):
        refused(store, lambda kind=kind: service.record_event(proc_id, kind, at=at(1)), "needs Incision before it")
    service.record_event(proc_id, "note", at=at(0), note="patient positioned")  # a note may come any time
    service.record_event(proc_id, "incision", at=at(2))
    refused(store, lambda: service.record_event(proc_id, "ious", at=at(1)), "needs Incision before it")
    service.record_event(proc_id, "ious", at=at(3))


def test_a_transection_end_needs_its_start_for_that_lesion(service, store, proc_id):
    service.record_event(proc_id, "incision", at=at(0))
    service.record_event(proc_id, "lesion_found", at=at(1))
    first = service.load(proc_id).current_lesion_id
    service.record_event(proc_id, "transection_start", at=at(2))
    service.record_event(proc_id, "lesion_found", at=at(3))  # lesion 2, now current
    refused(
        store,
        lambda: service.record_event(proc_id, "transection_end", at=at(4)),
        "Lesion 2: Transection end at .* needs Transection start of this lesion before it",
    )
    service.record_event(proc_id, "transection_end", at=at(4), lesion_id=first)


def test_a_corrected_time_keeps_the_order_too(service, store, proc_id):
    service.record_event(proc_id, "incision", at=at(0))
    found = service.record_event(proc_id, "lesion_found", at=at(5))
    start = service.record_event(proc_id, "transection_start", at=at(10))
    end = service.record_event(proc_id, "transection_end", at=at(20))
    # A lesion's event moved before the lesion was identified.
    refused(
        store,
        lambda: service.correct_event_time(start, at(4), "clock"),
        "Transection start at .* cannot be before Lesion identified or Occult lesion of this lesion",
    )
    # The identification moved after the lesion's events.
    refused(store, lambda: service.correct_event_time(found, at(12), "clock"), "cannot be before Lesion identified")
    # The start moved after the end.
    refused(
        store,
        lambda: service.correct_event_time(start, at(25), "clock"),
        "Transection end at .* needs Transection start of this lesion before it",
    )
    # The incision moved after everything.
    incision = service.load(proc_id).first_event("incision")
    refused(store, lambda: service.correct_event_time(incision.id, at(30), "clock"), "needs Incision before it")
    service.correct_event_time(start, at(8), "read the clock late")
    assert [e.kind for e in service.load(proc_id).live_events()][-2:] == ["transection_start", "transection_end"]
    assert service.correct_event_time(end, at(19), "read the clock late")


def test_end_of_surgery_is_not_before_the_incision(service, store, proc_id):
    service.record_event(proc_id, "incision", at=at(10))
    refused(store, lambda: service.record_event(proc_id, "closure", at=at(5)), "cannot be before Incision")
    service.record_event(proc_id, "closure", at=at(60))


def test_end_of_surgery_without_an_incision_is_the_coordinator_s_to_confirm(service, proc_id):
    """The live screen asks first; the record itself accepts it (an operation given up before the incision)."""
    service.record_event(proc_id, "closure", at=at(5))
    assert [e.kind for e in service.load(proc_id).live_events()] == ["closure"]


def test_an_order_refusal_is_in_dutch_for_a_dutch_screen(service, store, proc_id):
    refused(
        store,
        lambda: service.record_event(proc_id, "ious", at=at(1), lang="nl"),
        "Intraoperatieve echo om .* vraagt eerst Incisie: leg dat eerst vast",
    )


def test_a_rule_an_older_record_already_broke_does_not_block_other_changes(service, store, proc_id, monkeypatch):
    """A record made before a rule was declared can still be added to; the rule holds for what is new."""
    catalogue = forms.events()
    lenient = {kind: copy.copy(definition) for kind, definition in catalogue.items()}
    lenient["ious"] = forms.EventDef(**{**vars(catalogue["ious"]), "after": ()})
    monkeypatch.setattr(forms, "events", lambda: lenient)
    service.record_event(proc_id, "ious", at=at(1))  # accepted under the older catalogue
    monkeypatch.setattr(forms, "events", lambda: catalogue)
    service.record_event(proc_id, "incision", at=at(2))
    service.record_event(proc_id, "inspect_icg", at=at(3))
    refused(store, lambda: service.record_event(proc_id, "inspect_white_light", at=at(1)), "needs Incision")


def test_an_occult_lesion_detected_by_pre_operative_imaging_is_refused(service, store, proc_id):
    service.record_event(proc_id, "incision", at=at(0))
    service.record_event(proc_id, "occult_lesion", at=at(1))
    occult = service.load(proc_id).current_lesion_id
    refused(
        store,
        lambda: service.set_values(proc_id, {"detected_by": "preop_imaging"}, entity="lesion", entity_id=occult),
        "Lesion 1: Source is New \\(occult\\), but Detected by is Pre-operative imaging",
    )
    service.set_values(proc_id, {"detected_by": "icg"}, entity="lesion", entity_id=occult)
    service.record_event(proc_id, "lesion_found", at=at(2))
    known = service.load(proc_id).current_lesion_id
    service.set_values(proc_id, {"detected_by": "preop_imaging"}, entity="lesion", entity_id=known)
    refused(
        store,
        lambda: service.set_values(proc_id, {"source": "occult"}, entity="lesion", entity_id=known, lang="nl"),
        "Laesie 2: .* Een occulte laesie is er een die de pre-operatieve beeldvorming niet liet zien",
    )
    service.set_values(proc_id, {"source": "occult", "detected_by": "ious"}, entity="lesion", entity_id=known)


# -- the declarations themselves -------------------------------------------------------------------


def shipped_catalogue() -> dict:
    return json.loads((forms_dir() / "events.json").read_text(encoding="utf-8"))


def test_the_shipped_catalogue_declares_the_order():
    catalogue = forms.events()
    assert catalogue["transection_end"].after, "a transection end declares what comes before it"
    for definition in catalogue.values():
        for rule in definition.after:
            assert set(rule.kinds) <= catalogue.keys()


@pytest.mark.parametrize(
    ("change", "named"),
    [
        (lambda e: e["events"][10]["after"].append({"one_of": ["transection_begin"]}), "'transection_begin'"),
        (lambda e: e["events"][6].update(after=[{"one_of": ["incision"], "lesion": "same"}]), "only of an event of"),
        (lambda e: e["events"][3].update(after=[{"kinds": ["incision"]}]), "names one_of"),
        (lambda e: e["events"][3].update(after=[{"one_of": ["incision"], "needed": "yes"}]), "true or false"),
        (lambda e: e["events"][3].update(key="i"), "the key i is given to more than one event"),
        (lambda e: e["events"][3].update(lesion="sometimes"), "lesion 'sometimes'"),
    ],
)
def test_a_wrong_declaration_is_named_when_the_catalogue_is_read(change, named):
    data = shipped_catalogue()
    change(data)
    with pytest.raises(ValueError, match=named):
        parse_events(data)
