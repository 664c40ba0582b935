"""Signing in with a quick pick of the account, and creating the first coordinator account."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from ..domain.errors import MimicError
from ..domain.roles import Role, User
from ..services.accounts import APP, AccountService
from ..services.demo import DEMO_PASSWORD
from . import i18n
from .labels import message_label


class SignInDialog(QDialog):
    """Pick an account from the list, type its password; user is set once accepted."""

    def __init__(self, accounts: AccountService, demo: bool, parent: QWidget | None = None, current: str = ""):
        super().__init__(parent)
        self.accounts = accounts
        self.user: User | None = None
        self.setObjectName("signIn")
        self.setWindowTitle(self.tr("Sign in to MIMIC Desktop"))
        self.setMinimumWidth(460)
        layout = QFormLayout(self)
        if demo:
            hint = QLabel(
                self.tr("Demo database: sign in as any demo account with the password %1.").replace("%1", DEMO_PASSWORD)
            )
            hint.setObjectName("demoHint")
            hint.setWordWrap(True)
            layout.addRow(hint)
        self.account = QComboBox()
        self.account.setObjectName("account")
        for user in accounts.users():
            role = user.role.text(i18n.current())
            self.account.addItem(f"{user.full_name} ({user.username}, {role})", user.username)
        self.account.setCurrentIndex(max(self.account.findData(current), 0))
        layout.addRow(self.tr("Account"), self.account)
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        layout.addRow(self.tr("Password"), self.password)
        self.message = message_label("signInMessage")
        layout.addRow(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Sign in"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addRow(buttons)
        self.password.setFocus()

    def accept(self) -> None:
        try:
            user = self.accounts.sign_in(self.account.currentData() or "", self.password.text(), where=APP)
        except MimicError as error:
            self.message.setText(str(error))
            self.password.selectAll()
            return
        if user.must_change_password:
            changed = self._new_password(user)
            if changed is None:
                return
            user = changed
        self.user = user
        super().accept()

    def _new_password(self, user: User) -> User | None:
        """A password a coordinator reset is changed before the person goes on; None if they do not."""
        from .password_dialog import ChangePasswordDialog

        dialog = ChangePasswordDialog(self.accounts, user.username, self, proven=self.password.text())
        if dialog.exec() and dialog.user is not None:
            return dialog.user
        self.message.setText(self.tr("Choose a password of your own to sign in."))
        self.password.clear()
        return None


class FirstAccountDialog(QDialog):
    """A database without accounts: its first account is a coordinator's."""

    def __init__(self, accounts: AccountService, parent: QWidget | None = None):
        super().__init__(parent)
        self.accounts = accounts
        self.user: User | None = None
        self.setObjectName("firstAccount")
        self.setWindowTitle(self.tr("Create the first coordinator account"))
        self.setMinimumWidth(460)
        layout = QFormLayout(self)
        intro = QLabel(self.tr("This database has no accounts yet. Create the study coordinator's account."))
        intro.setWordWrap(True)
        layout.addRow(intro)
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
        layout.addRow(self.tr("User name"), self.username)
        layout.addRow(self.tr("Full name"), self.full_name)
        layout.addRow(self.tr("Password"), self.password)
        layout.addRow(self.tr("Password again"), self.repeat)
        self.message = message_label("accountMessage")
        layout.addRow(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Create account"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addRow(buttons)

    def accept(self) -> None:
        if self.password.text() != self.repeat.text():
            self.message.setText(self.tr("The two passwords differ."))
            return
        try:
            self.user = self.accounts.create_user(
                self.username.text(), self.full_name.text(), Role.COORDINATOR, self.password.text()
            )
        except MimicError as error:
            self.message.setText(str(error))
            return
        super().accept()
