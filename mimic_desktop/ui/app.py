"""Starting the app: QApplication, crash handling, language, theme, database and sign-in."""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QEventLoop
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog

from .. import APP_NAME, __version__
from ..domain import forms
from ..domain.clock import local_text
from ..domain.errors import MimicError
from ..domain.roles import User
from ..services import backups, paths, recent_databases
from ..services.accounts import AccountService
from ..storage.connection import Store, open_store
from ..storage.errors import CorruptDatabase, StorageError
from . import dialogs, i18n, instance_lock, themes, wheel_guard
from .context import AppContext
from .file_choice import ask_open_file
from .main_window import MainWindow
from .preferences import Preferences
from .resources import resource
from .sign_in import FirstAccountDialog, SignInDialog
from .worker import Task, run_in_background, share_the_interpreter_with_the_ui


def make_application(lang: str, theme: str) -> QApplication:
    running = QApplication.instance()
    app = running if isinstance(running, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("mimic-desktop")  # matches packaging/mimic-desktop.desktop for the Linux menus
    app.setWindowIcon(QIcon(str(resource("icons", "mimic.svg"))))
    i18n.install(app, lang)
    themes.apply(app, theme)
    wheel_guard.install(app)  # a scroll never changes a value, in any window of the app
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
    """Open the database (the demo one when none is given and none exists); None after a plain error.

    A database opened here before and missing now is never made anew: the user is told it is missing and
    may find it or restore its newest backup. Only a path never used before gets a new database (the
    first-run dialog then asks for its first coordinator).
    """
    path = database_path(db_path)
    used = recent_databases.last_used(path)
    try:
        if used is not None and not path.exists():
            store = missing(path, used)
        else:
            if db_path is None and not path.exists():
                create_demo_database(path)
            store = open_store(path)
    except CorruptDatabase:
        store = recover(path)
    except StorageError as error:
        dialogs.show_error(None, error)
        return None
    if store is not None:
        opened(store)
    return store


def opened(store: Store) -> None:
    """Remember the database for next time, and say at once when nothing can be saved in it."""
    recent_databases.remember(store.path)
    if store.read_only:
        dialogs.inform(
            None,
            "readOnlyDatabase",
            QApplication.translate(
                "App",
                "The database %1 is read-only: you can read it, but nothing can be saved in it (%2).\n\n"
                "Do not record a procedure in it. Copy it to a writable folder, or ask IT to make it writable.",
            )
            .replace("%1", str(store.path))
            .replace("%2", i18n.said(store.read_only)),
        )


def missing(path: Path, used: datetime) -> Store | None:
    """The database used here before is not at its place: find it, restore its newest backup, or close."""
    offer = backups.newest_backup(path)
    text = (
        QApplication.translate(
            "App",
            "The database you used on %1 at %2 is not there. It may have been moved, renamed or deleted, or the "
            "drive holding it is not connected. No new database has been made in its place.",
        )
        .replace("%1", local_text(used))
        .replace("%2", str(path))
    )
    if offer is not None:
        text += "\n\n" + (
            QApplication.translate("App", "Its newest intact automatic backup was taken on %1, %2.")
            .replace("%1", local_text(offer.taken))
            .replace("%2", _backup_reason(offer.label))
        )
    box = QMessageBox(QMessageBox.Icon.Warning, QApplication.translate("Dialogs", "MIMIC Desktop"), text)
    box.setObjectName("databaseMissing")
    find = box.addButton(QApplication.translate("App", "Find it…"), QMessageBox.ButtonRole.AcceptRole)
    find.setObjectName("findDatabase")
    restore = None
    if offer is not None:
        restore = box.addButton(QApplication.translate("App", "Restore the backup"), QMessageBox.ButtonRole.ActionRole)
        restore.setObjectName("restoreNewest")
    close = box.addButton(QApplication.translate("App", "Close"), QMessageBox.ButtonRole.RejectRole)
    close.setObjectName("closeApp")
    box.setDefaultButton(find)
    box.setEscapeButton(close)
    box.exec()
    clicked = box.clickedButton()
    try:
        if clicked is find:
            found = ask_open_file(
                None, QApplication.translate("App", "Where is the database now?"), path.parent, "*.sqlite"
            )
            return None if found is None else open_store(found, create=False)
        if offer is not None and clicked is restore:
            backups.restore(path, offer)
            store = open_store(path, create=False)
            dialogs.inform(
                None,
                "backupRestored",
                QApplication.translate("App", "The backup of %1 is in place and open.").replace(
                    "%1", local_text(offer.taken)
                ),
            )
            return store
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


def recover(path: Path, reopen: Callable[[Path], Store] | None = None, office: bool = False) -> Store | None:
    """A damaged database at start: offer its newest intact backup in its place, or say that there is none.
    reopen opens the restored file (the laptop's database by default; the central one's opener for it); office: the
    trial office's central database, said in its own words."""
    offer = backups.newest_backup(path)
    if offer is None:
        none = (
            QApplication.translate(
                "App",
                "%1 is damaged or is not a MIMIC central database, and there is no intact automatic backup of it in "
                "%2.\n\nThe file has not been changed. Ask IT for help; the centres' session files can be imported "
                "again into a new central database.",
            )
            if office
            else QApplication.translate(
                "App",
                "%1 is damaged or is not a MIMIC database, and there is no intact automatic backup of it in %2.\n\n"
                "The file has not been changed. Ask IT or the trial office for help.",
            )
        )
        dialogs.show_error(None, none.replace("%1", str(path)).replace("%2", str(paths.backup_dir(path))))
        return None
    offered = (
        QApplication.translate(
            "App",
            "The central database %1 is damaged and cannot be used.\n\n"
            "The newest intact automatic backup of it was taken on %2, %3. Restore that backup? "
            "Files imported after that moment are not in it: import them again. The damaged file is kept beside it, "
            "renamed, for IT.\n\n"
            "If you choose No, nothing is changed and the window closes.",
        )
        if office
        else QApplication.translate(
            "App",
            "The database %1 is damaged and cannot be used.\n\n"
            "The newest intact automatic backup of it was taken on %2, %3. Restore that backup? "
            "Entries saved after that moment are not in it. The damaged file is kept beside it, renamed, "
            "for IT or the trial office.\n\n"
            "If you choose No, nothing is changed and MIMIC Desktop closes.",
        )
    )
    question = (
        offered.replace("%1", str(path))
        .replace("%2", local_text(offer.taken))
        .replace("%3", _backup_reason(offer.label))
    )
    if not dialogs.ask_yes_no(None, "restoreOffer", question):
        return None
    try:
        kept = backups.restore(path, offer)
        store = open_store(path, create=False) if reopen is None else reopen(path)
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
            ).replace("%1", i18n.said(error)),
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
        forms.forms_dir()  # other form definitions than the shipped ones are refused before anything opens
    except MimicError as error:
        dialogs.show_error(None, error)
        return 1
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
    found_lock = None
    try:
        if store.path != database_path(db_path):  # found elsewhere: this copy holds that file's lock too
            try:
                found_lock = instance_lock.hold(store.path)
            except instance_lock.OpenElsewhere as error:
                dialogs.show_error(None, error)
                return 1
        window = start_session(store, lang, prefs)
        if window is None:
            return 0
        window.show_fitted()
        return app.exec()
    finally:
        store.close()
        if found_lock is not None:
            found_lock.unlock()
