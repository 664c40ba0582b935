"""Undoing by keyboard on the live screen: Backspace strikes the last event with a reason picked or typed, a
time correction shifts by whole minutes, and an unfinished record is asked about before the end of surgery."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from mimic_desktop.ui.dialogs import CorrectTimeDialog
from mimic_desktop.ui.live.strike_dialog import StrikeDialog
from tests.support.enrolment import in_surgery as surgery_under_way


@pytest.fixture
def in_surgery(service):
    return surgery_under_way(service, ("incision", "lesion_found", "transection_start"))


@pytest.fixture
def window(make_window, store, coordinator, in_surgery):
    opened = make_window(store, coordinator)
    opened.open_procedure(in_surgery)
    opened.live.take_keys()
    return opened


def keys_into_next_dialog(qtbot, find, *keys) -> list:
    """Press these keys in the modal dialog the next action opens, one after the other, as a person would."""
    seen = []

    def act(tries: int = 0) -> None:
        dialog = find()
        if dialog is None:
            assert tries < 200, "the expected dialog did not open"
            QTimer.singleShot(10, lambda: act(tries + 1))  # the action has not opened it yet
            return
        seen.append(dialog)
        dialog.activateWindow()
        for key in keys:
            # Offscreen no window manager activates the dialog: the keys go to the widget with its focus.
            target = dialog.focusWidget() or dialog
            if isinstance(key, str):
                qtbot.keyClicks(target, key)
            else:
                qtbot.keyClick(target, key)

    QTimer.singleShot(0, act)
    return seen


def live_kinds(service, proc_id) -> list[str]:
    return [e.kind for e in service.load(proc_id).live_events()]


def test_backspace_then_a_reason_s_number_and_enter_strikes_the_last_event(window, service, in_surgery, qtbot):
    keys_into_next_dialog(qtbot, lambda: window.live.findChild(StrikeDialog), Qt.Key.Key_1, Qt.Key.Key_Return)
    qtbot.keyClick(window.live, Qt.Key.Key_Backspace)
    proc = service.load(in_surgery)
    struck = max(proc.events, key=lambda e: e.id)
    assert struck.kind == "transection_start" and struck.struck
    assert struck.struck_reason == "Pressed by mistake"
    assert live_kinds(service, in_surgery) == ["incision", "lesion_found"]


def test_backspace_then_a_typed_reason(window, service, in_surgery, qtbot):
    keys_into_next_dialog(
        qtbot,
        lambda: window.live.findChild(StrikeDialog),
        Qt.Key.Key_Tab,
        "the surgeon only marked the line",
        Qt.Key.Key_Return,
    )
    qtbot.keyClick(window.live, Qt.Key.Key_Backspace)
    struck = max(service.load(in_surgery).events, key=lambda e: e.id)
    assert struck.struck and struck.struck_reason == "the surgeon only marked the line"


def test_escape_in_the_strike_dialog_strikes_nothing(window, service, in_surgery, qtbot):
    keys_into_next_dialog(qtbot, lambda: window.live.findChild(StrikeDialog), Qt.Key.Key_Escape)
    qtbot.keyClick(window.live, Qt.Key.Key_Backspace)
    assert live_kinds(service, in_surgery) == ["incision", "lesion_found", "transection_start"]


@pytest.mark.parametrize("field", ["size_mm", "source"])
def test_backspace_in_a_field_stays_in_the_field(window, service, in_surgery, qtbot, field):
    box = window.live.lesion_panel.form.editors[field].input
    box.setFocus()
    if field == "size_mm":
        qtbot.keyClicks(box, "12")
    qtbot.keyClick(box, Qt.Key.Key_Backspace)
    assert QApplication.activeModalWidget() is None and window.live.findChild(StrikeDialog) is None
    assert live_kinds(service, in_surgery) == ["incision", "lesion_found", "transection_start"]
    if field == "size_mm":
        assert box.text() == "1"


def test_a_time_correction_shifts_by_whole_minutes(window, service, in_surgery, qtbot):
    incision = service.load(in_surgery).live_events()[0]

    def shift(dialog: CorrectTimeDialog) -> None:
        dialog.shift_buttons[-5].click()
        qtbot.keyClick(dialog.when, Qt.Key.Key_Down)  # one more minute earlier, without retyping
        qtbot.keyClicks(dialog.reason, "clock read late")
        qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)

    def act() -> None:
        shift(window.live.findChild(CorrectTimeDialog))

    QTimer.singleShot(0, act)
    window.live.correct(incision.id)
    corrected = service.load(in_surgery).first_event("incision")
    assert corrected.id != incision.id
    assert corrected.moment == incision.moment.replace(microsecond=0) - timedelta(minutes=6)


def test_a_shift_into_a_slot_the_order_forbids_is_said_in_place(window, service, in_surgery, qtbot):
    start = service.load(in_surgery).live_events()[-1]

    def act() -> None:
        dialog = window.live.findChild(CorrectTimeDialog)
        dialog.shift_buttons[-5].click()  # before the incision, two minutes earlier
        dialog.reason.setText("clock")
        dialog.accept()

    QTimer.singleShot(0, act)
    window.live.correct(start.id)
    assert "Transection start at" in window.live.notice.text()
    assert "needs Incision before it" in window.live.notice.text()
    assert QApplication.activeModalWidget() is None
    assert live_kinds(service, in_surgery)[-1] == "transection_start"


def answer_closure(qtbot, yes: bool) -> list:
    """Answer the end-of-surgery question from the keyboard: Escape for No, Tab to Yes and Space for Yes."""

    def find():
        box = QApplication.activeModalWidget()
        return box if isinstance(box, QMessageBox) and box.objectName() == "confirmClosure" else None

    keys = (Qt.Key.Key_Tab, Qt.Key.Key_Space) if yes else (Qt.Key.Key_Escape,)
    return keys_into_next_dialog(qtbot, find, *keys)


def test_end_of_surgery_before_any_incision_is_asked_about(make_window, store, coordinator, service, qtbot):
    proc_id = surgery_under_way(service, ())
    window = make_window(store, coordinator)
    window.open_procedure(proc_id)
    live = window.live
    live.take_keys()
    seen = answer_closure(qtbot, yes=False)
    qtbot.keyClick(live, Qt.Key.Key_Z)
    assert "No incision is recorded." in seen[0].text()
    assert live_kinds(service, proc_id) == []
    assert "End of surgery not recorded" in live.notice.text()
    window.activateWindow()  # offscreen no window manager gives the activation back after a dialog
    QApplication.processEvents()
    live.take_keys()
    seen = answer_closure(qtbot, yes=True)
    qtbot.keyClick(live, Qt.Key.Key_Z)
    assert seen, "asked again"
    assert live_kinds(service, proc_id) == ["closure"]


def test_end_of_surgery_with_a_lesion_without_specimen_finding_is_asked_about(window, service, in_surgery, qtbot):
    seen = answer_closure(qtbot, yes=False)
    qtbot.keyClick(window.live, Qt.Key.Key_Z)
    assert "Lesion 1 has no specimen finding" in seen[0].text()
    assert "closure" not in live_kinds(service, in_surgery)
    window.activateWindow()  # offscreen no window manager gives the activation back after a dialog
    QApplication.processEvents()
    window.live.take_keys()
    for key in (Qt.Key.Key_E, Qt.Key.Key_0, Qt.Key.Key_Z):  # transection end, specimen clear, end of surgery
        qtbot.keyClick(window.live, key)
    assert live_kinds(service, in_surgery)[-3:] == ["transection_end", "specimen_clear", "closure"], "not asked"


def test_the_question_is_in_dutch_on_a_dutch_screen(make_window, store, coordinator, service, qtbot, ui_app):
    from mimic_desktop.ui import i18n

    proc_id = surgery_under_way(service, ())
    i18n.install(ui_app, "nl")
    window = make_window(store, coordinator, lang="nl")
    window.open_procedure(proc_id)
    window.live.take_keys()
    seen = answer_closure(qtbot, yes=False)
    qtbot.keyClick(window.live, Qt.Key.Key_Z)
    assert "Er is geen incisie vastgelegd." in seen[0].text()


def test_a_typed_reason_past_the_limit_is_refused_in_place_and_nothing_is_struck(window, service, in_surgery, qtbot):
    from mimic_desktop.domain.values import REASON_LIMIT

    keys_into_next_dialog(
        qtbot,
        lambda: window.live.findChild(StrikeDialog),
        Qt.Key.Key_Tab,
        "pressed by mistake; " * (REASON_LIMIT // 20 + 1),
        Qt.Key.Key_Return,
    )
    qtbot.keyClick(window.live, Qt.Key.Key_Backspace)
    qtbot.waitUntil(lambda: bool(window.live.notice.text()))
    assert f"at most {REASON_LIMIT:,} characters" in window.live.notice.text()
    assert live_kinds(service, in_surgery) == ["incision", "lesion_found", "transection_start"]
