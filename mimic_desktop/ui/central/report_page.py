"""The trial report on the current sessions: computed in the background, shown as tables, saved as PDF or JSON."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QStandardPaths
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from ...domain.clock import local_text
from ...services import trial_report
from ..file_choice import ask_save_file
from ..i18n import arg
from ..record.pages import scrolling
from ..worker import Task
from .background import BackgroundWork
from .widgets import action_button

if TYPE_CHECKING:
    from ...services.trial_report import TrialReport
    from .report_view import ReportView


class ReportPage(QWidget):
    """Computes on first show (pandas and statsmodels load then, in the worker) and again on request or
    once new sessions were imported; keeps the last report for saving."""

    def __init__(
        self,
        db_path: Path,
        work: BackgroundWork,
        report: TrialReport | None = None,
        lang: str = "en",
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("reportPage")
        self.lang = lang
        self.db_path = db_path
        self.work = work
        self.report = report
        self.stale = report is None
        self.computing = False
        self.view: QScrollArea | None = None
        self.content: ReportView | None = None
        self.folder = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation))
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.compute_button = action_button(
            bar, "mdi6.calculator-variant-outline", self.tr("Compute again"), "computeReport", self.compute
        )
        self.pdf_button = action_button(
            bar, "mdi6.file-pdf-box", self.tr("Save as PDF…"), "saveReportPdf", lambda: self.choose_file("pdf")
        )
        self.json_button = action_button(
            bar, "mdi6.code-json", self.tr("Save as JSON…"), "saveReportJson", lambda: self.choose_file("json")
        )
        self.status = QLabel()
        self.status.setObjectName("reportStatus")
        self.status.setWordWrap(True)
        bar.addWidget(self.status, 1)
        layout.addLayout(bar)
        self.holder = QVBoxLayout()
        layout.addLayout(self.holder, 1)
        self.show_report(report)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.stale and not self.computing:
            self.compute()

    def mark_stale(self) -> None:
        """New sessions arrived: compute again when the page is next seen."""
        self.stale = True
        if self.isVisible():
            self.compute()
        else:
            self.status.setText(self.tr("New sessions were imported: the report will be computed again when shown."))

    # -- computing -------------------------------------------------------------------------
    def compute(self) -> Task | None:
        if self.computing:
            return None
        self.computing = True
        self.stale = False
        self.set_buttons()
        self.status.setText(self.tr("Computing the report on the current sessions…"))
        task = Task(trial_report.central_report, self.db_path)
        return self.work.run(task, self.computed, self.failed)

    def computed(self, report: TrialReport) -> None:
        self.computing = False
        self.show_report(report)
        if self.stale and self.isVisible():  # sessions arrived while this report was being computed
            self.compute()

    def failed(self, _error: BaseException) -> None:
        self.computing = False
        self.set_buttons()
        self.status.setText(self.tr("The report could not be computed."))

    def show_report(self, report: TrialReport | None) -> None:
        from ...services.report_layout import sections, title
        from .report_view import ReportView  # with the charts' drawing, only once there is a report

        self.report = report
        self.set_buttons()
        if report is None:
            return
        counted = report.counted
        self.status.setText(
            arg(
                self.tr("%1 of %2; computed %3."),
                self.tr("%n patient(s) analysed", "", counted.procedures_included),
                self.tr("%n current session(s)", "", counted.procedures_in_input),
                local_text(report.generated_at),
            )
        )
        if self.view is not None:
            self.holder.removeWidget(self.view)
            self.view.deleteLater()
        self.content = ReportView(title(report, self.lang), sections(report, self.lang))
        self.view = scrolling(self.content)
        self.view.setObjectName("reportScroll")
        self.holder.addWidget(self.view)

    def set_buttons(self) -> None:
        self.compute_button.setEnabled(not self.computing)
        for button in (self.pdf_button, self.json_button):
            button.setEnabled(self.report is not None and not self.computing)

    # -- saving ----------------------------------------------------------------------------
    def choose_file(self, kind: str) -> None:
        stamp = datetime.now().strftime("%Y-%m-%d")
        filters = {"pdf": self.tr("PDF files (*.pdf)"), "json": self.tr("JSON files (*.json)")}
        # Through file_choice: never onto the central database, its journal or its backups.
        chosen = ask_save_file(
            self,
            self.tr("Save the trial report as"),
            self.folder / f"mimic-trial-report-{stamp}.{kind}",
            filters[kind],
            kind,
        )
        if chosen is not None:
            self.save(chosen, kind)

    def save(self, path: Path, kind: str) -> Task:
        """Written in the background (the PDF needs reportlab); the page says where it went."""
        self.folder = path.parent
        self.status.setText(arg(self.tr("Writing %1…"), path))
        if kind == "pdf":  # in the window's language, as the page shows it
            task = Task(trial_report.write_report_pdf, self.report, path, self.lang)
        else:
            task = Task(trial_report.write_report_json, self.report, path)
        return self.work.run(
            task,
            lambda written: self.status.setText(arg(self.tr("Report saved to %1"), written)),
            lambda _error: self.status.setText(self.tr("The report was not saved.")),
        )
