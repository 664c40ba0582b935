"""Starting the app: QApplication, crash handling, language, theme, database and sign-in."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEventLoop
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QProgressDialog

from .. import APP_NAME, __version__
from ..domain.clock import local_text
from ..domain.errors import MimicError
from ..domain.roles import User
from ..services import backups, paths
from ..services.accounts import AccountService
from ..storage.connection import Store, open_store
from ..storage.errors import CorruptDatabase, StorageError
from . import dialogs, i18n, instance_lock, themes
from .context import AppContext
from .main_window import MainWindow
from .preferences import Preferences
from .resources import resource
from .sign_in import FirstAccountDialog, SignInDialog
from .worker import Task, run_in_background, share_the_interpreter_with_the_ui


def make_application(lang: str, theme: str) -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("mimic-desktop")  # matches packaging/mimic-desktop.desktop for the Linux menus
    app.setWindowIcon(QIcon(str(resource("icons", "mimic.svg"))))
    i18n.install(app, lang)
    themes.apply(app, theme)
    share_the_interpreter_with_the_ui()
    return app


def _build_demo(path: Path) -> None:
    from ..services.demo import create_demo

    create_demo(path).close()


def create_demo_database(path: Path) -> None:
    """The first start's demo database, built off the UI thread behind a progress dialog."""
    waiting = QProgressDialog(QApplication.translate("App", "Preparing the demo database…"), "", 0, 0)
    waiting.setCancelButton(None)
    waiting.setMinimumDuration(0)
    waiting.show()
    loop = QEventLoop()
    failures: list[BaseException] = []

    def failed(error: BaseException) -> None:
        failures.append(error)
        loop.quit()

    task = Task(_build_demo, path)
    task.signals.finished.connect(lambda _result: loop.quit())
    task.signals.failed.connect(failed)
    run_in_background(task)
    loop.exec()
    waiting.close()
    if failures:
        raise failures[0]


def database_path(db_path: Path | None) -> Path:
    """The database the app works on: the one given, or the per-user one (the demo database at first)."""
    return Path(db_path) if db_path else paths.default_db_path()


def open_database(db_path: Path | None) -> Store | None:
    """Open the database (the demo one when none is given and none exists); None after a plain error."""
    path = database_path(db_path)
    try:
        if db_path is None and not path.exists():
            create_demo_database(path)
        return open_store(path)
    except CorruptDatabase:
        return recover(path)
    except StorageError as error:
        dialogs.show_error(None, error)
        return None


def _backup_reason(label: str) -> str:
    reasons = {
        "completed": QApplication.translate("App", "when a procedure was completed"),
        "daily": QApplication.translate("App", "as the day's first backup"),
        "before-upgrade": QApplication.translate("App", "before an upgrade of MIMIC Desktop"),
        "after-import": QApplication.translate("App", "after session files were imported"),
    }
    return reasons.get(label, label)


def recover(path: Path, reopen: Callable[[Path], Store] = open_store) -> Store | None:
    """A damaged database at start: offer its newest intact backup in its place, or say that there is none.
    reopen opens the restored file (the laptop's database by default; the central one's opener for it)."""
    offer = backups.newest_backup(path)
    if offer is None:
        dialogs.show_error(
            None,
            QApplication.translate(
                "App",
                "%1 is damaged or is not a MIMIC database, and there is no intact automatic backup of it in %2.\n\n"
                "The file has not been changed. Ask IT or the trial office for help.",
            )
            .replace("%1", str(path))
            .replace("%2", str(paths.backup_dir(path))),
        )
        return None
    question = (
        QApplication.translate(
            "App",
            "The database %1 is damaged and cannot be used.\n\n"
            "The newest intact automatic backup of it was taken on %2, %3. Restore that backup? "
            "Entries saved after that moment are not in it. The damaged file is kept beside it, renamed, "
            "for IT or the trial office.\n\n"
            "If you choose No, nothing is changed and MIMIC Desktop closes.",
        )
        .replace("%1", str(path))
        .replace("%2", local_text(offer.taken))
        .replace("%3", _backup_reason(offer.label))
    )
    if not dialogs.ask_yes_no(None, "restoreOffer", question):
        return None
    try:
        kept = backups.restore(path, offer)
        store = reopen(path)
    except (StorageError, MimicError) as error:
        dialogs.show_error(None, error)
        return None
    dialogs.inform(
        None,
        "backupRestored",
        QApplication.translate("App", "The backup of %1 is in place and open. The damaged file was kept as %2.")
        .replace("%1", local_text(offer.taken))
        .replace("%2", str(kept)),
    )
    return store


def is_demo(store: Store) -> bool:
    return AccountService(store).is_demo_database()


def sign_in(store: Store, demo: bool) -> User | None:
    accounts = AccountService(store, lang=i18n.current())
    dialog = SignInDialog(accounts, demo) if accounts.has_users() else FirstAccountDialog(accounts)
    return dialog.user if dialog.exec() else None


def daily_backup(store: Store) -> None:
    """The day's backup once someone has signed in; a failure is said plainly and the work goes on."""
    try:
        backups.daily_backup_if_due(store)
    except StorageError as error:
        dialogs.show_error(
            None,
            QApplication.translate(
                "App", "Today's automatic backup could not be taken: %1\n\nYou can go on working; tell IT."
            ).replace("%1", str(error)),
        )


def start_session(store: Store, lang: str, prefs: Preferences) -> MainWindow | None:
    """Sign in, take the day's backup and build the main window; None when sign-in is cancelled."""
    demo = is_demo(store)
    user = sign_in(store, demo)
    if user is None:
        return None
    daily_backup(store)
    return MainWindow(AppContext(store, user, lang), prefs, demo=demo)


def run_app(db_path: Path | None, lang: str | None = None) -> int:
    """The `gui` command: returns the exit code."""
    prefs = Preferences()
    lang = lang or prefs.lang
    app = make_application(lang, prefs.theme)
    dialogs.install_excepthook()
    try:
        lock = instance_lock.hold(database_path(db_path))
    except instance_lock.OpenElsewhere as error:
        dialogs.show_error(None, error)
        return 1
    try:
        return _run_on(app, db_path, lang, prefs)
    finally:
        if lock is not None:
            lock.unlock()


def _run_on(app: QApplication, db_path: Path | None, lang: str, prefs: Preferences) -> int:
    """The app on its database, once this copy holds the database's lock."""
    store = open_database(db_path)
    if store is None:
        return 1
    try:
        window = start_session(store, lang, prefs)
        if window is None:
            return 0
        window.show_fitted()
        return app.exec()
    finally:
        store.close()
