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
from ..i18n import arg, current
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
                "Each export holds the current version of every session (superseded and voided sessions are left "
                "out) and is written into a folder you choose, in files whose names begin with mimic_central. "
                "Patients appear by study ID only; the free text is checked for anything that looks like a name, a "
                "number or a date, and what the check finds is listed here."
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
        self.check = QLabel()
        self.check.setObjectName("identifierCheck")
        self.check.setWordWrap(True)
        layout.addWidget(self.check)
        layout.addStretch(1)

    def choose_folder(self, kind: str) -> None:
        folder = ask_folder(self, self.tr("Folder to write the export into"), self.folder)
        if folder is not None:
            self.export(kind, folder)

    def writer(self, kind: str) -> Callable[[Path, Path], central_exports.CentralExport]:
        """The export as the signed-in user (kept in the central audit trail), with the page's options and the
        identifier check said in the window's language."""
        options = (self.language.currentData(),) if kind == "redcap" else ()
        lang = current()
        return lambda db_path, folder: central_exports.export_checked(
            db_path, self.user, kind, folder, *options, lang=lang
        )

    def export(self, kind: str, folder: Path) -> Task:
        self.folder = folder
        self.set_enabled(False)
        self.check.setText("")
        self.status.setText(arg(self.tr("Writing into %1…"), folder))
        task = Task(self.writer(kind), self.db_path, folder)
        return self.work.run(task, self.written, self.failed)

    def written(self, export: central_exports.CentralExport) -> None:
        self.set_enabled(True)
        self.status.setText(arg(self.tr("Written:\n%1"), "\n".join(str(path) for path in export.files)))
        if export.findings:
            found = len(export.findings) - 1  # the last line says why they matter
            said_found = self.tr(
                "The identifier check found %n text(s) that look like they hold a name, a number or a date. Ask the "
                "centre to correct them on its laptop and send the record again, then export again:",
                "",
                found,
            )
            self.check.setText("\n".join([said_found, *export.findings]))
            self.check.setProperty("role", "error")
        else:
            self.check.setText(
                self.tr(
                    "The identifier check found nothing that looks like a name, a number or a date in the free text: "
                    "the files name no person."
                )
            )
            self.check.setProperty("role", "caption")
        self.check.style().polish(self.check)  # the role changed: its style follows

    def failed(self, _error: BaseException) -> None:
        self.set_enabled(True)
        self.status.setText(self.tr("Nothing was exported."))

    def set_enabled(self, enabled: bool) -> None:
        for button in self.buttons.values():
            button.setEnabled(enabled)
