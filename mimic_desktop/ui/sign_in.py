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
from .account_form import AccountFormDialog
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
            self.message.setText(i18n.said(error))
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


class FirstAccountDialog(AccountFormDialog):
    """A database without accounts: its first account is a coordinator's."""

    def __init__(self, accounts: AccountService, parent: QWidget | None = None):
        super().__init__("firstAccount", parent)
        self.setWindowTitle(self.tr("Create the first coordinator account"))
        self.accounts = accounts
        intro = self.tr("This database has no accounts yet. Create the study coordinator's account.")
        self.lay_out("accountMessage", intro=intro)

    def make_account(self) -> User:
        return self.accounts.create_user(
            self.username.text(), self.full_name.text(), Role.COORDINATOR, self.password.text()
        )
