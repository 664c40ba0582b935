"""Correcting the record's study ID: the right ID and why, in one dialog; the service refuses a wrong one in words."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget


class StudyIdDialog(QDialog):
    """Asks for the new study ID and the reason; OK only once both are given."""

    def __init__(self, study_id: str, signed: bool = False, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("studyIdDialog")
        self.setWindowTitle(self.tr("Correct the study ID"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "%1 is this record's study ID now. The correction and its reason go with every later session file, "
                "so that the trial office keeps the record's earlier versions under the right ID."
            ).replace("%1", study_id)
        )
        if signed:
            intro.setText(
                intro.text()
                + "\n\n"
                + self.tr(
                    "The questionnaire's signature names the study ID: it is voided with the correction, and the "
                    "surgeon signs again."
                )
            )
        intro.setWordWrap(True)
        intro.setMinimumWidth(480)
        layout.addWidget(intro)
        form = QFormLayout()
        self.new_id = QLineEdit()
        self.new_id.setObjectName("newStudyId")
        self.new_id.setPlaceholderText("MIM-CC-NNN")
        self.new_id.setAccessibleName(self.tr("Right study ID"))
        self.reason = QLineEdit()
        self.reason.setObjectName("studyIdReason")
        self.reason.setAccessibleName(self.tr("Reason for the correction"))
        form.addRow(self.tr("Right study ID"), self.new_id)
        form.addRow(self.tr("Reason"), self.reason)
        layout.addLayout(form)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.new_id.textChanged.connect(self._check)
        self.reason.textChanged.connect(self._check)
        self._check()

    def _check(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok is not None:
            ok.setEnabled(bool(self.new_id.text().strip() and self.reason.text().strip()))
