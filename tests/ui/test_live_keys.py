"""The live screen's keys under real use: an event is one key or one click, wherever the cursor was;
a lesion value changes only when it is meant to; the screen says where the keys go."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

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


def test_a_letter_in_the_size_is_refused_in_words_and_logs_nothing(window, service, in_surgery, actions):
    live = window.live
    size = live.lesion_panel.form.editors["size_mm"].input
    lesion = current(service, in_surgery)
    actions.click(size)
    assert "Typing into Size" in live.keyboard_note.text() and live.keyboard_note.property("typing")
    actions.type(size, "18")  # 1 would be "specimen fluorescent": in the size field it is a digit
    assert size.text() == "18"
    press(actions, Qt.Key.Key_O)  # the keys are in the size, as the screen says: O is no event here
    assert kinds(service, in_surgery)[-1] == "transection_start"
    assert size.text() == "18"
    assert live.notice.isVisible() and "Size takes a number" in live.notice.text()
    assert QApplication.activeModalWidget() is None
    press(actions, Qt.Key.Key_Escape)
    assert service.load(in_surgery).lesion(lesion.id).get("size_mm") == 18, "what was typed was saved"
    assert QApplication.focusWidget() is live, "the keys are back with the events"
    assert not live.keyboard_note.property("typing")
    before = actions.count
    press(actions, Qt.Key.Key_O)
    assert actions.count - before == 1
    assert kinds(service, in_surgery)[-1] == "occult_lesion", "O logged an occult lesion"
    assert live.notice.text() == "", "the refusal was said until the next action"


def test_letters_in_a_drop_down_choose_in_it_and_log_nothing(window, service, in_surgery, actions, shown_errors):
    live = window.live
    source = live.lesion_panel.form.editors["source"].input
    lesion = current(service, in_surgery)
    assert source.currentData() == "occult"
    actions.click(source.parentWidget())  # as a click would, without opening the list
    source.setFocus()
    assert "Typing into Source" in live.keyboard_note.text(), "the screen says the keys go into the drop-down"
    press(actions, Qt.Key.Key_K)  # "Known from imaging" by its first letter: typed into it knowingly
    assert source.currentData() == "imaging"
    press(actions, Qt.Key.Key_X)  # X is "re-resection not safe" as an event key, and starts no answer here
    assert kinds(service, in_surgery)[-1] == "transection_start", "no letter typed into the drop-down is an event"
    assert "No answer of Source starts with" in live.notice.text()
    press(actions, Qt.Key.Key_Escape)
    assert current(service, in_surgery).get("source") == "imaging"
    assert QApplication.focusWidget() is live
    before = actions.count
    press(actions, Qt.Key.Key_N)
    assert actions.count - before == 1
    assert kinds(service, in_surgery)[-1] == "reresection_not_feasible"
    changes = [r for r in service.audit_trail(in_surgery) if r["entity_id"] == lesion.id and r["field"] == "source"]
    assert len(changes) == 2, "the value it was created with, and the one chosen"


def test_up_arrow_never_blanks_a_drop_down(window, service, in_surgery, actions):
    live = window.live
    source = live.lesion_panel.form.editors["source"].input
    source.setFocus()
    for _ in range(3):
        press(actions, Qt.Key.Key_Up)
        assert source.currentData() is not None
    press(actions, Qt.Key.Key_Home)
    assert source.currentData() is not None
    press(actions, Qt.Key.Key_Escape)
    assert current(service, in_surgery).get("source") is not None


@pytest.mark.qt_log_ignore("This plugin does not support raise", "This plugin does not support grabbing the keyboard")
def test_every_focused_input_takes_the_event_letters_and_logs_nothing(window, service, in_surgery, qtbot):
    """Every key of every event, typed into every input of the live screen that can have the keyboard."""
    from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QLineEdit, QPlainTextEdit

    from mimic_desktop.domain import forms

    live = window.live
    before = len(service.load(in_surgery).events)
    inputs = [
        w
        for w in live.findChildren(QWidget)
        if isinstance(w, (QLineEdit, QComboBox, QPlainTextEdit, QAbstractSpinBox)) and w.isEnabled()
    ]
    inputs = [w for w in inputs if not isinstance(w.parentWidget(), (QComboBox, QAbstractSpinBox))]
    assert len(inputs) >= 5
    keys = [definition.key for definition in forms.events().values()]
    for widget in inputs:
        widget.setFocus()
        assert QApplication.focusWidget() is widget
        assert live.keyboard_note.property("typing"), "the screen says the keys go into the field"
        for key in keys:
            qtbot.keyClicks(QApplication.focusWidget(), key.lower())
        assert len(service.load(in_surgery).events) == before, f"a letter typed into {widget} logged an event"
        if isinstance(widget, QComboBox):
            widget.showPopup()
            for key in keys:
                qtbot.keyClicks(widget.view(), key.lower())
            widget.hidePopup()
            assert len(service.load(in_surgery).events) == before
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    assert len(service.load(in_surgery).events) == before


def test_a_refused_key_shows_no_dialog_and_the_next_two_keys_are_recorded(window, service, in_surgery, actions):
    live = window.live
    live.take_keys()
    press(actions, Qt.Key.Key_I)  # a second incision
    assert QApplication.activeModalWidget() is None
    assert live.notice.isVisible() and "already recorded" in live.notice.text()
    assert window.saved.state == "failed"
    press(actions, Qt.Key.Key_G)
    press(actions, Qt.Key.Key_U)
    assert kinds(service, in_surgery)[-2:] == ["inspect_icg", "ious"]
    assert live.notice.text() == ""


def test_a_key_of_no_event_or_of_an_event_not_available_is_said(window, service, in_surgery, actions):
    live = window.live
    live.take_keys()
    press(actions, Qt.Key.Key_J)  # no event has it (M opens the menu of the events without a button)
    assert "No event has the key J." in live.notice.text()
    actions.answer_dialog(  # lesion 2 has no specimen finding yet: end the surgery all the same
        QApplication.activeModalWidget,
        lambda box: box.button(QMessageBox.StandardButton.Yes).click(),
    )
    press(actions, Qt.Key.Key_Z)
    window.activateWindow()  # offscreen no window manager gives the activation back after a dialog
    QApplication.processEvents()
    press(actions, Qt.Key.Key_F)  # surgery has ended: the key's button is disabled
    assert "surgery has ended" in live.notice.text()
    assert QApplication.activeModalWidget() is None


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


def test_a_wrong_size_is_named_on_escape_and_keeps_the_keys(window, service, in_surgery, actions):
    live = window.live
    size = live.lesion_panel.form.editors["size_mm"].input
    actions.click(size)
    actions.type(size, "1..5")
    press(actions, Qt.Key.Key_Escape)
    assert "Size" in live.notice.text() and QApplication.activeModalWidget() is None
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


def test_opposite_specimen_findings_are_not_both_taken(window, service, in_surgery, actions):
    press(actions, Qt.Key.Key_E)
    press(actions, Qt.Key.Key_1)
    assert window.saved.state == "saved"
    press(actions, Qt.Key.Key_0)  # the opposite finding on the same lesion
    message = window.live.notice.text()
    assert "already recorded as Specimen side fluorescent" in message and "strike that through" in message
    assert window.saved.state == "failed"
    proc = service.load(in_surgery)
    assert kinds(service, in_surgery)[-1] == "specimen_fluorescent"
    assert derive.assess_lesion(proc, proc.current_lesion_id).specimen_fluorescent is True
    press(actions, Qt.Key.Key_R)
    press(actions, Qt.Key.Key_X)  # "not safe" after "done": contradictory
    assert "re-resection outcome is already recorded" in window.live.notice.text()
    assert derive.assess_lesion(service.load(in_surgery), proc.current_lesion_id).reresection == "done"
