"""The record's Timeline and video page through real widgets: each event with its position in the recording once a
reference is set in the dialog (any live event, a hostile time refused in words, a reason asked once locked), and
no way to set it for a monitor."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from mimic_desktop.domain import forms
from mimic_desktop.services.accounts import AccountService
from mimic_desktop.ui.record.timeline_page import VideoReferenceDialog
from tests.support.enrolment import in_surgery
from tests.support.record_window import open_record


def rows(page) -> list[tuple[str, str]]:
    tree = page.events
    return [(tree.topLevelItem(i).text(1), tree.topLevelItem(i).text(2)) for i in range(tree.topLevelItemCount())]


def test_the_reference_set_on_the_record_shows_every_events_position(make_window, store, coordinator, service, actions):
    proc_id = in_surgery(service, ("incision", "inspect_white_light", "lesion_found"))
    window = open_record(make_window, store, coordinator, proc_id)
    page = window.record.show_page("timeline")
    assert "No video time reference" in page.reference.text()
    assert all(video == "" for video, _ in rows(page))

    actions.click(page.set_button)
    (dialog,) = page.findChildren(VideoReferenceDialog, "videoReferenceDialog")
    incision = service.load(proc_id).first_event(forms.marking("surgery_start").kind)
    assert dialog.event_choice.currentData() == incision.id, "the incision is offered first"
    inspection = service.load(proc_id).live_events()[1]
    actions.choose(dialog.event_choice, inspection.id)
    actions.type(dialog.shown, "0:61:00")
    actions.click(dialog.confirm)
    assert "up to 59" in dialog.message.text() and dialog.isVisible()
    assert service.load(proc_id).video_reference is None
    actions.retype(dialog.shown, "1:00:00")
    actions.click(dialog.confirm)
    QApplication.processEvents()
    assert not dialog.isVisible()
    assert service.load(proc_id).video_reference.event_id == inspection.id
    assert [video for video, _ in rows(page)] == ["0:59:00", "1:00:00", "1:01:00"]
    assert "1:00:00" in page.reference.text()


def test_a_locked_record_asks_for_the_reason_in_the_dialog(make_window, store, coordinator, service, recorded, actions):
    service.complete(recorded)
    window = open_record(make_window, store, coordinator, recorded)
    page = window.record.show_page("timeline")
    actions.click(page.set_button)
    (dialog,) = page.findChildren(VideoReferenceDialog, "videoReferenceDialog")
    actions.type(dialog.shown, "0:00:05")
    actions.click(dialog.confirm)
    assert "reason" in dialog.message.text() and dialog.isVisible()
    actions.type(dialog.reason, "read off the recording after surgery")
    actions.click(dialog.confirm)
    QApplication.processEvents()
    assert not dialog.isVisible() and service.load(recorded).video_reference.shown == "0:00:05"
    assert all(video for video, _ in rows(page)), "every event, struck ones too, has its position"


def test_a_monitor_reads_the_positions_but_cannot_set_them(make_window, store, coordinator, service):
    proc_id = in_surgery(service, ("incision", "lesion_found"))
    service.set_video_reference(proc_id, "0:10:00")
    monitor = AccountService(store).create_user("mo.nitor", "Mo Nitor", "monitor", "monitor-pass", by=coordinator)
    window = open_record(make_window, store, monitor, proc_id)
    page = window.record.show_page("timeline")
    assert not page.set_button.isVisible()
    assert [video for video, _ in rows(page)] == ["0:10:00", "0:11:00"]
