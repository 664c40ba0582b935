"""Tampering with the audit trail behind the application's back: every column of every row edited, every
row deleted, a forged copy inserted after every row; verify (the chain and its cross-check) must find each.

The forger here works with SQL on the file but does not recompute the chain after the row changed;
one who rewrites the chain from that row on is caught by comparing its head with the head printed
in the record's earlier exports and PDFs, which these cases do not cover.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from mimic_desktop.storage import audit

COLUMNS = (*audit.CHAINED_COLUMNS, "prev_hash", "hash")


def tamperable_copy(db_path: Path) -> sqlite3.Connection:
    """The database in memory with the triggers that stop accidental edits removed, as a forger would."""
    source = sqlite3.connect(db_path)
    memory = sqlite3.connect(":memory:")
    source.backup(memory)
    source.close()
    memory.execute("DROP TRIGGER audit_no_update")
    memory.execute("DROP TRIGGER audit_no_delete")
    return memory


def copy(conn: sqlite3.Connection) -> sqlite3.Connection:
    other = sqlite3.connect(":memory:")
    conn.backup(other)
    return other


def found(conn: sqlite3.Connection) -> bool:
    return not audit.verify(conn).ok or bool(audit.cross_check(conn))


def _edited(value):
    if value is None:
        return "forged"
    if isinstance(value, int):
        return value + 1_000_000
    return value + "x"


def tampers(conn: sqlite3.Connection) -> Iterator[tuple[str, int, str]]:
    """(action, seq, column) for every case: edit of each column, delete, insert after."""
    for (seq,) in conn.execute("SELECT seq FROM audit ORDER BY seq").fetchall():
        for column in COLUMNS:
            yield "edit", seq, column
        yield "delete", seq, ""
        yield "insert", seq, ""


def apply(conn: sqlite3.Connection, action: str, seq: int, column: str) -> None:
    if action == "edit":
        value = conn.execute(f"SELECT {column} FROM audit WHERE seq=?", (seq,)).fetchone()[0]
        conn.execute(f"UPDATE audit SET {column}=? WHERE seq=?", (_edited(value), seq))
    elif action == "delete":
        conn.execute("DELETE FROM audit WHERE seq=?", (seq,))
    else:  # a forged copy of this row slipped in right after it, the rows after it moved up one
        conn.execute("UPDATE audit SET seq = -(seq + 1) WHERE seq > ?", (seq,))
        conn.execute("UPDATE audit SET seq = -seq WHERE seq < 0")
        columns = ", ".join(COLUMNS[1:])
        conn.execute(
            f"INSERT INTO audit (seq, {columns}) SELECT seq + 1, {columns} FROM audit WHERE seq=?",
            (seq,),
        )


@dataclass
class TamperReport:
    rows: int = 0
    cases: Counter = field(default_factory=Counter)  # by action
    missed: list[tuple[str, int, str]] = field(default_factory=list)


def tamper_everywhere(pristine: sqlite3.Connection) -> TamperReport:
    report = TamperReport(rows=pristine.execute("SELECT COUNT(*) FROM audit").fetchone()[0])
    for case in tampers(pristine):
        conn = copy(pristine)
        apply(conn, *case)
        report.cases[case[0]] += 1
        if not found(conn):
            report.missed.append(case)
        conn.close()
    return report


def rewrite_chain(path: Path, proc_id: str, field: str, value) -> int:
    """A forger who changes a value and rewrites the trail to match: the value's latest audit row says the new
    value (with a fresh key and commitment, where the trail commits to values by keyed hashes), and every hash from
    that row on is computed again, so the chain verifies on its own. Returns the seq where the rewrite starts."""
    conn = sqlite3.connect(path, isolation_level=None)
    (trigger,) = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'audit_no_update'").fetchone()
    conn.execute("DROP TRIGGER audit_no_update")
    keyed = audit.keyed(conn)
    conn.execute(
        "UPDATE field_values SET value = ? WHERE procedure_id = ? AND entity = 'procedure' AND field = ?",
        (audit.encode(value), proc_id, field),
    )
    (start,) = conn.execute(
        "SELECT MAX(seq) FROM audit WHERE procedure_id = ? AND entity = 'procedure' AND field = ?", (proc_id, field)
    ).fetchone()
    conn.execute("UPDATE audit SET new_value = ? WHERE seq = ?", (audit.encode(value), start))
    prev = conn.execute("SELECT prev_hash FROM audit WHERE seq = ?", (start,)).fetchone()[0]
    names = (*audit.CHAINED_COLUMNS, *(("commitments", "value_keys") if keyed else ()))
    rows = conn.execute(f"SELECT {', '.join(names)} FROM audit WHERE seq >= ? ORDER BY seq", (start,))
    for raw in rows.fetchall():
        row = dict(zip(names, raw, strict=True))
        if not keyed:
            digest = audit.row_hash(prev, row)
        else:
            commitments, keys = json.loads(row["commitments"]), json.loads(row["value_keys"])
            if row["seq"] == start:
                commitments, keys = audit.commit(row)
                conn.execute(
                    "UPDATE audit SET commitments = ?, value_keys = ? WHERE seq = ?",
                    (json.dumps(commitments), json.dumps(keys), start),
                )
            digest = audit.row_hash(prev, row, commitments)
        conn.execute("UPDATE audit SET prev_hash = ?, hash = ? WHERE seq = ?", (prev, digest, row["seq"]))
        prev = digest
    # The trigger put back as the migration wrote it, so that the schema shows nothing either.
    conn.execute(trigger)
    conn.close()
    return start
