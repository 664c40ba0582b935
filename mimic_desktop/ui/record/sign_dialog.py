"""The surgeon's signature: what is signed (printed name, date and time, meaning), and their own password."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from ...domain.clock import local_text, utc_now
from ...domain.errors import AuthenticationFailed, MimicError
from ...domain.roles import User
from ..labels import message_label


class SignDialog(QDialog):
    """sign(password, meaning code) signs or raises; the dialog stays open with the reason until it succeeds or is
    cancelled. meanings are the (code, words) of the form's meanings that fit this signer; the first is chosen."""

    def __init__(
        self,
        study_id: str,
        user: User,
        meanings: list[tuple[str, str]],
        sign: Callable[[str, str], object],
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.sign = sign
        self.setObjectName("signDialog")
        self.setWindowTitle(self.tr("Sign the questionnaire"))
        self.setMinimumWidth(560)
        layout = QFormLayout(self)
        explanation = QLabel(
            self.tr(
                "Your signature binds your name, this moment and this meaning to the answers as they are now. "
                "Enter your own password to sign."
            )
        )
        explanation.setWordWrap(True)
        layout.addRow(explanation)
        layout.addRow(self.tr("Questionnaire of"), QLabel(study_id))
        layout.addRow(self.tr("Printed name"), QLabel(f"{user.full_name} ({user.username})"))
        self.when = QLabel(local_text(utc_now()))
        layout.addRow(self.tr("Date and time"), self.when)
        # The form defines what a signature can mean: one of its meanings is chosen, never free text.
        self.meaning = QComboBox()
        self.meaning.setObjectName("signMeaningChoice")
        for code, words in meanings:
            self.meaning.addItem(words, code)
            self.meaning.setItemData(self.meaning.count() - 1, words, Qt.ItemDataRole.ToolTipRole)
        self.meaning.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.meaning.setMinimumContentsLength(30)
        meaning_label = QLabel(meanings[0][1] if meanings else "")
        meaning_label.setObjectName("signMeaning")
        meaning_label.setWordWrap(True)
        self.meaning.currentIndexChanged.connect(lambda _i: meaning_label.setText(self.meaning.currentText()))
        layout.addRow(self.tr("Meaning"), self.meaning)
        layout.addRow("", meaning_label)
        self.password = QLineEdit()
        self.password.setObjectName("signPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        layout.addRow(self.tr("Your password"), self.password)
        self.message = message_label("signMessage")
        layout.addRow(self.message)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.sign_button = self.buttons.addButton(self.tr("Sign"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.sign_button.setObjectName("confirmSign")
        self.sign_button.setEnabled(False)
        self.password.textChanged.connect(lambda text: self.sign_button.setEnabled(bool(text)))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addRow(self.buttons)

    def accept(self) -> None:
        try:
            self.sign(self.password.text(), self.meaning.currentData())
        except AuthenticationFailed:
            self.message.setText(self.tr("Wrong password: the questionnaire was not signed. Enter your own password."))
            self.password.clear()
            return
        except MimicError as error:
            self.message.setText(str(error))
            return
        super().accept()
