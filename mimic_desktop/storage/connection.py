"""Opening a database: durable pragmas, schema upgrades, and refusing what is not ours."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import sys
from collections.abc import Iterator
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..domain.clock import utc_now
from ..domain.private_files import make_private, private_folder
from . import backup, protected
from .errors import (
    CorruptDatabase,
    DatabaseMissing,
    DatabaseMoved,
    DatabaseReadOnly,
    NewerSchema,
    NotADatabase,
    StorageError,
    translated,
)
from .migration_set import MIGRATIONS_TABLE, MigrationSet
from .migrations import known_names, migrations

if TYPE_CHECKING:
    from sqlite_utils import Database

BUSY_TIMEOUT_MS = 5000
# What each migration set makes, for the message when a file of one kind is opened as another.
SCHEMA_KINDS = {"mimic": "an operating-room laptop's MIMIC database", "mimic-central": "a central study database"}


class Store:
    """One open database file; write through transaction() so each user action commits once."""

    def __init__(self, path: Path, conn: sqlite3.Connection):
        self.path = path
        self.conn = conn
        # The file as it was at opening: a write goes on only while the path still names this file.
        self.identity = file_identity(path)
        self.rescued: Path | None = None
        # Why nothing can be saved here (a read-only file or folder), said at opening; None when writable.
        self.read_only: str | None = None
        protected.remember(path)

    @cached_property
    def db(self) -> Database:
        """The connection as a sqlite_utils Database, for migrations (imports sqlite-utils)."""
        from . import load_sqlite_utils

        database: Database = load_sqlite_utils().Database(self.conn, execute_plugins=False)
        return database

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Store]:
        """BEGIN IMMEDIATE ... COMMIT; the caller may say "saved" once this block has exited.

        Yields the store itself: write through its conn. Refused with DatabaseMoved, before anything is
        written, once the file at self.path is no longer the one opened (moved, deleted or replaced).
        """
        if self.read_only:
            raise DatabaseReadOnly(
                f"The database {self.path} is read-only, so this change was not saved: {self.read_only}. "
                "It can still be read; to work in it, copy it to a writable folder or ask IT to make it "
                "writable. Nothing that was saved before has been lost."
            )
        self.check_identity()
        with translated(self.path):
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield self
            except BaseException:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                raise
            try:
                self.conn.execute("COMMIT")
            except BaseException:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                raise

    def check_identity(self) -> None:
        """One stat(): the path still names the file opened. If not, rescue what this connection holds.

        A database moved or deleted under a running app would otherwise take every later change into a
        file nobody will open again, and the next start would make a new, empty one.
        """
        if self.identity is None or file_identity(self.path) == self.identity:
            return
        if self.rescued is None:
            self.rescued = rescue_copy(self.conn, self.path)
        raise DatabaseMoved(
            f"The database file {self.path} was moved, deleted or replaced while it was open, so this change "
            f"was not saved and nothing more will be. Everything saved until now was copied to {self.rescued}. "
            "Close MIMIC Desktop, then put the database back or open that copy."
        )

    def wait_for_lock(self, milliseconds: int) -> None:
        """How long a write waits for another connection's write lock before DatabaseLocked."""
        self.conn.execute(f"PRAGMA busy_timeout={int(milliseconds)}")

    def read(self, sql: str, params: tuple[Any, ...] | list[Any] | dict[str, Any] = ()) -> list[sqlite3.Row]:
        with translated(self.path):
            return self.conn.execute(sql, params).fetchall()

    def close(self) -> None:
        self.conn.close()


