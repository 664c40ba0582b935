"""A time correction takes the time exactly as typed, to the second, and is refused when it changes nothing."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt

from mimic_desktop.domain.errors import ValidationError
from mimic_desktop.ui.dialogs import CorrectTimeDialog
from tests.support.enrolment import in_surgery
from tests.support.ui_steps import select_event


@pytest.fixture
def window(make_window, store, coordinator, service):
    opened = make_window(store, coordinator)
    opened.open_procedure(in_surgery(service))
    return opened


def correct_lesion_event(window, service, actions, respond) -> None:
    event = service.load(window.proc_id).live_events()[-1]
    select_event(actions, window.live.timeline, event.id)
    actions.answer_dialog(lambda: window.live.findChild(CorrectTimeDialog), respond)
    actions.click(window.live.timeline.correct_button)


def test_a_typed_date_and_time_is_kept_to_the_second(window, service, actions):
    old = service.load(window.proc_id).live_events()[-1]
    wanted = (old.moment - timedelta(seconds=36)).astimezone()
    typed = wanted.strftime("%Y-%m-%d %H:%M:%S")

    def respond(dialog: CorrectTimeDialog) -> None:
        dialog.when.selectAll()
        actions.type(dialog.when, typed)
        actions.type(dialog.reason, "clock read late")
        assert dialog.ok.isEnabled()
        actions.key(dialog.reason, Qt.Key.Key_Return)

    correct_lesion_event(window, service, actions, respond)
    new = service.load(window.proc_id).live_events()[-1]
    assert new.kind == old.kind and new.id != old.id
    assert new.moment.astimezone().strftime("%Y-%m-%d %H:%M:%S") == typed


def test_the_recorded_time_cannot_be_given_as_the_correction(window, service, actions):
    before = [(e.id, e.struck) for e in service.load(window.proc_id).events]
    seen = {}

    def respond(dialog: CorrectTimeDialog) -> None:
        actions.type(dialog.reason, "checking")
        seen["ok"], seen["problem"] = dialog.ok.isEnabled(), dialog.problem.text()
        dialog.reject()

    correct_lesion_event(window, service, actions, respond)
    assert seen == {"ok": False, "problem": "This is the recorded time: type the time it really happened."}
    assert [(e.id, e.struck) for e in service.load(window.proc_id).events] == before


def test_the_service_refuses_a_correction_to_the_same_second(service):
    proc_id = in_surgery(service)
    event = service.load(proc_id).live_events()[-1]
    with pytest.raises(ValidationError, match="is already at"):
        service.correct_event_time(event.id, event.moment.replace(microsecond=0), "same")
    assert not any(e.struck for e in service.load(proc_id).events)
