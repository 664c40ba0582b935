"""The id SQLite gave the row an INSERT just added."""

from __future__ import annotations

import sqlite3


def inserted_id(cursor: sqlite3.Cursor) -> int:
    """cursor.lastrowid after an INSERT: typed int | None only because other statements leave it None."""
    row_id = cursor.lastrowid
    if row_id is None:
        raise RuntimeError("the statement inserted no row")
    return row_id
