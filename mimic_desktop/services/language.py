"""The language a person reads: the one place that decides it for the app and the command lines.

The language chosen in the app's settings (the interface preferences in the config folder) comes first; without
one, the system's locale (LC_ALL, LC_MESSAGES, LANG, as POSIX orders them; on Windows the user's locale); a
language without a translation, or none at all, is English.
"""

from __future__ import annotations

import configparser
import locale
import os
from collections.abc import Mapping
from pathlib import Path

from ..domain.forms import LANGUAGES
from . import paths

PREFERENCES_FILE = "interface.ini"  # written by the app's Preferences (QSettings, INI format)
PREFERENCE_KEY = "language"
FALLBACK = "en"
LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")
# The first part of a locale's name, as POSIX ("nl_NL.UTF-8") and Windows ("Dutch_Netherlands") spell it.
LOCALE_LANGUAGES = {"nl": "nl", "dutch": "nl", "en": "en", "english": "en"}


def chosen_language(folder: Path | None = None) -> str | None:
    """The language chosen in the app's settings, if one was chosen (a damaged file chooses none)."""
    settings = configparser.ConfigParser(interpolation=None)
    try:
        settings.read((folder or paths.config_dir()) / PREFERENCES_FILE, encoding="utf-8")
    except (configparser.Error, OSError, UnicodeDecodeError):
        return None
    value = settings.get("General", PREFERENCE_KEY, fallback=None)
    return value if value in LANGUAGES else None


def locale_language(name: str | None) -> str | None:
    """The language of a locale's name; None for C, POSIX or no name."""
    if not name:
        return None
    first = name.replace("-", "_").split("_")[0].split(".")[0].split("@")[0].strip().lower()
    if first in ("", "c", "posix"):
        return None
    return LOCALE_LANGUAGES.get(first, FALLBACK)


def system_language(environ: Mapping[str, str] | None = None) -> str | None:
    """The language of the system's locale, None when it names none."""
    environ = os.environ if environ is None else environ
    for variable in LOCALE_VARIABLES:
        if environ.get(variable):
            return locale_language(environ[variable])
    if os.name == "nt":
        return locale_language(locale.getlocale()[0])
    return None


def person_language(folder: Path | None = None, environ: Mapping[str, str] | None = None) -> str:
    """The app's language setting, else the system's locale, else English."""
    return chosen_language(folder) or system_language(environ) or FALLBACK
