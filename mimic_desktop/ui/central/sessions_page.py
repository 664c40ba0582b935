"""What the central database holds: every imported session file, and the centre keys it trusts (or trusted, until
a key was withdrawn)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QSplitter, QVBoxLayout, QWidget

from ...domain.clock import local_text
from ...domain.errors import MimicError
from ...domain.roles import User
from ...services import central_import, centre_keys
from ...services.centre_keys import CentreKey
from ...storage.connection import Store
from ..dialogs import TextPrompt
from ..i18n import arg, said
from ..labels import heading
from .centre_key_dialog import CentreKeyDialog
from .record_dialog import RecordDialog
from .settling_actions import SettlingActions
from .widgets import ReadOnlyTable, action_button


class SessionsPage(QWidget):
    def __init__(self, store: Store, user: User, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.user = user
        self.setObjectName("sessionsPage")
        layout = QVBoxLayout(self)
        split = QSplitter(Qt.Orientation.Vertical)
        layout.addWidget(split)

        files = QWidget()
        files_layout = QVBoxLayout(files)
        files_layout.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        title = heading(self.tr("Imported session files"))
        title.setWordWrap(False)
        bar.addWidget(title)
        self.count = QLabel()
        self.count.setObjectName("sessionCount")
        self.count.setProperty("role", "caption")
        bar.addWidget(self.count, 1)
        self.search = QLineEdit()
        self.search.setObjectName("sessionSearch")
        self.search.setPlaceholderText(self.tr("Search by study ID, e.g. MIM-03-017"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(360)
        self.search.textChanged.connect(self.refresh_sessions)
        bar.addWidget(self.search)
        self.record_button = action_button(
            bar, "mdi6.file-compare", self.tr("Record and versions…"), "openRecord", self.open_record
        )
        files_layout.addLayout(bar)
        self.settle_message = QLabel()
        self.settle_message.setObjectName("settleMessage")
        self.settle_message.setWordWrap(True)
        self.rows: list[dict[str, Any]] = []
        self.registrations: list[CentreKey] = []
        self.settling = SettlingActions(
            store, user, self.selected_file, self.selected_key, self.settle_message, self.refresh, self
        )
        settle_bar = QHBoxLayout()
        settle_bar.addStretch(1)
        self.settling.file_buttons(settle_bar)
        files_layout.addLayout(settle_bar)
        self.sessions = ReadOnlyTable(
            "sessionTable",
            [
                self.tr("Study ID"),
                self.tr("Centre"),
                self.tr("Version"),
                self.tr("State"),
                self.tr("Signer key fingerprint"),
                self.tr("Imported at (local time)"),
                self.tr("File"),
            ],
        )
        self.sessions.itemSelectionChanged.connect(self.settling.enable)
        self.sessions.itemSelectionChanged.connect(self.update_record_button)
        self.sessions.doubleClicked.connect(lambda _index: self.open_record())
        self.files: list[dict[str, Any]] = []
        files_layout.addWidget(self.sessions, 1)
        files_layout.addWidget(self.settle_message)
        split.addWidget(files)

        keys = QWidget()
        keys_layout = QVBoxLayout(keys)
        keys_layout.setContentsMargins(0, 0, 0, 0)
        # Two rows (the heading with settling a key's sessions, then the key itself): in one row, the four buttons
        # did not fit a small laptop's window.
        settle_keys = QHBoxLayout()
        settle_keys.addWidget(heading(self.tr("Registered centre keys")), 1)
        self.settling.key_buttons(settle_keys)
        keys_layout.addLayout(settle_keys)
        bar = QHBoxLayout()
        bar.addStretch(1)
        self.withdraw_key_button = action_button(
            bar, "mdi6.key-remove", self.tr("Withdraw the key…"), "withdrawCentreKey", self.withdraw_key
        )
        self.add_key_button = action_button(
            bar, "mdi6.key-plus", self.tr("Add a centre key…"), "addCentreKey", self.add_key
        )
        keys_layout.addLayout(bar)
        self.keys = ReadOnlyTable(
            "keyTable",
            [
                self.tr("Centre"),
                self.tr("Fingerprint"),
                self.tr("Registered at (local time)"),
                self.tr("Withdrawn (local time, reason)"),
            ],
        )
        # Room for one key at the least (a centre has one), so that a small window leaves the sessions their rows.
        self.keys.setMinimumHeight(
            self.keys.horizontalHeader().sizeHint().height()
            + self.keys.verticalHeader().defaultSectionSize()
            + 2 * self.keys.frameWidth()
        )
        self.keys.itemSelectionChanged.connect(self.update_withdraw_button)
        keys_layout.addWidget(self.keys, 1)
        self.key_message = QLabel()
        self.key_message.setObjectName("keyMessage")
        self.key_message.setWordWrap(True)
        keys_layout.addWidget(self.key_message)
        split.addWidget(keys)
        split.setSizes([480, 220])
        self.refresh()

    def refresh(self) -> None:
        self.refresh_sessions()
        self.refresh_keys()

    def refresh_sessions(self) -> None:
        rows = central_import.imported_files(self.store, self.search.text())
        self.files = self.rows = rows
        self.sessions.fill(
            [
                [
                    row["study_id"],
                    row["centre"],
                    str(row["session_version"]),
                    self.state_text(row),
                    arg(self.tr("%1 (withdrawn since)"), row["signer_fingerprint"])
                    if row["signer_withdrawn_utc"]
                    else row["signer_fingerprint"],
                    local_text(row["imported_utc"], seconds=True),
                    row["file_name"],
                ]
                for row in rows
            ],
        )
        current = sum(1 for row in rows if row["current"] and not row["voided_utc"])
        files, sessions = self.tr("%n file(s)", "", len(rows)), self.tr("%n current session(s)", "", current)
        self.count.setText(f"{files}, {sessions}")
        self.settling.enable()
        self.update_record_button()

    def state_text(self, row: dict[str, Any]) -> str:
        """Current or superseded, held back, and the void in force on its session with when and why."""
        if row["held_utc"] and not row["released_utc"]:
            state = self.tr("held back: far ahead of the last version seen")
        else:
            state = self.tr("current") if row["current"] else self.tr("superseded")
        if row["session_study_id"] != row["study_id"]:
            state = arg(self.tr("%1; the study ID was corrected to %2"), state, row["session_study_id"])
        if row["voided_utc"]:
            state = arg(
                self.tr("%1; voided %2: %3"), state, local_text(row["voided_utc"], seconds=True), row["void_reason"]
            )
        return state

    def selected_file(self) -> dict[str, Any] | None:
        rows = {index.row() for index in self.sessions.selectionModel().selectedRows()}
        return self.rows[rows.pop()] if len(rows) == 1 and self.rows else None

    def selected_study_id(self) -> str | None:
        rows = {index.row() for index in self.sessions.selectionModel().selectedRows()}
        return self.files[rows.pop()]["study_id"] if len(rows) == 1 else None

    def update_record_button(self) -> None:
        self.record_button.setEnabled(self.selected_study_id() is not None)

    def open_record(self) -> RecordDialog | None:
        """The selected file's record, its versions and their comparison, without blocking the window."""
        study_id = self.selected_study_id()
        if study_id is None:
            return None
        dialog = RecordDialog(self.store, study_id, self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def refresh_keys(self) -> None:
        self.registrations = centre_keys.registered_keys(self.store)
        self.keys.fill(
            [
                [
                    key.centre,
                    key.fingerprint,
                    local_text(key.registered_utc, seconds=True),
                    ""
                    if key.withdrawn_utc is None
                    else f"{local_text(key.withdrawn_utc, seconds=True)}: {key.withdrawal_reason}",
                ]
                for key in self.registrations
            ],
        )
        self.update_withdraw_button()

    def selected_key(self) -> CentreKey | None:
        rows = {index.row() for index in self.keys.selectionModel().selectedRows()}
        return self.registrations[rows.pop()] if len(rows) == 1 else None

    def update_withdraw_button(self) -> None:
        key = self.selected_key()
        self.withdraw_key_button.setEnabled(key is not None and key.in_force)
        self.settling.enable()

    def withdraw_key(self) -> TextPrompt | None:
        """Asks for the reason without blocking; the key is withdrawn once it is given."""
        key = self.selected_key()
        if key is None or not key.in_force:
            return None
        prompt = TextPrompt(
            self.tr("Withdraw the key"),
            arg(
                self.tr(
                    "Withdraw key %1 of centre %2? The files imported under it stay imported and keep naming it; "
                    "new files signed with it are refused. A key registered for the wrong centre can then be "
                    "registered for the right one. Why is it withdrawn?"
                ),
                key.fingerprint,
                key.centre,
            ),
            self,
            what=None,  # the trial office's own words, not a record's
        )
        prompt.setObjectName("withdrawKeyPrompt")
        prompt.accepted.connect(lambda: self.key_withdrawn(key, prompt.text.text()))
        prompt.finished.connect(prompt.deleteLater)
        prompt.open()
        return prompt

    def key_withdrawn(self, key: CentreKey, reason: str) -> None:
        try:
            withdrawn = centre_keys.withdraw_key(self.store, self.user, key.key_id, reason)
        except MimicError as error:
            self.key_message.setText(said(error))
        else:
            self.key_message.setText(
                arg(self.tr("Key %1 of centre %2 withdrawn."), withdrawn.fingerprint, withdrawn.centre)
            )
        self.refresh()

    def add_key(self) -> CentreKeyDialog:
        """Opens the dialog without blocking; the keys list catches up once a key is registered."""
        dialog = CentreKeyDialog(self.store, self.user, self)
        dialog.accepted.connect(lambda: self.key_registered(dialog))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def key_registered(self, dialog: CentreKeyDialog) -> None:
        if dialog.registered is None:  # accepted only once a key is registered
            return
        key, new = dialog.registered
        text = (
            self.tr("Key %1 of centre %2 registered.")
            if new
            else self.tr("Key %1 of centre %2 was already registered.")
        )
        self.key_message.setText(arg(text, key.fingerprint, key.centre))
        self.refresh_keys()
