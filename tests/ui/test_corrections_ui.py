"""Undoing mistakes through the real widgets: a struck lesion, removed lesions and complications, locked records."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from mimic_desktop.domain.clock import utc_now
from mimic_desktop.domain.errors import ReasonRequired
from mimic_desktop.services.accounts import AccountService
from tests.support.enrolment import ENROLMENT
from tests.support.record_window import open_record
from tests.support.ui_steps import answer_prompt, select_event


@pytest.fixture
def in_theatre(service):
    """Surgery under way: lesion 1 from imaging, then an occult lesion 2 pressed by mistake (current)."""
    start = utc_now() - timedelta(minutes=30)
    proc_id = service.create("MIM-03-001", "03", ENROLMENT | {"icg_given_at": start - timedelta(hours=24)})
    for minutes, kind in ((0, "incision"), (5, "lesion_found"), (6, "occult_lesion")):
        service.record_event(proc_id, kind, at=start + timedelta(minutes=minutes))
    return proc_id


def refusals(service, proc_id) -> list[dict]:
    return [json.loads(r["new_value"]) for r in service.audit_trail(proc_id) if r["field"] == "refused"]


def test_the_live_lesion_panel_stores_only_what_was_typed(
    make_window, store, coordinator, service, in_theatre, actions
):
    window = make_window(store, coordinator)
    window.open_procedure(in_theatre)
    actions.click(window.live.details_button)
    panel = window.live.lesion_panel
    assert panel.form.editors["treatment"].input.currentData() is None, "a form default is no answer"
    assert panel.form.editors["source"].input.currentData() == "occult"
    actions.type(panel.form.editors["size_mm"].input, "18")
    actions.click(panel.save_button)
    lesion = service.load(in_theatre).lesion(service.load(in_theatre).current_lesion_id)
    assert lesion.values == {"source": "occult", "size_mm": 18}
    fields = [
        r["field"] for r in service.audit_trail(in_theatre) if r["entity"] == "lesion" and r["entity_id"] == lesion.id
    ]
    assert "treatment" not in fields
    assert window.saved.state == "saved"


def test_striking_a_mistaken_occult_lesion_on_the_live_screen(
    make_window, store, coordinator, service, in_theatre, actions
):
    window = make_window(store, coordinator)
    window.open_procedure(in_theatre)
    live = window.live
    first, occult = service.load(in_theatre).lesions
    occult_event = next(e for e in service.load(in_theatre).events if e.kind == "occult_lesion")
    assert set(live.cards.cards) == {first.id, occult.id}

    select_event(actions, live.timeline, occult_event.id)
    seen: list[str] = []
    answer_prompt(live, actions, "pressed O instead of L", seen)
    actions.click(live.timeline.strike_button)
    assert "Lesion 2 will be removed from the record" in seen[0]

    proc = service.load(in_theatre)
    assert [lesion.id for lesion in proc.lesions] == [first.id]
    assert set(live.cards.cards) == {first.id}, "the removed lesion's card is gone"
    assert live.lesion_panel.title.text() == "Current lesion: 1"
    item = live.timeline.item_for(occult_event.id)
    assert item.font(1).strikeOut()
    assert item.text(2) == "2 (removed)"
    assert "pressed O instead of L" in item.text(3)
    assert window.saved.state == "saved"


def test_a_lesion_still_in_use_is_not_struck_and_the_screen_says_why(
    make_window, store, coordinator, service, in_theatre, actions, shown_errors
):
    service.record_event(in_theatre, "transection_start")
    window = make_window(store, coordinator)
    window.open_procedure(in_theatre)
    occult_event = next(e for e in service.load(in_theatre).events if e.kind == "occult_lesion")
    select_event(actions, window.live.timeline, occult_event.id)
    answer_prompt(window.live, actions, "wrong", [])
    actions.click(window.live.timeline.strike_button)
    message = window.live.notice.text()  # said in place: no dialog takes the next keys
    assert "Lesion 2 still has events that are not struck through" in message
    assert "Transection start" in message
    assert window.saved.state == "failed"
    assert len(service.load(in_theatre).lesions) == 2


def test_removing_a_lesion_and_a_complication_from_the_record_pages(
    make_window, store, coordinator, service, recorded, actions, shown_errors
):
    during_surgery = service.load(recorded).first_event("incision").moment + timedelta(minutes=1)
    service.record_event(recorded, "lesion_found", at=during_surgery)
    extra = service.load(recorded).current_lesion_id
    service.add_complication(recorded, {"description": "Ileus", "clavien_dindo": "II"})
    complication = service.add_complication(recorded, {"description": "Wrong patient", "clavien_dindo": "I"})
    window = open_record(make_window, store, coordinator, recorded)

    page = window.record.show_page("lesions")
    assert page.list.count() == 3
    actions.click(page.list.viewport(), page.list.visualItemRect(page.list.item(2)).center())
    assert page.lesion_id == extra
    seen: list[str] = []
    answer_prompt(window, actions, "typed in by mistake", seen)
    actions.click(page.remove_button)
    assert "Remove lesion 3 from the record?" in seen[0]
    assert page.list.count() == 2
    assert extra not in [lesion.id for lesion in service.load(recorded).lesions]

    # A lesion with events from theatre is refused, with the events named.
    assert page.lesion_id == service.load(recorded).lesions[0].id
    answer_prompt(window, actions, "try", [])
    actions.click(page.remove_button)
    assert len(shown_errors) == 1 and shown_errors[0].startswith("Lesion 1 still has events")
    shown_errors.clear()
    assert page.list.count() == 2

    postop = window.record.show_page("postop")
    assert not postop.remove_button.isEnabled(), "nothing to remove until a complication is chosen"
    actions.click(postop.table.viewport(), postop.table.visualItemRect(postop.table.item(1, 1)).center())
    assert postop.remove_button.isEnabled()
    answer_prompt(window, actions, "belongs to another patient", seen)
    actions.click(postop.remove_button)
    assert "Remove complication 2 from the record?" in seen[-1]
    assert postop.table.rowCount() == 1 and postop.table.item(0, 1).text() == "Ileus"
    assert [c.get("description") for c in service.load(recorded).complications] == ["Ileus"]
    rows = [r for r in service.audit_trail(recorded) if r["field"] == "removed"]
    assert [(r["entity"], r["entity_id"], r["reason"]) for r in rows] == [
        ("lesion", extra, "typed in by mistake"),
        ("complication", complication, "belongs to another patient"),
    ]


def test_a_locked_record_asks_for_the_reason_first_and_logs_no_false_refusal(
    make_window, store, coordinator, service, recorded, actions
):
    service.complete(recorded)
    window = open_record(make_window, store, coordinator, recorded)
    postop = window.record.show_page("postop")
    stay = postop.course.form.editors["hospital_stay_days"].input

    stay.clear()
    actions.type(stay, "9")
    answer_prompt(window, actions, None, [])
    actions.click(postop.course.save_button)
    assert service.load(recorded).get("hospital_stay_days") != 9, "no reason, no change"
    assert window.saved.state == "failed"

    seen: list[str] = []
    answer_prompt(window, actions, "discharge letter corrected", seen)
    actions.click(postop.course.save_button)
    assert "complete and locked" in seen[0]
    assert service.load(recorded).get("hospital_stay_days") == 9
    assert refusals(service, recorded) == [], "a change given with its reason was never refused"

    # Without a reason the service still refuses, and keeps the refusal.
    with pytest.raises(ReasonRequired, match="give a reason"):
        service.set_value(recorded, "icu_days", 2)
    assert [r["action"] for r in refusals(service, recorded)] == ["edit_locked"]


def test_removal_is_hidden_from_a_monitor(make_window, store, coordinator, service, recorded):
    service.add_complication(recorded, {"description": "Ileus", "clavien_dindo": "II"})
    monitor = AccountService(store).create_user("mo.nitor", "Mo Nitor", "monitor", "monitor-pass", by=coordinator)
    window = open_record(make_window, store, monitor, recorded)
    assert not window.record.show_page("lesions").remove_button.isVisibleTo(window)
    assert not window.record.show_page("postop").remove_button.isVisibleTo(window)
