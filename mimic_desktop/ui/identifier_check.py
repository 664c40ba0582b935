"""Free text that looks like it holds an identifier of the patient, said where it is typed and kept only with a reason.

The warning stands under the text while it is typed (IdentifierNote); saving such text asks whether to rewrite it or
to save it as typed with a reason (ask_keep_reason), which the service records in the audit trail beside the text.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..domain import identifiers
from ..domain.wording import Sayable
from .i18n import said


class IdentifierNote(QLabel):
    """One line under a free text: empty and hidden while the text looks clean, the warning while it does not."""

    def __init__(self, what: Sayable, parent: QWidget | None = None):
        super().__init__(parent)
        self.what = what
        self.setObjectName("identifierWarning")
        self.setWordWrap(True)
        self.setProperty("role", "warning")
        self.hide()

    def check(self, text: str) -> bool:
        """Show or hide the warning for this text; True while it looks like it holds an identifier."""
        warning = identifiers.typed_warning(text, self.what)
        self.setText(said(warning) if warning else "")
        self.setVisible(warning is not None)
        return warning is not None


class KeepIdentifierDialog(QDialog):
    """Rewrite the text (the default, and Escape) or save it as typed, with a reason."""

    def __init__(self, warning: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("keepIdentifier")
        self.setWindowTitle(self.tr("This text may identify the patient"))
        layout = QVBoxLayout(self)
        label = QLabel(warning)
        label.setObjectName("keepIdentifierWarning")
        label.setWordWrap(True)
        label.setMinimumWidth(480)
        layout.addWidget(label)
        layout.addWidget(QLabel(self.tr("To save it as typed, say why (kept in the audit trail):")))
        self.reason = QLineEdit()
        self.reason.setObjectName("keepIdentifierReason")
        layout.addWidget(self.reason)
        buttons = QDialogButtonBox()
        self.rewrite = QPushButton(self.tr("Rewrite it"))
        self.rewrite.setObjectName("rewriteText")
        self.keep = QPushButton(self.tr("Save as typed"))
        self.keep.setObjectName("saveAsTyped")
        self.keep.setEnabled(False)
        buttons.addButton(self.rewrite, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.addButton(self.keep, QDialogButtonBox.ButtonRole.AcceptRole)
        self.rewrite.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.reason.textChanged.connect(lambda text: self.keep.setEnabled(bool(text.strip())))
        layout.addWidget(buttons)


def ask_keep_reason(parent: QWidget | None, warning: str) -> str | None:
    """The reason to save the text as typed; None when the person chose to rewrite it."""
    dialog = KeepIdentifierDialog(warning, parent)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    reason = dialog.reason.text().strip()
    dialog.deleteLater()
    return reason if accepted and reason else None
