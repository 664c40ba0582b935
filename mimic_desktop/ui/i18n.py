"""Interface language: Qt translations for the app's own words (form labels come from forms/) and Qt's own."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from .resources import resource

_installed: list[QTranslator] = []


def translation_file(lang: str) -> Path:
    return resource("translations", f"mimic_{lang}.qm")


def qt_translations_folder() -> str:
    """Where Qt keeps its own catalogues (qtbase_nl.qm: the standard buttons and dialogs)."""
    return QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)


def install(app: QCoreApplication, lang: str) -> None:
    """Replace the installed translators.

    English is the source language: its catalogue holds only the plural forms of counted texts
    ("%n lesion(s)" as "1 lesion" and "2 lesions").
    """
    while _installed:
        app.removeTranslator(_installed.pop())
    QLocale.setDefault(QLocale(QLocale.Language.Dutch if lang == "nl" else QLocale.Language.English))
    translator = QTranslator(app)
    if not translator.load(str(translation_file(lang))):
        raise FileNotFoundError(f"translation file {translation_file(lang)} is missing")
    app.installTranslator(translator)
    _installed.append(translator)
    if lang == "en":
        return
    # Cancel, Close, Yes and No in the app's language; without Qt's catalogue they stay English, which still works.
    qt_own = QTranslator(app)
    if qt_own.load(f"qtbase_{lang}", qt_translations_folder()):
        app.installTranslator(qt_own)
        _installed.append(qt_own)


def current() -> str:
    """The language install() set last: for a window opened before it knows the signed-in user's preferences."""
    return "nl" if QLocale().language() == QLocale.Language.Dutch else "en"


def arg(template: str, *values: object) -> str:
    """Fill %1, %2, … of a translated text in one pass, as QString.arg does in C++."""
    return re.sub(r"%(\d)", lambda match: str(values[int(match.group(1)) - 1]), template)