def file_identity(path: Path) -> tuple[int, int] | None:
    """The file's device and inode: the same pair means the same file, whatever its name."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_dev, info.st_ino


def rescue_copy(conn: sqlite3.Connection, path: Path) -> Path:
    """Copy everything the open connection holds with SQLite's backup API, beside the lost file if that folder
    can be written, else in the home folder; under a name no earlier rescue has."""
    stamp = utc_now().strftime("%Y%m%dT%H%M%S")
    problems = []
    for folder in (path.parent, Path.home()):
        target = folder / f"{path.stem}-rescued-{stamp}.sqlite"
        number = 1
        while target.exists():
            number += 1
            target = folder / f"{path.stem}-rescued-{stamp}-{number}.sqlite"
        try:
            backup.copy_checked(conn, target)
        except (OSError, sqlite3.Error, StorageError) as error:
            problems.append(f"{folder}: {error}")
            continue
        return target
    raise DatabaseMoved(
        f"The database file {path} was moved, deleted or replaced while it was open, so this change was not "
        f"saved, and no copy of it could be made ({'; '.join(problems)}). Do not close MIMIC Desktop: "
        "free some disk space or put the database file back, then try again."
    )


def _connect(path: Path) -> sqlite3.Connection:
    # isolation_level=None: the driver never opens transactions behind our back.
    conn = sqlite3.connect(str(path), isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("PRAGMA foreign_keys=ON")
    if sys.platform == "darwin":
        conn.execute("PRAGMA fullfsync=ON")
    return conn


def open_store(path: Path | str, create: bool = True, upgrade: bool = True, schema: MigrationSet = migrations) -> Store:
    """Open (or create) the database at path, upgrading an older schema.

    schema is the migration set the file must hold: the laptop's by default, or the central
    study database's. Raises a StorageError with a plain message for a file that is not a
    MIMIC database of that kind, one from a newer version of the application, or one that
    cannot be opened or written.
    """
    path = Path(path)
    _refuse_missing(path, create)
    if path.exists() and (why := read_only_reason(path)):
        return _open_unwritable(path, why, upgrade, schema)
    try:
        private_folder(path.parent)
    except OSError as error:
        raise StorageError(
            f"The folder {path.parent} cannot be made ({error.strerror or error}): choose another place for the database."
        ) from None
    conn = None
    try:
        with translated(path, opening=True):
            conn = _connect(path)
            for part in (path, *_companions(path)):  # an older version made them readable by everyone
                make_private(part)
            _refuse_foreign(conn, path, schema)
            check = conn.execute("PRAGMA quick_check").fetchone()[0]
            if check != "ok":
                raise CorruptDatabase(
                    f"The database {path} is damaged ({check}). Restore the newest automatic backup; "
                    "the damaged file will be kept beside it."
                )
            # After a crash the last commits may be only in the -wal file: copy them into the database
            # file now, so that a -wal lost or deleted later takes nothing with it.
            conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
            store = Store(path, conn)
            if upgrade and schema.pending_names(conn):
                if schema.applied_names(conn):  # an existing database, not a new one
                    _backup_before_upgrade(conn, path)
                schema.apply(store.db)
            return store
    except BaseException:
        if conn is not None:
            conn.close()
        raise


def read_only_reason(path: Path) -> str | None:
    """Why nothing can be saved in the database at path (the file or its folder is read-only), or None."""
    if not os.access(path, os.W_OK):
        return f"the file {path} is read-only"
    if not os.access(path.parent, os.W_OK):
        return f"the folder {path.parent} is read-only, and SQLite writes its journal beside the database"
    return None


def _open_unwritable(path: Path, why: str, upgrade: bool, schema: MigrationSet) -> Store:
    """A database that can be read but not written: opened to read, every write refused in plain words."""
    store = open_read_only(path, schema)
    try:
        with translated(path, opening=True):
            check = store.conn.execute("PRAGMA quick_check").fetchone()[0]
        if check != "ok":
            raise CorruptDatabase(
                f"The database {path} is damaged ({check}). Restore the newest automatic backup; "
                "the damaged file will be kept beside it."
            )
        if upgrade and schema.pending_names(store.conn):
            raise DatabaseReadOnly(
                f"{path} needs an upgrade to this version of MIMIC Desktop, but {why}. Copy it to a writable "
                "folder or ask IT to make it writable; the file has not been changed."
            )
    except BaseException:
        store.close()
        raise
    store.read_only = why
    return store


def _companions(path: Path) -> list[Path]:
    """SQLite's files beside the database while it is open (its write-ahead log and shared memory)."""
    return [
        path.with_name(path.name + suffix) for suffix in ("-wal", "-shm") if path.with_name(path.name + suffix).exists()
    ]


