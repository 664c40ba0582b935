"""Printing the summary and the questionnaire (filled in, or blank for paper) in English or Dutch, off the UI thread,
and the session file for the trial office."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.record import Procedure
from ...services import documents
from ..file_choice import ask_save_file, documents_folder
from ..labels import heading
from ..worker import Task
from .access import RecordAccess
from .pages import RecordPage, scrolling
from .session_export import RequestTask, SessionExportPanel


class DocumentsPage(RecordPage):
    def __init__(self, access: RecordAccess, request_task: RequestTask, parent: QWidget | None = None):
        super().__init__(access, parent)
        self.setObjectName("documentsPage")
        self.request_task = request_task
        self.folder = documents_folder()
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.addWidget(heading(self.tr("Documents")))
        form = QFormLayout()
        choices = QVBoxLayout()
        self.kinds = QButtonGroup(self)
        for kind, text in (
            ("summary", self.tr("Procedure summary")),
            ("questionnaire", self.tr("Questionnaire, filled in")),
            ("blank", self.tr("Questionnaire, blank for paper")),
        ):
            button = QRadioButton(text)
            button.setObjectName(f"document_{kind}")
            button.setProperty("kind", kind)
            self.kinds.addButton(button)
            choices.addWidget(button)
        self.kinds.buttons()[0].setChecked(True)
        form.addRow(self.tr("Document"), choices)
        self.language = QComboBox()
        self.language.setObjectName("documentLanguage")
        self.language.addItem("English", "en")  # each language named in itself
        self.language.addItem("Nederlands", "nl")
        self.language.setCurrentIndex(self.language.findData(access.lang))
        self.language.setMaximumWidth(320)
        form.addRow(self.tr("Language"), self.language)
        layout.addLayout(form)
        row = QHBoxLayout()
        self.print_button = QPushButton(self.tr("Save as PDF…"))
        self.print_button.setObjectName("printButton")
        self.print_button.clicked.connect(self.choose_file)
        row.addWidget(self.print_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.where = QLabel()
        self.where.setObjectName("documentWhere")
        self.where.setWordWrap(True)
        layout.addWidget(self.where)
        layout.addSpacing(18)
        self.session_export = SessionExportPanel(access, request_task, self.language.currentData)
        layout.addWidget(self.session_export)
        layout.addStretch(1)
        self.scroll_area = scrolling(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroll_area)

    def refresh(self, proc: Procedure) -> None:
        """Only the export state shows anything of the record."""
        self.session_export.refresh(proc)

    def kind(self) -> str:
        chosen = self.kinds.checkedButton()
        assert chosen is not None, "one kind is always chosen"
        return str(chosen.property("kind"))

    def default_name(self) -> str:
        names = {"summary": "summary", "questionnaire": "questionnaire", "blank": "questionnaire-blank"}
        return f"{self.access.proc.study_id}-{names[self.kind()]}-{self.language.currentData()}.pdf"

    def choose_file(self) -> None:
        start = self.folder / self.default_name()
        target = ask_save_file(
            self, self.tr("Save the PDF as"), start, self.tr("PDF files (*.pdf)"), "pdf", self.access.lang
        )
        if target is not None:
            self.print_to(target)

    def print_to(self, target: Path) -> None:
        """Write in the background; the page says where the file went once it is there."""
        self.folder = target.parent
        access = self.access
        task = Task(
            documents.write_in_background,
            access.context.store.path,
            self.kind(),
            access.proc_id,
            target,
            self.language.currentData(),
        )
        task.signals.failed.connect(lambda _error: self._done(self.tr("The PDF was not written.")))
        self.print_button.setEnabled(False)
        self.where.setText(self.tr("Writing %1…").replace("%1", str(target)))
        self.request_task(task, lambda path: self._done(self.tr("Written to %1").replace("%1", str(path))))

    def _done(self, text: str) -> None:
        self.where.setText(text)
        self.print_button.setEnabled(True)
