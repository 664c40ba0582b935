"""The installation check's window part: the real main window, on a throw-away demo database."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication

from ..domain.errors import MimicError
from ..domain.wording import Text
from ..services.install_check import practice_procedure
from . import i18n, themes
from .app import make_application
from .context import AppContext
from .main_window import MainWindow
from .preferences import LANGUAGES, THEMES, Preferences

CHECK_EVENT = "incision"  # the first event of every procedure, open on a new one


def main_window_check(folder: Path) -> Text:
    """Load every interface language and theme, open the main window on a new practice procedure in
    folder, record one event by clicking its button, and close; says what it saw."""
    app = make_application("en", "dark")
    for lang in LANGUAGES:
        i18n.install(app, lang)
    for theme in THEMES:
        themes.apply(app, theme)
    i18n.install(app, "en")
    themes.apply(app, "dark")
    store, user, proc_id = practice_procedure(folder)
    try:
        window = MainWindow(AppContext(store, user), Preferences(folder), demo=True)
        window.open_procedure(proc_id)
        window.show()
        QApplication.processEvents()
        if not window.isVisible() or window.live is None:
            raise MimicError(Text("The main window did not open."))
        window.live.buttons.buttons[CHECK_EVENT].click()
        recorded = [event.kind for event in window.context.procedures().load(proc_id).events]
        window.close()
        window.deleteLater()
        QApplication.processEvents()
        if recorded != [CHECK_EVENT]:
            raise MimicError(
                Text(
                    "Clicking {event} on the live screen recorded {recorded}.",
                    event=CHECK_EVENT,
                    recorded=", ".join(recorded) or Text("nothing"),
                )
            )
        return Text(
            "opened on the {display} display with {languages} languages and {themes} themes; "
            "one click on the live screen recorded {event} on a practice procedure",
            display=app.platformName(),
            languages=len(LANGUAGES),
            themes=len(THEMES),
            event=CHECK_EVENT,
        )
    finally:
        store.close()
