"""Redacting a typed text that identifies a patient: the text exactly as the record holds it, and why."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget


class RedactDialog(QDialog):
    """OK only with a text and a reason; the words say what happens, since it cannot be undone."""

    def __init__(self, text: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("redactDialog")
        self.setWindowTitle(self.tr("Redact a text"))
        layout = QFormLayout(self)
        what = QLabel(
            self.tr(
                "Every free text, note and reason of this record that is exactly this text, now or earlier, will read "
                "[redacted], here, in its history and in every PDF and session file made from now on. The text cannot "
                "be brought back. Who redacted it, when and why stays in the audit trail."
            )
        )
        what.setWordWrap(True)
        what.setMinimumWidth(480)
        layout.addRow(what)
        self.text = QLineEdit(text)
        self.text.setObjectName("redactText")
        layout.addRow(self.tr("Text"), self.text)
        self.reason = QLineEdit()
        self.reason.setObjectName("redactReason")
        layout.addRow(self.tr("Reason"), self.reason)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Redact"))
        self.ok.setObjectName("redactOk")
        self.text.textChanged.connect(self._check)
        self.reason.textChanged.connect(self._check)
        layout.addRow(buttons)
        self._check()

    def _check(self) -> None:
        self.ok.setEnabled(bool(self.text.text().strip() and self.reason.text().strip()))
