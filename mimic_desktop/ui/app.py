"""Starting the app: QApplication, crash handling, language, theme, database and sign-in."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QEventLoop
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QProgressDialog

from .. import APP_NAME, __version__
from ..domain.roles import User
from ..services import paths
from ..services.accounts import AccountService
from ..storage.connection import Store, open_store
from ..storage.errors import StorageError
from . import dialogs, i18n, themes
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


def open_database(db_path: Path | None) -> Store | None:
    """Open the database (the demo one when none is given and none exists); None after a plain error."""
    path = Path(db_path) if db_path else paths.default_db_path()
    try:
        if db_path is None and not path.exists():
            create_demo_database(path)
        return open_store(path)
    except StorageError as error:
        dialogs.show_error(None, error)
        return None


def is_demo(store: Store) -> bool:
    return AccountService(store).is_demo_database()


def sign_in(store: Store, demo: bool) -> User | None:
    accounts = AccountService(store)
    dialog = SignInDialog(accounts, demo) if accounts.has_users() else FirstAccountDialog(accounts)
    return dialog.user if dialog.exec() else None


def run_app(db_path: Path | None, lang: str | None = None) -> int:
    """The `gui` command: returns the exit code."""
    prefs = Preferences()
    lang = lang or prefs.lang
    app = make_application(lang, prefs.theme)
    dialogs.install_excepthook()
    store = open_database(db_path)
    if store is None:
        return 1
    demo = is_demo(store)
    user = sign_in(store, demo)
    if user is None:
        store.close()
        return 0
    window = MainWindow(AppContext(store, user, lang), prefs, demo=demo)
    window.show()
    try:
        return app.exec()
    finally:
        store.close()
