"""The main window: the procedure list, and per procedure the live screen and the record pages."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QMenu,
    QProgressBar,
    QSizePolicy,
    QStackedWidget,
    QTabWidget,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..domain.errors import MimicError
from ..domain.roles import Action, User
from ..services import settings as study_settings
from . import dialogs, i18n, themes
from .context import AppContext
from .icons import icon
from .lock_screen import IdleWatch, LockScreen
from .preferences import Preferences
from .procedure_list import ProcedureList
from .saved_indicator import SavedIndicator
from .worker import Task, run_in_background

# The size the screens are laid out for, the smallest the window may be made, and what a title bar
# and window borders take around the window.
DEFAULT_SIZE = QSize(1366, 768)
SMALLEST_SIZE = QSize(1024, 640)
FRAME_ALLOWANCE = QSize(16, 48)
# The UI thread waits this long for another program's write lock; the live screen keeps what then waits.
UI_LOCK_WAIT_MS = 100

# The live screen, the record pages and the dialogs load when first opened: the procedure list
# comes up without them.
if TYPE_CHECKING:
    from ..services.accounts import AccountService
    from .live.live_screen import LiveScreen
    from .record import RecordView
    from .wizard import NewProcedureWizard


class MainWindow(QMainWindow):
    def __init__(self, context: AppContext, prefs: Preferences, demo: bool = False):
        super().__init__()
        self.context = context
        self.prefs = prefs
        self.demo = demo
        self.proc_id: str | None = None
        self.live: LiveScreen | None = None
        self.record: RecordView | None = None
        self.tasks: set[Task] = set()
        self.setObjectName("mainWindow")
        context.store.wait_for_lock(UI_LOCK_WAIT_MS)
        self.setMinimumSize(SMALLEST_SIZE)
        self.resize(DEFAULT_SIZE)
        self.saved = SavedIndicator()
        self.progress = QProgressBar()
        self.progress.setObjectName("taskProgress")
        self.progress.setMaximumWidth(220)
        self.progress.hide()
        self.statusBar().addPermanentWidget(self.progress)
        self.statusBar().addPermanentWidget(self.saved)
        self.lock_screen: LockScreen | None = None
        self.build()
        self.idle = IdleWatch(prefs.lock_minutes, self)
        self.idle.idle.connect(self.lock_when_idle)
        remembered = prefs.open_procedure(context.store.path)
        if remembered and self._reopens(remembered):
            self.open_procedure(remembered, resuming=True)

    def _reopens(self, proc_id: str) -> bool:
        """A procedure still being recorded reopens for a user who may record; one completed or gone is forgotten."""
        if self.context.procedures().reopens(proc_id):
            return True
        if self.context.user is not None and self.context.user.may(Action.EDIT):
            self.prefs.remember_procedure(self.context.store.path, None)
        return False

    def show_fitted(self) -> None:
        """Show the window inside the screen's free area (without task bars); maximised on a small screen."""
        available = self.screen().availableGeometry()
        self.setMinimumSize(SMALLEST_SIZE.boundedTo(available.size()))
        place = placement(available)
        if place is None:
            self.showMaximized()
        else:
            self.setGeometry(place)
            self.show()

    # -- building --------------------------------------------------------------------------
    def build(self) -> None:
        """(Re)create every widget in the current language and theme."""
        self.setWindowTitle(self.tr("MIMIC Desktop") + (self.tr(" — DEMO DATABASE") if self.demo else ""))
        for toolbar in self.findChildren(QToolBar):
            self.removeToolBar(toolbar)
            toolbar.deleteLater()
        self._build_toolbar()
        holder = QWidget()
        layout = QVBoxLayout(holder)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        if self.demo:
            banner = QLabel(self.tr("DEMO DATABASE — practice data only, not for real patients"))
            banner.setObjectName("demoBanner")
            banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(banner)
        self.pages = QStackedWidget()
        layout.addWidget(self.pages, 1)
        self.list = ProcedureList(self.context)
        self.list.open_requested.connect(self.open_procedure)
        self.list.new_requested.connect(self.new_procedure)
        self.list.task_requested.connect(self.run_task)
        self.pages.addWidget(self.list)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("procedureTabs")
        self.tabs.currentChanged.connect(self.flush)  # typed values are saved when the other tab comes up
        self.pages.addWidget(self.tabs)
        self.setCentralWidget(holder)
        self.live = self.record = None
        self._update_user()

    def _build_toolbar(self) -> None:
        bar = QToolBar(self.tr("Main"))
        bar.setObjectName("mainToolbar")
        bar.setMovable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.addToolBar(bar)
        self.toolbar = bar
        self._toolbar_wide_width = 0
        self.list_action = self._action(bar, "mdi6.format-list-bulleted", self.tr("Procedures"), "Ctrl+L")
        self.list_action.triggered.connect(self.close_procedure)
        self.new_action = self._action(bar, "mdi6.plus-circle-outline", self.tr("New procedure"), "Ctrl+N")
        self.new_action.triggered.connect(self.new_procedure)
        bar.addSeparator()
        self.switch_action = self._action(bar, "mdi6.account-switch", self.tr("Switch user"), "Ctrl+U")
        self.switch_action.triggered.connect(self.switch_user)
        self.settings_action = self._action(bar, "mdi6.cog-outline", self.tr("Settings"), "Ctrl+,")
        self.settings_action.triggered.connect(self.open_settings)
        self.about_action = self._action(bar, "mdi6.information-outline", self.tr("About"), "F1")
        self.about_action.triggered.connect(self.open_about)
        spacer = QWidget()
        spacer.setObjectName("toolbarSpacer")
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        bar.addWidget(spacer)
        # The signed-in person, with what they do to their own account (and a coordinator to everyone's).
        self.user_label = QToolButton()
        self.user_label.setObjectName("userLabel")
        self.user_label.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.user_label.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.user_label.setIcon(icon("mdi6.account-circle-outline"))
        menu = QMenu(self.user_label)
        menu.setObjectName("userMenu")
        self.password_action = menu.addAction(self.tr("Change my password…"))
        self.password_action.triggered.connect(self.change_password)
        self.accounts_action = menu.addAction(self.tr("Accounts…"))
        self.accounts_action.triggered.connect(self.open_accounts)
        self.lock_action = menu.addAction(self.tr("Lock the screen"))
        self.lock_action.setShortcut(QKeySequence("Ctrl+Shift+L"))
        self.lock_action.triggered.connect(self.lock)
        self.addAction(self.lock_action)  # its key works with the menu closed
        self.user_label.setMenu(menu)
        bar.addWidget(self.user_label)

    def _action(self, bar: QToolBar, icon_name: str, text: str, keys: str) -> QAction:
        action = QAction(icon(icon_name), text, self)
        action.setShortcut(QKeySequence(keys))
        action.setToolTip(f"{text} ({QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)})")
        bar.addAction(action)
        return action

    def _update_user(self) -> None:
        user = self.context.user
        self.user_label.setText(f"{user.full_name} · {user.role.text(self.context.lang)}" if user else "")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)  # measured anew with the name
        self._fit_toolbar()
        self.new_action.setEnabled(bool(user and user.may(Action.EDIT)))
        self.accounts_action.setVisible(bool(user and user.may(Action.MANAGE_USERS)))

    # -- procedures ------------------------------------------------------------------------
    def icg_window(self) -> tuple[timedelta, timedelta]:
        return study_settings.icg_window(self.context.store)

    def open_procedure(self, proc_id: str, resuming: bool = False) -> None:
        """Show the procedure's live screen and remember it, so a crash or a kill reopens it."""
        from .live.live_screen import LiveScreen
        from .record import RecordView

        if not self.settle():
            return
        try:
            live = LiveScreen(self.context, proc_id, self.icg_window())
        except MimicError as error:
            self.prefs.remember_procedure(self.context.store.path, None)
            if not resuming:  # a remembered procedure that is gone is forgotten, not an error
                dialogs.show_error(self, error)
            return
        self._clear_tabs()
        self.proc_id, self.live = proc_id, live
        live.committed.connect(self.saved.saved)
        live.failed.connect(self.saved.failed)
        live.waiting.connect(self.saved.waiting)
        self.tabs.addTab(live, icon("mdi6.timer-outline"), self.tr("Live"))
        self.record = record = RecordView(self.context, proc_id)
        record.changed.connect(live.refresh)
        record.changed.connect(self.saved.saved)
        record.failed.connect(self.saved.failed)
        record.task_requested.connect(self.run_task)
        self.tabs.addTab(self.record, icon("mdi6.clipboard-text-outline"), self.tr("Record"))
        self.pages.setCurrentWidget(self.tabs)
        self.prefs.remember_procedure(self.context.store.path, proc_id)
        live.setFocus()

    def _clear_tabs(self) -> None:
        if self.live is not None:
            self.live.release_source()
        self.live = self.record = None
        while self.tabs.count():
            page = self.tabs.widget(0)
            self.tabs.removeTab(0)
            if page is not None:
                page.deleteLater()

    def flush(self) -> None:
        """Save what is still being typed on the live screen and the record pages."""
        if self.live is not None:
            self.live.lesion_panel.flush()
        if self.record is not None:
            self.record.flush()

    def settle(self) -> bool:
        """Before the procedure, the user or the window goes: save what is typed; True when nothing is lost.

        What cannot be saved (a wrong value, an action waiting for the database) is named, and the user
        chooses: back to it, or discard it knowingly.
        """
        unsaved = (self.live.unsaved() if self.live else []) + (self.record.unsaved() if self.record else [])
        if not unsaved:
            return True
        if not dialogs.ask_discard(self, unsaved):
            # failed() says "Not saved:" itself.
            self.saved.failed(unsaved[0])
            return False
        if self.live is not None:
            self.live.discard_unsaved()
        if self.record is not None:
            self.record.discard_unsaved()
        return True

    def close_procedure(self) -> None:
        """Back to the list, deliberately: the next start does not reopen this procedure."""
        if not self.settle():
            return
        self._clear_tabs()
        self.proc_id = None
        self.prefs.remember_procedure(self.context.store.path, None)
        self.list.refresh()
        self.pages.setCurrentWidget(self.list)

    def new_procedure(self) -> NewProcedureWizard | None:
        """Opens the wizard without blocking; the new procedure opens when it is finished."""
        from .wizard import NewProcedureWizard

        if not self.settle():
            return None
        wizard = NewProcedureWizard(
            self.context, study_settings.centre(self.context.store), self.icg_window(), parent=self
        )
        wizard.created.connect(self.open_procedure)
        wizard.finished.connect(wizard.deleteLater)
        wizard.open()
        return wizard

    # -- people and settings ---------------------------------------------------------------
    def switch_user(self) -> None:
        from .sign_in import SignInDialog

        if not self.settle():  # what the signed-in user typed is saved as theirs, or knowingly dropped
            return
        current = self.context.user.username if self.context.user else ""
        dialog = SignInDialog(self._accounts(), self.demo, self, current=current)
        if dialog.exec() and dialog.user is not None:
            self._become(dialog.user)

    def _become(self, user: User) -> None:
        self.context.user = user
        self.context.signals.user_changed.emit()
        if self.proc_id and not self.context.procedures().reopens(self.proc_id):
            self._clear_tabs()
            self.proc_id = None
        self.rebuild()

    def switch_from_lock(self) -> None:
        """Someone else at the locked laptop signs in first; then what the person before typed is saved as that
        person's, or knowingly dropped, as at any switch of user. If it is neither, the screen locks again: the
        newcomer never works on as the person before."""
        from .sign_in import SignInDialog

        dialog = SignInDialog(self._accounts(), self.demo, self)
        if not dialog.exec() or dialog.user is None or self.context.user is None:
            return
        self.unlock()
        if dialog.user.username == self.context.user.username:
            return
        if self.settle():
            self._become(dialog.user)
        else:
            self.lock()

    def pages_holder(self) -> QWidget:
        holder = self.centralWidget()
        assert holder is not None, "set in __init__"
        return holder

    def _accounts(self) -> AccountService:
        from ..services.accounts import AccountService

        return AccountService(self.context.store, lang=self.context.lang)

    def change_password(self) -> None:
        from .password_dialog import ChangePasswordDialog

        if self.context.user is not None:
            ChangePasswordDialog(self._accounts(), self.context.user.username, self).exec()

    def open_accounts(self) -> None:
        from .accounts_dialog import AccountsDialog

        if self.context.user is not None:
            AccountsDialog(self._accounts(), self.context.user, self).exec()

    # -- the locked screen -----------------------------------------------------------------
    def recording_live(self) -> bool:
        """The live screen of a procedure still being recorded is in front: it is never locked."""
        return bool(
            self.live is not None
            and self.pages.currentWidget() is self.tabs
            and self.tabs.currentWidget() is self.live
            and self.proc_id
            and self.context.procedures().reopens(self.proc_id)
        )

    def lock_when_idle(self) -> None:
        if self.recording_live():
            self.idle.restart()  # asked again after another while without use
        else:
            self.lock()

    def lock(self) -> None:
        """Cover the window; what it shows, typed values not yet saved included, stays as it is underneath."""
        if self.lock_screen is not None or self.context.user is None:
            return
        self.idle.timer.stop()
        self.pages_holder().setEnabled(False)  # no key reaches the record while it is covered
        for action in self.actions() + [a for bar in self.findChildren(QToolBar) for a in bar.actions()]:
            action.setProperty("enabledBeforeLock", action.isEnabled())
            action.setEnabled(False)
        self.lock_screen = LockScreen(self._accounts(), self.context.user, self)
        self.lock_screen.unlocked.connect(self.unlock)
        self.lock_screen.switch_requested.connect(self.switch_from_lock)

    def unlock(self) -> None:
        if self.lock_screen is None:
            return
        self.lock_screen.hide()
        self.lock_screen.deleteLater()
        self.lock_screen = None
        self.pages_holder().setEnabled(True)
        for action in self.actions() + [a for bar in self.findChildren(QToolBar) for a in bar.actions()]:
            if action.property("enabledBeforeLock") is not None:
                action.setEnabled(bool(action.property("enabledBeforeLock")))
        self.idle.restart()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_toolbar()
        if self.lock_screen is not None:
            self.lock_screen.setGeometry(self.rect())

    def _fit_toolbar(self) -> None:
        """Words beside the toolbar's icons while they fit; the icons alone (their words in the tooltips) in a
        narrow window, so that the signed-in person's button stays in sight rather than behind the overflow arrow."""
        if self.toolbar.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonTextBesideIcon:
            self._toolbar_wide_width = self.toolbar.sizeHint().width()
        fits = self.width() >= self._toolbar_wide_width
        style = Qt.ToolButtonStyle.ToolButtonTextBesideIcon if fits else Qt.ToolButtonStyle.ToolButtonIconOnly
        if self.toolbar.toolButtonStyle() != style:
            self.toolbar.setToolButtonStyle(style)

    def open_settings(self) -> None:
        from .settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.prefs, self, context=self.context)
        if dialog.exec():
            self.idle.set_minutes(self.prefs.lock_minutes)
            self.apply_settings(*dialog.chosen())

    def open_about(self) -> None:
        from .about import AboutDialog

        AboutDialog(self.context.store.path, self).exec()

    def apply_settings(self, theme: str, lang: str) -> None:
        if not self.settle():
            return
        app = QApplication.instance()
        assert isinstance(app, QApplication), "a window runs inside the QApplication"
        self.prefs.theme, self.prefs.lang = theme, lang
        themes.apply(app, theme)
        if lang != self.context.lang:
            i18n.install(app, lang)
            self.context.lang = lang
            self.context.signals.language_changed.emit(lang)
        self.rebuild()

    def rebuild(self) -> None:
        """Every label again, in the chosen language and theme; the open procedure stays open."""
        proc_id = self.proc_id
        self._clear_tabs()
        self.build()
        if proc_id:
            self.open_procedure(proc_id, resuming=True)

    # -- background work -------------------------------------------------------------------
    def run_task(self, task: Task, on_done: Callable[[Any], None] | None = None) -> Task:
        """Run long work off the UI thread with the progress bar showing; errors become dialogs."""
        self.tasks.add(task)
        self.progress.setRange(0, 0)
        self.progress.show()

        def finish(result: Any = None, error: BaseException | None = None) -> None:
            self.tasks.discard(task)
            if not self.tasks:
                self.progress.hide()
            if error is not None:
                dialogs.show_error(self, error)
            elif on_done is not None:
                on_done(result)

        def advance(done: int, total: int, _what: str) -> None:
            self.progress.setRange(0, total)
            self.progress.setValue(done)

        task.signals.progress.connect(advance)
        task.signals.finished.connect(lambda result: finish(result))
        task.signals.failed.connect(lambda error: finish(error=error))
        return run_in_background(task)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.lock_screen is not None:  # closing would ask about what is typed underneath: unlock first
            event.ignore()
            return
        if not self.settle():
            event.ignore()
            return
        super().closeEvent(event)


def placement(available: QRect) -> QRect | None:
    """Where the window goes on a screen's free area: centred at its default size, or None to maximise
    it when the default size with its title bar and borders does not fit."""
    needed = DEFAULT_SIZE + FRAME_ALLOWANCE
    if available.width() < needed.width() or available.height() < needed.height():
        return None
    place = QRect(0, 0, DEFAULT_SIZE.width(), DEFAULT_SIZE.height())
    place.moveCenter(available.center())
    return place
