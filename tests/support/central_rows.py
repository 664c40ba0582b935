"""The central database's flat tables read back row by row, to compare with what exchange/flat.py makes."""

from __future__ import annotations

import sqlite3
from typing import Any

from mimic_desktop.exchange.central import FLAT_TABLES


def read_rows(conn: sqlite3.Connection, table: str) -> list[dict[str, Any]]:
    """The rows of a flat table as flat.py makes them (booleans as True/False), in key order."""
    spec = next(t for t in FLAT_TABLES if t.name == table)
    booleans = [c.name for c in spec.columns() if c.type == "boolean"]
    rows = []
    for row in conn.execute(f"SELECT * FROM {table} ORDER BY {', '.join(spec.key)}"):
        item = dict(row)
        for name in booleans:
            if item[name] is not None:
                item[name] = bool(item[name])
        rows.append(item)
    return rows
