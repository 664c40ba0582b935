"""Letting another surgeon sign a record's questionnaire: which surgeon, and why (kept with the delegation)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from ...domain.errors import MimicError
from ...domain.roles import User
from ..labels import message_label


class DelegateDialog(QDialog):
    """delegate(username, reason) records the delegation or raises; the dialog stays open with the refusal."""

    def __init__(
        self,
        study_id: str,
        surgeons: list[User],
        delegate: Callable[[str, str], object],
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.delegate = delegate
        self.setObjectName("delegateDialog")
        self.setWindowTitle(self.tr("Let another surgeon sign"))
        self.setMinimumWidth(520)
        layout = QFormLayout(self)
        explanation = QLabel(
            self.tr(
                "The operating surgeon signs the questionnaire of %1. Another surgeon signs it only with a delegation: "
                "say who, and why."
            ).replace("%1", study_id)
        )
        explanation.setWordWrap(True)
        layout.addRow(explanation)
        self.surgeon = QComboBox()
        self.surgeon.setObjectName("delegateSurgeon")
        for account in surgeons:
            self.surgeon.addItem(f"{account.full_name} ({account.username})", account.username)
        layout.addRow(self.tr("Surgeon"), self.surgeon)
        self.reason = QLineEdit()
        self.reason.setObjectName("delegateReason")
        layout.addRow(self.tr("Reason"), self.reason)
        self.message = message_label("delegateMessage")
        layout.addRow(self.message)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.confirm = self.buttons.addButton(self.tr("Record the delegation"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.confirm.setObjectName("confirmDelegation")
        self.confirm.setEnabled(False)
        self.reason.textChanged.connect(
            lambda text: self.confirm.setEnabled(bool(text.strip()) and self.surgeon.count() > 0)
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addRow(self.buttons)

    def accept(self) -> None:
        try:
            self.delegate(self.surgeon.currentData(), self.reason.text())
        except MimicError as error:
            self.message.setText(str(error))
            return
        super().accept()
