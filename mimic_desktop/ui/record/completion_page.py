"""What still stands between the record and completion, and Complete and lock once nothing does."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QPushButton, QVBoxLayout, QWidget

from ...domain.clock import local_text
from ...domain.record import Procedure
from ...domain.subject_status import SubjectStatus
from ...services.backups import BackupFailed
from .. import dialogs
from ..i18n import arg
from ..labels import heading
from .access import RecordAccess
from .pages import RecordPage
from .subject_status_dialog import SubjectStatusDialog


class CompletionPage(RecordPage):
    def __init__(self, access: RecordAccess, parent: QWidget | None = None):
        super().__init__(access, parent)
        self.setObjectName("completionPage")
        self.missing: list[str] = []
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Completion")))
        self.summary = QLabel()
        self.summary.setObjectName("completionSummary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.list = QListWidget()
        self.list.setObjectName("missingList")
        self.list.setWordWrap(True)
        layout.addWidget(self.list)
        row = QHBoxLayout()
        row.addStretch(1)
        self.complete_button = QPushButton(self.tr("Complete and lock"))
        self.complete_button.setObjectName("completeButton")
        self.complete_button.clicked.connect(self.complete)
        self.complete_button.setVisible(access.editable)
        row.addWidget(self.complete_button)
        layout.addLayout(row)
        layout.addWidget(heading(self.tr("Subject status")))
        status_row = QHBoxLayout()
        self.subject_status = QLabel()
        self.subject_status.setObjectName("subjectStatus")
        self.subject_status.setWordWrap(True)
        status_row.addWidget(self.subject_status, 1)
        self.status_button = QPushButton(self.tr("Change subject status…"))
        self.status_button.setObjectName("changeSubjectStatus")
        self.status_button.clicked.connect(self.change_subject_status)
        self.status_button.setVisible(access.editable)
        status_row.addWidget(self.status_button)
        layout.addLayout(status_row)
        layout.addStretch(1)

    def refresh(self, proc: Procedure) -> None:
        self.missing = [] if proc.locked else self.access.service().missing(proc.id, self.access.lang)
        self.list.clear()
        self.list.addItems(self.missing)
        self.list.setVisible(bool(self.missing))
        if proc.completed_at is not None:  # locked
            text = self.tr("Completed and locked on %1. A change now needs a reason, kept in the audit trail.")
            self.summary.setText(text.replace("%1", local_text(proc.completed_at)))
        elif self.missing:
            text = self.tr("Still missing before the record can be completed (%1):")
            self.summary.setText(text.replace("%1", str(len(self.missing))))
        else:
            self.summary.setText(self.tr("Nothing is missing: the record can be completed and locked."))
        self.complete_button.setEnabled(not proc.locked and not self.missing)
        self.subject_status.setText(self.status_text(proc))

    def status_text(self, proc: Procedure) -> str:
        status = SubjectStatus(proc.subject_status)
        if status.analysed:
            return self.tr("Enrolled: the patient is part of the trial's analysis.")
        text = self.tr("%1 since %2, and left out of the trial's analysis. Reason: %3")
        return arg(
            text, status.text(self.access.lang), proc.subject_status_date or "", proc.subject_status_reason or ""
        )

    def change_subject_status(self) -> SubjectStatusDialog:
        """Ask for the status, why and since when (without blocking); stored as one change with its reason."""
        access = self.access
        proc = access.proc

        def set_status(status: SubjectStatus, reason: str, day: str) -> None:
            access.service().set_subject_status(proc.id, status, reason, day.strip() or None, access.lang)
            access.announce()

        dialog = SubjectStatusDialog(proc.study_id, SubjectStatus(proc.subject_status), set_status, access.lang, self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def complete(self) -> None:
        access = self.access
        copy_failed: list[BackupFailed] = []

        def complete() -> None:
            try:
                access.service().complete(access.proc_id)
            except BackupFailed as failure:  # the completion is committed: the page shows it, then the problem
                copy_failed.append(failure)

        if access.run(self, complete) and copy_failed:
            dialogs.show_error(self, copy_failed[0])
