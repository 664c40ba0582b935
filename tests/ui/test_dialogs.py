"""Unexpected errors: a dialog that offers a report, and the record stays as it was."""

from __future__ import annotations

import sys

import pytest

from mimic_desktop.services import paths
from mimic_desktop.ui import dialogs
from tests.support.enrolment import ENROLMENT


def test_crash_dialog_saves_a_report(ui_app, qtbot):
    try:
        raise ZeroDivisionError("an unexpected slip")
    except ZeroDivisionError as error:
        caught = error
    dialog = dialogs.CrashDialog(caught)
    qtbot.addWidget(dialog)
    assert dialog.saved_to is None
    dialog.save_button.click()
    assert dialog.saved_to is not None and dialog.saved_to.parent == paths.data_dir() / "crash-reports"
    report = dialog.saved_to.read_text(encoding="utf-8")
    assert "ZeroDivisionError: an unexpected slip" in report
    assert "test_crash_dialog_saves_a_report" in report  # the traceback names where it happened
    assert str(dialog.saved_to) in dialog.where.text()


def test_excepthook_sends_bugs_to_the_crash_dialog_and_mimic_errors_to_a_message(ui_app, monkeypatch):
    from mimic_desktop.domain.errors import ValidationError

    crashes, messages = [], []
    monkeypatch.setattr(dialogs, "show_crash", crashes.append)
    monkeypatch.setattr(dialogs, "show_error", lambda _parent, error: messages.append(str(error)))
    dialogs.install_excepthook()
    try:
        assert sys.excepthook is dialogs.excepthook
        bug = KeyError("lesion")
        sys.excepthook(KeyError, bug, None)
        sys.excepthook(ValidationError, ValidationError("Size must be at least 1 mm."), None)
    finally:
        sys.excepthook = sys.__excepthook__
    assert crashes == [bug]
    assert messages == ["Size must be at least 1 mm."]


def test_an_unexpected_error_in_an_action_keeps_the_record_and_the_typing(
    make_window, store, coordinator, service, monkeypatch, qtbot
):
    proc_id = service.create("MIM-03-001", "03", ENROLMENT)
    window = make_window(store, coordinator)
    window.open_procedure(proc_id)
    window.live.log("incision")
    window.live.log("lesion_found")
    window.live.details_button.click()
    size = window.live.lesion_panel.form.editors["size_mm"].input
    qtbot.keyClicks(size, "23")

    def broken(*_args, **_kwargs):
        raise RuntimeError("disk controller hiccup")

    monkeypatch.setattr(type(service), "record_event", broken)
    with pytest.raises(RuntimeError):
        window.live.log("ious")
    events = [e.kind for e in service.load(proc_id).events]
    assert events == ["incision", "lesion_found"]
    lesion = service.load(proc_id).lesions[0]
    assert lesion.get("size_mm") == 23, "what was typed before the error was saved first"
    assert size.text() == "23"


def test_a_constraint_error_saying_full_reaches_the_crash_report_not_a_full_disk_message(
    ui_app, store, qtbot, monkeypatch, shown_errors
):
    try:
        with store.transaction():
            store.conn.execute("INSERT INTO users (username, full_name, role) VALUES ('nameless', NULL, 'coordinator')")
    except Exception as error:  # whatever the store raises is what an action's slot would meet
        raised = error
    crashes = []
    monkeypatch.setattr(dialogs, "show_crash", crashes.append)
    dialogs.excepthook(type(raised), raised, raised.__traceback__)
    assert crashes == [raised] and shown_errors == [], "a bug is reported, not worded as the machine's problem"
    dialog = dialogs.CrashDialog(raised)
    qtbot.addWidget(dialog)
    dialog.save_button.click()
    assert "NOT NULL constraint failed: users.full_name" in dialog.saved_to.read_text(encoding="utf-8")
