"""The central study database's SQL: its schema, the centre keys, every imported session file, the current
version of each session, and the flat tables that hold those versions for the analysis.

It is a file of its own, never the laptop's. What was received is kept: the centres' public keys and their
registrations (withdrawn ones too), each imported file (session id, version, file hash, signer, centre, time
of import, the record JSON) and which version of each session is current. The flat tables' columns and rows
are decided by exchange/flat.py (through exchange/central.py); this module only creates, fills and reads them.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..domain.fingerprints import id_fingerprint
from .connection import Store, open_store
from .migration_set import MigrationSet

if TYPE_CHECKING:
    from sqlite_utils import Database

central_migrations = MigrationSet("mimic-central")

# The tables holding the current version of every session in the flat shape, and the key of each.
FLAT_TABLE_KEYS: dict[str, tuple[str, ...]] = {
    "procedures": ("session_id",),
    "lesions": ("session_id", "lesion_number"),
    "complications": ("session_id", "complication_number"),
}

# The SQLite column type of each forms field type.
SQL_TYPES = {
    "text": "TEXT",
    "integer": "INTEGER",
    "likert": "INTEGER",
    "decimal": "REAL",
    "boolean": "INTEGER",
    "choice": "TEXT",
    "multichoice": "TEXT",
    "date": "TEXT",
    "datetime": "TEXT",
}


@central_migrations()
def m001_centres_and_session_files(db: Database) -> None:
    db.execute(
        """CREATE TABLE centre_keys (
            key_id TEXT PRIMARY KEY,
            public_key BLOB NOT NULL UNIQUE,
            centre TEXT NOT NULL,
            registered_utc TEXT NOT NULL,
            source TEXT NOT NULL)"""
    )
    db.execute(
        """CREATE TABLE session_files (
            file_hash TEXT PRIMARY KEY,
            session_id TEXT NOT NULL,
            session_version INTEGER NOT NULL,
            study_id TEXT NOT NULL,
            centre TEXT NOT NULL,
            signer_key_id TEXT NOT NULL REFERENCES centre_keys(key_id),
            exported_utc TEXT NOT NULL,
            imported_utc TEXT NOT NULL,
            file_name TEXT NOT NULL,
            record_json TEXT NOT NULL,
            UNIQUE (session_id, session_version))"""
    )
    db.execute(
        """CREATE TABLE sessions (
            session_id TEXT PRIMARY KEY,
            study_id TEXT NOT NULL UNIQUE,
            centre TEXT NOT NULL,
            current_version INTEGER NOT NULL,
            current_file_hash TEXT NOT NULL REFERENCES session_files(file_hash))"""
    )
    # What was received is never changed or removed; these make an accident fail loudly.
    for action in ("UPDATE", "DELETE"):
        db.execute(
            f"CREATE TRIGGER session_files_no_{action.lower()} BEFORE {action} ON session_files "
            "BEGIN SELECT RAISE(ABORT, 'imported session files are kept as they came'); END"
        )


@central_migrations()
def m002_key_registrations(db: Database) -> None:
    """A key is registered for a centre, and a registration made by mistake is withdrawn with a reason: never
    removed, so that the files imported under it keep naming it. centre_keys keeps the keys themselves."""
    db.execute(
        """CREATE TABLE key_registrations (
            key_id TEXT NOT NULL REFERENCES centre_keys(key_id),
            centre TEXT NOT NULL,
            registered_utc TEXT NOT NULL,
            source TEXT NOT NULL,
            withdrawn_utc TEXT,
            withdrawal_reason TEXT,
            CHECK ((withdrawn_utc IS NULL) = (withdrawal_reason IS NULL)))"""
    )
    # One registration in force per key: a key signs for one centre at a time.
    db.execute(
        "CREATE UNIQUE INDEX key_registration_in_force ON key_registrations (key_id) WHERE withdrawn_utc IS NULL"
    )
    db.execute(
        "INSERT INTO key_registrations (key_id, centre, registered_utc, source)"
        " SELECT key_id, centre, registered_utc, source FROM centre_keys ORDER BY rowid"
    )
    for column in ("centre", "registered_utc", "source"):
        db.execute(f"ALTER TABLE centre_keys DROP COLUMN {column}")
    for table in ("centre_keys", "key_registrations"):
        db.execute(
            f"CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table} "
            "BEGIN SELECT RAISE(ABORT, 'registered keys are kept: withdraw a registration instead'); END"
        )
    db.execute(
        "CREATE TRIGGER centre_keys_no_update BEFORE UPDATE ON centre_keys "
        "BEGIN SELECT RAISE(ABORT, 'registered keys are kept as they came'); END"
    )
    db.execute(
        "CREATE TRIGGER key_registrations_withdrawn_once BEFORE UPDATE ON key_registrations "
        "WHEN OLD.withdrawn_utc IS NOT NULL OR NEW.key_id IS NOT OLD.key_id OR NEW.centre IS NOT OLD.centre "
        "OR NEW.registered_utc IS NOT OLD.registered_utc OR NEW.source IS NOT OLD.source "
        "BEGIN SELECT RAISE(ABORT, 'a key registration only changes by being withdrawn, once'); END"
    )


def open_central_store(path: Path | str, create: bool = True) -> Store:
    """Open (or create) a central study database file with its schema up to date (flat tables aside)."""
    return open_store(path, create=create, schema=central_migrations)


# -- the flat tables -----------------------------------------------------------------------------------
def flat_columns(conn: sqlite3.Connection, table: str) -> list[str]:
    """The columns a flat table has now (none when it does not exist yet)."""
    return [row[1] for row in conn.execute(f"PRAGMA table_info({table})")]


def create_flat_table(conn: sqlite3.Connection, table: str, columns: Sequence[tuple[str, str]]) -> None:
    """Drop the flat table and make it again with these (name, forms type) columns, empty."""
    spec = ", ".join(f"{name} {SQL_TYPES[kind]}" for name, kind in columns)
    conn.execute(f"DROP TABLE IF EXISTS {table}")
    conn.execute(f"CREATE TABLE {table} ({spec}, PRIMARY KEY ({', '.join(FLAT_TABLE_KEYS[table])}))")


def insert_flat_rows(
    conn: sqlite3.Connection, table: str, names: Sequence[str], rows: Iterable[dict[str, Any]]
) -> None:
    sql = f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})"
    conn.executemany(sql, [[row[name] for name in names] for row in rows])


def delete_flat_rows(conn: sqlite3.Connection, session_id: str) -> None:
    for table in FLAT_TABLE_KEYS:
        conn.execute(f"DELETE FROM {table} WHERE session_id = ?", (session_id,))


def read_flat_rows(conn: sqlite3.Connection, table: str, names: Sequence[str]) -> list[tuple]:
    """The named columns of a flat table as plain tuples, in key order."""
    cursor = conn.cursor()
    cursor.row_factory = None  # plain tuples, not sqlite3.Row
    cursor.execute(f"SELECT {', '.join(names)} FROM {table} ORDER BY {', '.join(FLAT_TABLE_KEYS[table])}")
    return cursor.fetchall()


# -- centre keys ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class CentreKey:
    """One registration of a public key for a centre; a withdrawn one is kept with when and why."""

    key_id: str
    centre: str
    public_key: bytes
    registered_utc: str
    withdrawn_utc: str | None = None
    withdrawal_reason: str | None = None

    @property
    def fingerprint(self) -> str:
        return id_fingerprint(self.key_id)

    @property
    def in_force(self) -> bool:
        return self.withdrawn_utc is None


def centre_keys(conn: sqlite3.Connection) -> list[CentreKey]:
    """Every registration, withdrawn ones included, by centre and time of registration."""
    return [
        CentreKey(
            row["key_id"],
            row["centre"],
            bytes(row["public_key"]),
            row["registered_utc"],
            row["withdrawn_utc"],
            row["withdrawal_reason"],
        )
        for row in conn.execute(
            "SELECT k.key_id, k.public_key, r.centre, r.registered_utc, r.withdrawn_utc, r.withdrawal_reason"
            " FROM key_registrations r JOIN centre_keys k ON k.key_id = r.key_id"
            " ORDER BY r.centre, r.registered_utc, r.rowid"
        )
    ]


def insert_centre_key(conn: sqlite3.Connection, key: CentreKey, source: str) -> None:
    """Register the key for key.centre (the key itself is stored once, at its first registration)."""
    conn.execute(
        "INSERT INTO centre_keys (key_id, public_key) VALUES (?, ?) ON CONFLICT (key_id) DO NOTHING",
        (key.key_id, key.public_key),
    )
    conn.execute(
        "INSERT INTO key_registrations (key_id, centre, registered_utc, source) VALUES (?, ?, ?, ?)",
        (key.key_id, key.centre, key.registered_utc, source),
    )


def withdraw_centre_key(conn: sqlite3.Connection, key_id: str, withdrawn_utc: str, reason: str) -> None:
    """Withdraw the key's registration in force."""
    conn.execute(
        "UPDATE key_registrations SET withdrawn_utc=?, withdrawal_reason=? WHERE key_id=? AND withdrawn_utc IS NULL",
        (withdrawn_utc, reason, key_id),
    )


