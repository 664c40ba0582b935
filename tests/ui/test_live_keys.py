"""The live screen's keys under real use: an event is one key or one click, wherever the cursor was;
a lesion value changes only when it is meant to; the screen says where the keys go."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from mimic_desktop.domain import derive
from tests.support.enrolment import in_surgery as surgery_under_way


@pytest.fixture
def in_surgery(service):
    """Incision, lesion 1 known from imaging, then an occult lesion 2 (current), its transection started."""
    return surgery_under_way(service, ("incision", "lesion_found", "occult_lesion", "transection_start"))


@pytest.fixture
def window(make_window, store, coordinator, in_surgery):
    opened = make_window(store, coordinator)
    opened.open_procedure(in_surgery)
    opened.live.details_button.click()  # the current lesion's fields in the event buttons' place
    return opened


def press(actions, key) -> None:
    """A key pressed on the keyboard: it goes to whatever has the keyboard, as on a real one."""
    actions.key(QApplication.focusWidget() or QApplication.activeWindow(), key)


def kinds(service, proc_id) -> list[str]:
    return [e.kind for e in service.load(proc_id).live_events()]


def current(service, proc_id):
    proc = service.load(proc_id)
    return proc.lesion(proc.current_lesion_id)


def test_an_event_key_after_digits_in_the_size_logs_the_event(window, service, in_surgery, actions):
    live = window.live
    size = live.lesion_panel.form.editors["size_mm"].input
    lesion = current(service, in_surgery)
    actions.click(size)
    assert "Typing into Size" in live.keyboard_note.text() and live.keyboard_note.property("typing")
    actions.type(size, "18")  # 1 would be "specimen fluorescent": in the size field it is a digit
    assert size.text() == "18"
    before = actions.count
    press(actions, Qt.Key.Key_O)
    assert actions.count - before == 1
    assert kinds(service, in_surgery)[-1] == "occult_lesion", "O logged an occult lesion"
    assert "o" not in size.text().lower()
    assert service.load(in_surgery).lesion(lesion.id).get("size_mm") == 18, "what was typed was saved first"
    assert QApplication.focusWidget() is live, "the keys are back with the events"
    assert not live.keyboard_note.property("typing")


def test_letters_never_choose_in_a_drop_down(window, service, in_surgery, actions, shown_errors):
    live = window.live
    source = live.lesion_panel.form.editors["source"].input
    lesion = current(service, in_surgery)
    assert source.currentData() == "occult"
    source.setFocus()  # the keyboard in the drop-down, as after choosing in it
    press(actions, Qt.Key.Key_K)  # "Known from imaging" by its first letter: not on the live screen
    assert source.currentData() == "occult"
    assert kinds(service, in_surgery)[-1] == "transection_start", "K is no event"
    before = actions.count
    press(actions, Qt.Key.Key_N)  # N is "re-resection not feasible", wherever the cursor is
    assert actions.count - before == 1
    assert kinds(service, in_surgery)[-1] == "reresection_not_feasible"
    assert current(service, in_surgery).get("source") == "occult"
    changes = [r for r in service.audit_trail(in_surgery) if r["entity_id"] == lesion.id and r["field"] == "source"]
    assert len(changes) == 1, "only the value the occult lesion was created with"
    assert shown_errors == []


@pytest.mark.qt_log_ignore("This plugin does not support raise", "This plugin does not support grabbing the keyboard")
def test_the_open_list_of_a_drop_down_takes_no_letters(window, service, in_surgery, actions, qtbot):
    live = window.live
    pattern = live.lesion_panel.form.editors["icg_pattern"].input
    pattern.showPopup()
    view = pattern.view()
    row = view.currentIndex().row()
    qtbot.keyClick(view, Qt.Key.Key_H)  # "Homogeneous" by its first letter, in the open list
    assert view.currentIndex().row() == row
    pattern.hidePopup()
    assert pattern.currentData() is None


def test_a_drop_down_changes_by_arrow_key_and_escape_saves_it(window, service, in_surgery, actions):
    live = window.live
    pattern = live.lesion_panel.form.editors["icg_pattern"].input
    pattern.setFocus()
    press(actions, Qt.Key.Key_Down)
    chosen = pattern.currentData()
    assert chosen is not None
    press(actions, Qt.Key.Key_Escape)
    assert current(service, in_surgery).get("icg_pattern") == chosen
    assert QApplication.focusWidget() is live


@pytest.mark.parametrize("key", [Qt.Key.Key_Escape, Qt.Key.Key_Return])
def test_escape_or_enter_in_the_size_saves_it_and_gives_the_keys_back(window, service, in_surgery, actions, key):
    live = window.live
    size = live.lesion_panel.form.editors["size_mm"].input
    actions.click(size)
    actions.type(size, "22")
    press(actions, key)
    assert current(service, in_surgery).get("size_mm") == 22
    assert QApplication.focusWidget() is live
    assert "Keys log events" in live.keyboard_note.text()
    before = actions.count
    press(actions, Qt.Key.Key_F)
    assert actions.count - before == 1
    assert kinds(service, in_surgery)[-1] == "plane_fluorescence"


def test_a_wrong_size_is_named_on_escape_and_keeps_the_keys(window, service, in_surgery, actions, shown_errors):
    live = window.live
    size = live.lesion_panel.form.editors["size_mm"].input
    actions.click(size)
    actions.type(size, "1..5")
    press(actions, Qt.Key.Key_Escape)
    assert len(shown_errors) == 1 and "Size" in shown_errors.pop()
    assert QApplication.focusWidget() is size, "the keys stay in the field to correct it"
    assert current(service, in_surgery).get("size_mm") is None
    size.clear()
    actions.type(size, "15")
    press(actions, Qt.Key.Key_Escape)
    assert current(service, in_surgery).get("size_mm") == 15
    assert QApplication.focusWidget() is live


def test_a_click_on_the_clock_or_an_event_button_takes_the_cursor_out(window, service, in_surgery, actions):
    live = window.live
    size = live.lesion_panel.form.editors["size_mm"].input
    actions.click(size)
    actions.type(size, "3")
    actions.click(live.clock.clock)
    assert QApplication.focusWidget() is not size
    assert not live.keyboard_note.property("typing")
    press(actions, Qt.Key.Key_U)
    assert kinds(service, in_surgery)[-1] == "ious"
    assert current(service, in_surgery).get("size_mm") == 3

    actions.click(size)
    actions.click(live.lesion_page.back_button)  # the event buttons again, and the keys with them
    assert QApplication.focusWidget() is live
    before = actions.count
    actions.click(live.buttons.buttons["plane_adapted"])
    assert actions.count - before == 1
    assert kinds(service, in_surgery)[-1] == "plane_adapted"
    assert QApplication.focusWidget() is live
    press(actions, Qt.Key.Key_E)
    assert kinds(service, in_surgery)[-1] == "transection_end"


def test_event_keys_work_after_a_row_of_the_timeline_was_clicked(window, service, in_surgery, actions):
    from tests.support.ui_steps import select_event

    live = window.live
    first = service.load(in_surgery).live_events()[0]
    select_event(actions, live.timeline, first.id)
    press(actions, Qt.Key.Key_F)
    assert kinds(service, in_surgery)[-1] == "plane_fluorescence"


def test_opposite_specimen_findings_are_not_both_taken(window, service, in_surgery, actions, shown_errors):
    press(actions, Qt.Key.Key_E)
    press(actions, Qt.Key.Key_1)
    assert window.saved.state == "saved"
    press(actions, Qt.Key.Key_0)  # the opposite finding on the same lesion
    assert len(shown_errors) == 1
    message = shown_errors.pop()
    assert "already recorded as Specimen side fluorescent" in message and "strike that through" in message
    assert window.saved.state == "failed"
    proc = service.load(in_surgery)
    assert kinds(service, in_surgery)[-1] == "specimen_fluorescent"
    assert derive.assess_lesion(proc, proc.current_lesion_id).specimen_fluorescent is True
    press(actions, Qt.Key.Key_R)
    press(actions, Qt.Key.Key_X)  # "not safe" after "done": contradictory
    assert len(shown_errors) == 1 and "re-resection outcome is already recorded" in shown_errors.pop()
    assert derive.assess_lesion(service.load(in_surgery), proc.current_lesion_id).reresection == "done"
