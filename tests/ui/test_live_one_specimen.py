"""Two lesions taken out in one specimen, chosen on the live screen by key (Ctrl+number) or in the "More" menu by
pointer: the transection and specimen events recorded meanwhile name both lesions, and each lesion gets the
finding; the events without a button of their own are in that menu too, each with its key."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction

from mimic_desktop.domain import derive, forms
from tests.support.enrolment import in_surgery as surgery_under_way
from tests.ui.test_live_keys import press


@pytest.fixture
def two_lesions(service):
    return surgery_under_way(service, ("incision", "lesion_found", "lesion_found"))


def _menu_action(live, name: str) -> QAction:
    live.more.fill()  # as the menu does when it opens
    action = live.more.menu_.findChild(QAction, name)
    assert action is not None, name
    return action


def test_one_specimen_of_two_lesions_by_key_and_by_pointer(
    make_window, store, coordinator, service, two_lesions, actions
):
    window = make_window(store, coordinator)
    window.open_procedure(two_lesions)
    live = window.live
    live.take_keys()
    first, second = service.load(two_lesions).lesions  # lesion 2 is the current one
    press_with = lambda key: actions.key(live, key, Qt.KeyboardModifier.ControlModifier)  # noqa: E731
    press_with(Qt.Key.Key_1)
    assert "One specimen: lesions 2, 1" in live.heading.text()
    assert _menu_action(live, "together_1").isChecked()
    press(actions, Qt.Key.Key_S)
    # The plane found clear has no button of its own: the menu offers it with its key.
    plane_clear = _menu_action(live, "more_plane_clear")
    assert plane_clear.text().endswith("\t" + forms.events()["plane_clear"].key)
    plane_clear.trigger()
    press(actions, Qt.Key.Key_1)  # specimen fluorescent
    proc = service.load(two_lesions)
    shared = [event for event in proc.live_events() if event.lesion_ids == (second.id, first.id)]
    assert [event.kind for event in shared] == ["transection_start", "plane_clear", "specimen_fluorescent"]
    tree = live.timeline.tree
    shown = [(tree.topLevelItem(i).text(1), tree.topLevelItem(i).text(2)) for i in range(tree.topLevelItemCount())]
    assert shown[-1] == ("Specimen side fluorescent (suspected R1)", "2, 1")
    for lesion in (first, second):
        findings = derive.assess_lesion(proc, lesion.id).findings
        assert (findings["plane_fluorescence"], findings["specimen_fluorescent"]) == (False, True)
    # Unticked by pointer, the next event is the current lesion's alone; an event of one lesion never names two.
    _menu_action(live, "together_1").trigger()
    assert "One specimen" not in live.heading.text()
    press(actions, Qt.Key.Key_E)
    press_with(Qt.Key.Key_1)
    press(actions, Qt.Key.Key_B)  # ablation belongs to one lesion
    proc = service.load(two_lesions)
    last = proc.live_events()[-2:]
    assert [(event.kind, event.lesion_ids) for event in last] == [
        ("transection_end", (second.id,)),
        ("ablation", (second.id,)),
    ]
    # Another lesion made current was taken out on its own: nothing stays ticked.
    actions.key(live, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    assert service.load(two_lesions).current_lesion_id == first.id
    assert "One specimen" not in live.heading.text()


@pytest.mark.qt_log_ignore("This plugin does not support raise", "This plugin does not support grabbing the keyboard")
def test_keys_pressed_with_the_menu_open_record_their_events_and_close_it(
    make_window, store, coordinator, service, two_lesions, qtbot
):
    window = make_window(store, coordinator)
    window.open_procedure(two_lesions)
    live = window.live
    live.take_keys()
    menu = live.more.menu_
    # A key of the menu's own events (the plane clear has no button) ...
    menu.popup(live.more.mapToGlobal(live.more.rect().bottomLeft()))
    qtbot.waitUntil(menu.isVisible)
    qtbot.keyClick(menu, Qt.Key.Key_S)  # a button's event first: the transection
    assert not menu.isVisible()
    menu.popup(live.more.mapToGlobal(live.more.rect().bottomLeft()))
    qtbot.waitUntil(menu.isVisible)
    qtbot.keyClick(menu, forms.events()["plane_clear"].key)
    assert not menu.isVisible()
    # ... and Ctrl+number ticks a lesion as on the screen itself.
    menu.popup(live.more.mapToGlobal(live.more.rect().bottomLeft()))
    qtbot.waitUntil(menu.isVisible)
    qtbot.keyClick(menu, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert not menu.isVisible() and "One specimen: lesions 2, 1" in live.heading.text()
    kinds = [event.kind for event in service.load(two_lesions).live_events()]
    assert kinds[-2:] == ["transection_start", "plane_clear"]
