"""Choosing where files go: a folder (a USB stick, say) or a file name, in Qt's own file dialog."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLocale, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from ..services import file_guard


def documents_folder() -> Path:
    """Where a first file dialog opens: the user's documents folder, else their home folder."""
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found or Path.home())


def _ask(dialog: QFileDialog) -> Path | None:
    """Run the dialog (its own object, so that tests can answer it) and return the one path chosen."""
    chosen = dialog.exec()
    files = dialog.selectedFiles()
    dialog.deleteLater()
    return Path(files[0]) if chosen and files else None


def _language() -> str:
    """The interface language as i18n.install set it, for callers that do not know the user's."""
    return "nl" if QLocale().language() == QLocale.Language.Dutch else "en"


def _refused(parent: QWidget | None, refusal: str | None) -> bool:
    """Say why nothing will be written there (a database, its journal, its backups); True if so."""
    if refusal is None:
        return False
    from .dialogs import show_error

    show_error(parent, refusal)
    return True


def ask_save_file(
    parent: QWidget, title: str, start: Path, file_filter: str, suffix: str, lang: str | None = None
) -> Path | None:
    """A file name to write; never the open database, its journal or its backups (said, and None)."""
    dialog = QFileDialog(parent, title, str(start), file_filter)
    dialog.setObjectName("saveFileDialog")
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setDefaultSuffix(suffix)
    chosen = _ask(dialog)
    if chosen is None or _refused(parent, file_guard.refused_file(chosen, lang or _language())):
        return None
    return chosen


def ask_open_file(parent: QWidget | None, title: str, start: Path, file_filter: str) -> Path | None:
    dialog = QFileDialog(parent, title, str(start), file_filter)
    dialog.setObjectName("openFileDialog")
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    return _ask(dialog)


def ask_folder(parent: QWidget, title: str, start: Path, lang: str | None = None) -> Path | None:
    """A folder to write into; never a database's backups folder (said, and None)."""
    dialog = QFileDialog(parent, title, str(start))
    dialog.setObjectName("folderDialog")
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    chosen = _ask(dialog)
    if chosen is None or _refused(parent, file_guard.refused_folder(chosen, lang or _language())):
        return None
    return chosen
