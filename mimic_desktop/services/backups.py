"""When backups are taken (a completed procedure, once a day) and how one is restored."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from ..domain.clock import from_iso, to_iso, utc_now
from ..domain.errors import MimicError
from ..storage import backup, repository
from ..storage.connection import Store
from . import paths

DAILY = timedelta(days=1)
LAST_BACKUP_KEY = "last_backup_utc"


class BackupFailed(MimicError):
    """The change is saved; only the automatic copy of the database that follows it could not be made."""


def backup_folder(db_path: Path) -> Path:
    return paths.backup_dir(db_path)


def take_backup(store: Store, label: str, now: datetime | None = None) -> Path:
    now = now or utc_now()
    path = backup.take(store.conn, backup_folder(store.path), label, now)
    with store.transaction() as db:
        repository.put_setting(db.conn, LAST_BACKUP_KEY, to_iso(now))
    return path


def daily_backup_if_due(store: Store, now: datetime | None = None) -> Path | None:
    """Called at start-up: a backup when the last one is a day old or there is none."""
    now = now or utc_now()
    last = repository.get_setting(store.conn, LAST_BACKUP_KEY)
    if last and now - from_iso(last) < DAILY:
        return None
    return take_backup(store, "daily", now)


def newest_backup(db_path: Path) -> Path | None:
    return backup.newest_intact(backup_folder(db_path))


def restore_newest(db_path: Path, now: datetime | None = None) -> tuple[Path, Path]:
    """Restore the newest intact backup over a damaged database; returns (backup, kept damaged file)."""
    from ..storage.errors import StorageError

    chosen = newest_backup(db_path)
    if chosen is None:
        raise StorageError(f"There is no intact backup of {db_path.name} to restore.")
    return chosen, backup.restore(chosen, db_path, now or utc_now())
