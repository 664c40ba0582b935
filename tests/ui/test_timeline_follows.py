"""The live timeline keeps the newest event in view, unless the user scrolls back to look at earlier ones."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractSlider, QApplication

from mimic_desktop.domain.clock import from_iso
from tests.support.enrolment import in_surgery
from tests.support.ui_steps import select_event


def newest_in_view(timeline) -> bool:
    QApplication.processEvents()  # the view is placed once the new rows are laid out
    tree = timeline.tree
    last = tree.topLevelItem(tree.topLevelItemCount() - 1)
    return tree.viewport().rect().contains(tree.visualItemRect(last))


def test_a_selected_row_does_not_stop_following_but_scrolling_back_does(
    make_window, store, coordinator, service, actions
):
    proc_id = in_surgery(service, ("incision",), minutes_ago=60)
    start = from_iso(service.load(proc_id).live_events()[0].at)
    for minute in range(1, 40):
        service.record_event(proc_id, "note", at=start + timedelta(minutes=minute), note=f"note {minute}")
    window = make_window(store, coordinator)
    window.open_procedure(proc_id)
    live, timeline = window.live, window.live.timeline
    assert newest_in_view(timeline)

    select_event(actions, timeline, service.load(proc_id).live_events()[-3].id)
    actions.key(live, Qt.Key.Key_L)
    assert newest_in_view(timeline), "a selected row does not stop the newest being shown"
    assert not timeline.looking_back.isVisible()

    timeline.tree.verticalScrollBar().triggerAction(QAbstractSlider.SliderAction.SliderToMinimum)
    QApplication.processEvents()
    assert timeline.looking_back.isVisible() and "Looking back" in timeline.looking_back_text.text()
    actions.key(live, Qt.Key.Key_U)
    assert not newest_in_view(timeline), "the view stays where the user looks"
    assert "1 new below" in timeline.looking_back_text.text()

    actions.click(timeline.newest_button)
    assert newest_in_view(timeline) and not timeline.looking_back.isVisible()
    actions.key(live, Qt.Key.Key_A)
    assert newest_in_view(timeline)
