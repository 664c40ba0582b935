"""The central study database's flat shape: which tables and columns hold the current version of every session,
and how a record becomes their rows (exchange/flat.py). Its SQL is storage/central.py's.

The tables procedures, lesions and complications hold the current version of every session in the flat
shape of exchange/flat.py, one column per flat column, so that the analysis reads them into DataFrames as
they are. They are a projection of the stored record JSON: when flat.py's columns change (a field added to
forms/) or the derivation's version (domain.derive.DERIVATION_VERSION) differs from the one they are stamped
with, opening the database recomputes them from it, in one audited transaction. The rebuild does not check the records again: each was
checked against the definitions of its own form versions when it was imported, and a record of an earlier
version simply has no value for a field added since.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any

from ..domain import derive
from ..domain.record import Procedure
from ..storage import central as central_storage
from ..storage.connection import Store
from . import central_redaction, change_history, flat
from .record_json import record_from_dict


@dataclass(frozen=True)
class FlatTable:
    name: str
    columns: Callable[[], list[flat.Column]]
    rows: Callable[[Procedure], list[dict[str, Any]]]

    @property
    def key(self) -> tuple[str, ...]:
        return central_storage.FLAT_TABLE_KEYS[self.name]


FLAT_TABLES = (
    FlatTable("procedures", flat.procedure_columns, lambda proc: [flat.procedure_row(proc)]),
    FlatTable("lesions", flat.lesion_columns, flat.lesion_rows),
    FlatTable("complications", flat.complication_columns, flat.complication_rows),
)


def open_central(path: Path | str, create: bool = True) -> Store:
    """Open (or create) a central study database, with its flat tables matching flat.py."""
    store = central_storage.open_central_store(path, create=create)
    try:
        columns_differ = any(
            central_storage.flat_columns(store.conn, table.name) != _expected(table) for table in FLAT_TABLES
        )
        if columns_differ or central_storage.derivation_stamp(store.conn) != derive.DERIVATION_VERSION:
            # Derived values are never frozen: every session's rows are made again from its stored record, in
            # one transaction with its audit row.
            with store.transaction() as db:
                sessions = rebuild_flat_tables(db.conn)
                now = datetime.now(UTC).isoformat(timespec="microseconds")
                central_storage.stamp_derivation(db.conn, derive.DERIVATION_VERSION, sessions, now)
    except BaseException:
        store.close()
        raise
    return store


@cache
def _expected(table: FlatTable) -> list[str]:
    return [column.name for column in table.columns()]


def rebuild_flat_tables(conn: sqlite3.Connection) -> int:
    """Drop and recreate the flat tables, then fill them from the current version of every session; returns how
    many sessions."""
    for table in FLAT_TABLES:
        central_storage.create_flat_table(conn, table.name, [(c.name, c.type) for c in table.columns()])
    records = current_records(conn)
    for proc in records:
        insert_flat_rows(conn, proc)
    return len(records)


def flat_rows(proc: Procedure) -> dict[str, list[dict[str, Any]]]:
    """The rows a record makes in each flat table."""
    return {table.name: table.rows(proc) for table in FLAT_TABLES}


def insert_flat_rows(conn: sqlite3.Connection, proc: Procedure) -> None:
    for table in FLAT_TABLES:
        central_storage.insert_flat_rows(conn, table.name, _expected(table), table.rows(proc))


def make_current(conn: sqlite3.Connection, stored: central_storage.StoredFile, proc: Procedure, *, by: str) -> None:
    """Make this file the session's current version: its row in sessions (audited) and its flat rows (none while
    the session is voided)."""
    central_storage.set_current(conn, stored, by=by)
    central_storage.delete_flat_rows(conn, stored.session_id)
    if central_storage.void_in_force(conn, stored.session_id) is None:
        insert_flat_rows(conn, proc)


def current_records(conn: sqlite3.Connection) -> list[Procedure]:
    """The current version of every session as a domain record, by study ID (checked when it was imported)."""
    return [record_from_dict(json.loads(text)) for text in central_storage.current_record_json(conn)]


def current_histories(conn: sqlite3.Connection) -> dict[str, list[dict[str, Any]]]:
    """The change history the current version of every session carries, by session id (empty for a file of record
    format version 1, which carries none)."""
    histories = {}
    for text in central_storage.current_record_json(conn):
        document = json.loads(text)
        histories[document["session_id"]] = document.get(change_history.KEY) or []
    return histories


def current_redactions(conn: sqlite3.Connection) -> dict[str, list[dict[str, Any]]]:
    """The redactions the current version of every session carries, by session id (none for format version 1)."""
    found = {}
    for text in central_storage.current_record_json(conn):
        document = json.loads(text)
        found[document["session_id"]] = central_redaction.carried(document)
    return found


def frames(store: Store, columns: Mapping[str, Sequence[str]] | None = None) -> dict[str, Any]:
    """The flat tables as pandas DataFrames in key order, booleans as pandas' nullable boolean type.

    columns names the tables to read and, for each, the columns (all of flat.py's when None).
    The rows go from SQLite into pandas as tuples: 100,000 lesions in a fraction of a second.
    """
    import pandas as pd

    wanted = columns or {table.name: _expected(table) for table in FLAT_TABLES}
    result = {}
    for name, names in wanted.items():
        spec = next(t for t in FLAT_TABLES if t.name == name)
        rows = central_storage.read_flat_rows(store.conn, name, names)
        frame = pd.DataFrame.from_records(rows, columns=list(names), coerce_float=True)
        for column in spec.columns():
            if column.type == "boolean" and column.name in frame:
                frame[column.name] = frame[column.name].astype("boolean")
        result[name] = frame
    return result
