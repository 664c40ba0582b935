"""Sending the record to the trial office: its export state, the checks before export, and the export itself."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ...domain import derive
from ...domain.clock import local_text
from ...domain.errors import MimicError
from ...domain.record import Procedure
from ...domain.roles import Action
from ...services.export import ExportResult, ExportService, export_in_background
from .. import dialogs
from ..file_choice import ask_folder, documents_folder
from ..i18n import arg, said
from ..icons import icon
from ..labels import caption, heading
from ..worker import Task
from .access import RecordAccess
from .export_warnings import ExportWarningsDialog

# Hands a background task and what to do with its result to the window's progress bar.
RequestTask = Callable[[Task, Callable[[Any], None]], None]


def _restyle(label: QLabel, state: str) -> None:
    label.setProperty("state", state)
    label.style().unpolish(label)
    label.style().polish(label)


class SessionExportPanel(QWidget):
    """The session file for the trial office, written in the background into a chosen folder."""

    def __init__(
        self,
        access: RecordAccess,
        request_task: RequestTask,
        language: Callable[[], str],
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("sessionExport")
        self.access = access
        self.request_task = request_task
        self.language = language
        self.folder = documents_folder()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading(self.tr("Session file for the trial office")))
        about = self.tr(
            "The session file carries the record and its two PDFs, signed with this laptop's key, to the trial "
            "office on a USB stick or by e-mail. Only a completed record can be exported. A record changed after "
            "its export is exported again as the next version of the same session, and the trial office keeps "
            "the newest. Nothing on this laptop is deleted because it was exported."
        )
        layout.addWidget(caption(about))
        self.status = QLabel()
        self.status.setObjectName("exportStatus")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        row = QHBoxLayout()
        self.export_button = QPushButton(icon("mdi6.file-send-outline"), self.tr("Export session file…"))
        self.export_button.setObjectName("exportButton")
        self.export_button.clicked.connect(self.export_session)
        row.addWidget(self.export_button)
        row.addStretch(1)
        layout.addLayout(row)
        user = access.context.user
        self.allowed = bool(user and user.may(Action.EXPORT))
        self.export_button.setEnabled(self.allowed)
        if not self.allowed:
            refusal = arg(
                self.tr("Your role (%1) cannot export session files."), user.role.text(access.lang) if user else ""
            )
            layout.addWidget(caption(refusal, "exportRoleNotice"))
        self.result = QLabel()
        self.result.setObjectName("exportResult")
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.result)

    def refresh(self, proc: Procedure) -> None:
        """Say whether the record went out, and whether it changed since."""
        status = derive.status(proc)
        version, when = str(proc.export_version), local_text(proc.exported_at) if proc.exported_at else ""
        if derive.changed_since_export(status, proc.export_version):
            state = "changed"
            text = self.tr(
                "Changed since export: version %1 went out on %2. Export again to send version %3, which the trial "
                "office keeps in place of version %1 (same session)."
            )
        elif status is derive.Status.EXPORTED:
            state = "exported"
            text = self.tr("Exported: version %1 on %2. Nothing has changed since.")
        elif proc.locked:
            state = "ready"
            text = self.tr("Complete, not exported yet. The export will be version %3.")
        else:
            state = "unfinished"
            text = self.tr(
                "Not complete yet, so it cannot be exported: complete and lock it on the Completion page first."
            )
        self.status.setText(arg(text, version, when, proc.export_version + 1))
        _restyle(self.status, state)

    # -- exporting -------------------------------------------------------------------------
    def export_session(self) -> None:
        """Check first (role, completeness, free text); then ask for the folder and export in the background."""
        access = self.access
        try:
            check = ExportService(access.context.store, access.context.signed_in()).preflight(
                access.proc_id, access.context.lang
            )
        except MimicError as refusal:  # a role that may not export: refused, logged, said in words
            self._refuse(said(refusal))
            return
        if check.problems:
            why = self.tr(
                "The trial office takes only completed records: completing locks the record, so that the file "
                "holds what was checked."
            )
            self._refuse("\n\n".join([*check.problems, *([why] if check.incomplete else [])]))
            return
        if check.warnings and not self._confirm(check.study_id, check.warnings):
            self.result.setText(self.tr("Not exported. Change the record, then export again."))
            return
        # Whether the near-infrared frames leave the laptop is said before the file is written (a study setting).
        if check.frames and not dialogs.ask_yes_no(
            self, "exportFrames", "\n\n".join([check.frames, self.tr("Export the session file?")])
        ):
            self.result.setText(self.tr("Not exported."))
            return
        folder = ask_folder(self, self.tr("Export the session file into"), self.folder, self.access.lang)
        if folder is not None:
            self.export_to(folder)

    def _confirm(self, study_id: str, warnings: tuple[str, ...]) -> bool:
        dialog = ExportWarningsDialog(study_id, warnings, self)
        accepted = bool(dialog.exec())
        dialog.deleteLater()
        return accepted

    def _refuse(self, message: str) -> None:
        self.result.setText(message)
        dialogs.show_error(self, message)

    def export_to(self, folder: Path) -> None:
        """Write STUDYID-vN.mimic into folder off the UI thread; the page says what was written once it is."""
        self.folder = folder
        access = self.access
        task = Task(
            export_in_background,
            access.context.store.path,
            access.context.user,
            access.proc_id,
            folder,
            self.language(),
            with_progress=True,
        )
        task.signals.progress.connect(self._progress)
        task.signals.failed.connect(lambda _error: self._finished(self.tr("Nothing was exported.")))
        self.export_button.setEnabled(False)
        self.result.setText(arg(self.tr("Exporting into %1…"), folder))
        self.request_task(task, self.show_exported)

    def _progress(self, done: int, total: int, _what: str) -> None:
        self.result.setText(arg(self.tr("Exporting: step %1 of %2…"), min(done + 1, total), total))

    def show_exported(self, written: ExportResult) -> None:
        """Say what was written: file, version of the session, and the fingerprint of the key that signed it."""
        lines = [
            arg(self.tr("Written: %1"), written.path),
            arg(
                self.tr("%1, version %2 of session %3."), written.study_id, written.session_version, written.session_id
            ),
            arg(self.tr("Signed with this laptop's key, fingerprint %1."), written.key_fingerprint),
        ]
        if written.frames:
            lines.append(written.frames)
        if written.warnings:
            lines.append(self.tr("Noted when exporting:"))
            lines += [f"• {warning}" for warning in written.warnings]
        self._finished("\n".join(lines))
        self.access.announce()  # the export was noted in the record: its state and the list follow

    def _finished(self, text: str) -> None:
        self.result.setText(text)
        self.export_button.setEnabled(self.allowed)
