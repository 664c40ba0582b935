"""Row seals: the audit trail's record of every column of the rows it does not describe field by field.

Why seals rather than one check per column: a check written per column misses each column nobody wrote a
check for, and a column added by a later migration would need one more. A seal is an audit row
(entity, key, field "sealed") whose value maps each column of the row, as the application left it, to a
short digest of its value; `verify` compares every column of every row of the sealed tables with the latest
seal of that row. A column added later is covered without new code: until the row is next sealed it must
hold the default its migration declared, and from then on the seal holds it. Digests rather than values keep
password hashes and salts out of the trail while still naming the column that changed.

Sealing is automatic: `audit.append` seals the row after each audited change of a sealed entity that is not a
form field (those live in field_values and have audit rows of their own). A change made without an audit row
(the current lesion, the time of the last backup) calls `seal` itself.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..domain.clock import to_iso, utc_now
from ..domain.wording import Text
from .trail_words import added_outside, changed_outside, deleted_outside

# A seal is the audit row (ENTITY, "<entity>:<key>", FIELD): apart from the rows that describe changes, so that
# whatever reads a record's changes by entity never meets one.
ENTITY = "row"
FIELD = "sealed"
# The audit row that says from which entry on every row is sealed: a trail without it predates seals.
STARTED = ("schema", "rows", "sealing_started")
SYSTEM = "system"  # the user name of seals no person made: a schema upgrade, the time of the last backup


@dataclass(frozen=True)
class Sealed:
    table: str
    entity: str  # the audit trail's name for one row of the table
    key: str  # the column that names the row in the audit trail


SEALED = {
    sealed.entity: sealed
    for sealed in (
        Sealed("procedures", "procedure", "id"),
        Sealed("lesions", "lesion", "id"),
        Sealed("complications", "complication", "id"),
        Sealed("signatures", "signature", "id"),
        Sealed("users", "user", "username"),
        Sealed("settings", "setting", "key"),
        Sealed("frames", "frame", "id"),
        Sealed("fluorescence", "measurement", "id"),
        Sealed("received_queries", "received_query", "id"),
    )
}

# Columns kept out of the seal, each checked otherwise: sealing them would add an audit row to every event.
UNSEALED = {
    # The time of the record's latest change, written with every event; only sorts the list of records.
    ("procedures", "modified_utc"),
    # Derived from the events and signatures on each change: verify derives it again and compares.
    ("procedures", "status"),
}


# Rows kept out of the seals: the application's own bookkeeping, which no record, signature or account depends
# on. The time of the last backup only decides when the next daily one is due (the backups folder shows them).
UNSEALED_ROWS = {("settings", "last_backup_utc")}


def digest(column: str, value: Any) -> str:
    """A short digest of one column's value, its type included (1 and '1' differ)."""
    if isinstance(value, bytes):
        text = json.dumps({"bytes": value.hex()})
    else:
        text = json.dumps([type(value).__name__, value], ensure_ascii=False)
    return hashlib.sha256(f"{column}\0{text}".encode()).hexdigest()[:16]


def columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [row[1] for row in conn.execute(f"PRAGMA table_info({table})") if (table, row[1]) not in UNSEALED]


def row_digests(conn: sqlite3.Connection, sealed: Sealed, key: str) -> dict[str, str] | None:
    names = columns(conn, sealed.table)
    row = conn.execute(
        f"SELECT {', '.join(names)} FROM {sealed.table} WHERE CAST({sealed.key} AS TEXT) = ?", (key,)
    ).fetchone()
    if row is None:
        return None
    return {name: digest(name, value) for name, value in zip(names, row, strict=True)}


