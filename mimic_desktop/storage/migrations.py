"""The schema, one sqlite_utils migration per version; never edit an applied one, add a new one."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .migration_set import MigrationSet

if TYPE_CHECKING:
    from sqlite_utils import Database

migrations = MigrationSet("mimic")


@migrations()
def m001_initial(db: Database) -> None:
    db.execute(
        """CREATE TABLE users (
            id INTEGER PRIMARY KEY,
            username TEXT NOT NULL UNIQUE,
            full_name TEXT NOT NULL,
            role TEXT NOT NULL CHECK (role IN ('coordinator', 'surgeon', 'monitor')),
            pw_hash TEXT NOT NULL,
            pw_salt TEXT NOT NULL,
            demo INTEGER NOT NULL DEFAULT 0,
            active INTEGER NOT NULL DEFAULT 1,
            created_utc TEXT NOT NULL)"""
    )
    db.execute(
        """CREATE TABLE procedures (
            id TEXT PRIMARY KEY,
            study_id TEXT NOT NULL UNIQUE,
            centre TEXT NOT NULL,
            session_id TEXT NOT NULL UNIQUE,
            status TEXT NOT NULL,
            created_utc TEXT NOT NULL,
            created_by TEXT NOT NULL,
            modified_utc TEXT NOT NULL,
            completed_utc TEXT,
            current_lesion_id TEXT,
            demo INTEGER NOT NULL DEFAULT 0)"""
    )
    db.execute(
        """CREATE TABLE field_values (
            procedure_id TEXT NOT NULL REFERENCES procedures(id),
            entity TEXT NOT NULL,
            entity_id TEXT NOT NULL,
            field TEXT NOT NULL,
            value TEXT,
            PRIMARY KEY (procedure_id, entity, entity_id, field))"""
    )
    for table in ("lesions", "complications"):
        db.execute(
            f"""CREATE TABLE {table} (
                id TEXT PRIMARY KEY,
                procedure_id TEXT NOT NULL REFERENCES procedures(id),
                number INTEGER NOT NULL,
                created_utc TEXT NOT NULL,
                removed_utc TEXT,
                removed_reason TEXT,
                UNIQUE (procedure_id, number))"""
        )
    db.execute(
        """CREATE TABLE events (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            procedure_id TEXT NOT NULL REFERENCES procedures(id),
            lesion_id TEXT REFERENCES lesions(id),
            kind TEXT NOT NULL,
            at_utc TEXT NOT NULL,
            recorded_utc TEXT NOT NULL,
            username TEXT NOT NULL,
            note TEXT,
            struck INTEGER NOT NULL DEFAULT 0,
            struck_reason TEXT)"""
    )
    db.execute("CREATE INDEX events_procedure ON events (procedure_id, at_utc)")
    db.execute(
        """CREATE TABLE audit (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            at_utc TEXT NOT NULL,
            username TEXT NOT NULL,
            procedure_id TEXT,
            entity TEXT NOT NULL,
            entity_id TEXT NOT NULL,
            field TEXT NOT NULL,
            old_value TEXT,
            new_value TEXT,
            reason TEXT,
            prev_hash TEXT NOT NULL,
            hash TEXT NOT NULL)"""
    )
    db.execute("CREATE INDEX audit_procedure ON audit (procedure_id, seq)")
    # The application never updates or deletes audit rows; these make an accident fail loudly.
    db.execute(
        "CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit "
        "BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END"
    )
    db.execute(
        "CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit "
        "BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END"
    )


@migrations()
def m002_signatures_exports_settings(db: Database) -> None:
    db.execute(
        """CREATE TABLE signatures (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            procedure_id TEXT NOT NULL REFERENCES procedures(id),
            form TEXT NOT NULL,
            username TEXT NOT NULL,
            printed_name TEXT NOT NULL,
            meaning TEXT NOT NULL,
            signed_utc TEXT NOT NULL,
            content_hash TEXT NOT NULL,
            voided_utc TEXT,
            void_reason TEXT)"""
    )
    db.execute("ALTER TABLE procedures ADD COLUMN export_version INTEGER NOT NULL DEFAULT 0")
    db.execute("ALTER TABLE procedures ADD COLUMN exported_utc TEXT")
    db.execute("CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)")


@migrations()
def m003_row_seals(db: Database) -> None:
    """Seal every row as the upgrade finds it (storage/row_seals.py): from here on verify covers each column."""
    from ..domain.clock import to_iso, utc_now
    from .row_seals import seal_all

    seal_all(db.conn, to_iso(utc_now()))


def known_names(schema: MigrationSet = migrations) -> set[str]:
    """Names of every migration of this set that this version of the application knows."""
    return set(schema.names())
