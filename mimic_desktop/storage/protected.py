"""Which files belong to a database and must never be written over by anything else.

Every writer of files (PDFs, session files, exports, the public key, the trial report) asks
`refusal(target)` first: the database files this process has opened, their -wal, -shm and -journal
files and their backups folder are refused, and so is any existing file that is an SQLite database
or its write-ahead log (a database of another program, or one of ours not open right now). Paths are
compared after resolving symbolic links, and files by device and inode, so that a hard link or a
symbolic link to the database under another name is refused too.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from ..domain.errors import MimicError
from ..domain.wording import Messages, say_in
from .backup import folder_for

SIDE_FILES = ("", "-wal", "-shm", "-journal")
SQLITE_MAGIC = b"SQLite format 3\x00"
WAL_MAGICS = (bytes.fromhex("377f0682"), bytes.fromhex("377f0683"))

MESSAGES: Messages = {
    "database": (
        "Nothing was written: {target} is the database {database}{side}, and writing there would destroy "
        "what it holds. Choose another file or folder.",
        "Er is niets geschreven: {target} is de database {database}{side_nl}, en schrijven daarheen zou "
        "vernietigen wat erin staat. Kies een ander bestand of een andere map.",
    ),
    "backups": (
        "Nothing was written: {target} is in the backups folder of the database {database}. Choose another folder.",
        "Er is niets geschreven: {target} ligt in de map met reservekopieën van de database {database}. "
        "Kies een andere map.",
    ),
    "sqlite": (
        "Nothing was written: {target} is a database file, and writing there would destroy what it holds. "
        "Choose another file.",
        "Er is niets geschreven: {target} is een databasebestand, en schrijven daarheen zou vernietigen "
        "wat erin staat. Kies een ander bestand.",
    ),
    "folder": (
        "Nothing was written: {target} is a folder, not a file. Choose a file name.",
        "Er is niets geschreven: {target} is een map, geen bestand. Kies een bestandsnaam.",
    ),
    "file": (
        "Nothing was written: {target} is a file, not a folder. Choose a folder.",
        "Er is niets geschreven: {target} is een bestand, geen map. Kies een map.",
    ),
}
SIDE_WORDS = {
    "-wal": (" (its write-ahead log)", " (het logboek ervan)"),
    "-shm": (" (its shared-memory file)", " (het gedeeldgeheugenbestand ervan)"),
    "-journal": (" (its journal)", " (het journaal ervan)"),
}

# Every database file opened in this process, resolved: a window may write a file while no
# connection to its database happens to be open (the trial office's window opens one per task).
_IN_USE: dict[Path, None] = {}


class WriteRefused(MimicError):
    """A file would be written onto a database, its journal or its backups: refused, nothing written."""

    def __init__(self, key: str, **values: str):
        self.key, self.values = key, values
        super().__init__(self.text("en"))

    def text(self, lang: str) -> str:
        return say_in(MESSAGES, self.key, lang, **self.values)


def remember(path: Path) -> None:
    """Note a database file this process opened (storage.connection calls it)."""
    with contextlib.suppress(OSError, RuntimeError):
        _IN_USE[Path(path).resolve()] = None


def databases_in_use() -> list[Path]:
    return list(_IN_USE)


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return None
    return info.st_dev, info.st_ino


def _resolved(path: Path) -> Path:
    try:
        return Path(path).resolve()
    except (OSError, RuntimeError):
        return Path(os.path.abspath(path))


def _is_database_file(path: Path) -> bool:
    try:
        with open(path, "rb") as stream:
            head = stream.read(len(SQLITE_MAGIC))
    except OSError:
        return False
    return head == SQLITE_MAGIC or head[:4] in WAL_MAGICS


def refusal(target: Path | str) -> WriteRefused | None:
    """Why a file must not be written at target, or None when it may be."""
    target = Path(target)
    if target.is_dir():
        return WriteRefused("folder", target=str(target))
    resolved, identity = _resolved(target), _identity(target)
    for database in databases_in_use():
        for side in SIDE_FILES:
            own = database.with_name(database.name + side)
            if resolved == own or (identity is not None and identity == _identity(own)):
                english, dutch = SIDE_WORDS.get(side, ("", ""))
                return WriteRefused("database", target=str(target), database=str(database), side=english, side_nl=dutch)
        if _inside(resolved.parent, folder_for(database)):
            return WriteRefused("backups", target=str(target), database=str(database))
    if target.is_file() and _is_database_file(target):
        return WriteRefused("sqlite", target=str(target))
    return None


def folder_refusal(folder: Path | str) -> WriteRefused | None:
    """Why files must not be written into folder, or None when they may be."""
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        return WriteRefused("file", target=str(folder))
    for database in databases_in_use():
        if _inside(_resolved(folder), folder_for(database)):
            return WriteRefused("backups", target=str(folder), database=str(database))
    return None


def _inside(resolved: Path, folder: Path) -> bool:
    """resolved is folder or lies within it (by path, or by the folder's device and inode)."""
    own = _resolved(folder)
    if resolved == own or own in resolved.parents:
        return True
    identity = _identity(own)
    return identity is not None and any(_identity(parent) == identity for parent in (resolved, *resolved.parents))


def check_file(target: Path | str) -> Path:
    """target, when a file may be written there; WriteRefused otherwise."""
    if (refused := refusal(target)) is not None:
        raise refused
    return Path(target)


def check_folder(folder: Path | str) -> Path:
    if (refused := folder_refusal(folder)) is not None:
        raise refused
    return Path(folder)
