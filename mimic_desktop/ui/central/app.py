"""Starting the trial office's window: `mimic-central gui --db FILE`."""

from __future__ import annotations

from pathlib import Path

from ...domain.errors import MimicError
from ...services import central_import
from .. import dialogs
from ..app import make_application
from ..preferences import Preferences
from .window import CentralWindow


def run_central_app(db_path: Path, lang: str | None = None) -> int:
    """Open the central database in its window; a file that is not one gets a plain message. Returns the exit code."""
    prefs = Preferences()
    lang = lang or prefs.lang
    app = make_application(lang, prefs.theme)
    dialogs.install_excepthook()
    try:
        store = central_import.open_existing(Path(db_path))
    except MimicError as error:
        dialogs.show_error(None, error)
        return 1
    window = CentralWindow(store, prefs, lang)
    window.show()
    try:
        return app.exec()
    finally:
        store.close()
