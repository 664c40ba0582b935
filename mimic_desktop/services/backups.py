"""When backups are taken (a completed procedure, once a day at sign-in) and how one is restored.

Opening a database also takes one before its schema is upgraded (storage.connection.open_store).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from ..domain.clock import from_iso, to_iso, utc_now
from ..domain.errors import MimicError
from ..storage import backup, repository
from ..storage.backup import Backup
from ..storage.connection import Store

DAILY = timedelta(days=1)
LAST_BACKUP_KEY = "last_backup_utc"


class BackupFailed(MimicError):
    """The change is saved; only the automatic copy of the database that follows it could not be made."""


def take_backup(store: Store, label: str, now: datetime | None = None) -> Path:
    now = now or utc_now()
    path = backup.take(store.conn, store.path, label, now)
    with store.transaction() as db:
        repository.put_setting(db.conn, LAST_BACKUP_KEY, to_iso(now), now=to_iso(now))
    return path


def daily_backup_if_due(store: Store, now: datetime | None = None) -> Path | None:
    """Called once someone has signed in: a backup when the last one is a day old or there is none."""
    now = now or utc_now()
    last = repository.get_setting(store.conn, LAST_BACKUP_KEY)
    if last and now - from_iso(last) < DAILY:
        return None
    return take_backup(store, "daily", now)


def newest_backup(db_path: Path) -> Backup | None:
    """The newest backup of this database that passes integrity_check: the one to offer."""
    return backup.newest_intact(Path(db_path))


def restore(db_path: Path, chosen: Backup, now: datetime | None = None) -> Path:
    """Put the chosen backup in place of a damaged database; returns where the damaged file was kept."""
    return backup.restore(chosen.path, Path(db_path), now or utc_now())
