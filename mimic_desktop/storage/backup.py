"""Automatic backups with SQLite's online backup API, and restoring one without ever losing a file.

Backups live in a `backups` folder beside the database and carry the database file's name, so
that two databases kept in one folder never offer each other's copies. A backup is written under a
temporary name, synced, checked (integrity_check, the app's tables present, every row readable) and
only then given its name: a file with a backup's name is whole. A restore writes the copy beside the
database, syncs it and renames it over the database, so that the path always holds a database, and
keeps the file it replaces under a name of its own.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from ..domain.private_files import make_private, private_folder
from ..domain.wording import Text
from .errors import StorageError, translated

FOLDER = "backups"
STAMP = "%Y%m%dT%H%M%S%f"
PARTIAL_SUFFIX = ".partial"
# What is kept: every backup of the last KEEP_ALL_DAYS, one a week (the newest of its week) before that,
# at least KEEP_NEWEST whatever their age, at most KEEP_MOST in all, and no more than KEEP_BYTES together
# (the newest good one is kept even when it alone is larger).
KEEP_ALL_DAYS = 14
KEEP_NEWEST = 5
KEEP_MOST = 60
KEEP_BYTES = 2 * 1024**3
# A temporary file older than this is left over from a copy that was killed; a younger one may be in the
# making by another process.
STALE_PARTIAL_SECONDS = 600
# Tables the laptop's and the central database hold: a copy without them is not a backup of either.
MIGRATIONS_TABLE = "_sqlite_migrations"
LAPTOP_TABLES = ("users", "procedures", "events", "audit")


@dataclass(frozen=True)
class Backup:
    """One backup file: when it was taken (UTC), why ("completed", "daily", "before-upgrade"), its size."""

    path: Path
    taken: datetime
    label: str
    size: int = 0


@dataclass(frozen=True)
class Checked:
    """What checking a copy found: whether it is whole, why not, and how many rows of records it holds."""

    ok: bool
    problem: Text | None = None  # said in the reader's language where it is shown
    records: int = 0

    @property
    def usable(self) -> bool:
        """Whole and holding something (an account or a record): worth offering for recovery."""
        return self.ok and self.records > 0


def folder_for(db_path: Path) -> Path:
    return Path(db_path).parent / FOLDER


def _name_pattern(db_path: Path) -> re.Pattern[str]:
    return re.compile(rf"{re.escape(Path(db_path).stem)}-backup-(\d{{8}}T\d{{12}})-(.+)\.sqlite")


def take(conn: sqlite3.Connection, db_path: Path, label: str, now: datetime) -> Path:
    """Copy the live database into its backups folder, check the copy, and prune old copies of this database."""
    folder = folder_for(db_path)
    target = folder / f"{Path(db_path).stem}-backup-{now.astimezone(UTC).strftime(STAMP)}-{label}.sqlite"
    try:
        private_folder(folder)
    except OSError as error:
        raise StorageError(
            Text("Cannot write a backup into {folder}: {problem}.", folder=folder, problem=error.strerror or error)
        ) from None
    copy_checked(conn, target)
    prune(db_path, now)
    return target


def copy_checked(conn: sqlite3.Connection, target: Path) -> None:
    """Copy what conn holds to target: written as target.partial, synced, checked, then renamed.

    Raises StorageError (nothing at target) when the copy cannot be written or fails its check.
    """
    partial = target.with_name(target.name + PARTIAL_SUFFIX)
    try:
        _remove(partial)
        with translated(partial):
            copy = sqlite3.connect(partial, isolation_level=None)
            make_private(partial)
            try:
                conn.backup(copy)
                # The copy is self-contained: no -wal file of its own beside it.
                copy.execute("PRAGMA journal_mode=DELETE")
            finally:
                copy.close()
        _sync(partial)
        checked = check(partial)
        if not checked.ok:
            raise StorageError(
                Text(
                    "The backup copy failed its check ({problem}); the database was not changed.",
                    problem=checked.problem,
                )
            )
        os.replace(partial, target)
        _sync_folder(target.parent)
    except OSError as error:
        raise StorageError(
            Text(
                "Cannot write a backup into {folder}: {problem}.", folder=target.parent, problem=error.strerror or error
            )
        ) from None
    finally:
        _remove(partial)  # a half-written copy must never be offered later


def _sync(path: Path) -> None:
    with open(path, "rb+") as stream:
        os.fsync(stream.fileno())


def _sync_folder(folder: Path) -> None:
    """The rename itself reaches the disk (POSIX); Windows has no folder handles to sync."""
    if os.name != "posix":
        return
    handle = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink(missing_ok=True)


def check(path: Path) -> Checked:
    """integrity_check, the app's tables present, every row of every table readable; never changes the file."""
    try:
        if Path(path).stat().st_size == 0:
            return Checked(False, Text("the file is empty"))
        conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
    except (OSError, sqlite3.Error) as error:
        return Checked(False, Text("it cannot be opened: {error}", error=str(error)))
    try:
        result = conn.execute("PRAGMA integrity_check").fetchone()[0]
        if result != "ok":
            return Checked(False, Text("integrity check: {result}", result=result))
        tables = [name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        if MIGRATIONS_TABLE not in tables:
            return Checked(False, Text("it holds none of MIMIC Desktop's tables"))
        sets = {name for (name,) in conn.execute(f"SELECT DISTINCT migration_set FROM {MIGRATIONS_TABLE}")}
        missing = [table for table in LAPTOP_TABLES if table not in tables] if "mimic" in sets else []
        if missing:
            return Checked(False, Text("tables missing: {tables}", tables=", ".join(missing)))
        records = 0
        for table in tables:
            rows = sum(1 for _ in conn.execute(f'SELECT * FROM "{table}"'))  # reads every row
            # Records are accounts and what they entered; a new database's trail already holds the entry from
            # which its rows are sealed (row_seals.STARTED), which is no record.
            if table != MIGRATIONS_TABLE and not table.startswith("sqlite_") and table not in {"settings", "audit"}:
                records += rows
        return Checked(True, records=records)
    except sqlite3.Error as error:
        return Checked(False, Text("it cannot be read: {error}", error=str(error)))
    finally:
        conn.close()


def list_backups(db_path: Path) -> list[Backup]:
    """This database's backups, newest first (by name: checking them is check(), which reads them whole)."""
    folder = folder_for(db_path)
    if not folder.is_dir():
        return []
    pattern = _name_pattern(db_path)
    found = []
    for path in folder.iterdir():
        match = pattern.fullmatch(path.name)
        if match:
            try:
                taken = datetime.strptime(match[1], STAMP).replace(tzinfo=UTC)
                size = path.stat().st_size
            except (ValueError, OSError):
                continue
            found.append(Backup(path, taken, match[2], size))
    return sorted(found, key=lambda backup: backup.taken, reverse=True)


def is_intact(path: Path) -> bool:
    return check(path).ok


def newest_intact(db_path: Path) -> Backup | None:
    """The newest backup that passes every check and holds records: the one to offer for recovery."""
    return next((backup for backup in list_backups(db_path) if check(backup.path).usable), None)


def to_keep(backups: list[Backup], now: datetime) -> list[Backup]:
    """Which of backups (newest first) are kept: by age and count, then within KEEP_BYTES."""
    recent_from = now - timedelta(days=KEEP_ALL_DAYS)
    kept: list[Backup] = []
    weeks: set[tuple[int, int]] = set()
    for number, backup in enumerate(backups):
        calendar = backup.taken.isocalendar()
        week = (calendar.year, calendar.week)
        if number < KEEP_NEWEST or backup.taken >= recent_from or week not in weeks:
            kept.append(backup)
        weeks.add(week)
    kept = [backup for backup in kept if backup.size > 0][:KEEP_MOST]
    total, within = 0, list[Backup]()
    for backup in kept:
        total += backup.size
        if total <= KEEP_BYTES or not within:
            within.append(backup)
    return within


def prune(db_path: Path, now: datetime) -> None:
    """Delete the backups to_keep leaves out, and temporary files left by copies that were killed."""
    backups = list_backups(db_path)
    keep = {backup.path for backup in to_keep(backups, now)}
    for backup in backups:
        if backup.path not in keep:
            _remove(backup.path)
    remove_stale_partials(folder_for(db_path), f"{Path(db_path).stem}-backup-")
    remove_stale_partials(Path(db_path).parent, f"{Path(db_path).name}.restoring-")


def remove_stale_partials(folder: Path, prefix: str) -> None:
    with contextlib.suppress(OSError):
        for path in folder.iterdir():
            if path.name.startswith(prefix) and path.name.endswith(PARTIAL_SUFFIX):
                with contextlib.suppress(OSError):
                    if time.time() - path.stat().st_mtime > STALE_PARTIAL_SECONDS:
                        path.unlink()


# SQLite's files beside a database (its write-ahead log, shared memory, rollback journal): never a database.
DATABASE_SIDE_FILES = ("-wal", "-shm", "-journal")


def _unique(path: Path) -> Path:
    """path, or path-2, path-3 ...: never the name of a file that is already there."""
    candidate, number = path, 1
    while candidate.exists() or candidate.with_name(candidate.name + "-wal").exists():
        number += 1
        candidate = path.with_name(f"{path.name}-{number}")
    return candidate


def restore(backup: Path, db_path: Path, now: datetime, why: str = "damaged") -> Path | None:
    """Put backup in place of db_path; returns where the file it replaced was kept (None if there was none).

    The copy is made beside the database and renamed over it, so that db_path holds a database at
    every moment; the file it replaces keeps its -wal beside it under a new, unique name (why says
    which: "damaged" or "before-restore").
    """
    side = next((suffix for suffix in DATABASE_SIDE_FILES if Path(db_path).name.endswith(suffix)), None)
    if side is not None:
        # Named as the database, a side file would be moved aside and replaced: SQLite would then no longer
        # find the commits its write-ahead log still holds.
        raise StorageError(
            Text(
                "{path} is not a database but the {side} file beside one: name the database file itself; "
                "nothing was restored.",
                path=db_path,
                side=side.lstrip("-"),
            )
        )
    checked = check(backup)
    if not checked.usable:
        problem = checked.problem or Text("it holds no records")
        raise StorageError(
            Text(
                "The backup {name} cannot be restored ({problem}); choose another one.",
                name=backup.name,
                problem=problem,
            )
        )
    db_path = Path(db_path)
    partial = db_path.with_name(f"{db_path.name}.restoring-{now.strftime(STAMP)}{PARTIAL_SUFFIX}")
    kept = None
    try:
        source = sqlite3.connect(f"{backup.resolve().as_uri()}?mode=ro", uri=True)
        try:
            with translated(partial):
                copy = sqlite3.connect(partial, isolation_level=None)
                make_private(partial)
                try:
                    source.backup(copy)
                finally:
                    copy.close()
        finally:
            source.close()
        _sync(partial)
        if not check(partial).ok:
            raise StorageError(
                Text(
                    "The copy of {name} failed its check; {path} has not been changed.",
                    name=backup.name,
                    path=db_path,
                )
            )
        if db_path.exists():
            kept = _unique(db_path.with_name(f"{db_path.name}.{why}-{now.strftime('%Y%m%dT%H%M%S')}"))
            _keep_aside(db_path, kept)
        os.replace(partial, db_path)
        _sync_folder(db_path.parent)
    except OSError as error:
        raise StorageError(
            Text(
                "Cannot put the backup in place of {path}: {problem}. Check that the folder is writable; "
                "the database file is still there.",
                path=db_path,
                problem=error.strerror or error,
            )
        ) from None
    finally:
        _remove(partial)
    return kept


def _keep_aside(db_path: Path, kept: Path) -> None:
    """The file to be replaced gets a second name (a hard link, else a copy), so db_path is never empty;
    its -wal and -shm move with it, since they belong to it and not to the restored copy."""
    try:
        os.link(db_path, kept)
    except OSError:
        import shutil

        shutil.copy2(db_path, kept)
    for suffix in ("-wal", "-shm"):
        side = db_path.with_name(db_path.name + suffix)
        if side.exists():
            os.replace(side, kept.with_name(kept.name + suffix))
    _sync_folder(db_path.parent)
