"""One copy of the app per database: a lock file beside it, left behind harmlessly by a copy that crashed."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLockFile

from ..domain.errors import MimicError
from ..domain.wording import Text


class OpenElsewhere(MimicError):
    """The database is already open in another running copy of MIMIC Desktop."""


def lock_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".lock")


def hold(db_path: Path) -> QLockFile | None:
    """Take the database's lock for as long as this copy runs; raises OpenElsewhere while another copy holds it.

    A lock left by a copy that is no longer running (killed, crashed, a power cut) is taken over. None when
    the folder takes no lock file: opening the database then says what is wrong with the folder.
    """
    db_path.parent.mkdir(parents=True, exist_ok=True)
    lock = QLockFile(str(lock_path(db_path)))
    lock.setStaleLockTime(0)  # stale only once the copy that made it is gone, however long it has run
    if lock.tryLock(0):
        return lock
    if lock.error() != QLockFile.LockError.LockFailedError:
        return None
    pid, host, _app = lock.getLockInfo()
    raise OpenElsewhere(
        Text(
            "{path} is already open in another MIMIC Desktop window (process {pid} on {host}). Go on in that "
            "window, or close it and start again: two copies on one database get in each other's way while "
            "saving. Nothing has been changed.",
            path=db_path,
            pid=pid,
            host=host,
        )
    )
