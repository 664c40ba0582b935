"""What still stands between the record and completion, and Complete and lock once nothing does."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QPushButton, QVBoxLayout, QWidget

from ...domain.clock import local_text
from ...domain.record import Procedure
from ...services.backups import BackupFailed
from .. import dialogs
from ..labels import heading
from .access import RecordAccess
from .pages import RecordPage


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
