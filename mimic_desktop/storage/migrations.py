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
    from . import audit

    # The same statements this migration always ran, now defined once for both databases (storage/audit.py).
    audit.create_table(db.execute, "CREATE INDEX audit_procedure ON audit (procedure_id, seq)")


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
def m003_account_security(db: Database) -> None:
    """Each hash's scrypt cost beside it, a password a coordinator reset that must be changed, and the failed
    sign-ins that make an account wait. Then every column of every account goes into the audit trail (role and
    full name were there already), so that the trail describes each account whole and `verify` finds a hash
    copied from one account to another."""
    from datetime import UTC, datetime

    from . import audit

    legacy = '{"dklen": 32, "n": 16384, "p": 1, "r": 8}'  # the cost every hash had before it was stored
    db.execute(f"ALTER TABLE users ADD COLUMN pw_cost TEXT NOT NULL DEFAULT '{legacy}'")
    db.execute("ALTER TABLE users ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0")
    db.execute("ALTER TABLE users ADD COLUMN failed_sign_ins INTEGER NOT NULL DEFAULT 0")
    db.execute("ALTER TABLE users ADD COLUMN waits_until_utc TEXT")
    now = datetime.now(UTC).isoformat(timespec="microseconds")
    audited = {(key, field) for key, field in db.execute("SELECT entity_id, field FROM audit WHERE entity = 'user'")}
    rows = db.execute("SELECT * FROM users ORDER BY id")
    columns = [description[0] for description in rows.description]
    for row in rows.fetchall():
        account = dict(zip(columns, row, strict=True))
        for column, value in account.items():
            if column != "username" and (account["username"], column) not in audited:
                audit.append(
                    db.conn,
                    at_utc=now,
                    username="(schema upgrade)",
                    procedure_id=None,
                    entity="user",
                    entity_id=account["username"],
                    field=column,
                    old=None,
                    new=value,
                    reason="the account as it stood when the audit trail began to hold every column",
                )


@migrations()
def m004_surgeon_accounts_and_delegations(db: Database) -> None:
    """The procedure's surgeon as an account, and delegations of the questionnaire's signature to another surgeon."""
    # Empty on older records: their surgeon is the typed name until a coordinator maps it to an account.
    db.execute("ALTER TABLE procedures ADD COLUMN surgeon_username TEXT")
    db.execute(
        """CREATE TABLE delegations (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            procedure_id TEXT NOT NULL REFERENCES procedures(id),
            username TEXT NOT NULL,
            reason TEXT NOT NULL,
            granted_by TEXT NOT NULL,
            granted_utc TEXT NOT NULL)"""
    )


@migrations()
def m005_row_seals(db: Database) -> None:
    """Seal every row as the upgrade finds it (storage/row_seals.py): from here on verify covers each column."""
    from .row_seals import seal_all

    seal_all(db.conn)


@migrations()
def m007_subject_status(db: Database) -> None:
    """Whether the patient is still in the trial (enrolled, withdrawn, excluded, not operated), why and since when.
    Every record made before is an enrolled patient's; the columns are sealed with the row from its next change."""
    db.execute("ALTER TABLE procedures ADD COLUMN subject_status TEXT NOT NULL DEFAULT 'enrolled'")
    db.execute("ALTER TABLE procedures ADD COLUMN subject_status_reason TEXT")
    db.execute("ALTER TABLE procedures ADD COLUMN subject_status_date TEXT")


@migrations()
def m009_keyed_audit_values(db: Database) -> None:
    """The audit chain commits to what people typed by keyed hashes, so that a text can be redacted and the chain
    still verify (storage/audit.py, COMMITTED; storage/redaction.py).

    Every row gets a key per typed value and its commitment, and the chain is hashed again over the commitments;
    the hash each row had before is kept beside it (unkeyed_hash), so that a backup or a session file made before
    the upgrade is still found to be an earlier state of this trail (storage/chain_compare.py). The upgrade is
    itself an audit row naming the head the chain had. Updates of an audit row may from here on change only its
    typed values and their keys: what a redaction does.
    """
    import json

    from ..domain import clock
    from . import audit

    db.execute("ALTER TABLE audit ADD COLUMN commitments TEXT")
    db.execute("ALTER TABLE audit ADD COLUMN value_keys TEXT")
    db.execute("ALTER TABLE audit ADD COLUMN unkeyed_hash TEXT")
    db.execute("DROP TRIGGER audit_no_update")
    names = (*audit.CHAINED_COLUMNS, "hash")
    rows = db.execute(f"SELECT {', '.join(names)} FROM audit ORDER BY seq").fetchall()
    prev, old_head = audit.GENESIS, audit.GENESIS
    for raw in rows:
        row = dict(zip(names, raw, strict=True))
        commitments, keys = audit.commit(row)
        hashed = audit.row_hash(prev, row, commitments)
        db.execute(
            "UPDATE audit SET commitments = ?, value_keys = ?, unkeyed_hash = hash, prev_hash = ?, hash = ? WHERE seq = ?",
            [json.dumps(commitments), json.dumps(keys), prev, hashed, row["seq"]],
        )
        prev, old_head = hashed, row["hash"]
    # The only update left: a redaction, which changes typed values and takes their keys away, and nothing else.
    keeps = [
        "seq",
        "at_utc",
        "username",
        "procedure_id",
        "entity",
        "entity_id",
        "field",
        "prev_hash",
        "hash",
        "commitments",
        "unkeyed_hash",
    ]
    fixed = " OR ".join(f"NEW.{column} IS NOT OLD.{column}" for column in keeps)
    db.execute(
        f"CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit WHEN {fixed} OR NEW.value_keys IS OLD.value_keys "
        "BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END"
    )
    if rows:
        audit.append_row(
            db.conn,
            at_utc=clock.to_iso(clock.utc_now()),
            username="(schema upgrade)",
            procedure_id=None,
            entity="audit",
            entity_id="chain",
            field="keyed",
            old=None,
            new={"unkeyed_head": old_head, "entries": len(rows)},
            reason="the chain commits to typed values by keyed hashes from here on, so that a text can be redacted",
        )


