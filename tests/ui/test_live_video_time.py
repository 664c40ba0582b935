"""The live screen's video time, through real widgets: closed, it takes no key, no focus and no wheel; opened on
purpose (a click or F4) it claims every plain key until Enter saves or Escape cancels; a time that is no recording's
is refused in the notice line, without a dialog; once set, every event on the timeline shows its video position."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from mimic_desktop.domain import forms, video_time
from tests.support.enrolment import in_surgery as surgery_under_way
from tests.support.wheel import wheel


@pytest.fixture
def in_surgery(service):
    return surgery_under_way(service, ("incision", "lesion_found"))


@pytest.fixture
def window(make_window, store, coordinator, in_surgery):
    opened = make_window(store, coordinator)
    opened.open_procedure(in_surgery)
    return opened


def press(actions, key) -> None:
    actions.key(QApplication.focusWidget() or QApplication.activeWindow(), key)


def _key_of(kind: str) -> Qt.Key:
    return Qt.Key(ord(forms.events()[kind].key.upper()))


def kinds(service, proc_id) -> list[str]:
    return [e.kind for e in service.load(proc_id).live_events()]


def test_closed_it_takes_no_key_no_focus_and_no_wheel(window, service, in_surgery, actions):
    live = window.live
    assert "not set" in live.video.button.accessibleName() and not live.video.is_open
    wheel(live.video.button, 3)
    wheel(live.video, -3)
    assert not live.video.is_open and service.load(in_surgery).video_reference is None
    press(actions, _key_of("inspect_white_light"))
    assert kinds(service, in_surgery)[-1] == "inspect_white_light", "the key logged its event"
    assert QApplication.focusWidget() is live


def test_a_click_opens_it_and_the_time_typed_is_saved_at_incision(window, service, in_surgery, actions):
    live = window.live
    actions.click(live.video.button)
    assert live.video.is_open and QApplication.focusWidget() is live.video.line
    assert "video time" in live.keyboard_note.text()
    actions.type(live.video.line, "0:40")
    press(actions, _key_of("inspect_white_light"))  # a letter is no event while the line has the keys
    assert kinds(service, in_surgery)[-1] == "lesion_found"
    press(actions, Qt.Key.Key_Backspace)  # nor is Backspace a strike: it takes the letter back
    assert kinds(service, in_surgery)[-1] == "lesion_found" and QApplication.activeModalWidget() is None
    actions.type(live.video.line, ":00")
    press(actions, Qt.Key.Key_Return)
    proc = service.load(in_surgery)
    incision = proc.first_event(forms.marking("surgery_start").kind)
    assert proc.video_reference is not None and proc.video_reference.event_id == incision.id
    # Read 30 minutes and a little after the incision: the incision is at a little under 0:10:00.
    assert 9 * 60_000 < proc.video_reference.shown_ms <= 10 * 60_000
    assert not live.video.is_open and QApplication.focusWidget() is live, "the keys are back with the events"
    # The button says where the recording is now (read as 0:40:00 a moment ago); what it means names the incision's.
    assert live.video.button.text().startswith("0:40:") and "Video 0:09:" in live.video.button.accessibleName()
    assert "Incision" in live.video.button.toolTip()
    tree = live.timeline.tree
    positions = video_time.positions(proc)
    shown = [tree.topLevelItem(row).text(0) for row in range(tree.topLevelItemCount())]
    assert all(f" · {video_time.shown(ms)}" in text for text, ms in zip(shown, positions.values(), strict=True))
    assert tree.headerItem().text(0) == "Time · video"


def test_f4_opens_it_and_escape_leaves_everything_as_it_was(window, service, in_surgery, actions):
    live = window.live
    press(actions, Qt.Key.Key_F4)
    assert live.video.is_open and QApplication.focusWidget() is live.video.line
    actions.type(live.video.line, "1:00:00")
    press(actions, Qt.Key.Key_Escape)
    assert not live.video.is_open and QApplication.focusWidget() is live
    assert service.load(in_surgery).video_reference is None


def test_clicking_elsewhere_closes_it_without_saving(window, service, in_surgery, actions):
    live = window.live
    actions.click(live.video.button)
    actions.type(live.video.line, "0:10:00")
    live.setFocus()
    assert not live.video.is_open and service.load(in_surgery).video_reference is None


@pytest.mark.parametrize(
    ("typed", "named"), [("-0:01:00", "never negative"), ("9:99:99", "up to 59"), ("x", "H:MM:SS")]
)
def test_a_time_that_is_no_recordings_is_refused_in_the_notice_line(window, service, in_surgery, actions, typed, named):
    live = window.live
    press(actions, Qt.Key.Key_F4)
    actions.type(live.video.line, typed)
    press(actions, Qt.Key.Key_Return)
    assert named in live.notice.text()
    assert QApplication.activeModalWidget() is None
    assert service.load(in_surgery).video_reference is None
    press(actions, _key_of("inspect_white_light"))
    assert kinds(service, in_surgery)[-1] == "inspect_white_light", "the event keys work on"
