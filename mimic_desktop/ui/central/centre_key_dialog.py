"""Registering a centre's public key: its fingerprint is read out with the centre by phone before it is trusted."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import MimicError, ReasonRequired
from ...domain.roles import User
from ...services import centre_keys
from ...services.centre_keys import CentreKey
from ...storage.connection import Store
from ..i18n import said
from ..labels import message_label


class CentreKeyDialog(QDialog):
    """Register enables once there is a centre code, a readable key file and the fingerprint is confirmed."""

    def __init__(self, store: Store, user: User, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.user = user
        self.key_file: Path | None = None
        self.registered: tuple[CentreKey, bool] | None = None
        self.setObjectName("centreKeyDialog")
        self.setWindowTitle(self.tr("Add a centre key"))
        self.resize(680, 420)  # room for the wrapped explanation, so no row is squeezed
        layout = QVBoxLayout(self)
        explain = QLabel(
            self.tr(
                'A centre sends its public key as a .pem file (saved on its laptop under Settings, "Save the public '
                'key…"). Files signed with a registered key are trusted as coming from that centre, so check the '
                "fingerprint with the centre by phone before registering it."
            )
        )
        explain.setWordWrap(True)
        layout.addWidget(explain)
        form = QFormLayout()
        self.centre = QLineEdit()
        self.centre.setObjectName("centreCode")
        self.centre.setPlaceholderText(self.tr("two digits, e.g. 03"))
        self.centre.setMaxLength(2)
        self.centre.textChanged.connect(self.update_button)
        form.addRow(self.tr("Centre code"), self.centre)
        choose = QPushButton(self.tr("Choose…"))
        choose.setObjectName("chooseKeyFile")
        choose.clicked.connect(self.choose_file)
        self.file_label = QLabel(self.tr("No file chosen"))
        self.file_label.setObjectName("keyFile")
        row = QHBoxLayout()
        row.addWidget(self.file_label, 1)
        row.addWidget(choose)
        form.addRow(self.tr("Key file"), row)
        self.fingerprint = QLabel()
        self.fingerprint.setObjectName("keyFingerprint")
        self.fingerprint.setProperty("role", "section")
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.tr("Fingerprint"), self.fingerprint)
        self.reason = QLineEdit()
        self.reason.setObjectName("registrationReason")
        self.reason.setPlaceholderText(self.tr("only for a key that was withdrawn before"))
        form.addRow(self.tr("Why it is trusted again"), self.reason)
        layout.addLayout(form)
        self.confirmed = QCheckBox(self.tr("The centre read out the same fingerprint by phone"))
        self.confirmed.setObjectName("fingerprintConfirmed")
        self.confirmed.toggled.connect(self.update_button)
        layout.addWidget(self.confirmed)
        self.problem = message_label("keyProblem")
        layout.addWidget(self.problem)
        layout.addStretch(1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.register_button = self.buttons.addButton(self.tr("Register"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.register_button.setObjectName("registerKey")
        self.buttons.accepted.connect(self.register)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.update_button()

    def choose_file(self) -> None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DownloadLocation)
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("The centre's public key"), folder, self.tr("Public key files (*.pem);;All files (*)")
        )
        if name:
            self.use_file(Path(name))

    def use_file(self, path: Path) -> None:
        """Show the key's fingerprint; a file that holds no centre key says why."""
        self.key_file = None
        self.confirmed.setChecked(False)
        self.file_label.setText(str(path))
        try:
            self.fingerprint.setText(centre_keys.key_file_fingerprint(path))
        except MimicError as error:
            self.fingerprint.setText("")
            self.problem.setText(said(error))
        else:
            self.key_file = path
            self.problem.setText("")
        self.update_button()

    def update_button(self) -> None:
        ready = bool(self.centre.text().strip()) and self.key_file is not None and self.confirmed.isChecked()
        self.register_button.setEnabled(ready)

    def register(self) -> None:
        if self.key_file is None:  # the button waits for a key file
            return
        try:
            self.registered = centre_keys.register_centre(
                self.store, self.user, self.centre.text().strip(), self.key_file, reason=self.reason.text() or None
            )
        except ReasonRequired as error:  # a key withdrawn before: the reason is asked for here, in the dialog
            self.problem.setText(said(error))
            self.reason.setFocus()
            return
        except MimicError as error:
            self.problem.setText(said(error))
            return
        self.accept()
