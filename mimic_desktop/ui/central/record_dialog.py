"""One study ID's record at the trial office: what a version holds, and what changed between two versions with who
(the laptop account's id), when and why. It reads what was imported and edits nothing."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.clock import local_text
from ...domain.errors import MimicError
from ...services import central_record
from ...storage.connection import Store
from ..i18n import arg, current, said
from ..labels import heading
from .record_frames import FramesTab
from .widgets import ReadOnlyTable, action_button


class RecordDialog(QDialog):
    def __init__(self, store: Store, study_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.study_id = study_id
        self.setObjectName("recordDialog")
        self.setWindowTitle(arg(self.tr("Record %1"), study_id))
        self.resize(1100, 700)
        self.versions = central_record.versions(store, study_id)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(arg(self.tr("Record %1"), study_id)))
        self.tabs = QTabWidget()
        self.tabs.setObjectName("recordTabs")
        layout.addWidget(self.tabs, 1)
        self.tabs.addTab(self._view_tab(), self.tr("Version"))
        self.tabs.addTab(self._compare_tab(), self.tr("Compare versions"))
        self.frames_tab = FramesTab(store, study_id)
        self.tabs.addTab(self.frames_tab, self.tr("Frames"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.show_version()
        self.show_comparison()

    def _version_box(self, name: str, chosen: int) -> QComboBox:
        box = QComboBox()
        box.setObjectName(name)
        for version in self.versions:
            state = self.tr("current") if version.current else self.tr("superseded")
            text = arg(
                self.tr("Version %1 (%2), imported %3"), version.version, state, local_text(version.imported_utc)
            )
            box.addItem(text, version.version)
        box.setCurrentIndex(chosen)
        return box

    def _view_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        bar = QHBoxLayout()
        current_index = next((i for i, v in enumerate(self.versions) if v.current), len(self.versions) - 1)
        self.version_box = self._version_box("recordVersion", current_index)
        self.version_box.currentIndexChanged.connect(self.show_version)
        bar.addWidget(self.version_box)
        bar.addStretch(1)
        self.summary_button = action_button(
            bar, "mdi6.file-pdf-box", self.tr("Open the summary (PDF)"), "openSummary", lambda: self.open_pdf("summary")
        )
        self.questionnaire_button = action_button(
            bar,
            "mdi6.file-sign",
            self.tr("Open the questionnaire (PDF)"),
            "openQuestionnaire",
            lambda: self.open_pdf("questionnaire"),
        )
        layout.addLayout(bar)
        self.version_note = QLabel()
        self.version_note.setObjectName("recordVersionNote")
        self.version_note.setWordWrap(True)
        layout.addWidget(self.version_note)
        self.record_table = ReadOnlyTable("recordTable", [self.tr("Part"), self.tr("What"), self.tr("Value")])
        layout.addWidget(self.record_table, 1)
        return tab

    def _compare_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        bar = QHBoxLayout()
        last = len(self.versions) - 1
        self.older_box = self._version_box("compareOlder", max(last - 1, 0))
        self.newer_box = self._version_box("compareNewer", last)
        bar.addWidget(QLabel(self.tr("Compare")))
        bar.addWidget(self.older_box)
        bar.addWidget(QLabel(self.tr("with")))
        bar.addWidget(self.newer_box)
        bar.addStretch(1)
        for box in (self.older_box, self.newer_box):
            box.currentIndexChanged.connect(self.show_comparison)
        layout.addLayout(bar)
        self.compare_note = QLabel()
        self.compare_note.setObjectName("compareNote")
        self.compare_note.setWordWrap(True)
        layout.addWidget(self.compare_note)
        self.compare_table = ReadOnlyTable(
            "compareTable",
            [
                self.tr("Part"),
                self.tr("What"),
                self.tr("Old value"),
                self.tr("New value"),
                self.tr("Who (laptop account)"),
                self.tr("When (local time)"),
                self.tr("Reason"),
            ],
        )
        layout.addWidget(self.compare_table, 1)
        return tab

    def show_version(self) -> None:
        chosen = self.version_box.currentData()
        try:
            version, lines = central_record.view(self.store, self.study_id, chosen, current())
        except MimicError as error:
            self.version_note.setText(said(error))
            self.record_table.fill([])
            return
        note = arg(
            self.tr("Exported %1 from the centre, file %2."), local_text(version.exported_utc), version.file_name
        )
        if not version.carries_history:
            note += " " + self.tr("This file carries no change history (a file of format version 1).")
        self.version_note.setText(note)
        self.record_table.fill([[line.section, line.what, line.value] for line in lines])

    def open_pdf(self, document: str) -> Path | None:
        """A copy of the PDF the chosen version brought, opened with the system's viewer; the archive's own file is
        never handed out."""
        try:
            copy = central_record.document_copy(self.store, self.study_id, self.version_box.currentData(), document)
        except MimicError as error:
            self.version_note.setText(said(error))
            return None
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(copy))):
            self.version_note.setText(arg(self.tr("No program to show PDFs was found; the copy is %1."), copy))
        return copy

    def show_comparison(self) -> None:
        older, newer = self.older_box.currentData(), self.newer_box.currentData()
        if older == newer:
            self.compare_note.setText(self.tr("Choose two different versions."))
            self.compare_table.fill([])
            return
        try:
            comparison = central_record.compare(self.store, self.study_id, older, newer, current())
        except MimicError as error:
            self.compare_note.setText(said(error))
            self.compare_table.fill([])
            return
        note = arg(
            self.tr("Version %1 against version %2: %3 changed value(s)."),
            comparison.older,
            comparison.newer,
            len(comparison.changes),
        )
        if not comparison.history_carried:
            note += " " + self.tr("The newer file carries no change history: who and why are not known here.")
        self.compare_note.setText(note)
        rows = []
        for change in comparison.changes:
            reasons = change.why or (central_record.Why("", "", "", ""),)
            for index, why in enumerate(reasons):
                first = index == 0
                rows.append(
                    [
                        change.section if first else "",
                        change.what if first else "",
                        change.old if first else "",
                        change.new if first else "",
                        why.who,
                        why.when,
                        why.reason,
                    ]
                )
        self.compare_table.fill(rows)
