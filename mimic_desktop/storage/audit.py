"""The append-only, hash-chained audit trail: who changed what, when, from what, to what, why."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from dataclasses import dataclass

GENESIS = "0" * 64
CHAINED_COLUMNS = (
    "seq",
    "at_utc",
    "username",
    "procedure_id",
    "entity",
    "entity_id",
    "field",
    "old_value",
    "new_value",
    "reason",
)


def row_hash(prev_hash: str, row: dict) -> str:
    payload = json.dumps([prev_hash] + [row[c] for c in CHAINED_COLUMNS], ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def encode(value) -> str | None:
    """Audit values are stored as JSON text so that types survive."""
    return None if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True)


def head(conn: sqlite3.Connection) -> tuple[int, str]:
    row = conn.execute("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
    return (row[0], row[1]) if row else (0, GENESIS)


def append(
    conn: sqlite3.Connection,
    *,
    at_utc: str,
    username: str,
    procedure_id: str | None,
    entity: str,
    entity_id: str,
    field: str,
    old,
    new,
    reason: str | None = None,
) -> int:
    """Append one row; must run inside the caller's transaction so it commits with the change."""
    last_seq, prev = head(conn)
    row = {
        "seq": last_seq + 1,
        "at_utc": at_utc,
        "username": username,
        "procedure_id": procedure_id,
        "entity": entity,
        "entity_id": entity_id,
        "field": field,
        "old_value": encode(old),
        "new_value": encode(new),
        "reason": reason,
    }
    row["prev_hash"] = prev
    row["hash"] = row_hash(prev, row)
    columns = ", ".join(row)
    conn.execute(f"INSERT INTO audit ({columns}) VALUES ({', '.join('?' * len(row))})", list(row.values()))
    return row["seq"]


@dataclass(frozen=True)
class Verification:
    ok: bool
    rows: int
    head_hash: str
    problems: tuple[str, ...]

    def summary(self) -> str:
        if self.ok:
            return f"Audit trail intact: {self.rows} entries, head {self.head_hash[:16]}."
        return f"Audit trail DAMAGED ({len(self.problems)} problems): " + "; ".join(self.problems[:5])


def verify(conn: sqlite3.Connection) -> Verification:
    """Walk the chain: an edited, inserted, deleted or reordered row breaks it."""
    problems = []
    prev = GENESIS
    expected_seq = 1
    count = 0
    cursor = conn.execute(f"SELECT {', '.join(CHAINED_COLUMNS)}, prev_hash, hash FROM audit ORDER BY seq")
    for raw in cursor:
        row = dict(zip((*CHAINED_COLUMNS, "prev_hash", "hash"), raw, strict=False))
        count += 1
        if row["seq"] != expected_seq:
            problems.append(f"entry {expected_seq} is missing (next is {row['seq']})")
        if row["prev_hash"] != prev:
            problems.append(f"entry {row['seq']} does not follow the entry before it")
        if row_hash(row["prev_hash"], row) != row["hash"]:
            problems.append(f"entry {row['seq']} was altered")
        prev = row["hash"]
        expected_seq = row["seq"] + 1
    return Verification(not problems, count, prev, tuple(problems))


def cross_check(conn: sqlite3.Connection) -> list[str]:
    """Compare the data with the trail: a deleted tail of the chain leaves data with no history."""
    problems = []
    latest = {}
    for entity, entity_id, field, new in conn.execute(
        "SELECT entity, entity_id, field, new_value FROM audit ORDER BY seq"
    ):
        latest[(entity, entity_id, field)] = new
    for proc_id, entity, entity_id, field, value in conn.execute(
        "SELECT procedure_id, entity, entity_id, field, value FROM field_values"
    ):
        key = (entity, entity_id or proc_id, field)
        if key not in latest or latest[key] != value:
            problems.append(f"{entity} {field} has no matching audit entry")
    for event_id, struck in conn.execute("SELECT id, struck FROM events"):
        if ("event", str(event_id), "kind") not in latest:
            problems.append(f"event {event_id} has no audit entry")
        elif struck and latest.get(("event", str(event_id), "struck")) != "true":
            problems.append(f"event {event_id} was struck through without an audit entry")
    for (proc_id,) in conn.execute("SELECT id FROM procedures"):
        if ("procedure", proc_id, "study_id") not in latest:
            problems.append(f"procedure {proc_id} has no audit entry")
    for table in ("lesions", "complications"):
        for (child_id,) in conn.execute(f"SELECT id FROM {table}"):
            if (table.removesuffix("s"), child_id, "number") not in latest:
                problems.append(f"{table.removesuffix('s')} {child_id} has no audit entry")
    for proc_id, completed in conn.execute("SELECT id, completed_utc FROM procedures WHERE completed_utc IS NOT NULL"):
        if latest.get(("procedure", proc_id, "completed_utc")) != encode(completed):
            problems.append(f"procedure {proc_id} was completed without an audit entry")
    signatures = conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'signatures'").fetchone()  # older schemas
    for sig_id, voided in conn.execute("SELECT id, voided_utc FROM signatures") if signatures else ():
        if ("signature", str(sig_id), "signed") not in latest:
            problems.append(f"signature {sig_id} has no audit entry")
        elif voided and ("signature", str(sig_id), "voided") not in latest:
            problems.append(f"signature {sig_id} was voided without an audit entry")
    for (username,) in conn.execute("SELECT username FROM users"):
        if ("user", username, "role") not in latest:
            problems.append(f"user {username} has no audit entry")
    return problems
