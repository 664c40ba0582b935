"""The form that creates an account: the first coordinator's at sign-in, or any account from the accounts page."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from ..domain.errors import MimicError
from ..domain.roles import User
from . import i18n
from .labels import message_label


class AccountFormDialog(QDialog):
    """User name, full name, an optional role and the password typed twice by the account's owner.

    Subclasses say who the account is for (make_account) and what the form adds (the intro or the role).
    user is set once an account was made.
    """

    def __init__(self, object_name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.user: User | None = None
        self.setObjectName(object_name)
        self.setMinimumWidth(460)
        self.form = QFormLayout(self)
        self.username = QLineEdit()
        self.username.setObjectName("username")
        self.full_name = QLineEdit()
        self.full_name.setObjectName("fullName")
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.repeat = QLineEdit()
        self.repeat.setObjectName("repeat")
        for edit in (self.password, self.repeat):
            edit.setEchoMode(QLineEdit.EchoMode.Password)

    def lay_out(self, message_name: str, *, intro: str = "", role: QComboBox | None = None) -> None:
        """Place the fields, the message line and the buttons (after a subclass made its own widgets)."""
        if intro:
            label = QLabel(intro)
            label.setWordWrap(True)
            self.form.addRow(label)
        self.form.addRow(self.tr("User name"), self.username)
        self.form.addRow(self.tr("Full name"), self.full_name)
        if role is not None:
            self.form.addRow(self.tr("Role"), role)
            hint = QLabel(self.tr("The account's owner types the password: at least 10 characters."))
            hint.setProperty("role", "caption")
            hint.setWordWrap(True)
            self.form.addRow(hint)
        self.form.addRow(self.tr("Password"), self.password)
        self.form.addRow(self.tr("Password again"), self.repeat)
        self.message = message_label(message_name)
        self.form.addRow(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Create account"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.form.addRow(buttons)

    def make_account(self) -> User:
        raise NotImplementedError

    def accept(self) -> None:
        if self.password.text() != self.repeat.text():
            self.message.setText(self.tr("The two passwords differ."))
            return
        try:
            self.user = self.make_account()
        except MimicError as error:
            self.message.setText(i18n.said(error))
            return
        super().accept()