# -- session files -------------------------------------------------------------------------------------
@dataclass(frozen=True)
class StoredFile:
    file_hash: str
    session_id: str
    session_version: int
    study_id: str
    centre: str
    imported_utc: str
    file_name: str


def _stored(row: sqlite3.Row | None) -> StoredFile | None:
    if row is None:
        return None
    return StoredFile(*(row[name] for name in StoredFile.__dataclass_fields__))


_FILE_COLUMNS = ", ".join(StoredFile.__dataclass_fields__)


def file_by_hash(conn: sqlite3.Connection, file_hash: str) -> StoredFile | None:
    return _stored(
        conn.execute(f"SELECT {_FILE_COLUMNS} FROM session_files WHERE file_hash=?", (file_hash,)).fetchone()
    )


def file_by_version(conn: sqlite3.Connection, session_id: str, version: int) -> StoredFile | None:
    row = conn.execute(
        f"SELECT {_FILE_COLUMNS} FROM session_files WHERE session_id=? AND session_version=?", (session_id, version)
    ).fetchone()
    return _stored(row)


def current_file(
    conn: sqlite3.Connection, *, session_id: str | None = None, study_id: str | None = None
) -> StoredFile | None:
    """The current file of a session, found by its session id or its study ID."""
    column, value = ("s.session_id", session_id) if session_id is not None else ("s.study_id", study_id)
    row = conn.execute(
        f"SELECT {', '.join('f.' + c for c in StoredFile.__dataclass_fields__)} FROM sessions s "
        f"JOIN session_files f ON f.file_hash = s.current_file_hash WHERE {column}=?",
        (value,),
    ).fetchone()
    return _stored(row)