def seal(conn: sqlite3.Connection, entity: str, key: str, *, at_utc: str, username: str) -> None:
    """Append the seal of one row as it stands now (inside the caller's transaction).

    A seal belongs to no record's trail (procedure_id NULL): a record's history lists the changes people made.
    """
    from . import audit

    if (SEALED[entity].table, key) in UNSEALED_ROWS:
        return
    digests = row_digests(conn, SEALED[entity], key)
    if digests is None:
        return
    audit.append_row(
        conn,
        at_utc=at_utc,
        username=username,
        procedure_id=None,
        entity=ENTITY,
        entity_id=f"{entity}:{key}",
        field=FIELD,
        old=None,
        new=digests,
    )


def seal_all(conn: sqlite3.Connection, at_utc: str | None = None) -> None:
    """Seal every row of the sealed tables as it is (at this time, now unless given): what a schema upgrade finds,
    it vouches for from then on."""
    from . import audit

    at_utc = at_utc or to_iso(utc_now())

    entity, entity_id, field = STARTED
    audit.append_row(
        conn,
        at_utc=at_utc,
        username=SYSTEM,
        procedure_id=None,
        entity=entity,
        entity_id=entity_id,
        field=field,
        old=None,
        new=True,
    )
    for sealed in SEALED.values():
        if not conn.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name=?", (sealed.table,)).fetchone():
            continue
        rows = conn.execute(f"SELECT CAST({sealed.key} AS TEXT) FROM {sealed.table} ORDER BY rowid").fetchall()
        for (key,) in rows:
            seal(conn, sealed.entity, key, at_utc=at_utc, username=SYSTEM)


def declared_defaults(conn: sqlite3.Connection, table: str) -> dict[str, str]:
    """Each column's default as its migration declared it, read as SQLite reads it back (a 0 in a REAL column
    is 0.0), as a digest: what a row sealed before the column existed must hold."""
    defaults = {}
    for _, name, declared, _, default, _ in conn.execute(f"PRAGMA table_info({table})"):
        value = conn.execute(f"SELECT {default}").fetchone()[0] if default is not None else None
        defaults[name] = digest(name, _with_affinity(declared or "", value))
    return defaults


def _with_affinity(declared: str, value: Any) -> Any:
    """A value as a column of this declared type stores it (SQLite's type affinity, for numbers and text)."""
    kind = declared.upper()
    if value is None or isinstance(value, bytes):
        return value
    if "INT" in kind:
        return int(value) if isinstance(value, float) and value.is_integer() else value
    if any(word in kind for word in ("CHAR", "CLOB", "TEXT")):
        return str(value) if isinstance(value, int | float) else value
    if any(word in kind for word in ("REAL", "FLOA", "DOUB")):
        return float(value) if isinstance(value, int) else value
    return value


def problems(conn: sqlite3.Connection, latest: Mapping[tuple[str, str, str], Any]) -> list[Text]:
    """Every row of every sealed table against its latest seal: changed columns, rows added or deleted."""
    found: list[Text] = []
    if STARTED not in latest:  # a trail from before rows were sealed: the checks by field cover it
        return found
    tables = {name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    for sealed in SEALED.values():
        if sealed.table not in tables:
            continue
        prefix = f"{sealed.entity}:"
        seals = {
            name.removeprefix(prefix): entry.value
            for (entity, name, field), entry in latest.items()
            if (entity, field) == (ENTITY, FIELD) and name.startswith(prefix)
        }
        defaults = declared_defaults(conn, sealed.table)
        names = columns(conn, sealed.table)
        kept = set()
        for row in conn.execute(f"SELECT {', '.join(names)} FROM {sealed.table}"):
            values = dict(zip(names, row, strict=True))
            key = str(values[sealed.key])
            if (sealed.table, key) in UNSEALED_ROWS:
                continue
            kept.add(key)
            expected = seals.get(key)
            if expected is None:
                found.append(added_outside(sealed.entity, key))
                continue
            for name, value in values.items():
                if digest(name, value) != expected.get(name, defaults[name]):
                    found.append(changed_outside(sealed.entity, key, name))
        found += [deleted_outside(sealed.entity, key) for key in sorted(set(seals) - kept)]
    return found
