"""Importing session files from a USB stick or mail attachments, in the background, then what became of each."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QProgressBar, QVBoxLayout, QWidget

from ...domain.errors import MimicError
from ...domain.roles import User
from ...services import central_import
from ...services.central_import import ImportSummary, Outcome
from .. import dialogs, themes
from ..file_choice import ask_save_file
from ..i18n import arg, current, said
from ..labels import heading
from ..worker import Task
from .background import BackgroundWork
from .widgets import ReadOnlyTable, action_button


class ImportPage(QWidget):
    """Emits imported(summary) once an import has finished, so the sessions and the report catch up."""

    imported = Signal(object)

    def __init__(
        self,
        db_path: Path,
        user: User,
        work: BackgroundWork,
        summary: ImportSummary | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("importPage")
        self.db_path = db_path
        self.user = user
        self.work = work
        self.summary = summary
        self.folder = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.HomeLocation))
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Import session files")))
        explain = QLabel(
            self.tr(
                "Choose the .mimic files a centre sent (by e-mail or on a USB stick), or a folder holding them. "
                "Each file is checked whole before anything is stored: a file imported before changes nothing, "
                "a newer version of a session supersedes the current one and both are kept, and a damaged, "
                "altered or unsigned file is rejected with the reason."
            )
        )
        explain.setWordWrap(True)
        layout.addWidget(explain)
        buttons = QHBoxLayout()
        self.files_button = action_button(
            buttons, "mdi6.file-import-outline", self.tr("Import files…"), "importFiles", self.choose_files
        )
        self.folder_button = action_button(
            buttons, "mdi6.folder-download-outline", self.tr("Import a folder…"), "importFolder", self.choose_folder
        )
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.progress = QProgressBar()
        self.progress.setObjectName("importProgress")
        self.progress.hide()
        layout.addWidget(self.progress)
        self.status = QLabel()
        self.status.setObjectName("importStatus")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.headline = heading()
        self.headline.setObjectName("importHeadline")
        layout.addWidget(self.headline)
        self.table = ReadOnlyTable(
            "importResults",
            [self.tr("Result"), self.tr("Study ID"), self.tr("Version"), self.tr("File"), self.tr("Details")],
        )
        layout.addWidget(self.table, 1)
        keep = QHBoxLayout()
        self.copy_button = action_button(
            keep, "mdi6.content-copy", self.tr("Copy the summary"), "copySummary", self.copy_summary
        )
        self.save_button = action_button(
            keep,
            "mdi6.content-save-outline",
            self.tr("Save the summary as text…"),
            "saveSummary",
            self.choose_summary_file,
        )
        keep.addStretch(1)
        layout.addLayout(keep)
        self.show_summary(summary)

    # -- choosing --------------------------------------------------------------------------
    def choose_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Session files to import"),
            str(self.folder),
            self.tr("MIMIC session files (*.mimic);;All files (*)"),
        )
        if files:
            self.start([Path(name) for name in files])

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder of session files to import"), str(self.folder))
        if folder:
            self.start([Path(folder)])

    # -- importing -------------------------------------------------------------------------
    def start(self, paths: list[Path]) -> Task:
        """Import in the background; the page follows file by file."""
        self.folder = paths[0] if paths[0].is_dir() else paths[0].parent
        self.set_busy(True)
        self.status.setText(self.tr("Looking for session files…"))
        task = Task(central_import.import_files, self.db_path, self.user, paths, with_progress=True)
        task.signals.progress.connect(self.advance)
        return self.work.run(task, self.finished, self.stopped)

    def advance(self, done: int, total: int, name: str) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        self.status.setText(arg(self.tr("%1 of %2 checked: %3"), done, total, name))

    def finished(self, summary: ImportSummary) -> None:
        self.set_busy(False)
        if summary.stopped:
            self.status.setText(
                arg(
                    self.tr("The import stopped: %1 The files marked not imported can be imported again."),
                    said(summary.stopped),
                )
            )
            dialogs.show_error(self, summary.stopped)
        else:
            self.status.setText(
                self.tr("The import has finished.")
                if summary.results
                else self.tr("No session files (.mimic) were found there.")
            )
        self.show_summary(summary)
        self.imported.emit(summary)

    def stopped(self, _error: BaseException) -> None:
        """The database refused (locked, read-only): what was imported before stays, the sessions list shows it."""
        self.set_busy(False)
        self.status.setText(self.tr("The import did not finish. Files imported before the problem are kept."))
        self.imported.emit(None)

    def set_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.progress.setRange(0, 0)
        for button in (self.files_button, self.folder_button):
            button.setEnabled(not busy)

    # -- the summary -----------------------------------------------------------------------
    def outcome_text(self, outcome: Outcome) -> str:
        return {
            Outcome.NEW: self.tr("imported (new)"),
            Outcome.SUPERSEDING: self.tr("imported (supersedes)"),
            Outcome.OLDER: self.tr("imported (older version)"),
            Outcome.HELD: self.tr("imported, held back"),
            Outcome.DUPLICATE: self.tr("duplicate"),
            Outcome.REJECTED: self.tr("rejected"),
            Outcome.NOT_IMPORTED: self.tr("not imported"),
        }[outcome]

    def show_summary(self, summary: ImportSummary | None) -> None:
        self.summary = summary
        for button in (self.copy_button, self.save_button):
            button.setEnabled(summary is not None)
        if summary is None:
            self.headline.setText("")
            self.table.fill([])
            return
        count = summary.count
        template = self.tr(
            "Imported: %1 (new: %2, superseding an earlier version: %3, older version kept: %4) · "
            "duplicates: %5 · rejected: %6"
        )
        others = (Outcome.NEW, Outcome.SUPERSEDING, Outcome.OLDER, Outcome.DUPLICATE, Outcome.REJECTED)
        headline = arg(template, count(*central_import.IMPORTED), *map(count, others))
        if count(Outcome.HELD):
            held = self.tr("%n version(s) held back until a data manager releases them", "", count(Outcome.HELD))
            headline = f"{headline} · {held}"
        self.headline.setText(headline)
        # Rejected files, those not imported and those held back first: someone has to follow them up.
        follow_up = {Outcome.REJECTED, Outcome.NOT_IMPORTED, Outcome.HELD}
        results = sorted(summary.results, key=lambda r: r.outcome not in follow_up)
        self.table.fill(
            [
                [
                    self.outcome_text(r.outcome),
                    r.study_id or "",
                    "" if r.session_version is None else str(r.session_version),
                    Path(r.name).name,
                    said(r.reason),
                ]
                for r in results
            ],
        )
        alert = themes.chart_colours()["alert"]
        for row, result in enumerate(results):
            cells = [self.table.item(row, column) for column in range(self.table.columnCount())]
            for column, cell in enumerate(cells):
                if cell is None:
                    continue
                if column == 3:
                    cell.setToolTip(result.name)
                if result.outcome in follow_up:
                    cell.setForeground(alert)

    def copy_summary(self) -> None:
        if self.summary is not None:  # the button shows once there is a summary
            QGuiApplication.clipboard().setText(self.summary.full_text(current()))

    def choose_summary_file(self) -> None:
        chosen = ask_save_file(
            self,
            self.tr("Save the import summary as"),
            self.folder / "import-summary.txt",
            self.tr("Text files (*.txt)"),
            "txt",
        )
        if chosen is not None:
            self.save_summary(chosen)

    def save_summary(self, path: Path) -> None:
        if self.summary is None:
            return
        try:
            written = central_import.save_summary(self.summary, path, current())
        except MimicError as error:
            dialogs.show_error(self, error)
            return
        self.status.setText(arg(self.tr("Summary saved to %1"), written))
