"""The user's machine's database problems, sorted into plain messages."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from ..domain.errors import MimicError
from ..domain.wording import Text


class StorageError(MimicError):
    """A problem with the database file itself; nothing committed before it is lost."""


class DatabaseLocked(StorageError):
    pass


class DatabaseReadOnly(StorageError):
    pass


class DiskFull(StorageError):
    pass


class NotADatabase(StorageError):
    pass


class CorruptDatabase(NotADatabase):
    """A damaged file, or one SQLite cannot read at all: offer the newest backup of it, if there is one."""


class NewerSchema(StorageError):
    pass


def translate(error: sqlite3.Error, path: Path | str, opening: bool = False) -> StorageError | None:
    """A StorageError for problems of the machine; None for anything that is a bug.

    opening: the error came while the file was being opened, so nothing was being saved yet.
    """
    name = getattr(error, "sqlite_errorname", "")
    text = str(error).lower()
    if name.startswith("SQLITE_BUSY") or "locked" in text:
        return DatabaseLocked(
            Text(
                "The database {path} is in use by another program (it is locked). Close the other program or "
                "wait a moment, then try again. Nothing that was saved before has been lost.",
                path=path,
            )
        )
    if name.startswith("SQLITE_READONLY") or "readonly" in text or "read-only" in text:
        return DatabaseReadOnly(
            Text(
                "The database {path} is read-only, so this change was not saved. Check the file's permissions "
                "or copy it to a writable folder. Nothing that was saved before has been lost.",
                path=path,
            )
        )
    if name.startswith("SQLITE_FULL") or "full" in text:
        return DiskFull(
            Text(
                "The disk holding {path} is full, so this change was not saved. Free some space, then try "
                "again. Nothing that was saved before has been lost.",
                path=path,
            )
        )
    if name.startswith(("SQLITE_NOTADB", "SQLITE_CORRUPT")) or "not a database" in text or "malformed" in text:
        if opening:
            return CorruptDatabase(
                Text("{path} is not a MIMIC database or is damaged. The file has not been changed.", path=path)
            )
        return CorruptDatabase(
            Text(
                "{path} is damaged or is not a MIMIC database, so nothing more can be saved in it. Close MIMIC "
                "Desktop and start it again: it checks the database at start and offers the newest automatic backup.",
                path=path,
            )
        )
    if name.startswith("SQLITE_CANTOPEN") or "unable to open" in text:
        return StorageError(
            Text("The database {path} cannot be opened: check that the folder exists and is writable.", path=path)
        )
    if name.startswith("SQLITE_IOERR") or "disk i/o" in text:
        return StorageError(
            Text(
                "The disk holding {path} reported an error while saving. Nothing that was saved before has been lost.",
                path=path,
            )
        )
    return None


@contextlib.contextmanager
def translated(path: Path | str, opening: bool = False) -> Iterator[None]:
    try:
        yield
    except sqlite3.Error as error:
        friendly = translate(error, path, opening)
        if friendly is None:
            raise
        raise friendly from error
