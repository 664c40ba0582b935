"""Before a session file is written: what to check first, with the choice to go back or export anyway."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListWidget, QVBoxLayout, QWidget

from ..i18n import arg
from ..labels import caption


class ExportWarningsDialog(QDialog):
    """Accepted means export anyway; rejected means go back and change the record first."""

    def __init__(self, study_id: str, warnings: Sequence[str], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("exportWarnings")
        self.setWindowTitle(self.tr("Check before export"))
        self.setMinimumWidth(640)
        layout = QVBoxLayout(self)
        intro = QLabel(
            arg(self.tr("The session file of %1 is about to leave the hospital. Please check first:"), study_id)
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.list = QListWidget()
        self.list.setObjectName("exportWarningList")
        self.list.setWordWrap(True)
        self.list.setSelectionMode(QListWidget.SelectionMode.NoSelection)
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.list.addItems(list(warnings))
        layout.addWidget(self.list)
        advice = self.tr(
            "Go back to change the record (a change to a completed record asks for a reason, kept in the audit "
            "trail), or export anyway when nothing here identifies the patient."
        )
        layout.addWidget(caption(advice))
        buttons = QDialogButtonBox()
        self.back_button = buttons.addButton(self.tr("Go back and fix"), QDialogButtonBox.ButtonRole.RejectRole)
        self.back_button.setObjectName("goBackButton")
        self.export_button = buttons.addButton(self.tr("Export anyway"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setObjectName("exportAnywayButton")
        self.back_button.setDefault(True)  # Enter takes the careful way
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