@migrations()
def m010_queries(db: Database) -> None:
    """The trial office's questions received from query files (storage/received_queries.py), each with its latest
    round and the centre's answer; rows are sealed and audited with the record they concern."""
    db.execute(
        """CREATE TABLE received_queries (
            id INTEGER PRIMARY KEY,
            round INTEGER NOT NULL,
            procedure_id TEXT NOT NULL REFERENCES procedures(id),
            target_kind TEXT NOT NULL,
            field TEXT,
            item_number INTEGER,
            event_id INTEGER,
            text TEXT NOT NULL,
            raised_utc TEXT NOT NULL,
            raised_by TEXT NOT NULL,
            received_utc TEXT NOT NULL,
            file_hash TEXT NOT NULL,
            answer_text TEXT,
            answered_utc TEXT,
            answered_by TEXT)"""
    )
    db.execute("CREATE INDEX received_queries_procedure ON received_queries (procedure_id, id)")
    db.execute(
        "CREATE TRIGGER received_queries_no_delete BEFORE DELETE ON received_queries "
        "BEGIN SELECT RAISE(ABORT, 'a query from the trial office is kept'); END"
    )


@migrations()
def m011_frames(db: Database) -> None:
    """Near-infrared stills kept with their events (one frame to an event, masked before it was stored), and the
    fluorescence of lesions measured on them."""
    db.execute(
        """CREATE TABLE frames (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            procedure_id TEXT NOT NULL REFERENCES procedures(id),
            event_id INTEGER NOT NULL UNIQUE REFERENCES events(id),
            kept_utc TEXT NOT NULL,
            username TEXT NOT NULL,
            media_type TEXT NOT NULL,
            width INTEGER NOT NULL,
            height INTEGER NOT NULL,
            size INTEGER NOT NULL,
            sha256 TEXT NOT NULL,
            masks TEXT NOT NULL,
            data BLOB NOT NULL)"""
    )
    db.execute("CREATE INDEX frames_procedure ON frames (procedure_id, event_id)")
    # A lesion's fluorescence measured on a kept frame: one measurement to a lesion and frame (measured again,
    # the row changes and the audit trail keeps the earlier figures).
    db.execute(
        """CREATE TABLE fluorescence (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            procedure_id TEXT NOT NULL REFERENCES procedures(id),
            lesion_id TEXT NOT NULL REFERENCES lesions(id),
            frame_id INTEGER NOT NULL REFERENCES frames(id),
            finding TEXT NOT NULL,
            channel TEXT NOT NULL,
            target TEXT NOT NULL,
            background TEXT NOT NULL,
            target_mean REAL NOT NULL,
            target_sd REAL NOT NULL,
            background_mean REAL NOT NULL,
            background_sd REAL NOT NULL,
            sbr REAL NOT NULL,
            method TEXT NOT NULL,
            measured_utc TEXT NOT NULL,
            username TEXT NOT NULL,
            UNIQUE (lesion_id, frame_id))"""
    )


@migrations()
def m012_event_lesions(db: Database) -> None:
    """One event may name several lesions (one transection or one specimen holding several): the lesions besides
    lesion_id, as a JSON list of their ids; NULL when the event names one lesion or none, as every earlier event
    does."""
    db.execute("ALTER TABLE events ADD COLUMN also_lesion_ids TEXT")


@migrations()
def m013_video_reference(db: Database) -> None:
    """The reading that lines the tower's video recording up with the timeline: an event of the record and the time
    the recording showed at it (H:MM:SS as text, domain/video_time.exact). NULL in every earlier record: no
    reference yet. The row's seal covers both columns from its next change."""
    db.execute("ALTER TABLE procedures ADD COLUMN video_event_id INTEGER")
    db.execute("ALTER TABLE procedures ADD COLUMN video_shown TEXT")


def known_names(schema: MigrationSet = migrations) -> set[str]:
    """Names of every migration of this set that this version of the application knows."""
    return set(schema.names())
