"""The user's machine's database problems, sorted into plain messages by SQLite's error code.

Only the code decides: an error's message is written by SQLite or by our own schema (a column named
locked_at, a trigger's RAISE text), so words such as "locked", "readonly" or "full" in it say nothing
about the machine. A code not listed here, a constraint above all, is a bug: it is left to reach the
crash report rather than be worded as a passing state that the user would wait out.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

from ..domain.errors import MimicError
from ..domain.wording import Text


class StorageError(MimicError):
    """A problem with the database file itself; nothing committed before it is lost."""


class DatabaseLocked(StorageError):
    """Another connection holds the write lock: a passing state, so the same write may be tried again."""


class DatabaseReadOnly(StorageError):
    pass


class DatabaseMoved(StorageError):
    """The open file was renamed, moved or deleted: no write can reach it until the app opens it again.

    Store.check_identity raises it before a write, once what the connection holds is copied to safety.
    """


class DiskFull(StorageError):
    pass


class NotADatabase(StorageError):
    pass


class CorruptDatabase(NotADatabase):
    """A damaged file, or one SQLite cannot read at all: offer the newest backup of it, if there is one."""


class NewerSchema(StorageError):
    pass


class DatabaseMissing(StorageError):
    """There is no database file (or an empty one) where one is expected, and only init or demo make one."""


Wording = Callable[[Path | str, bool], StorageError]


def _says(kind: type[StorageError], words: Text) -> Wording:
    """A problem whose words ({path} in them) are the same whether the file was being opened or written."""
    return lambda path, _opening: kind(words.fill(path=path))


_locked = _says(
    DatabaseLocked,
    Text(
        "The database {path} is in use by another program (it is locked). Close the other program or "
        "wait a moment, then try again. Nothing that was saved before has been lost."
    ),
)


_read_only = _says(
    DatabaseReadOnly,
    Text(
        "The database {path} is read-only, so this change was not saved. Check the file's permissions or "
        "copy it to a writable folder. Nothing that was saved before has been lost."
    ),
)


_moved = _says(
    DatabaseMoved,
    Text(
        "The database {path} was renamed, moved or deleted while it was open, so this change was not "
        "saved. Close MIMIC Desktop, put the file back at {path}, then start MIMIC Desktop again."
    ),
)


_full = _says(
    DiskFull,
    Text(
        "The disk holding {path} is full, so this change was not saved. Free some space, then try again. "
        "Nothing that was saved before has been lost."
    ),
)


def _damaged(path: Path | str, opening: bool) -> StorageError:
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


_cannot_open = _says(
    StorageError,
    Text("The database {path} cannot be opened: check that the folder exists and is writable."),
)


_disk_error = _says(
    StorageError,
    Text("The disk holding {path} reported an error while saving. Nothing that was saved before has been lost."),
)


# Extended codes first, where one says more than its primary code; then the primary codes (code & 0xFF).
_BY_EXTENDED_CODE: dict[int, Wording] = {
    sqlite3.SQLITE_READONLY_DBMOVED: _moved,
    # Growing the shared-memory file beside the database fails when its disk has no room left.
    sqlite3.SQLITE_IOERR_SHMSIZE: _full,
}
_BY_PRIMARY_CODE: dict[int, Wording] = {
    # SQLITE_BUSY and all its variants (_RECOVERY, _SNAPSHOT, _TIMEOUT) pass once the other writer is
    # done. SQLITE_LOCKED is not here: it is a conflict inside one connection, which waiting never cures.
    sqlite3.SQLITE_BUSY: _locked,
    sqlite3.SQLITE_READONLY: _read_only,
    sqlite3.SQLITE_FULL: _full,
    sqlite3.SQLITE_CORRUPT: _damaged,
    sqlite3.SQLITE_NOTADB: _damaged,
    sqlite3.SQLITE_CANTOPEN: _cannot_open,
    sqlite3.SQLITE_IOERR: _disk_error,
}


def translate(error: sqlite3.Error, path: Path | str, opening: bool = False) -> StorageError | None:
    """A StorageError for problems of the machine; None for anything that is a bug.

    opening: the error came while the file was being opened, so nothing was being saved yet.
    """
    code = getattr(error, "sqlite_errorcode", None)
    if not isinstance(code, int):  # raised by the sqlite3 module itself (a closed connection, a bad parameter)
        return None
    wording = _BY_EXTENDED_CODE.get(code) or _BY_PRIMARY_CODE.get(code & 0xFF)
    return wording(path, opening) if wording else None


@contextlib.contextmanager
def translated(path: Path | str, opening: bool = False) -> Iterator[None]:
    try:
        yield
    except sqlite3.Error as error:
        friendly = translate(error, path, opening)
        if friendly is None:
            raise
        raise friendly from error
