"""Exports of the current sessions for statisticians: flat CSV, REDCap and CDISC ODM, written in the background."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.roles import User
from ...services import central_exports
from ..file_choice import ask_folder
from ..i18n import arg
from ..labels import heading
from ..worker import Task
from .background import BackgroundWork
from .widgets import action_button


class ExportsPage(QWidget):
    def __init__(self, db_path: Path, user: User, work: BackgroundWork, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("exportsPage")
        self.db_path = db_path
        self.user = user
        self.work = work
        self.folder = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation))
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Exports for statisticians")))
        explain = QLabel(
            self.tr(
                "Each export holds the current version of every session (superseded versions are left out) and "
                "is written into a folder you choose, in files whose names begin with mimic_central. The files "
                "name no person: patients appear by study ID only."
            )
        )
        explain.setWordWrap(True)
        layout.addWidget(explain)
        grid = QGridLayout()
        kinds = (
            ("csv", self.tr("Flat CSV"), self.tr("procedures, lesions and complications, with a data dictionary")),
            ("redcap", self.tr("REDCap"), self.tr("data dictionary and import CSV, field labels in")),
            ("odm", self.tr("CDISC ODM 1.3.2"), self.tr("one XML file with the metadata in English and Dutch")),
            (
                "castor",
                self.tr("Castor EDC"),
                self.tr("study data and repeating data import files, with their variable map"),
            ),
            ("dataset-json", self.tr("CDISC Dataset-JSON 1.1"), self.tr("procedures, lesions and complications")),
        )
        self.language = QComboBox()
        self.language.setObjectName("redcapLanguage")
        self.language.addItem("English", "en")  # each language named in itself
        self.language.addItem("Nederlands", "nl")
        self.buttons: dict[str, QPushButton] = {}
        for row, (kind, name, what) in enumerate(kinds):
            holder = QHBoxLayout()
            self.buttons[kind] = action_button(
                holder, "mdi6.export", arg(self.tr("%1…"), name), f"export_{kind}", partial(self.choose_folder, kind)
            )
            grid.addLayout(holder, row, 0)
            described = QHBoxLayout()
            described.addWidget(QLabel(what))
            if kind == "redcap":
                described.addWidget(self.language)
            described.addStretch(1)
            grid.addLayout(described, row, 1)
        layout.addLayout(grid)
        self.status = QLabel()
        self.status.setObjectName("exportStatus")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        layout.addStretch(1)

    def choose_folder(self, kind: str) -> None:
        folder = ask_folder(self, self.tr("Folder to write the export into"), self.folder)
        if folder is not None:
            self.export(kind, folder)

    def writer(self, kind: str) -> Callable[[Path, Path], list[Path]]:
        """The export as the signed-in user (kept in the central audit trail), with the page's options."""
        options = (self.language.currentData(),) if kind == "redcap" else ()
        return lambda db_path, folder: central_exports.export_as(db_path, self.user, kind, folder, *options)

    def export(self, kind: str, folder: Path) -> Task:
        self.folder = folder
        self.set_enabled(False)
        self.status.setText(arg(self.tr("Writing into %1…"), folder))
        task = Task(self.writer(kind), self.db_path, folder)
        return self.work.run(task, self.written, self.failed)

    def written(self, paths: list[Path]) -> None:
        self.set_enabled(True)
        self.status.setText(arg(self.tr("Written:\n%1"), "\n".join(str(path) for path in paths)))

    def failed(self, _error: BaseException) -> None:
        self.set_enabled(True)
        self.status.setText(self.tr("Nothing was exported."))

    def set_enabled(self, enabled: bool) -> None:
        for button in self.buttons.values():
            button.setEnabled(enabled)
