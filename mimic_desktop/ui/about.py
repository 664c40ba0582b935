"""About MIMIC Desktop: the version, where the database and the program are, and the shipped licences."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from .. import APP_NAME, __version__
from ..domain.shipped import installed_at
from ..services import paths
from .resources import resource

FONT_LICENCE = ("fonts", "LICENSE")


class AboutDialog(QDialog):
    def __init__(self, db_path: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("About MIMIC Desktop"))
        self.setMinimumWidth(640)
        self.resize(700, 680)
        layout = QVBoxLayout(self)

        top = QHBoxLayout()
        picture = QLabel()
        picture.setPixmap(QIcon(str(resource("icons", "mimic.svg"))).pixmap(64, 64))
        top.addWidget(picture, 0, Qt.AlignmentFlag.AlignTop)
        self.version = QLabel(f"{APP_NAME} {__version__}")
        self.version.setObjectName("aboutVersion")
        self.version.setProperty("role", "section")
        purpose = QLabel(self.tr("Logs ICG-fluorescence-guided liver resections for the MIMIC trial."))
        purpose.setWordWrap(True)
        words = QVBoxLayout()
        words.addWidget(self.version)
        words.addWidget(purpose)
        top.addLayout(words, 1)
        layout.addLayout(top)

        places = QFormLayout()
        self.database = self._path_label("aboutDatabase", db_path)
        places.addRow(self.tr("Database"), self.database)
        places.addRow(self.tr("Backups"), self._path_label("aboutBackups", paths.backup_dir(db_path)))
        places.addRow(self.tr("Data folder"), self._path_label("aboutDataFolder", paths.data_dir()))
        places.addRow(self.tr("Program"), self._path_label("aboutProgram", installed_at()))
        layout.addLayout(places)

        heading = QLabel(self.tr("Licences"))
        heading.setProperty("role", "section")
        layout.addWidget(heading)
        self.licences = QLabel(
            self.tr(
                "PDF text: DejaVu Sans, under the Bitstream Vera fonts licence; the DejaVu changes are in the "
                "public domain (full text below).\n\n"
                "Icons: Material Design Icons (Pictogrammers Free License), drawn by QtAwesome (MIT licence), "
                "which also carries Font Awesome Free, Elusive Icons, Phosphor, Remix Icon and Codicons under "
                "their own free licences.\n\n"
                "Interface: Qt for Python (PySide6), under the GNU LGPL version 3."
            )
        )
        self.licences.setObjectName("aboutLicences")
        self.licences.setWordWrap(True)
        layout.addWidget(self.licences)
        self.licence_text = QPlainTextEdit(resource(*FONT_LICENCE).read_text(encoding="utf-8"))
        self.licence_text.setObjectName("aboutLicenceText")
        self.licence_text.setReadOnly(True)
        self.licence_text.setMinimumHeight(160)
        layout.addWidget(self.licence_text, 1)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    @staticmethod
    def _path_label(name: str, path: Path) -> QLabel:
        """A path the reader can select and copy, for a support call or a backup script."""
        label = QLabel(str(path))
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label
