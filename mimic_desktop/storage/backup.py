"""Automatic backups with SQLite's online backup API, and restoring the newest good one."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import datetime
from pathlib import Path

from .errors import StorageError, translated

KEEP = 30
PATTERN = "mimic-backup-*.sqlite"


def take(conn: sqlite3.Connection, folder: Path, label: str, now: datetime) -> Path:
    """Copy the live database into folder, check the copy, and keep the newest KEEP copies."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise StorageError(f"The backup folder {folder} cannot be made ({error.strerror or error}).") from None
    target = folder / f"mimic-backup-{now.strftime('%Y%m%dT%H%M%S%f')}-{label}.sqlite"
    with translated(target):
        copy = sqlite3.connect(target)
        try:
            conn.backup(copy)
            result = copy.execute("PRAGMA integrity_check").fetchone()[0]
        finally:
            copy.close()
    if result != "ok":
        target.unlink(missing_ok=True)
        raise StorageError(f"The backup copy failed its integrity check ({result}); the database was not changed.")
    for old in list_backups(folder)[KEEP:]:
        old.unlink(missing_ok=True)
    return target


def list_backups(folder: Path) -> list[Path]:
    """Backups, newest first."""
    return sorted(folder.glob(PATTERN), reverse=True) if folder.exists() else []


def is_intact(path: Path) -> bool:
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            return conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        finally:
            conn.close()
    except sqlite3.Error:
        return False


def newest_intact(folder: Path) -> Path | None:
    return next((path for path in list_backups(folder) if is_intact(path)), None)


def restore(backup: Path, db_path: Path, now: datetime) -> Path:
    """Put backup in place of db_path; the damaged file is kept beside it, never deleted."""
    if not is_intact(backup):
        raise StorageError(f"The backup {backup.name} is damaged too; choose an older one.")
    kept = db_path.with_name(f"{db_path.name}.damaged-{now.strftime('%Y%m%dT%H%M%S')}")
    if db_path.exists():
        db_path.rename(kept)
    for suffix in ("-wal", "-shm"):
        side = db_path.with_name(db_path.name + suffix)
        if side.exists():
            side.rename(kept.with_name(kept.name + suffix))
    shutil.copy2(backup, db_path)
    return kept
