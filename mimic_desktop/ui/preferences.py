"""Per-user interface preferences (theme, language, the procedure left open) in the config folder."""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import QSettings

from ..services import language, paths

THEMES = ("dark", "light")
# The screen locks after this many minutes without a key press or a click; 0 never locks it.
LOCK_MINUTES_DEFAULT = 15
LOCK_MINUTES_MOST = 240
LANGUAGES = ("en", "nl")


class Preferences:
    """A small INI file; every write is synced at once so a killed app still finds it."""

    def __init__(self, folder: Path | None = None):
        folder = folder or paths.config_dir()
        folder.mkdir(parents=True, exist_ok=True)
        self.path = folder / language.PREFERENCES_FILE
        self._settings = QSettings(str(self.path), QSettings.Format.IniFormat)

    def _get(self, key: str, allowed: tuple[str, ...], fallback: str) -> str:
        value = self._settings.value(key, fallback)
        return value if value in allowed else fallback

    def _put(self, key: str, value: str | None) -> None:
        if value is None:
            self._settings.remove(key)
        else:
            self._settings.setValue(key, value)
        self._settings.sync()

    @property
    def theme(self) -> str:
        return self._get("theme", THEMES, "dark")

    @theme.setter
    def theme(self, name: str) -> None:
        self._put("theme", name)

    @property
    def lang(self) -> str:
        """The language chosen here, else the system's (services/language.py decides, for the command line too)."""
        return language.person_language(self.path.parent)

    @lang.setter
    def lang(self, code: str) -> None:
        self._put(language.PREFERENCE_KEY, code)

    @property
    def lock_minutes(self) -> int:
        try:
            minutes = int(str(self._settings.value("lock_minutes", LOCK_MINUTES_DEFAULT)))
        except (TypeError, ValueError):  # a hand-edited file: the default, not a crash
            return LOCK_MINUTES_DEFAULT
        return minutes if 0 <= minutes <= LOCK_MINUTES_MOST else LOCK_MINUTES_DEFAULT

    @lock_minutes.setter
    def lock_minutes(self, minutes: int) -> None:
        self._put("lock_minutes", str(int(minutes)))

    @staticmethod
    def _db_key(db_path: Path) -> str:
        # A path holds slashes, which QSettings reads as groups: key by a digest instead.
        digest = hashlib.sha256(str(Path(db_path).resolve()).encode()).hexdigest()[:16]
        return f"open_procedure/{digest}"

    def open_procedure(self, db_path: Path) -> str | None:
        value = self._settings.value(self._db_key(db_path))
        return str(value) if value else None

    def remember_procedure(self, db_path: Path, proc_id: str | None) -> None:
        """The procedure to reopen after a crash; None once the user closes it deliberately."""
        self._put(self._db_key(db_path), proc_id)
