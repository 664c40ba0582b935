"""The central database's SQL for data queries (the table is made by storage/central.m007_data_queries).

Every change of a query appends one audit row (entity "query", its number, field "state") holding the whole row
as it is after the change and as it was before, so that the trail keeps every question, answer and closure, and
trail_problems finds a row changed outside the application. Each function runs inside the caller's transaction.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import asdict, dataclass, fields, replace
from typing import Any

from ..domain.plausible import LARGEST_INTEGER
from . import audit

QUERY_FIELD = "state"


@dataclass(frozen=True)
class QueryRow:
    id: int
    centre: str
    study_id: str
    session_id: str
    target_kind: str
    field: str | None
    item_number: int | None
    event_id: int | None
    text: str
    origin: str
    round: int
    status: str
    raised_utc: str
    raised_by: str
    raised_on_version: int
    value_raised: str | None
    sent_round: int = 0
    answer_text: str | None = None
    answer_value: str | None = None
    answered_utc: str | None = None
    answered_by: str | None = None
    answer_version: int | None = None
    closed_utc: str | None = None
    closed_by: str | None = None
    close_reason: str | None = None


COLUMNS = tuple(f.name for f in fields(QueryRow))
_COLUMNS = ", ".join(COLUMNS)


def _row(row: sqlite3.Row | tuple[Any, ...]) -> QueryRow:
    return QueryRow(*row)


def insert(conn: sqlite3.Connection, query: QueryRow, *, by: str, now: str, reason: str | None = None) -> int:
    """Store a new query (its id chosen here when 0) with its audit row; returns its number."""
    values = asdict(query)
    if not query.id:
        values["id"] = conn.execute("SELECT COALESCE(MAX(id), 0) + 1 FROM queries").fetchone()[0]
    conn.execute(f"INSERT INTO queries ({_COLUMNS}) VALUES ({', '.join('?' * len(COLUMNS))})", list(values.values()))
    _audit(conn, values, None, by=by, now=now, reason=reason)
    return int(values["id"])


def update(
    conn: sqlite3.Connection, before: QueryRow, after: QueryRow, *, by: str, now: str, reason: str | None
) -> None:
    """Write the query as it is after a change, with its audit row."""
    changed = {name: value for name, value in asdict(after).items() if getattr(before, name) != value}
    if not changed:
        return
    assignments = ", ".join(f"{name}=?" for name in changed)
    conn.execute(f"UPDATE queries SET {assignments} WHERE id=?", [*changed.values(), after.id])
    _audit(conn, asdict(after), asdict(before), by=by, now=now, reason=reason)


def change(conn: sqlite3.Connection, query: QueryRow, *, by: str, now: str, reason: str | None, **new: Any) -> QueryRow:
    after = replace(query, **new)
    update(conn, query, after, by=by, now=now, reason=reason)
    return after


def _audit(
    conn: sqlite3.Connection, new: dict[str, Any], old: dict[str, Any] | None, *, by: str, now: str, reason: str | None
) -> None:
    audit.append(
        conn,
        at_utc=now,
        username=by,
        procedure_id=None,
        entity="query",
        entity_id=str(new["id"]),
        field=QUERY_FIELD,
        old=old,
        new=new,
        reason=reason,
    )


def get(conn: sqlite3.Connection, query_id: int) -> QueryRow | None:
    if not 0 < query_id <= LARGEST_INTEGER:  # no such number; SQLite could not even be asked about it
        return None
    row = conn.execute(f"SELECT {_COLUMNS} FROM queries WHERE id=?", (query_id,)).fetchone()
    return None if row is None else _row(row)


def matching(
    conn: sqlite3.Connection,
    *,
    centre: str | None = None,
    study_id: str | None = None,
    status: str | None = None,
) -> list[QueryRow]:
    """The queries of a centre, a record, a status (any of them when None), by centre, study ID and number."""
    clauses, params = [], []
    for column, value in (("centre", centre), ("study_id", study_id), ("status", status)):
        if value is not None:
            clauses.append(f"{column}=?")
            params.append(value)
    where = f" WHERE {' AND '.join(clauses)}" if clauses else ""
    rows = conn.execute(f"SELECT {_COLUMNS} FROM queries{where} ORDER BY centre, study_id, id", params)
    return [_row(row) for row in rows.fetchall()]


def unsent(conn: sqlite3.Connection, centre: str) -> list[QueryRow]:
    """The open queries of a centre whose current round no query file has carried yet."""
    rows = conn.execute(
        f"SELECT {_COLUMNS} FROM queries WHERE centre=? AND status='open' AND sent_round < round ORDER BY id",
        (centre,),
    )
    return [_row(row) for row in rows.fetchall()]


def audited_queries(conn: sqlite3.Connection) -> dict[str, dict[str, Any]]:
    """Every query as its audit row records it, by number: for comparing with the trail."""
    tables = {name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if "queries" not in tables:
        return {}
    return {
        str(row[0]): dict(zip(COLUMNS, row, strict=True)) for row in conn.execute(f"SELECT {_COLUMNS} FROM queries")
    }


def encode_value(value: Any) -> str | None:
    """A target's value as the table keeps it (JSON; None when empty)."""
    return None if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True)


def decode_value(text: str | None) -> Any:
    return None if text is None else json.loads(text)
