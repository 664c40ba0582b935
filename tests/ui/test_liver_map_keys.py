"""The Couinaud map from the keyboard: a visible focus mark, arrow keys between segments, Space or Enter to mark."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from mimic_desktop.domain import forms
from mimic_desktop.ui import themes
from mimic_desktop.ui.liver_map import DIRECTIONS, LiverMap
from tests.support.enrolment import in_surgery

CODES = forms.field_def("segments").choice_codes()


@pytest.fixture
def live_map(make_window, store, coordinator, service, actions):
    proc_id = in_surgery(service, ("incision", "lesion_found"))
    window = make_window(store, coordinator)
    window.open_procedure(proc_id)
    actions.click(window.live.details_button)
    shown = window.live.lesion_panel.map
    assert shown.isVisible()
    return window, proc_id, shown


def segments(service, proc_id) -> list[str]:
    proc = service.load(proc_id)
    return proc.lesion(proc.current_lesion_id).get("segments") or []


def test_arrow_keys_reach_every_segment(ui_app):
    """From any segment, the four arrow keys lead, step by step, to all nine."""
    shown = LiverMap()
    shown.resize(360, 230)
    for start in CODES:
        reached, todo = {start}, [start]
        while todo:
            code = todo.pop()
            for direction in DIRECTIONS.values():
                step = shown.neighbour(code, direction)
                if step not in reached:
                    reached.add(step)
                    todo.append(step)
        assert reached == set(CODES), f"from {start} the arrows never reach {set(CODES) - reached}"


def test_the_map_is_worked_from_the_keyboard(live_map, service, actions, qtbot):
    window, proc_id, shown = live_map
    window.activateWindow()
    shown.setFocus(Qt.FocusReason.TabFocusReason)
    assert shown.hasFocus()
    start = shown.focused
    actions.key(shown, Qt.Key.Key_Right)
    moved = shown.focused
    assert moved == shown.neighbour(start, DIRECTIONS[Qt.Key.Key_Right]) and moved != start
    assert moved in shown.accessibleDescription(), "assistive technology hears which segment the keys are on"
    actions.key(shown, Qt.Key.Key_Space)
    assert segments(service, proc_id) == [moved], "Space marked the segment, and it was saved"
    assert shown.segment_name(moved).endswith("marked") and "not marked" not in shown.segment_name(moved)
    actions.key(shown, Qt.Key.Key_Down)
    below = shown.focused
    actions.key(shown, Qt.Key.Key_Return)
    assert sorted(segments(service, proc_id)) == sorted({moved, below})
    actions.key(shown, Qt.Key.Key_Enter)
    assert segments(service, proc_id) == [moved], "Enter again unmarked it"

    events = len(service.load(proc_id).events)
    actions.key(shown, Qt.Key.Key_U)  # a letter is an event key still, with the map focused
    assert len(service.load(proc_id).events) == events + 1
    assert service.load(proc_id).events[-1].kind == "ious"
    assert segments(service, proc_id) == [moved]


@pytest.mark.parametrize("theme", ["dark", "light"])
def test_the_focused_segment_has_a_visible_mark(live_map, ui_app, theme):
    themes.apply(ui_app, theme)
    window, _proc_id, shown = live_map
    window.activateWindow()
    shown.clearFocus()
    QApplication.processEvents()
    without: QImage = shown.grab().toImage()
    shown.setFocus(Qt.FocusReason.TabFocusReason)
    QApplication.processEvents()
    with_focus: QImage = shown.grab().toImage()
    mark = themes.segment_colours()["focus"]
    marked = sum(
        with_focus.pixelColor(x, y) == mark for x in range(0, with_focus.width(), 2) for y in range(with_focus.height())
    )
    assert with_focus != without
    assert marked > 40, "the focus mark is drawn in the theme's focus colour"
    unmarked = sum(
        without.pixelColor(x, y) == mark for x in range(0, without.width(), 2) for y in range(without.height())
    )
    assert unmarked == 0


def test_f2_brings_the_map_to_the_keyboard_and_back(make_window, store, coordinator, service, actions):
    """Without the mouse: F2 shows the lesion details with the map focused, F2 again the event buttons."""
    proc_id = in_surgery(service, ("incision", "lesion_found"))
    window = make_window(store, coordinator)
    window.open_procedure(proc_id)
    live = window.live
    window.activateWindow()
    actions.key(live, Qt.Key.Key_F2)
    shown = live.lesion_panel.map
    assert shown.isVisible() and shown.hasFocus() and live.details_button.isChecked()
    actions.key(shown, Qt.Key.Key_Left)
    actions.key(shown, Qt.Key.Key_Space)
    assert segments(service, proc_id) == [shown.focused]
    actions.key(shown, Qt.Key.Key_F2)
    assert all(button.isVisible() for button in live.buttons.buttons.values())
    assert QApplication.focusWidget() is live and not live.details_button.isChecked()
    actions.key(live, Qt.Key.Key_U)
    assert service.load(proc_id).events[-1].kind == "ious"
