"""Changing one's own password: by choice, or at once after a coordinator reset it."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from ..domain.errors import MimicError
from ..domain.roles import User
from ..services.accounts import APP, AccountService
from .labels import message_label


class ChangePasswordDialog(QDialog):
    """The current password (unless the sign-in just proved it), the new one twice; user is set once changed."""

    def __init__(
        self, accounts: AccountService, username: str, parent: QWidget | None = None, proven: str | None = None
    ):
        super().__init__(parent)
        self.accounts = accounts
        self.username = username
        self.proven = proven
        self.user: User | None = None
        self.setObjectName("changePassword")
        self.setWindowTitle(self.tr("Change my password"))
        self.setMinimumWidth(460)
        layout = QFormLayout(self)
        if proven is not None:
            intro = QLabel(self.tr("A coordinator reset your password. Choose a new one of your own before you go on."))
            intro.setObjectName("mustChangeHint")
            intro.setWordWrap(True)
            layout.addRow(intro)
        self.current = self._secret("current")
        self.new = self._secret("newPassword")
        self.repeat = self._secret("repeat")
        if proven is None:
            layout.addRow(self.tr("Current password"), self.current)
        layout.addRow(self.tr("New password"), self.new)
        layout.addRow(self.tr("New password again"), self.repeat)
        rule = QLabel(self.tr("At least 10 characters; not one of the passwords everybody tries first."))
        rule.setProperty("role", "caption")
        rule.setWordWrap(True)
        layout.addRow(rule)
        self.message = message_label("passwordMessage")
        layout.addRow(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Change password"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addRow(buttons)
        (self.new if proven is not None else self.current).setFocus()

    @staticmethod
    def _secret(name: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.setEchoMode(QLineEdit.EchoMode.Password)
        return edit

    def accept(self) -> None:
        if self.new.text() != self.repeat.text():
            self.message.setText(self.tr("The two new passwords differ."))
            return
        current = self.proven if self.proven is not None else self.current.text()
        try:
            self.user = self.accounts.change_password(self.username, current, self.new.text(), where=APP)
        except MimicError as error:
            self.message.setText(str(error))
            return
        super().accept()