def insert_file(
    conn: sqlite3.Connection, stored: StoredFile, *, signer_key_id: str, exported_utc: str, record_json: str
) -> None:
    conn.execute(
        "INSERT INTO session_files (file_hash, session_id, session_version, study_id, centre, signer_key_id,"
        " exported_utc, imported_utc, file_name, record_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            stored.file_hash,
            stored.session_id,
            stored.session_version,
            stored.study_id,
            stored.centre,
            signer_key_id,
            exported_utc,
            stored.imported_utc,
            stored.file_name,
            record_json,
        ),
    )


def set_current(conn: sqlite3.Connection, stored: StoredFile) -> None:
    """Make this file the session's current version in sessions (its flat rows are the caller's)."""
    conn.execute(
        "INSERT INTO sessions (session_id, study_id, centre, current_version, current_file_hash)"
        " VALUES (?, ?, ?, ?, ?) ON CONFLICT (session_id) DO UPDATE SET"
        " current_version=excluded.current_version, current_file_hash=excluded.current_file_hash",
        (stored.session_id, stored.study_id, stored.centre, stored.session_version, stored.file_hash),
    )


def session_files(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    """Every imported file, with whether it is its session's current version."""
    return conn.execute(
        "SELECT f.study_id, f.centre, f.session_id, f.session_version, f.file_hash, f.imported_utc, f.file_name,"
        " f.signer_key_id, s.current_file_hash = f.file_hash AS current"
        " FROM session_files f JOIN sessions s ON s.session_id = f.session_id"
        " ORDER BY f.study_id, f.session_version"
    ).fetchall()


def current_record_json(conn: sqlite3.Connection) -> list[str]:
    """The record JSON of every session's current version, by study ID."""
    return [
        row[0]
        for row in conn.execute(
            "SELECT f.record_json FROM sessions s JOIN session_files f ON f.file_hash = s.current_file_hash"
            " ORDER BY s.study_id"
        ).fetchall()
    ]
