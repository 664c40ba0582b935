"""Correcting the study ID on the Record tab, through the real dialog: done with a reason, refused in words."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QDialogButtonBox

from mimic_desktop.services import study_id_correction
from mimic_desktop.services.accounts import AccountService
from tests.support.enrolment import ENROLMENT
from tests.support.record_window import open_record


def fill(new_id: str, reason: str):
    def respond(dialog) -> None:
        assert dialog.objectName() == "studyIdDialog"
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        dialog.new_id.setText(new_id)
        assert not ok.isEnabled(), "no correction without its reason"
        dialog.reason.setText(reason)
        ok.click()

    return respond


def test_the_record_tab_corrects_the_study_id_with_its_reason(make_window, store, coordinator, service, actions):
    proc_id = service.create("MIM-03-001", "03", ENROLMENT)
    window = open_record(make_window, store, coordinator, proc_id)
    view = window.record
    actions.answer_dialog(QApplication.activeModalWidget, fill("MIM-03-010", "patient number typed wrong"))
    actions.click(view.correct_id)
    assert service.load(proc_id).study_id == "MIM-03-010"
    assert view.heading.text().startswith("MIM-03-010")
    [correction] = study_id_correction.corrections(service, proc_id)
    assert (correction.from_id, correction.reason, correction.by) == (
        "MIM-03-001",
        "patient number typed wrong",
        coordinator.id,
    )


def test_a_taken_or_malformed_study_id_is_refused_in_the_windows_language(
    make_window, store, coordinator, service, actions, shown_errors
):
    proc_id = service.create("MIM-03-001", "03", ENROLMENT)
    service.create("MIM-03-002", "03", ENROLMENT)
    window = open_record(make_window, store, coordinator, proc_id, lang="nl")
    actions.answer_dialog(QApplication.activeModalWidget, fill("MIM-03-002", "verkeerd getypt"))
    actions.click(window.record.correct_id)
    actions.answer_dialog(QApplication.activeModalWidget, fill("MIM-04-003", "verkeerd getypt"))
    actions.click(window.record.correct_id)
    assert len(shown_errors) == 2
    assert "al in gebruik" in shown_errors[0] and "MIM-03-002" in shown_errors[0]
    assert "MIM-04-003" in shown_errors[1]
    shown_errors.clear()
    assert service.load(proc_id).study_id == "MIM-03-001"
    assert study_id_correction.corrections(service, proc_id) == []


def test_a_monitor_is_not_offered_the_correction(make_window, store, coordinator, service):
    proc_id = service.create("MIM-03-001", "03", ENROLMENT)
    monitor = AccountService(store).create_user("mo", "Mo Monitor", "monitor", "monitor password", by=coordinator)
    window = open_record(make_window, store, monitor, proc_id)
    assert window.record.correct_id.isHidden()
