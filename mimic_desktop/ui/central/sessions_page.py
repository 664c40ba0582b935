"""What the central database holds: every imported session file, and the centre keys it trusts."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QSplitter, QVBoxLayout, QWidget

from ...domain.clock import local_text
from ...services import central_import, centre_keys
from ...storage.connection import Store
from ..i18n import arg
from ..labels import heading
from .centre_key_dialog import CentreKeyDialog
from .widgets import ReadOnlyTable, action_button


class SessionsPage(QWidget):
    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
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
        files_layout.addLayout(bar)
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
        files_layout.addWidget(self.sessions, 1)
        split.addWidget(files)

        keys = QWidget()
        keys_layout = QVBoxLayout(keys)
        keys_layout.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        bar.addWidget(heading(self.tr("Registered centre keys")), 1)
        self.add_key_button = action_button(
            bar, "mdi6.key-plus", self.tr("Add a centre key…"), "addCentreKey", self.add_key
        )
        keys_layout.addLayout(bar)
        self.keys = ReadOnlyTable(
            "keyTable", [self.tr("Centre"), self.tr("Fingerprint"), self.tr("Registered at (local time)")]
        )
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
        self.sessions.fill(
            [
                [
                    row["study_id"],
                    row["centre"],
                    str(row["session_version"]),
                    self.tr("current") if row["current"] else self.tr("superseded"),
                    row["signer_fingerprint"],
                    local_text(row["imported_utc"], seconds=True),
                    row["file_name"],
                ]
                for row in rows
            ],
        )
        current = sum(1 for row in rows if row["current"])
        self.count.setText(arg(self.tr("%1 files, %2 current sessions"), len(rows), current))

    def refresh_keys(self) -> None:
        self.keys.fill(
            [
                [key.centre, key.fingerprint, local_text(key.registered_utc, seconds=True)]
                for key in centre_keys.registered_keys(self.store)
            ],
        )

    def add_key(self) -> CentreKeyDialog:
        """Opens the dialog without blocking; the keys list catches up once a key is registered."""
        dialog = CentreKeyDialog(self.store, self)
        dialog.accepted.connect(lambda: self.key_registered(dialog))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def key_registered(self, dialog: CentreKeyDialog) -> None:
        key, new = dialog.registered
        text = (
            self.tr("Key %1 of centre %2 registered.")
            if new
            else self.tr("Key %1 of centre %2 was already registered.")
        )
        self.key_message.setText(arg(text, key.fingerprint, key.centre))
        self.refresh_keys()
