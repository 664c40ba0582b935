"""The coordinator's accounts page: who has an account, and resetting, deactivating, releasing and roles."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..domain.clock import local_text
from ..domain.errors import MimicError
from ..domain.roles import LAPTOP_ROLES, Account, User
from ..services.accounts import AccountService
from . import dialogs, i18n
from .account_form import AccountFormDialog
from .labels import caption, message_label


class AccountsDialog(QDialog):
    """Every account with its state; the buttons act on the selected one, each step one audited change."""

    def __init__(self, accounts: AccountService, by: User, parent: QWidget | None = None):
        super().__init__(parent)
        self.accounts = accounts
        self.by = by
        self.setObjectName("accountsDialog")
        self.setWindowTitle(self.tr("Accounts"))
        self.resize(860, 480)
        layout = QVBoxLayout(self)
        layout.addWidget(
            caption(
                self.tr(
                    "Each step here is kept in the audit trail. A reset gives a temporary password that its owner"
                    " must change at the next sign-in."
                )
            )
        )
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("accountsTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("User name"), self.tr("Full name"), self.tr("Role"), self.tr("State")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        layout.addWidget(self.table, 1)
        self.message = message_label("accountsMessage")
        layout.addWidget(self.message)
        row = QHBoxLayout()
        self.add_button = self._button(row, "addAccount", self.tr("Add account…"), self.add_account)
        self.reset_button = self._button(row, "resetPassword", self.tr("Reset password"), self.reset_password)
        self.release_button = self._button(row, "releaseAccount", self.tr("Release"), self.release)
        self.role = QComboBox()
        self.role.setObjectName("newRole")
        for role in LAPTOP_ROLES:
            self.role.addItem(role.text(i18n.current()), role.value)
        row.addWidget(self.role)
        self.role_button = self._button(row, "changeRole", self.tr("Change role"), self.change_role)
        self.active_button = self._button(row, "toggleActive", self.tr("Deactivate"), self.toggle_active)
        row.addStretch(1)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        row.addWidget(close)
        layout.addLayout(row)
        self.refresh()

    def _button(self, row: QHBoxLayout, name: str, text: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(slot)
        row.addWidget(button)
        return button

    def state_text(self, account: Account) -> str:
        if not account.active:
            return self.tr("deactivated")
        if account.waits_until_utc:
            return (
                self.tr("waits until %1 after %2 wrong passwords")
                .replace("%1", local_text(account.waits_until_utc))
                .replace("%2", str(account.failed_sign_ins))
            )
        if account.must_change_password:
            return self.tr("must choose a new password")
        return self.tr("active")

    def refresh(self, select: str | None = None) -> None:
        select = select or self.selected()
        self.rows = self.accounts.accounts()
        self.table.setRowCount(len(self.rows))
        for index, account in enumerate(self.rows):
            cells = (account.username, account.full_name, account.role.text(i18n.current()), self.state_text(account))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.table.setItem(index, column, item)
            if account.username == select:
                self.table.selectRow(index)
        self._update_buttons()

    def selected(self) -> str | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.rows[rows[0].row()].username if rows and hasattr(self, "rows") else None

    def select(self, username: str) -> None:
        self.table.selectRow(next(i for i, account in enumerate(self.rows) if account.username == username))

    def _account(self) -> Account | None:
        name = self.selected()
        return next((account for account in self.rows if account.username == name), None)

    def _update_buttons(self) -> None:
        account = self._account()
        for button in (self.reset_button, self.release_button, self.role_button, self.active_button):
            button.setEnabled(account is not None)
        if account is not None:
            self.active_button.setText(self.tr("Deactivate") if account.active else self.tr("Reactivate"))
            self.release_button.setEnabled(bool(account.waits_until_utc or account.failed_sign_ins))
            self.role.setCurrentIndex(self.role.findData(account.role.value))

    def _do(self, step: Callable[[str], object]) -> bool:
        """Run one step on the selected account; its refusal is said under the table."""
        account = self._account()
        if account is None:
            return False
        try:
            step(account.username)
        except MimicError as error:
            self.message.setText(str(error))
            return False
        self.message.clear()
        self.refresh(account.username)
        return True

    def reset_password(self) -> None:
        temporary: list[str] = []
        if self._do(lambda name: temporary.append(self.accounts.reset_password(self.by, name))):
            dialogs.inform(
                self,
                "temporaryPassword",
                self.tr(
                    "The temporary password of %1 is:\n\n%2\n\nTell it to its owner in person. It works once: at the"
                    " next sign-in they choose their own."
                )
                .replace("%1", self.selected() or "")
                .replace("%2", temporary[0]),
            )

    def release(self) -> None:
        self._do(lambda name: self.accounts.release(self.by, name))

    def change_role(self) -> None:
        self._do(lambda name: self.accounts.set_role(self.by, name, self.role.currentData()))

    def toggle_active(self) -> None:
        account = self._account()
        if account is not None and account.active:
            self._do(lambda name: self.accounts.deactivate(self.by, name))
        else:
            self._do(lambda name: self.accounts.reactivate(self.by, name))

    def add_account(self) -> None:
        dialog = NewAccountDialog(self.accounts, self.by, self)
        if dialog.exec() and dialog.user is not None:
            self.refresh(dialog.user.username)


class NewAccountDialog(AccountFormDialog):
    """A new account: its owner types the password here, twice (it is never chosen for them)."""

    def __init__(self, accounts: AccountService, by: User, parent: QWidget | None = None):
        super().__init__("newAccount", parent)
        self.setWindowTitle(self.tr("Add account"))
        self.accounts = accounts
        self.by = by
        self.role = QComboBox()
        self.role.setObjectName("role")
        for role in LAPTOP_ROLES:
            self.role.addItem(role.text(i18n.current()), role.value)
        self.lay_out("newAccountMessage", role=self.role)

    def make_account(self) -> User:
        return self.accounts.create_user(
            self.username.text(), self.full_name.text(), self.role.currentData(), self.password.text(), by=self.by
        )
