"""The laptop's SQL for the trial office's queries (the table is made by migrations.m010_queries).

Each query is one row: its latest round, the question, and the centre's answer to that round. Every change
appends an audit row with the record's id (so the record's History shows it), entity "received_query"; the row
is sealed by audit.append. Each function runs inside the caller's transaction.
"""

from __future__ import annotations

import sqlite3
from dataclasses import asdict, dataclass, fields
from typing import Any

from ..domain.plausible import LARGEST_INTEGER
from . import audit

ENTITY = "received_query"


@dataclass(frozen=True)
class ReceivedQuery:
    id: int
    round: int
    procedure_id: str
    target_kind: str
    field: str | None
    item_number: int | None
    event_id: int | None
    text: str
    raised_utc: str
    raised_by: str
    received_utc: str
    file_hash: str
    answer_text: str | None = None
    answered_utc: str | None = None
    answered_by: str | None = None


COLUMNS = tuple(f.name for f in fields(ReceivedQuery))
_COLUMNS = ", ".join(COLUMNS)


def get(conn: sqlite3.Connection, query_id: int) -> ReceivedQuery | None:
    if not 0 < query_id <= LARGEST_INTEGER:  # no such number; SQLite could not even be asked about it
        return None
    row = conn.execute(f"SELECT {_COLUMNS} FROM received_queries WHERE id=?", (query_id,)).fetchone()
    return None if row is None else ReceivedQuery(*row)


def of_procedure(conn: sqlite3.Connection, procedure_id: str | None = None) -> list[ReceivedQuery]:
    """The queries of one record (of every record when None), by number."""
    where, params = ("WHERE procedure_id=?", (procedure_id,)) if procedure_id else ("", ())
    rows = conn.execute(f"SELECT {_COLUMNS} FROM received_queries {where} ORDER BY id", params).fetchall()
    return [ReceivedQuery(*row) for row in rows]


def receive(conn: sqlite3.Connection, query: ReceivedQuery, old: ReceivedQuery | None, *, by: str) -> None:
    """Store a query as a query file brought it: new, or a later round of one received before (its earlier answer
    stays in the audit trail)."""
    values = asdict(query)
    if old is None:
        conn.execute(
            f"INSERT INTO received_queries ({_COLUMNS}) VALUES ({', '.join('?' * len(COLUMNS))})",
            list(values.values()),
        )
    else:
        assignments = ", ".join(f"{name}=?" for name in COLUMNS if name != "id")
        conn.execute(
            f"UPDATE received_queries SET {assignments} WHERE id=?",
            [value for name, value in values.items() if name != "id"] + [query.id],
        )
    _audit(conn, query, "received", _question(old) if old else None, _question(query), by=by, now=query.received_utc)


def answer(conn: sqlite3.Connection, query: ReceivedQuery, text: str, *, by: str, now: str) -> None:
    """The centre's answer to the query's current round, in words."""
    conn.execute(
        "UPDATE received_queries SET answer_text=?, answered_utc=?, answered_by=? WHERE id=?",
        (text, now, by, query.id),
    )
    _audit(conn, query, "answered", query.answer_text, text, by=by, now=now)


def _question(query: ReceivedQuery) -> dict[str, Any]:
    return {
        "round": query.round,
        "target": [query.target_kind, query.field, query.item_number, query.event_id],
        "text": query.text,
        "raised_utc": query.raised_utc,
        "raised_by": query.raised_by,
        "file_hash": query.file_hash,
    }


def _audit(
    conn: sqlite3.Connection, query: ReceivedQuery, field: str, old: Any, new: Any, *, by: str, now: str
) -> None:
    audit.append(
        conn,
        at_utc=now,
        username=by,
        procedure_id=query.procedure_id,
        entity=ENTITY,
        entity_id=str(query.id),
        field=field,
        old=old,
        new=new,
    )