def _backup_before_upgrade(conn: sqlite3.Connection, path: Path) -> None:
    """An upgrade changes the schema for good: keep a checked copy of the database as it was."""
    try:
        backup.take(conn, path, "before-upgrade", utc_now())
    except StorageError as error:
        raise StorageError(
            f"{path} needs an upgrade to this version of MIMIC Desktop, and the copy kept before upgrading "
            f"could not be made: {error} The database has not been changed."
        ) from None


def open_read_only(path: Path | str, schema: MigrationSet = migrations) -> Store:
    """Open a database to read it and change nothing: no file is made, no schema upgraded, no journal mode set.

    Refuses what open_store refuses, a damaged file excepted (the caller checks it) and an empty file included.
    An older schema is opened as it is: schema.pending_names(store.conn) lists what it lacks. Without a -wal
    file SQLite is told the file does not change, so that it makes no -wal or -shm file of its own.
    """
    path = Path(path)
    _refuse_missing(path, create=False)
    wal = path.with_name(path.name + "-wal")
    uri = path.resolve().as_uri() + ("?mode=ro" if wal.exists() else "?mode=ro&immutable=1")
    conn = None
    try:
        with translated(path):
            conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
            conn.row_factory = sqlite3.Row
            conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
            conn.execute("PRAGMA query_only=ON")
            if not _refuse_foreign(conn, path, schema):
                raise NotADatabase(f"{path} is empty: it is not a MIMIC database.")
            return Store(path, conn)
    except BaseException:
        if conn is not None:
            conn.close()
        raise


def _refuse_missing(path: Path, create: bool) -> None:
    """A database is made only where asked (create); a missing or empty file is never silently replaced."""
    if path.is_dir():
        raise StorageError(f"{path} is a folder, not a database file.")
    if not path.exists():
        if not create:
            raise DatabaseMissing(
                f"There is no database at {path}, and none has been made. If it was moved, name the place it "
                "is now; if it was lost, restore its newest automatic backup (in the backups folder beside it)."
            )
        return
    if is_empty_file(path):
        raise CorruptDatabase(
            f"The database {path} is empty (0 bytes): it is damaged or is not a MIMIC database, and nothing has been made in its place. "
            "Restore its newest automatic backup; the empty file will be kept beside it."
        )


def is_empty_file(path: Path) -> bool:
    """0 bytes, with no write-ahead log holding pages for it: a database file that lost what it held."""
    try:
        if path.stat().st_size > 0:
            return False
        wal = path.with_name(path.name + "-wal")
        return not wal.exists() or wal.stat().st_size == 0
    except OSError:
        return False


def _refuse_foreign(conn: sqlite3.Connection, path: Path, schema: MigrationSet) -> set[str]:
    """Refuse a file that is not a database of this kind or comes from a newer version; returns its tables."""
    tables = {name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if tables and MIGRATIONS_TABLE not in tables:
        raise NotADatabase(f"{path} is an SQLite file, but not a MIMIC database.")
    if MIGRATIONS_TABLE in tables:
        _refuse_other_kind(conn, path, schema)
    unknown = set(schema.applied_names(conn)) - known_names(schema)
    if unknown:
        raise NewerSchema(
            f"{path} was made by a newer version of MIMIC Desktop (schema {sorted(unknown)[-1]}). "
            "Install the newer version to open it; the file has not been changed."
        )
    return tables


def _refuse_other_kind(conn: sqlite3.Connection, path: Path, schema: MigrationSet) -> None:
    """A laptop database opened as the central one (or the other way round) is refused untouched."""
    sets = {row[0] for row in conn.execute(f"SELECT DISTINCT migration_set FROM {MIGRATIONS_TABLE}")}
    others = sets - {schema.name}
    if others and schema.name not in sets:
        other = sorted(others)[0]
        raise NotADatabase(
            f"{path} is {SCHEMA_KINDS.get(other, f'a {other!r} database')}, "
            f"not {SCHEMA_KINDS.get(schema.name, f'a {schema.name!r} database')}; it has not been changed."
        )
