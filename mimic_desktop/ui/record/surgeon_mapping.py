"""Offering a coordinator to map a surgeon name typed into records to a surgeon's account."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ...domain.record import Procedure
from ...domain.roles import Action
from ...services.surgeons import SurgeonService
from .access import RecordAccess


class SurgeonMapping(QFrame):
    """Shown while the record's surgeon is a typed name: a coordinator chooses the account it stands for, and every
    record holding that name is mapped (each change audited, with the mapping as its reason)."""

    def __init__(self, access: RecordAccess, parent: QWidget | None = None):
        super().__init__(parent)
        self.access = access
        self.setObjectName("surgeonMapping")
        self.setProperty("role", "recordSection")
        layout = QVBoxLayout(self)
        self.note = QLabel()
        self.note.setObjectName("surgeonMappingNote")
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        row = QHBoxLayout()
        self.account = QComboBox()
        self.account.setObjectName("surgeonMappingAccount")
        row.addWidget(self.account, 1)
        self.map_button = QPushButton(self.tr("Map to this account"))
        self.map_button.setObjectName("surgeonMappingButton")
        self.map_button.clicked.connect(self.map_name)
        row.addWidget(self.map_button)
        layout.addLayout(row)
        self.setVisible(False)

    def surgeons(self) -> SurgeonService:
        return SurgeonService(self.access.context.store, self.access.context.signed_in())

    def refresh(self, proc: Procedure) -> None:
        typed = proc.get("surgeon")
        user = self.access.context.user
        offered = bool(typed) and proc.surgeon_username is None
        self.setVisible(offered)
        if not offered:
            return
        coordinator = bool(user and user.may(Action.MANAGE_USERS))
        self.note.setText(
            self.tr(
                "The operating surgeon %1 is a typed name, not an account: the questionnaire cannot be signed until a "
                "coordinator maps the name to the surgeon's account (every record holding the name is mapped)."
            ).replace("%1", repr(typed))
        )
        self.account.clear()
        for account in self.surgeons().surgeon_accounts():
            self.account.addItem(f"{account.full_name} ({account.username})", account.username)
        # Only a coordinator maps: others read why the questionnaire cannot be signed yet.
        self.account.setVisible(coordinator)
        self.map_button.setVisible(coordinator)
        self.map_button.setEnabled(self.account.count() > 0)

    def map_name(self) -> None:
        typed, username = self.access.proc.get("surgeon"), self.account.currentData()
        if typed and username:
            self.access.run(self, lambda: self.surgeons().map_typed_name(typed, username, self.access.lang))
