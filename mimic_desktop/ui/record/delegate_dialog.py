"""Letting another surgeon sign a record's questionnaire: which surgeon, and why (kept with the delegation)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from ...domain.errors import LooksLikeIdentifier, MimicError
from ...domain.roles import User
from ...domain.values import TEXT_NAMES
from ..i18n import said
from ..identifier_check import IdentifierNote, ask_keep_reason
from ..labels import message_label


class DelegateDialog(QDialog):
    """delegate(username, reason, kept) records the delegation or raises; the dialog stays open with the refusal.
    kept: why a reason that looks like it holds an identifier is saved as typed (None until the person says so)."""

    def __init__(
        self,
        study_id: str,
        surgeons: list[User],
        delegate: Callable[[str, str, str | None], object],
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
        self.identifier_note = IdentifierNote(TEXT_NAMES["reason"])
        layout.addRow(self.identifier_note)
        self.reason.textChanged.connect(self.identifier_note.check)
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
        username, reason = self.surgeon.currentData(), self.reason.text()
        try:
            try:
                self.delegate(username, reason, None)
            except LooksLikeIdentifier as warning:
                kept = ask_keep_reason(self, said(warning))
                if kept is None:  # the person rewrites the reason: the dialog stays open
                    self.message.setText(self.tr("not saved: rewrite the text"))
                    self.reason.setFocus()
                    return
                self.delegate(username, reason, kept)
        except MimicError as error:
            self.message.setText(said(error))
            return
        super().accept()
