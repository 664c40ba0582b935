"""When backups are taken (a completed procedure, once a day at sign-in) and how one is restored.

Opening a database also takes one before its schema is upgraded (storage.connection.open_store).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from ..domain.clock import from_iso, to_iso, utc_now
from ..domain.errors import MimicError, NotFound
from ..domain.wording import Text
from ..storage import backup, repository
from ..storage.backup import Backup, Checked
from ..storage.connection import Store

DAILY = timedelta(days=1)
LAST_BACKUP_KEY = "last_backup_utc"


class BackupFailed(MimicError):
    """The change is saved; only the automatic copy of the database that follows it could not be made."""


def take_backup(store: Store, label: str, now: datetime | None = None) -> Path:
    now = now or utc_now()
    path = backup.take(store.conn, store.path, label, now)
    with store.transaction() as db:
        repository.put_setting(db.conn, LAST_BACKUP_KEY, to_iso(now))
    return path


def daily_backup_if_due(store: Store, now: datetime | None = None) -> Path | None:
    """Called once someone has signed in: a backup when the last one is a day old or there is none."""
    now = now or utc_now()
    last = repository.get_setting(store.conn, LAST_BACKUP_KEY)
    if last and now - from_iso(last) < DAILY:
        return None
    return take_backup(store, "daily", now)


def newest_backup(db_path: Path) -> Backup | None:
    """The newest backup of this database that passes every check and holds records: the one to offer."""
    return backup.newest_intact(Path(db_path))


def restore(db_path: Path, chosen: Backup, now: datetime | None = None, why: str = "damaged") -> Path | None:
    """Put the chosen backup in place of the database; returns where the file it replaced was kept.

    why names the kept file: "damaged" when the database could not be used, "before-restore" when it was
    replaced by choice.
    """
    return backup.restore(chosen.path, Path(db_path), now or utc_now(), why)


@dataclass(frozen=True)
class BackupState:
    """A backup with what checking it found, for the list a person chooses from."""

    backup: Backup
    checked: Checked


def backups_of(db_path: Path) -> list[BackupState]:
    """Every backup of this database, newest first, each checked (reads them whole)."""
    return [BackupState(found, backup.check(found.path)) for found in backup.list_backups(Path(db_path))]


def find_backup(db_path: Path, name: str | Path) -> Backup:
    """The backup of this database named (by its file name or path); NotFound names the ones there are."""
    wanted = Path(name).name
    found = backup.list_backups(Path(db_path))
    for candidate in found:
        if candidate.path.name == wanted:
            return candidate
    if found:
        raise NotFound(
            Text(
                "{name} is not a backup of {path}. Its backups are listed by the `backups` command.",
                name=wanted,
                path=db_path,
            )
        )
    raise NotFound(Text("{name} is not a backup of {path}. It has no backups.", name=wanted, path=db_path))
