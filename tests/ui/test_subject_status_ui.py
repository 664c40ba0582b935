"""The subject status through the real widgets: set on the record's Completion page with a reason and a date,
refused in words while the date is wrong, shown in the heading and the procedure list, which can hide it."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from mimic_desktop.domain.subject_status import SubjectStatus
from mimic_desktop.ui import i18n
from mimic_desktop.ui.record.subject_status_dialog import SubjectStatusDialog
from tests.support.enrolment import ENROLMENT
from tests.support.record_window import open_record


def column(window, index: int) -> list[str]:
    table = window.list.table
    return [table.item(row, index).text() for row in range(table.rowCount())]


def test_a_patient_not_operated_is_set_on_the_record_and_can_be_hidden_from_the_list(
    make_window, store, coordinator, service, actions
):
    proc_id = service.create("MIM-03-050", "03", ENROLMENT)
    service.create("MIM-03-051", "03", ENROLMENT)
    window = open_record(make_window, store, coordinator, proc_id)
    completion = window.record.show_page("completion")
    assert "Enrolled" in completion.subject_status.text()
    assert not completion.complete_button.isEnabled()

    actions.click(completion.status_button)
    (dialog,) = completion.findChildren(SubjectStatusDialog, "subjectStatusDialog")
    assert dialog.isVisible()
    assert not dialog.confirm.isEnabled(), "no status without a reason"
    actions.choose(dialog.status, SubjectStatus.NOT_OPERATED.value)
    actions.type(dialog.reason, "surgery cancelled: progression on the scan")
    actions.type(dialog.day, "9999-12-31")
    actions.click(dialog.confirm)
    assert "lies ahead" in dialog.message.text() and dialog.isVisible()
    assert service.load(proc_id).subject_status == "enrolled", "nothing stored while the date is wrong"
    actions.retype(dialog.day, "")
    actions.click(dialog.confirm)
    QApplication.processEvents()
    assert not dialog.isVisible()

    stored = service.load(proc_id)
    assert (stored.subject_status, stored.subject_status_reason) == (
        "not_operated",
        "surgery cancelled: progression on the scan",
    )
    assert "Not operated since" in completion.subject_status.text()
    assert "progression on the scan" in completion.subject_status.text()
    assert window.record.heading.text().endswith("· Not operated")
    assert completion.complete_button.isEnabled(), "nothing more is asked of a patient left out of the analysis"

    window.tabs.setCurrentIndex(0)
    window.list.refresh()
    subjects = dict(zip(column(window, 0), column(window, 2), strict=True))
    assert subjects == {"MIM-03-050": "Not operated", "MIM-03-051": "Enrolled"}
    actions.click(window.list.hide_left)
    assert column(window, 0) == ["MIM-03-051"]
    actions.click(window.list.hide_left)
    assert sorted(column(window, 0)) == ["MIM-03-050", "MIM-03-051"]


def test_in_dutch_the_status_and_its_refusal_are_dutch(make_window, store, coordinator, service, actions, ui_app):
    i18n.install(ui_app, "nl")
    proc_id = service.create("MIM-03-052", "03", ENROLMENT)
    window = open_record(make_window, store, coordinator, proc_id, lang="nl")
    completion = window.record.show_page("completion")
    dialog = completion.change_subject_status()
    actions.choose(dialog.status, SubjectStatus.WITHDRAWN.value)
    actions.type(dialog.reason, "toestemming ingetrokken")
    actions.type(dialog.day, "2026-02-30")
    actions.click(dialog.confirm)
    assert "is geen datum" in dialog.message.text()
    actions.retype(dialog.day, "")
    actions.click(dialog.confirm)
    QApplication.processEvents()
    assert "Teruggetrokken sinds" in completion.subject_status.text()
    window.tabs.setCurrentIndex(0)
    window.list.refresh()
    assert column(window, 2) == ["Teruggetrokken"]
    assert window.list.hide_left.text() == "Alleen geïncludeerd"


def test_a_monitor_sees_the_status_but_cannot_change_it(make_window, store, coordinator, service):
    from mimic_desktop.services.accounts import AccountService

    proc_id = service.create("MIM-03-053", "03", ENROLMENT)
    service.set_subject_status(proc_id, SubjectStatus.EXCLUDED, "no CRLM on pathology")
    accounts = AccountService(store)
    accounts.create_user("mo.monitor", "Mo Monitor", "monitor", "monitor password 1", by=coordinator)
    monitor = accounts.sign_in("mo.monitor", "monitor password 1")
    window = open_record(make_window, store, monitor, proc_id)
    completion = window.record.show_page("completion")
    assert "Excluded since" in completion.subject_status.text()
    assert completion.status_button.isHidden()
