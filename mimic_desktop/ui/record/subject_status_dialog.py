"""Setting whether the patient is still in the trial: the status, why, and the day it took effect."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from ...domain.errors import MimicError
from ...domain.subject_status import SubjectStatus
from ...domain.wording import said
from ..labels import message_label

# set_status(status, reason, day as typed) stores the status or raises with the reason it cannot.
SetStatus = Callable[[SubjectStatus, str, str], object]


class SubjectStatusDialog(QDialog):
    """The dialog stays open with the refusal in words until the status is stored or the user cancels."""

    def __init__(
        self, study_id: str, current: SubjectStatus, set_status: SetStatus, lang: str, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.set_status = set_status
        self.lang = lang
        self.setObjectName("subjectStatusDialog")
        self.setWindowTitle(self.tr("Subject status"))
        self.setMinimumWidth(520)
        layout = QFormLayout(self)
        explanation = QLabel(
            self.tr(
                "A patient withdrawn, excluded or not operated stays on this laptop with everything entered, and is "
                "left out of the trial's analysis. Say why, and since when, for %1."
            ).replace("%1", study_id)
        )
        explanation.setWordWrap(True)
        layout.addRow(explanation)
        self.status = QComboBox()
        self.status.setObjectName("subjectStatusChoice")
        for status in SubjectStatus:
            self.status.addItem(status.text(lang), status.value)
        # Offer a change: the first status other than the current one.
        self.status.setCurrentIndex(next(i for i, s in enumerate(SubjectStatus) if s is not current))
        layout.addRow(self.tr("Status"), self.status)
        self.reason = QLineEdit()
        self.reason.setObjectName("subjectStatusReason")
        layout.addRow(self.tr("Reason"), self.reason)
        self.day = QLineEdit()
        self.day.setObjectName("subjectStatusDate")
        self.day.setPlaceholderText(self.tr("today, or YYYY-MM-DD"))
        layout.addRow(self.tr("Since (YYYY-MM-DD)"), self.day)
        self.message = message_label("subjectStatusMessage")
        layout.addRow(self.message)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.confirm = self.buttons.addButton(self.tr("Set the status"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.confirm.setObjectName("confirmSubjectStatus")
        self.confirm.setEnabled(False)
        self.reason.textChanged.connect(lambda text: self.confirm.setEnabled(bool(text.strip())))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addRow(self.buttons)

    def accept(self) -> None:
        try:
            self.set_status(SubjectStatus(self.status.currentData()), self.reason.text(), self.day.text())
        except MimicError as error:
            self.message.setText(said(error, self.lang))  # in the record's language
            return
        super().accept()
