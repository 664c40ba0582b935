"""The trial office's main window on the central study database: import, sessions, report and exports."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QProgressBar,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from ...domain.roles import Action, User
from ...services.central_import import ImportSummary
from ...storage.connection import Store
from .. import i18n, themes
from ..i18n import arg
from ..icons import icon
from ..preferences import Preferences
from ..settings_dialog import SettingsDialog
from .background import BackgroundWork
from .exports_page import ExportsPage
from .import_page import ImportPage
from .report_page import ReportPage
from .sessions_page import SessionsPage

if TYPE_CHECKING:
    from ...services.trial_report import TrialReport


class CentralWindow(QMainWindow):
    """Imports files and registers centre keys; never edits a record. Long work runs in the background."""

    def __init__(self, store: Store, prefs: Preferences, lang: str = "en", *, user: User):
        super().__init__()
        self.store = store
        self.user = user  # who signed in: every change and export is theirs in the audit trail
        self.prefs = prefs
        self.lang = lang
        self.summary: ImportSummary | None = None
        self.report: TrialReport | None = None
        self.setObjectName("centralWindow")
        self.setMinimumSize(1024, 640)
        self.resize(1366, 768)
        self.work = BackgroundWork(self)
        self.progress = QProgressBar()
        self.progress.setObjectName("taskProgress")
        self.progress.setMaximumWidth(220)
        self.progress.setRange(0, 0)
        self.progress.hide()
        self.statusBar().addPermanentWidget(self.progress)
        self.work.busy.connect(self.progress.setVisible)
        self.work.busy.connect(self._after_work)
        # What was asked while work ran (new settings, closing) waits for it: the UI thread never blocks on it.
        self.pending_settings: tuple[str, str] | None = None
        self.close_when_idle = False
        self.build()

    def build(self) -> None:
        """(Re)create every widget in the current language and theme; the last summary and report stay."""
        self.setWindowTitle(arg(self.tr("MIMIC central study database — %1"), self.store.path.name))
        for toolbar in self.findChildren(QToolBar):
            self.removeToolBar(toolbar)
            toolbar.deleteLater()
        bar = QToolBar(self.tr("Central"))
        bar.setObjectName("centralToolbar")
        bar.setMovable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.addToolBar(bar)
        self.settings_action = QAction(icon("mdi6.cog-outline"), self.tr("Settings"), self)
        self.settings_action.setShortcut(QKeySequence("Ctrl+,"))
        self.settings_action.triggered.connect(self.open_settings)
        bar.addAction(self.settings_action)

        holder = QWidget()
        layout = QVBoxLayout(holder)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.banner = QLabel(
            arg(
                self.tr(
                    "Central study database of the trial office: %1 — not an operating-room laptop's database. "
                    "Records are read-only here: imported session files are kept as they came, and this window "
                    "never edits a record."
                ),
                self.store.path,
            )
        )
        self.banner.setObjectName("centralBanner")
        self.banner.setWordWrap(True)
        self.banner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.banner)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("centralTabs")
        self.import_page = ImportPage(self.store.path, self.user, self.work, self.summary)
        self.import_page.imported.connect(self.imported)
        self.sessions_page = SessionsPage(self.store, self.user)
        self.report_page = ReportPage(self.store.path, self.work, self.report, self.lang)
        self.exports_page = ExportsPage(self.store.path, self.user, self.work)
        # What the signed-in role may not do is not offered (the services refuse it, and log the attempt, anyway).
        for button in (self.import_page.files_button, self.import_page.folder_button):
            button.setVisible(self.user.may(Action.IMPORT))
        for button in (self.sessions_page.add_key_button, self.sessions_page.withdraw_key_button):
            button.setVisible(self.user.may(Action.MANAGE_KEYS))
        for button in self.exports_page.buttons.values():
            button.setVisible(self.user.may(Action.EXPORT))
        for page, icon_name, text in (
            (self.import_page, "mdi6.tray-arrow-down", self.tr("Import")),
            (self.sessions_page, "mdi6.file-document-multiple-outline", self.tr("Sessions")),
            (self.report_page, "mdi6.chart-box-outline", self.tr("Report")),
            (self.exports_page, "mdi6.export", self.tr("Exports")),
        ):
            self.tabs.addTab(page, icon(icon_name), text)
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(holder)

    def imported(self, summary: ImportSummary | None) -> None:
        """An import finished (or stopped): the sessions list and the report catch up."""
        if summary is not None:
            self.summary = summary
        self.sessions_page.refresh()
        self.report_page.mark_stale()

    def show_page(self, name: str) -> None:
        pages = {
            "import": self.import_page,
            "sessions": self.sessions_page,
            "report": self.report_page,
            "exports": self.exports_page,
        }
        self.tabs.setCurrentWidget(pages[name])

    # -- theme and language ----------------------------------------------------------------
    def open_settings(self) -> None:
        dialog = SettingsDialog(self.prefs, self)
        if dialog.exec():
            self.apply_settings(*dialog.chosen())

    def apply_settings(self, theme: str, lang: str) -> None:
        if self.work.running:  # results land on the pages about to be replaced: rebuild once they are in
            self.pending_settings = (theme, lang)
            self.statusBar().showMessage(self.tr("The new settings take effect when the running work has finished."))
            return
        app = QApplication.instance()
        assert isinstance(app, QApplication), "a window runs inside the QApplication"
        self.prefs.theme, self.prefs.lang = theme, lang
        themes.apply(app, theme)
        if lang != self.lang:
            i18n.install(app, lang)
            self.lang = lang
        self.report = None if self.report_page.stale else self.report_page.report
        current = self.tabs.currentIndex()
        self.build()
        self.tabs.setCurrentIndex(current)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.work.running:  # an import half done is finished, not cut off
            event.ignore()
            self.close_when_idle = True
            self.statusBar().showMessage(self.tr("The window closes when the running work has finished."))
            return
        super().closeEvent(event)

    def _after_work(self, busy: bool) -> None:
        if busy:
            return
        if self.pending_settings is not None:
            settings, self.pending_settings = self.pending_settings, None
            self.apply_settings(*settings)
        if self.close_when_idle:
            self.close()
