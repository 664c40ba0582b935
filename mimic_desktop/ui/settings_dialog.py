"""Theme and interface language; on the laptop, the centre's public key for the trial office (coordinators)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..domain.errors import MimicError
from ..domain.roles import Action
from ..services.session_key import PublicKeyFile, write_public_key
from . import dialogs
from .context import AppContext
from .file_choice import ask_folder, documents_folder
from .i18n import arg
from .icons import icon
from .labels import caption, heading
from .preferences import Preferences


class PublicKeySection(QWidget):
    """Writes this laptop's public session-signing key and shows its fingerprint, to be read out by phone."""

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("publicKeySection")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading(self.tr("Public key for the trial office")))
        about = self.tr(
            "The trial office checks every session file against this laptop's public key. Save the key file "
            "for them (USB stick or e-mail), then read them its fingerprint by phone, so that they know the "
            "file is yours. The private key never leaves this laptop."
        )
        layout.addWidget(caption(about))
        self.button = QPushButton(icon("mdi6.key-outline"), self.tr("Save the public key…"))
        self.button.setObjectName("publicKeyButton")
        self.button.clicked.connect(self.choose_folder)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignLeft)
        user = context.user
        # The laptop's study settings are the coordinator's, as in services.settings.
        allowed = bool(user and user.may(Action.MANAGE_USERS))
        self.button.setEnabled(allowed)
        if not allowed:
            refusal = self.tr("Only a coordinator can save the centre's public key.")
            layout.addWidget(caption(refusal, "publicKeyRoleNotice"))
        self.where = QLabel()
        self.where.setObjectName("publicKeyWhere")
        self.where.setWordWrap(True)
        layout.addWidget(self.where)
        self.fingerprint = QLabel()
        self.fingerprint.setObjectName("publicKeyFingerprint")
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.fingerprint)
        self.folder = documents_folder()

    def choose_folder(self) -> None:
        folder = ask_folder(self, self.tr("Save the public key into"), self.folder)
        if folder is not None:
            self.save_into(folder)

    def save_into(self, folder: Path) -> PublicKeyFile | None:
        """Write the key file (the key pair is made first if this laptop has none yet) and show the fingerprint."""
        self.folder = folder
        try:
            written = write_public_key(folder)
        except MimicError as error:
            self.where.setText(str(error))
            dialogs.show_error(self, error)
            return None
        self.where.setText(
            arg(self.tr("Written: %1. Read this fingerprint to the trial office by phone:"), written.path)
        )
        self.fingerprint.setText(written.fingerprint)
        return written


class SettingsDialog(QDialog):
    """Theme and language; with the laptop's context, also the public key section."""

    def __init__(self, prefs: Preferences, parent: QWidget | None = None, context: AppContext | None = None):
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        self.setMinimumWidth(560)
        outer = QVBoxLayout(self)
        layout = QFormLayout()
        outer.addLayout(layout)
        self.theme = QComboBox()
        self.theme.setObjectName("theme")
        self.theme.addItem(self.tr("Dark (dimmed operating room)"), "dark")
        self.theme.addItem(self.tr("Light"), "light")
        self.theme.setCurrentIndex(self.theme.findData(prefs.theme))
        layout.addRow(self.tr("Theme"), self.theme)
        self.language = QComboBox()
        self.language.setObjectName("language")
        # Each language is named in itself, so someone who reads only one finds it.
        self.language.addItem("English", "en")
        self.language.addItem("Nederlands", "nl")
        self.language.setCurrentIndex(self.language.findData(prefs.lang))
        layout.addRow(self.tr("Language"), self.language)
        self.public_key = PublicKeySection(context) if context is not None else None
        if self.public_key is not None:
            outer.addSpacing(12)
            outer.addWidget(self.public_key)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        outer.addWidget(self.buttons)

    def chosen(self) -> tuple[str, str]:
        return self.theme.currentData(), self.language.currentData()
