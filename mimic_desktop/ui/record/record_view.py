"""The Record tab: the after-surgery pages of one procedure, beside the live screen."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain import derive
from ...domain.subject_status import SubjectStatus
from ..context import AppContext
from ..icons import icon
from .access import RecordAccess
from .completion_page import CompletionPage
from .documents_page import DocumentsPage
from .history_page import HistoryPage
from .lesions_page import LesionsPage
from .pages import RecordPage
from .patient_page import PatientPage
from .postop_page import PostopPage
from .queries_page import QueriesPage
from .questionnaire_page import QuestionnairePage
from .timeline_page import TimelinePage


class RecordView(QWidget):
    """Emits changed() after each committed change, failed(message) when one was not saved, and
    task_requested(task, on_done) for work that belongs on the window's progress bar."""

    changed = Signal()
    failed = Signal(str)
    task_requested = Signal(object, object)

    def __init__(self, context: AppContext, proc_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("recordView")
        self.access = RecordAccess(context, proc_id, self)
        self.access.saved.connect(self.changed)
        self.access.failed.connect(self.failed)
        self.stale = False
        outer = QVBoxLayout(self)
        outer.setContentsMargins(6, 6, 6, 6)
        top = QHBoxLayout()
        self.heading = QLabel()
        self.heading.setObjectName("recordHeading")
        top.addWidget(self.heading, 1)
        self.correct_id = QPushButton(self.tr("Correct study ID…"))
        self.correct_id.setObjectName("correctStudyId")
        self.correct_id.setToolTip(self.tr("Correct a study ID typed wrong at enrolment, with a reason"))
        self.correct_id.clicked.connect(self.correct_study_id)
        if not self.access.editable:  # never shown here: shown before it has a parent, it would open as a window
            self.correct_id.hide()
        top.addWidget(self.correct_id)
        outer.addLayout(top)
        if not self.access.editable:
            notice = QLabel(
                self.tr("Read-only: your role (%1) can read the record but not change it.").replace(
                    "%1", context.user.role.text(context.lang) if context.user else ""
                )
            )
            notice.setObjectName("readOnlyNotice")
            notice.setProperty("role", "caption")
            outer.addWidget(notice)
        body = QHBoxLayout()
        outer.addLayout(body, 1)
        self.nav = QListWidget()
        self.nav.setObjectName("recordNav")
        self.nav.setIconSize(QSize(22, 22))
        self.nav.setFixedWidth(240)
        self.nav.setWordWrap(True)
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body.addWidget(self.nav)
        self.stack = QStackedWidget()
        body.addWidget(self.stack, 1)
        access = self.access
        # Pages are built when first shown: opening a procedure during surgery stays quick.
        self.builders: dict[str, Callable[[], RecordPage]] = {}
        self.pages: dict[str, RecordPage] = {}
        for key, icon_name, title, build in (
            ("patient", "mdi6.account-details-outline", self.tr("Patient"), lambda: PatientPage(access)),
            ("timeline", "mdi6.filmstrip", self.tr("Timeline and video"), lambda: TimelinePage(access)),
            ("lesions", "mdi6.target", self.tr("Lesions and pathology"), lambda: LesionsPage(access)),
            ("postop", "mdi6.bed-outline", self.tr("Post-operative course"), lambda: PostopPage(access)),
            ("questionnaire", "mdi6.draw-pen", self.tr("Questionnaire"), lambda: QuestionnairePage(access)),
            ("completion", "mdi6.lock-check-outline", self.tr("Completion"), lambda: CompletionPage(access)),
            (
                "documents",
                "mdi6.file-pdf-box",
                self.tr("Documents"),
                lambda: DocumentsPage(access, self.task_requested.emit),
            ),
            ("queries", "mdi6.comment-question-outline", self.tr("Queries"), lambda: QueriesPage(access)),
            ("history", "mdi6.history", self.tr("History"), lambda: HistoryPage(access, self.task_requested.emit)),
        ):
            self.nav.addItem(QListWidgetItem(icon(icon_name), title))
            self.builders[key] = build
        self.nav.setCurrentRow(0)
        self.nav.currentRowChanged.connect(self._page_chosen)
        context.signals.record_changed.connect(self._record_changed)
        self.refresh()

    def page(self, key: str) -> RecordPage:
        """The page, built and filled in on first use."""
        if key not in self.pages:
            page = self.builders[key]()
            self.stack.addWidget(page)
            self.pages[key] = page
            page.refresh(self.access.proc)
        return self.pages[key]

    def current_key(self) -> str:
        return list(self.builders)[self.nav.currentRow()]

    def show_page(self, key: str) -> RecordPage:
        self.nav.setCurrentRow(list(self.builders).index(key))
        return self.page(key)

    def _page_chosen(self, _row: int) -> None:
        # A value that cannot be saved stays in its page, marked and named, for when the page is back.
        page = self.stack.currentWidget()
        if isinstance(page, RecordPage):
            page.flush()
        self.stack.setCurrentWidget(self.page(self.current_key()))

    def flush(self, report: bool = True) -> bool:
        """Save what is still being typed on any page; False when something could not be saved."""
        return all([page.flush(report) for page in self.pages.values()])  # a list: every page is tried

    def unsaved(self) -> list[str]:
        """Save what can be saved, quietly; what is typed but could not be saved, in words."""
        self.flush(report=False)
        return [line for page in self.pages.values() for editor in page.editors for line in editor.unsaved()]

    def discard_unsaved(self) -> None:
        """Drop what unsaved() named (the user chose to)."""
        for page in self.pages.values():
            for editor in page.editors:
                editor.discard()

    def _record_changed(self, proc_id: str) -> None:
        if proc_id != self.access.proc_id:
            return
        if self.isVisible():
            self.refresh()
        else:
            self.stale = True  # the live screen is in front: catch up when the pages are shown

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.stale:
            self.refresh()
        self.stack.setCurrentWidget(self.page(self.current_key()))

    def correct_study_id(self) -> bool:
        """Ask for the right study ID and why, and correct it (the service refuses a malformed or taken one, in
        words); False when nothing changed."""
        from ...services import study_id_correction
        from .study_id_dialog import StudyIdDialog

        proc = self.access.proc
        dialog = StudyIdDialog(proc.study_id, proc.valid_signature() is not None, self)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        new_id, reason = dialog.new_id.text(), dialog.reason.text()
        dialog.deleteLater()
        if not accepted:
            return False
        service, lang = self.access.service(), self.access.lang
        return self.access.run(
            self, lambda: study_id_correction.rename(service, self.access.proc_id, new_id, reason, lang)
        )

    def refresh(self) -> None:
        self.stale = False
        proc = self.access.reload()
        heading = f"{proc.study_id} · {derive.status(proc).text(self.access.lang)}"
        subject = SubjectStatus(proc.subject_status)
        self.heading.setText(heading if subject.analysed else f"{heading} · {subject.text(self.access.lang)}")
        for page in self.pages.values():
            page.refresh(proc)
