"""Starting the trial office's window: `mimic-central gui --db FILE`, after signing in."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog

from ...domain.errors import MimicError
from ...domain.roles import User
from ...services import central_import
from ...services.office_accounts import office_accounts
from ...storage.connection import Store
from ...storage.errors import CorruptDatabase
from .. import dialogs
from ..app import make_application, recover
from ..preferences import Preferences
from ..sign_in import SignInDialog
from .window import CentralWindow


def run_central_app(db_path: Path, lang: str | None = None) -> int:
    """Open the central database in its window once someone has signed in; a file that is not one gets a plain
    message. Returns the exit code."""
    prefs = Preferences()
    lang = lang or prefs.lang
    app = make_application(lang, prefs.theme)
    dialogs.install_excepthook()
    store: Store | None
    if not Path(db_path).exists():  # said in the window's words (the command line names the command that makes one)
        text = QCoreApplication.translate(
            "CentralApp",
            "There is no central study database at %1. Check where the trial office keeps it: a database that was "
            "moved, or whose drive is not connected, is not made again here.",
        )
        dialogs.show_error(None, MimicError(text.replace("%1", str(db_path))))
        return 1
    try:
        store = central_import.open_existing(Path(db_path))
    except CorruptDatabase:
        # Offer the newest intact automatic backup in its place (the damaged file is kept), as on the laptop.
        store = recover(Path(db_path), central_import.open_existing, office=True)
    except MimicError as error:
        dialogs.show_error(None, error)
        return 1
    if store is None:
        return 1
    try:
        user = sign_in(store, lang)
        if user is None:
            return 0
        window = CentralWindow(store, prefs, lang, user=user)
        window.show()
        return app.exec()
    finally:
        store.close()


def sign_in(store: Store, lang: str) -> User | None:
    """The account that signs in (None when the person gives up); a database without accounts is named, with the
    command that makes its first data manager."""
    accounts = office_accounts(store, lang)
    if not accounts.has_users():
        text = QCoreApplication.translate(
            "CentralApp",
            "%1 has no accounts yet, so nobody can sign in to it. A central database is made together with its "
            "first data manager: ask whoever made this file to add one, or open the database the trial office uses.",
        )
        dialogs.show_error(None, MimicError(text.replace("%1", str(store.path))))
        return None
    dialog = SignInDialog(accounts, demo=False)
    dialog.setWindowTitle(QCoreApplication.translate("CentralApp", "Sign in to the central study database"))
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.user
