"""Choosing where files go: a folder (a USB stick, say) or a file name, in Qt's own file dialog."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget


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


def ask_save_file(parent: QWidget, title: str, start: Path, file_filter: str, suffix: str) -> Path | None:
    dialog = QFileDialog(parent, title, str(start), file_filter)
    dialog.setObjectName("saveFileDialog")
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setDefaultSuffix(suffix)
    return _ask(dialog)


def ask_folder(parent: QWidget, title: str, start: Path) -> Path | None:
    dialog = QFileDialog(parent, title, str(start))
    dialog.setObjectName("folderDialog")
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    return _ask(dialog)
