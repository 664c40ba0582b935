"""The central study database's SQL: its schema, the centre keys, every imported session file, the current
version of each session, and the flat tables that hold those versions for the analysis.

It is a file of its own, never the laptop's. What was received is kept: the centres' public keys and their
registrations (withdrawn ones too), each imported file (session id, version, file hash, signer, centre, time
of import, the record JSON) and which version of each session is current. The flat tables' columns and rows
are decided by exchange/flat.py (through exchange/central.py); this module only creates, fills and reads them.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..domain.fingerprints import id_fingerprint
from ..domain.wording import Text
from . import audit
from .connection import Store, open_store
from .migration_set import MigrationSet
from .trail_words import deleted_outside

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


# A session (aliased s) that no void in force sets aside.
IN_FORCE = "NOT EXISTS (SELECT 1 FROM session_voids v WHERE v.session_id = s.session_id AND v.restored_utc IS NULL)"


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


@central_migrations()
def m003_accounts_and_audit_trail(db: Database) -> None:
    """The trial office's accounts (as the laptop's, with the office's roles) and a hash-chained audit trail of
    everything that changes central data. What an older database holds already goes into the trail as it
    stands, by "(before the audit trail)", so that the trail describes every row from here on."""
    from datetime import UTC, datetime

    db.execute(
        """CREATE TABLE users (
            id INTEGER PRIMARY KEY,
            username TEXT NOT NULL UNIQUE,
            full_name TEXT NOT NULL,
            role TEXT NOT NULL CHECK (role IN ('data_manager', 'statistician', 'auditor')),
            pw_hash TEXT NOT NULL,
            pw_salt TEXT NOT NULL,
            pw_cost TEXT NOT NULL,
            demo INTEGER NOT NULL DEFAULT 0,
            active INTEGER NOT NULL DEFAULT 1,
            created_utc TEXT NOT NULL,
            must_change_password INTEGER NOT NULL DEFAULT 0,
            failed_sign_ins INTEGER NOT NULL DEFAULT 0,
            waits_until_utc TEXT)"""
    )
    # The same statements this migration always ran, now defined once for both databases (storage/audit.py).
    audit.create_table(db.execute, "CREATE INDEX audit_entity ON audit (entity, entity_id, seq)")
    # Sessions change only by a newer version becoming current; never removed.
    db.execute(
        "CREATE TRIGGER sessions_no_delete BEFORE DELETE ON sessions "
        "BEGIN SELECT RAISE(ABORT, 'a session stays once imported'); END"
    )
    now = datetime.now(UTC).isoformat(timespec="microseconds")
    conn = db.conn
    for row in conn.execute("SELECT key_id, public_key FROM centre_keys ORDER BY rowid").fetchall():
        _audit_key(conn, row[0], bytes(row[1]), by=BEFORE_THE_TRAIL, now=now)
    registrations = conn.execute(
        "SELECT key_id, centre, registered_utc, source, withdrawn_utc, withdrawal_reason FROM key_registrations"
        " ORDER BY rowid"
    ).fetchall()
    for key_id, centre, registered_utc, source, withdrawn_utc, reason in registrations:
        _audit_registration(conn, key_id, centre, registered_utc, source, by=BEFORE_THE_TRAIL, now=now)
        if withdrawn_utc is not None:
            _audit_withdrawal(conn, key_id, registered_utc, withdrawn_utc, reason, by=BEFORE_THE_TRAIL, now=now)
    for row in conn.execute(f"SELECT {_AUDITED_FILE_COLUMNS} FROM session_files ORDER BY rowid").fetchall():
        _audit_file(conn, _file_facts(row), by=BEFORE_THE_TRAIL, now=now)
    for row in conn.execute(f"SELECT {_SESSION_COLUMNS} FROM sessions ORDER BY rowid").fetchall():
        _audit_current(conn, dict(zip(SESSION_COLUMNS, row, strict=True)), by=BEFORE_THE_TRAIL, now=now)


@central_migrations()
def m004_derivation_stamp(db: Database) -> None:
    """The version of the derivation the flat tables were computed with; empty until they are next computed (so an
    older database recomputes them when it is opened)."""
    db.execute("CREATE TABLE flat_derivation (version INTEGER NOT NULL)")


@central_migrations()
def m005_voids_and_held_versions(db: Database) -> None:
    """What the trial office settles: sessions voided with a reason (one, or every session imported under a key),
    restored the same way; versions held back because they are far ahead of the last one seen, until a data
    manager releases them with a reason. A study ID is unique among the sessions in force only: a voided session
    keeps its study ID, and a corrected one moves to its new ID, so sessions loses its UNIQUE (study_id)."""
    db.execute(
        """CREATE TABLE sessions_new (
            session_id TEXT PRIMARY KEY,
            study_id TEXT NOT NULL,
            centre TEXT NOT NULL,
            current_version INTEGER NOT NULL,
            current_file_hash TEXT NOT NULL REFERENCES session_files(file_hash))"""
    )
    db.execute(
        "INSERT INTO sessions_new SELECT session_id, study_id, centre, current_version, current_file_hash"
        " FROM sessions ORDER BY rowid"
    )
    db.execute("DROP TABLE sessions")
    db.execute("ALTER TABLE sessions_new RENAME TO sessions")
    db.execute("CREATE INDEX sessions_study_id ON sessions (study_id)")
    db.execute(
        "CREATE TRIGGER sessions_no_delete BEFORE DELETE ON sessions "
        "BEGIN SELECT RAISE(ABORT, 'a session stays once imported'); END"
    )
    db.execute(
        """CREATE TABLE session_voids (
            id INTEGER PRIMARY KEY,
            session_id TEXT NOT NULL REFERENCES sessions(session_id),
            key_id TEXT REFERENCES centre_keys(key_id),
            voided_utc TEXT NOT NULL,
            voided_by TEXT NOT NULL,
            reason TEXT NOT NULL,
            restored_utc TEXT,
            restored_by TEXT,
            restore_reason TEXT,
            CHECK ((restored_utc IS NULL) = (restore_reason IS NULL)))"""
    )
    db.execute("CREATE UNIQUE INDEX session_void_in_force ON session_voids (session_id) WHERE restored_utc IS NULL")
    db.execute(
        """CREATE TABLE held_versions (
            file_hash TEXT PRIMARY KEY REFERENCES session_files(file_hash),
            held_utc TEXT NOT NULL,
            last_seen INTEGER NOT NULL,
            released_utc TEXT,
            released_by TEXT,
            release_reason TEXT,
            CHECK ((released_utc IS NULL) = (release_reason IS NULL)))"""
    )
    for table, what in (("session_voids", "a void"), ("held_versions", "a held version")):
        db.execute(
            f"CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table} "
            f"BEGIN SELECT RAISE(ABORT, '{what} is kept: it is settled by a later step, never removed'); END"
        )
    db.execute(
        "CREATE TRIGGER session_voids_restored_once BEFORE UPDATE ON session_voids "
        "WHEN OLD.restored_utc IS NOT NULL OR NEW.session_id IS NOT OLD.session_id OR NEW.key_id IS NOT OLD.key_id "
        "OR NEW.voided_utc IS NOT OLD.voided_utc OR NEW.voided_by IS NOT OLD.voided_by OR NEW.reason IS NOT OLD.reason "
        "BEGIN SELECT RAISE(ABORT, 'a void only changes by being restored, once'); END"
    )
    db.execute(
        "CREATE TRIGGER held_versions_released_once BEFORE UPDATE ON held_versions "
        "WHEN OLD.released_utc IS NOT NULL OR NEW.file_hash IS NOT OLD.file_hash OR NEW.held_utc IS NOT OLD.held_utc "
        "OR NEW.last_seen IS NOT OLD.last_seen "
        "BEGIN SELECT RAISE(ABORT, 'a held version only changes by being released, once'); END"
    )


@central_migrations()
def m006_centre_experience(db: Database) -> None:
    """Each centre's procedures of ICG-guided liver surgery before the trial, a setting of the trial office that the
    learning curve counts (a centre without a row had none)."""
    db.execute(
        "CREATE TABLE centre_experience (centre TEXT PRIMARY KEY, "
        "prior_procedures INTEGER NOT NULL CHECK (prior_procedures >= 0))"
    )


@central_migrations()
def m007_data_queries(db: Database) -> None:
    """The trial office's questions to the centres about single values, each with its answer or closure
    (storage/central_queries.py); a query is never removed, only closed. sent_round is the round the latest query
    file for its centre carried (0: not sent yet); value_raised and answer_value hold the target's value, as JSON, in
    the version the question was asked on and the one that answered it."""
    db.execute(
        """CREATE TABLE queries (
            id INTEGER PRIMARY KEY,
            centre TEXT NOT NULL,
            study_id TEXT NOT NULL,
            session_id TEXT NOT NULL REFERENCES sessions(session_id),
            target_kind TEXT NOT NULL CHECK (target_kind IN ('field', 'lesion', 'complication', 'event')),
            field TEXT,
            item_number INTEGER,
            event_id INTEGER,
            text TEXT NOT NULL,
            origin TEXT NOT NULL,
            round INTEGER NOT NULL DEFAULT 1,
            status TEXT NOT NULL CHECK (status IN ('open', 'answered', 'closed')),
            raised_utc TEXT NOT NULL,
            raised_by TEXT NOT NULL,
            raised_on_version INTEGER NOT NULL,
            value_raised TEXT,
            sent_round INTEGER NOT NULL DEFAULT 0,
            answer_text TEXT,
            answer_value TEXT,
            answered_utc TEXT,
            answered_by TEXT,
            answer_version INTEGER,
            closed_utc TEXT,
            closed_by TEXT,
            close_reason TEXT)"""
    )
    db.execute("CREATE INDEX queries_centre ON queries (centre, study_id, id)")
    db.execute(
        "CREATE TRIGGER queries_no_delete BEFORE DELETE ON queries "
        "BEGIN SELECT RAISE(ABORT, 'a query is kept: close it instead'); END"
    )


@central_migrations()
def m008_redacted_versions(db: Database) -> None:
    """A laptop's redaction reaches the versions kept here: a stored record's JSON may change, and nothing else of an
    imported file's row; storage.central.redact_version does it, with its audit row, and verify checks every such
    change against the trail."""
    db.execute("DROP TRIGGER session_files_no_update")
    kept = ("file_hash", "session_id", "session_version", "study_id", "centre", "signer_key_id", "exported_utc")
    changed = " OR ".join(f"NEW.{column} IS NOT OLD.{column}" for column in (*kept, "imported_utc", "file_name"))
    db.execute(
        f"CREATE TRIGGER session_files_no_update BEFORE UPDATE ON session_files WHEN {changed} "
        "BEGIN SELECT RAISE(ABORT, 'imported session files are kept as they came'); END"
    )


@central_migrations()
def m009_frames(db: Database) -> None:
    """The near-infrared frames each imported file's record lists (record format 3, part "frames"), and whether the
    file carried the frame's pixels (storage/central_frames.py): what `mimic-central frames` lists and verify checks
    against the archive. Rows are written with their file and never change; a file imported before this migration
    has its record's frames indexed here from the record it brought."""
    db.execute(
        """CREATE TABLE frames (
            file_hash TEXT NOT NULL REFERENCES session_files(file_hash),
            session_id TEXT NOT NULL,
            event_id INTEGER NOT NULL,
            sha256 TEXT NOT NULL,
            size INTEGER NOT NULL,
            width INTEGER NOT NULL,
            height INTEGER NOT NULL,
            travelled INTEGER NOT NULL CHECK (travelled IN (0, 1)),
            PRIMARY KEY (file_hash, event_id))"""
    )
    db.execute("CREATE INDEX frames_by_session ON frames (session_id, sha256)")
    db.execute(
        "INSERT INTO frames (file_hash, session_id, event_id, sha256, size, width, height, travelled)"
        " SELECT f.file_hash, f.session_id, json_extract(j.value, '$.event_id'), json_extract(j.value, '$.sha256'),"
        " json_extract(j.value, '$.size'), json_extract(j.value, '$.width'), json_extract(j.value, '$.height'),"
        " json_extract(j.value, '$.travels')"
        " FROM session_files f, json_each(f.record_json, '$.frames') j"
        " WHERE json_type(f.record_json, '$.frames') = 'array'"
    )
    for action in ("UPDATE", "DELETE"):
        db.execute(
            f"CREATE TRIGGER frames_no_{action.lower()} BEFORE {action} ON frames "
            "BEGIN SELECT RAISE(ABORT, 'the frames of an imported file are kept as they came'); END"
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


def read_flat_rows(conn: sqlite3.Connection, table: str, names: Sequence[str]) -> list[tuple[Any, ...]]:
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


def insert_centre_key(
    conn: sqlite3.Connection, key: CentreKey, source: str, *, by: str, reason: str | None = None
) -> None:
    """Register the key for key.centre (the key itself is stored once, at its first registration), with its audit
    rows (reason: why a key withdrawn before is trusted again); inside the caller's transaction."""
    cursor = conn.execute(
        "INSERT INTO centre_keys (key_id, public_key) VALUES (?, ?) ON CONFLICT (key_id) DO NOTHING",
        (key.key_id, key.public_key),
    )
    if cursor.rowcount:
        _audit_key(conn, key.key_id, key.public_key, by=by, now=key.registered_utc)
    conn.execute(
        "INSERT INTO key_registrations (key_id, centre, registered_utc, source) VALUES (?, ?, ?, ?)",
        (key.key_id, key.centre, key.registered_utc, source),
    )
    _audit_registration(
        conn, key.key_id, key.centre, key.registered_utc, source, by=by, now=key.registered_utc, reason=reason
    )


def withdraw_centre_key(conn: sqlite3.Connection, key_id: str, withdrawn_utc: str, reason: str, *, by: str) -> None:
    """Withdraw the key's registration in force, with its audit row; inside the caller's transaction."""
    row = conn.execute(
        "SELECT registered_utc FROM key_registrations WHERE key_id=? AND withdrawn_utc IS NULL", (key_id,)
    ).fetchone()
    if row is None:
        return
    conn.execute(
        "UPDATE key_registrations SET withdrawn_utc=?, withdrawal_reason=? WHERE key_id=? AND withdrawn_utc IS NULL",
        (withdrawn_utc, reason, key_id),
    )
    _audit_withdrawal(conn, key_id, row[0], withdrawn_utc, reason, by=by, now=withdrawn_utc)


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
    """The current file of a session, found by its session id or its study ID (among sessions not voided)."""
    # A study ID belongs to the one session in force that has it (a voided session keeps its ID, set aside).
    where = "s.session_id=?" if session_id is not None else f"s.study_id=? AND {IN_FORCE}"
    value = session_id if session_id is not None else study_id
    row = conn.execute(
        f"SELECT {', '.join('f.' + c for c in StoredFile.__dataclass_fields__)} FROM sessions s "
        f"JOIN session_files f ON f.file_hash = s.current_file_hash WHERE {where}",
        (value,),
    ).fetchone()
    return _stored(row)


def insert_file(
    conn: sqlite3.Connection,
    stored: StoredFile,
    *,
    signer_key_id: str,
    exported_utc: str,
    record_json: str,
    by: str,
    archived: bool = True,
) -> None:
    """Keep an imported file's row, with its audit row (which says whether the signed file itself was archived);
    inside the caller's transaction."""
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
    row = conn.execute(f"SELECT {_AUDITED_FILE_COLUMNS} FROM session_files WHERE file_hash=?", (stored.file_hash,))
    facts = _file_facts(row.fetchone()) | ({ARCHIVED: True} if archived else {})
    _audit_file(conn, facts, by=by, now=stored.imported_utc)


def set_current(conn: sqlite3.Connection, stored: StoredFile, *, by: str) -> None:
    """Make this file the session's current version in sessions, with its audit row (its flat rows are the
    caller's); inside the caller's transaction. The session takes the file's study ID: the importer lets it
    differ only through a correction the record carries."""
    before = conn.execute(f"SELECT {_SESSION_COLUMNS} FROM sessions WHERE session_id=?", (stored.session_id,))
    old = before.fetchone()
    conn.execute(
        "INSERT INTO sessions (session_id, study_id, centre, current_version, current_file_hash)"
        " VALUES (?, ?, ?, ?, ?) ON CONFLICT (session_id) DO UPDATE SET study_id=excluded.study_id,"
        " current_version=excluded.current_version, current_file_hash=excluded.current_file_hash",
        (stored.session_id, stored.study_id, stored.centre, stored.session_version, stored.file_hash),
    )
    values = (stored.session_id, stored.study_id, stored.centre, stored.session_version, stored.file_hash)
    current = dict(zip(SESSION_COLUMNS, values, strict=True))
    _audit_current(conn, current, by=by, now=stored.imported_utc, old=dict(old) if old else None)


def session_files(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    """Every imported file, with whether it is its session's current version, the study ID its session has now,
    the void in force on its session (if any) and whether it was held back (and released)."""
    return conn.execute(
        "SELECT f.study_id, f.centre, f.session_id, f.session_version, f.file_hash, f.imported_utc, f.file_name,"
        " f.signer_key_id, COALESCE(s.current_file_hash = f.file_hash, 0) AS current,"
        " COALESCE(s.study_id, f.study_id) AS session_study_id,"
        " v.voided_utc, v.reason AS void_reason, v.key_id AS voided_key_id,"
        " h.held_utc, h.released_utc, h.release_reason"
        " FROM session_files f LEFT JOIN sessions s ON s.session_id = f.session_id"
        " LEFT JOIN session_voids v ON v.session_id = f.session_id AND v.restored_utc IS NULL"
        " LEFT JOIN held_versions h ON h.file_hash = f.file_hash"
        " ORDER BY COALESCE(s.study_id, f.study_id), f.session_id, f.session_version"
    ).fetchall()


def record_versions(conn: sqlite3.Connection, study_id: str) -> list[sqlite3.Row]:
    """Every imported file of the study ID's session (its current one's), oldest version first, with its record
    JSON and whether it is current."""
    return conn.execute(
        "SELECT f.session_version, f.file_hash, f.exported_utc, f.imported_utc, f.file_name, f.record_json,"
        " s.current_file_hash = f.file_hash AS current"
        " FROM session_files f JOIN sessions s ON s.session_id = f.session_id"
        " WHERE s.study_id=? ORDER BY f.session_version",
        (study_id,),
    ).fetchall()


def record_json_of(conn: sqlite3.Connection, file_hash: str) -> str:
    """The record JSON an imported file brought."""
    text: str = conn.execute("SELECT record_json FROM session_files WHERE file_hash=?", (file_hash,)).fetchone()[0]
    return text


def current_record_json(conn: sqlite3.Connection) -> list[str]:
    """The record JSON of every session's current version, by study ID; voided sessions are left out (of the
    flat tables, and so of the analysis and every export)."""
    return [
        row[0]
        for row in conn.execute(
            "SELECT f.record_json FROM sessions s JOIN session_files f ON f.file_hash = s.current_file_hash"
            f" WHERE {IN_FORCE} ORDER BY s.study_id"
        ).fetchall()
    ]


# -- the audit trail of central data -------------------------------------------------------------------
# Who the trail names for what an older database held when the trail began.
BEFORE_THE_TRAIL = "(before the audit trail)"
AUDITED_FILE_COLUMNS = (
    "file_hash",
    "session_id",
    "session_version",
    "study_id",
    "centre",
    "signer_key_id",
    "exported_utc",
    "imported_utc",
    "file_name",
)
_AUDITED_FILE_COLUMNS = ", ".join((*AUDITED_FILE_COLUMNS, "record_json"))
SESSION_COLUMNS = ("session_id", "study_id", "centre", "current_version", "current_file_hash")
_SESSION_COLUMNS = ", ".join(SESSION_COLUMNS)
# In a session file's audit row: its signed file was kept in the archive (files imported before it was not).
ARCHIVED = "archived"


def record_sha256(record_json: str) -> str:
    return hashlib.sha256(record_json.encode("utf-8")).hexdigest()


def _file_facts(row: Sequence[Any]) -> dict[str, Any]:
    """A session_files row as its audit row records it: every column, the record JSON by its SHA-256."""
    facts = dict(zip(AUDITED_FILE_COLUMNS, row[: len(AUDITED_FILE_COLUMNS)], strict=True))
    facts["record_sha256"] = record_sha256(row[len(AUDITED_FILE_COLUMNS)])
    return facts


def _append(
    conn: sqlite3.Connection,
    entity: str,
    entity_id: str,
    field: str,
    new: Any,
    *,
    by: str,
    now: str,
    old: Any = None,
    reason: str | None = None,
) -> None:
    audit.append(
        conn,
        at_utc=now,
        username=by,
        procedure_id=None,
        entity=entity,
        entity_id=entity_id,
        field=field,
        old=old,
        new=new,
        reason=reason,
    )


def _audit_key(conn: sqlite3.Connection, key_id: str, public_key: bytes, *, by: str, now: str) -> None:
    _append(conn, "centre_key", key_id, "public_key", public_key.hex(), by=by, now=now)


def registration_id(key_id: str, registered_utc: str) -> str:
    return f"{key_id} {registered_utc}"


def _audit_registration(
    conn: sqlite3.Connection,
    key_id: str,
    centre: str,
    registered_utc: str,
    source: str,
    *,
    by: str,
    now: str,
    reason: str | None = None,
) -> None:
    value = {"centre": centre, "source": source}
    entity_id = registration_id(key_id, registered_utc)
    _append(conn, "key_registration", entity_id, "registered", value, by=by, now=now, reason=reason)


def _audit_withdrawal(
    conn: sqlite3.Connection,
    key_id: str,
    registered_utc: str,
    withdrawn_utc: str,
    reason: str,
    *,
    by: str,
    now: str,
) -> None:
    value = {"withdrawn_utc": withdrawn_utc, "reason": reason}
    _append(
        conn,
        "key_registration",
        registration_id(key_id, registered_utc),
        "withdrawn",
        value,
        by=by,
        now=now,
        reason=reason,
    )


def _audit_file(conn: sqlite3.Connection, facts: dict[str, Any], *, by: str, now: str) -> None:
    _append(conn, "session_file", facts["file_hash"], "imported", facts, by=by, now=now)


def _audit_current(conn: sqlite3.Connection, session: dict[str, Any], *, by: str, now: str, old: Any = None) -> None:
    _append(conn, "session", session["session_id"], "current", session, by=by, now=now, old=old)


def record_import(
    conn: sqlite3.Connection, file_hash: str, file_name: str, outcome: str, message: str, *, by: str, now: str
) -> None:
    """The result of importing one file (new, superseding, older, duplicate, rejected), by its hash."""
    value = {"file_name": file_name, "outcome": outcome, "message": message}
    _append(conn, "import", file_hash, "result", value, by=by, now=now)


def record_event(
    conn: sqlite3.Connection,
    entity: str,
    entity_id: str,
    field: str,
    value: Any,
    *,
    by: str,
    now: str,
    reason: str | None = None,
) -> None:
    """Any other step the trail keeps (an export written, the flat tables recomputed)."""
    _append(conn, entity, entity_id, field, value, by=by, now=now, reason=reason)


# -- redactions from the laptops -------------------------------------------------------------------------
# In a session file's audit row: the redaction that rewrote its stored record and its archived file.
REDACTION = "redaction"


def redact_version(
    conn: sqlite3.Connection,
    file_hash: str,
    record_json: str,
    redaction: dict[str, Any],
    *,
    by: str,
    now: str,
    reason: str,
) -> None:
    """Replace a stored version's record JSON by its redacted one (secure_delete on, so that the freed pages are
    overwritten), with an audit row of the file that records its new facts and the redaction: the session file that
    carried it, the SHA-256 of the record first imported and of the archived file as rewritten."""
    conn.execute("PRAGMA secure_delete = ON")
    before = conn.execute(f"SELECT {_AUDITED_FILE_COLUMNS} FROM session_files WHERE file_hash=?", (file_hash,))
    old = _file_facts(before.fetchone())
    conn.execute("UPDATE session_files SET record_json = ? WHERE file_hash = ?", (record_json, file_hash))
    latest = audit.latest_entries(conn).get(("session_file", file_hash, "imported"))
    recorded = latest.value if latest is not None and isinstance(latest.value, dict) else {}
    first = (recorded.get(REDACTION) or {}).get("original_record_sha256", old["record_sha256"])
    new = old | {"record_sha256": record_sha256(record_json)}
    if recorded.get(ARCHIVED):
        new[ARCHIVED] = True
    new[REDACTION] = redaction | {"original_record_sha256": first}
    _append(conn, "session_file", file_hash, "imported", new, by=by, now=now, old=old, reason=reason)


def redactions_of_files(conn: sqlite3.Connection) -> dict[str, dict[str, Any]]:
    """The redaction in force on each redacted file, by its hash, as its latest audit row records it."""
    found = {}
    for (entity, entity_id, field), entry in audit.latest_entries(conn).items():
        facts = entry.value if (entity, field) == ("session_file", "imported") else None
        if isinstance(facts, dict) and facts.get(REDACTION):
            found[entity_id] = dict(facts[REDACTION])
    return found


def stored_versions(conn: sqlite3.Connection, session_id: str) -> list[sqlite3.Row]:
    """Every stored version of a session, oldest first: its hash, version and record JSON."""
    return conn.execute(
        "SELECT file_hash, session_version, record_json FROM session_files WHERE session_id = ? ORDER BY session_version",
        (session_id,),
    ).fetchall()


# -- each centre's prior experience ---------------------------------------------------------------------
def centre_experience(conn: sqlite3.Connection) -> dict[str, int]:
    """Procedures each centre did before the trial, by centre code (centres without a setting are left out)."""
    return {row[0]: int(row[1]) for row in conn.execute("SELECT centre, prior_procedures FROM centre_experience")}


def set_centre_experience(
    conn: sqlite3.Connection, centre: str, prior_procedures: int, *, by: str, now: str, reason: str
) -> None:
    """Set a centre's prior procedures, with its audit row (old and new value, why), in the caller's transaction."""
    old = centre_experience(conn).get(centre)
    conn.execute(
        "INSERT INTO centre_experience (centre, prior_procedures) VALUES (?, ?) "
        "ON CONFLICT (centre) DO UPDATE SET prior_procedures = excluded.prior_procedures",
        (centre, prior_procedures),
    )
    _append(
        conn, "centre_experience", centre, "prior_procedures", prior_procedures, by=by, now=now, old=old, reason=reason
    )


# -- checking the data against its trail ---------------------------------------------------------------
def trail_problems(conn: sqlite3.Connection) -> list[Text]:
    """Every row of the keys, registrations, files, sessions and accounts against the latest value its audit rows
    recorded: a row changed, added or deleted outside the application is named."""
    latest = audit.latest_entries(conn)
    problems: list[Text] = []

    def compare(entity: str, field: str, rows: dict[str, Any], what: Text) -> None:
        for entity_id, found in rows.items():
            entry = latest.get((entity, entity_id, field))
            recorded = None if entry is None else entry.value
            if isinstance(recorded, dict):
                recorded = dict(recorded)
                recorded.pop(ARCHIVED, None)  # not a column: said of the file, checked against the archive
                recorded.pop(REDACTION, None)  # not a column either: checked against the archive
            if entry is None:
                problems.append(
                    Text(
                        "{what} {key} has no audit entry (added outside the application)", what=what, key=entity_id[:16]
                    )
                )
            elif recorded != found:
                problems.append(
                    Text(
                        "{what} {key} is not what the audit trail recorded (changed outside the application)",
                        what=what,
                        key=entity_id[:16],
                    )
                )
        for kind, entity_id, name in latest:
            if (kind, name) == (entity, field) and entity_id not in rows:
                problems.append(deleted_outside(what, entity_id[:16]))

    keys = {row[0]: bytes(row[1]).hex() for row in conn.execute("SELECT key_id, public_key FROM centre_keys")}
    compare("centre_key", "public_key", keys, Text("centre key"))
    registered, withdrawn = {}, {}
    for key_id, centre, registered_utc, source, withdrawn_utc, reason in conn.execute(
        "SELECT key_id, centre, registered_utc, source, withdrawn_utc, withdrawal_reason FROM key_registrations"
    ):
        entity_id = registration_id(key_id, registered_utc)
        registered[entity_id] = {"centre": centre, "source": source}
        if withdrawn_utc is not None or reason is not None:
            withdrawn[entity_id] = {"withdrawn_utc": withdrawn_utc, "reason": reason}
    compare("key_registration", "registered", registered, Text("key registration"))
    compare("key_registration", "withdrawn", withdrawn, Text("withdrawal of key registration"))
    files = {row[0]: _file_facts(row) for row in conn.execute(f"SELECT {_AUDITED_FILE_COLUMNS} FROM session_files")}
    compare("session_file", "imported", files, Text("session file"))
    sessions = {
        row[0]: dict(zip(SESSION_COLUMNS, row, strict=True))
        for row in conn.execute(f"SELECT {_SESSION_COLUMNS} FROM sessions")
    }
    compare("session", "current", sessions, Text("session"))
    settled = settled_rows(conn)
    for entity, field, what in (
        ("session_void", "voided", Text("void")),
        ("session_void", "restored", Text("restoration of void")),
        ("held_version", "held", Text("held version")),
        ("held_version", "released", Text("release of held version")),
    ):
        rows = {key[1]: fields[field] for key, fields in settled.items() if key[0] == entity and field in fields}
        compare(entity, field, rows, what)
    compare("centre_experience", "prior_procedures", centre_experience(conn), Text("prior experience of centre"))
    from .central_queries import QUERY_FIELD, audited_queries

    compare("query", QUERY_FIELD, audited_queries(conn), Text("query"))
    return problems + audit.account_problems(conn, latest)


def integrity_problems(conn: sqlite3.Connection) -> list[Text]:
    damage = [row[0] for row in conn.execute("PRAGMA integrity_check")]
    return [] if damage == ["ok"] else [Text("integrity_check: {damage}", damage=text) for text in damage]


def flat_table_rows(conn: sqlite3.Connection, table: str) -> list[dict[str, Any]]:
    """Every row of a flat table as a dictionary, in key order."""
    return [dict(row) for row in conn.execute(f"SELECT * FROM {table} ORDER BY {', '.join(FLAT_TABLE_KEYS[table])}")]


def current_records_by_session(conn: sqlite3.Connection) -> dict[str, str]:
    """The record JSON of every session's current version not voided, by session id."""
    return dict(
        conn.execute(
            "SELECT s.session_id, f.record_json FROM sessions s JOIN session_files f"
            f" ON f.file_hash = s.current_file_hash WHERE {IN_FORCE}"
        ).fetchall()
    )


def archived_files(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """Every imported file with what the archive check needs: its hash, record JSON, signer's public key, study ID
    and version, whether its audit row says it was archived when imported, and the redaction that rewrote it (or
    None)."""
    archived = {
        key
        for key, value in conn.execute(
            "SELECT entity_id, new_value FROM audit WHERE entity = 'session_file' AND field = 'imported'"
        )
        if (audit.decode(value) or {}).get(ARCHIVED)
    }
    redacted = redactions_of_files(conn)
    return [
        {
            "file_hash": row[0],
            "study_id": row[1],
            "session_version": row[2],
            "record_json": row[3],
            "public_key": bytes(row[4]) if row[4] is not None else None,
            ARCHIVED: row[0] in archived,
            REDACTION: redacted.get(row[0]),
        }
        for row in conn.execute(
            "SELECT f.file_hash, f.study_id, f.session_version, f.record_json, k.public_key FROM session_files f"
            " LEFT JOIN centre_keys k ON k.key_id = f.signer_key_id ORDER BY f.study_id, f.session_version"
        )
    ]


# -- the derivation the flat tables were computed with ---------------------------------------------------
# Who the trail names for what the application does by itself when a database is opened.
THE_APPLICATION = "(application)"


def derivation_stamp(conn: sqlite3.Connection) -> int | None:
    row = conn.execute("SELECT version FROM flat_derivation").fetchone()
    return None if row is None else row[0]


def stamp_derivation(conn: sqlite3.Connection, version: int, sessions: int, now: str) -> None:
    """Stamp the flat tables, just recomputed from every session's stored record, with an audit row; inside the
    caller's transaction."""
    old = derivation_stamp(conn)
    conn.execute("DELETE FROM flat_derivation")
    conn.execute("INSERT INTO flat_derivation (version) VALUES (?)", (version,))
    _append(
        conn,
        "flat_tables",
        "derivation",
        "recomputed",
        {"version": version, "sessions": sessions},
        by=THE_APPLICATION,
        now=now,
        old=old,
        reason="the derivation of the flat tables differs from the one they were computed with",
    )


# -- voided sessions -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Void:
    """A session set aside with a reason (by itself, or with every session imported under key_id)."""

    id: int
    session_id: str
    key_id: str | None
    voided_utc: str
    voided_by: str
    reason: str
    restored_utc: str | None = None
    restored_by: str | None = None
    restore_reason: str | None = None


_VOID_COLUMNS = ", ".join(Void.__dataclass_fields__)


def voids(conn: sqlite3.Connection, *, in_force: bool = False) -> list[Void]:
    """Every void (restored ones too, unless in_force), oldest first."""
    where = " WHERE restored_utc IS NULL" if in_force else ""
    return [Void(*row) for row in conn.execute(f"SELECT {_VOID_COLUMNS} FROM session_voids{where} ORDER BY id")]


def void_in_force(conn: sqlite3.Connection, session_id: str) -> Void | None:
    row = conn.execute(
        f"SELECT {_VOID_COLUMNS} FROM session_voids WHERE session_id=? AND restored_utc IS NULL", (session_id,)
    ).fetchone()
    return None if row is None else Void(*row)


def sessions_signed_by(conn: sqlite3.Connection, key_id: str) -> list[str]:
    """Every session with a file imported under this key, by study ID."""
    return [
        row[0]
        for row in conn.execute(
            "SELECT DISTINCT s.session_id, s.study_id FROM sessions s JOIN session_files f ON f.session_id = s.session_id"
            " WHERE f.signer_key_id=? ORDER BY s.study_id",
            (key_id,),
        )
    ]


def insert_void(
    conn: sqlite3.Connection, session_id: str, key_id: str | None, reason: str, *, by: str, now: str
) -> None:
    """Set the session aside, with its audit row, and take its rows out of the flat tables; inside the caller's
    transaction."""
    cursor = conn.execute(
        "INSERT INTO session_voids (session_id, key_id, voided_utc, voided_by, reason) VALUES (?, ?, ?, ?, ?)",
        (session_id, key_id, now, by, reason),
    )
    delete_flat_rows(conn, session_id)
    value = {"session_id": session_id, "key_id": key_id, "voided_utc": now, "voided_by": by, "reason": reason}
    _append(conn, "session_void", str(cursor.lastrowid), "voided", value, by=by, now=now, reason=reason)


def restore_void(conn: sqlite3.Connection, void: Void, reason: str, *, by: str, now: str) -> None:
    """Restore a voided session, with its audit row (its flat rows are the caller's); inside the caller's
    transaction."""
    conn.execute(
        "UPDATE session_voids SET restored_utc=?, restored_by=?, restore_reason=? WHERE id=?",
        (now, by, reason, void.id),
    )
    value = {"restored_utc": now, "restored_by": by, "restore_reason": reason}
    _append(conn, "session_void", str(void.id), "restored", value, by=by, now=now, reason=reason)


# -- versions held back --------------------------------------------------------------------------------
@dataclass(frozen=True)
class Held:
    """A file whose version was far ahead of the last one seen of its session: kept, not current, until released."""

    file_hash: str
    held_utc: str
    last_seen: int
    released_utc: str | None = None
    released_by: str | None = None
    release_reason: str | None = None


_HELD_COLUMNS = ", ".join(Held.__dataclass_fields__)


def held_versions(conn: sqlite3.Connection, *, waiting: bool = False) -> list[Held]:
    where = " WHERE released_utc IS NULL" if waiting else ""
    return [Held(*row) for row in conn.execute(f"SELECT {_HELD_COLUMNS} FROM held_versions{where} ORDER BY rowid")]


def held_version(conn: sqlite3.Connection, file_hash: str) -> Held | None:
    row = conn.execute(f"SELECT {_HELD_COLUMNS} FROM held_versions WHERE file_hash=?", (file_hash,)).fetchone()
    return None if row is None else Held(*row)


def hold(conn: sqlite3.Connection, file_hash: str, last_seen: int, *, by: str, now: str) -> None:
    conn.execute(
        "INSERT INTO held_versions (file_hash, held_utc, last_seen) VALUES (?, ?, ?)", (file_hash, now, last_seen)
    )
    _append(conn, "held_version", file_hash, "held", {"held_utc": now, "last_seen": last_seen}, by=by, now=now)


def release(conn: sqlite3.Connection, file_hash: str, reason: str, *, by: str, now: str) -> None:
    conn.execute(
        "UPDATE held_versions SET released_utc=?, released_by=?, release_reason=? WHERE file_hash=?",
        (now, by, reason, file_hash),
    )
    value = {"released_utc": now, "released_by": by, "release_reason": reason}
    _append(conn, "held_version", file_hash, "released", value, by=by, now=now, reason=reason)


def settled_rows(conn: sqlite3.Connection) -> dict[tuple[str, str], dict[str, Any]]:
    """Every void and held version as its audit rows record it, by (entity, id) and field, for trail_problems."""
    found: dict[tuple[str, str], dict[str, Any]] = {}
    for void in voids(conn):
        facts = {
            "session_id": void.session_id,
            "key_id": void.key_id,
            "voided_utc": void.voided_utc,
            "voided_by": void.voided_by,
            "reason": void.reason,
        }
        found[("session_void", str(void.id))] = {"voided": facts}
        if void.restored_utc is not None or void.restore_reason is not None:
            found[("session_void", str(void.id))]["restored"] = {
                "restored_utc": void.restored_utc,
                "restored_by": void.restored_by,
                "restore_reason": void.restore_reason,
            }
    for held in held_versions(conn):
        found[("held_version", held.file_hash)] = {"held": {"held_utc": held.held_utc, "last_seen": held.last_seen}}
        if held.released_utc is not None or held.release_reason is not None:
            found[("held_version", held.file_hash)]["released"] = {
                "released_utc": held.released_utc,
                "released_by": held.released_by,
                "release_reason": held.release_reason,
            }
    return found
