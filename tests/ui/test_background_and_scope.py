"""Long work runs off the UI thread behind a progress bar; event keys act only on the live screen."""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt

from mimic_desktop.domain.errors import ValidationError
from mimic_desktop.ui.worker import Task
from tests.support.enrolment import ENROLMENT


def test_background_task_shows_progress_and_delivers_its_result(make_window, store, coordinator, qtbot):
    window = make_window(store, coordinator)
    release = threading.Event()
    results = []

    def slow_work(progress):
        progress(1, 3, "first part")
        release.wait(30)
        return threading.current_thread() is not threading.main_thread()

    window.run_task(Task(slow_work, with_progress=True), on_done=results.append)
    qtbot.waitUntil(lambda: window.progress.maximum() == 3)
    assert window.progress.isVisible()
    release.set()
    qtbot.waitUntil(lambda: results == [True])
    assert not window.progress.isVisible()


def test_background_failure_is_shown_in_plain_words(make_window, store, coordinator, qtbot, shown_errors):
    window = make_window(store, coordinator)

    def refuse():
        raise ValidationError("The session file could not be written: the USB stick is full.")

    window.run_task(Task(refuse))
    qtbot.waitUntil(lambda: shown_errors != [])
    assert shown_errors == ["The session file could not be written: the USB stick is full."]
    shown_errors.clear()
    assert not window.progress.isVisible()


def test_event_keys_do_nothing_while_the_record_tab_shows(make_window, store, coordinator, service, qtbot):
    proc_id = service.create("MIM-03-001", "03", ENROLMENT)
    window = make_window(store, coordinator)
    window.open_procedure(proc_id)
    window.tabs.setCurrentIndex(1)
    qtbot.keyClick(window.tabs.widget(1), Qt.Key.Key_I)
    assert service.load(proc_id).events == []
    window.tabs.setCurrentIndex(0)
    qtbot.keyClick(window.live, Qt.Key.Key_I)
    assert [e.kind for e in service.load(proc_id).events] == ["incision"]


def test_typed_lesion_values_are_saved_before_the_next_event(make_window, store, coordinator, service, qtbot):
    proc_id = service.create("MIM-03-001", "03", ENROLMENT)
    window = make_window(store, coordinator)
    window.open_procedure(proc_id)
    qtbot.keyClick(window.live, Qt.Key.Key_I)
    qtbot.keyClick(window.live, Qt.Key.Key_L)
    window.live.details_button.click()
    size = window.live.lesion_panel.form.editors["size_mm"].input
    qtbot.keyClicks(size, "31")
    assert service.load(proc_id).lesions[0].get("size_mm") is None  # typing pauses before saving
    qtbot.keyClick(window.live, Qt.Key.Key_U)
    assert service.load(proc_id).lesions[0].get("size_mm") == 31
    assert [e.kind for e in service.load(proc_id).events][-1] == "ious"
