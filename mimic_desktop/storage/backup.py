"""Automatic backups with SQLite's online backup API, and restoring the newest good one.

Backups live in a `backups` folder beside the database and carry the database file's name, so
that two databases kept in one folder never offer each other's copies.
"""

from __future__ import annotations

import contextlib
import re
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from ..domain.private_files import make_private, private_folder
from ..domain.wording import Text
from .errors import StorageError, translated

KEEP = 30
FOLDER = "backups"
STAMP = "%Y%m%dT%H%M%S%f"


@dataclass(frozen=True)
class Backup:
    """One backup file: when it was taken (UTC) and why ("completed", "daily", "before-upgrade")."""

    path: Path
    taken: datetime
    label: str


def folder_for(db_path: Path) -> Path:
    return Path(db_path).parent / FOLDER


def _name_pattern(db_path: Path) -> re.Pattern[str]:
    return re.compile(rf"{re.escape(Path(db_path).stem)}-backup-(\d{{8}}T\d{{12}})-(.+)\.sqlite")


def take(conn: sqlite3.Connection, db_path: Path, label: str, now: datetime) -> Path:
    """Copy the live database beside it, check the copy, and keep the newest KEEP copies of this database."""
    folder = folder_for(db_path)
    target = folder / f"{Path(db_path).stem}-backup-{now.astimezone(UTC).strftime(STAMP)}-{label}.sqlite"
    try:
        private_folder(folder)
        with translated(target):
            copy = sqlite3.connect(target)
            make_private(target)
            try:
                conn.backup(copy)
                result = copy.execute("PRAGMA integrity_check").fetchone()[0]
            finally:
                copy.close()
    except OSError as error:
        _remove(target)
        raise StorageError(
            Text("Cannot write a backup into {folder}: {problem}.", folder=folder, problem=error.strerror or error)
        ) from None
    except BaseException:
        _remove(target)  # a half-written copy must never be offered later
        raise
    if result != "ok":
        target.unlink(missing_ok=True)
        raise StorageError(
            Text("The backup copy failed its integrity check ({result}); the database was not changed.", result=result)
        )
    for old in list_backups(db_path)[KEEP:]:
        old.path.unlink(missing_ok=True)
    return target


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink(missing_ok=True)


def list_backups(db_path: Path) -> list[Backup]:
    """This database's backups, newest first."""
    folder = folder_for(db_path)
    if not folder.is_dir():
        return []
    pattern = _name_pattern(db_path)
    found = []
    for path in folder.iterdir():
        match = pattern.fullmatch(path.name)
        if match:
            taken = datetime.strptime(match[1], STAMP).replace(tzinfo=UTC)
            found.append(Backup(path, taken, match[2]))
    return sorted(found, key=lambda backup: backup.taken, reverse=True)


def is_intact(path: Path) -> bool:
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            return bool(conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok")
        finally:
            conn.close()
    except sqlite3.Error:
        return False


def newest_intact(db_path: Path) -> Backup | None:
    return next((backup for backup in list_backups(db_path) if is_intact(backup.path)), None)


def restore(backup: Path, db_path: Path, now: datetime) -> Path:
    """Put backup in place of db_path; the damaged file is kept beside it, never deleted."""
    if not is_intact(backup):
        raise StorageError(Text("The backup {name} is damaged too; choose an older one.", name=backup.name))
    kept = db_path.with_name(f"{db_path.name}.damaged-{now.strftime('%Y%m%dT%H%M%S')}")
    try:
        if db_path.exists():
            db_path.rename(kept)
        for suffix in ("-wal", "-shm"):
            side = db_path.with_name(db_path.name + suffix)
            if side.exists():
                side.rename(kept.with_name(kept.name + suffix))
        shutil.copy2(backup, db_path)
    except OSError as error:
        raise StorageError(
            Text(
                "Cannot put the backup in place of {path}: {problem}. "
                "Check that the folder is writable; the damaged file is still there.",
                path=db_path,
                problem=error.strerror or error,
            )
        ) from None
    return kept
