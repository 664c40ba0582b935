"""The database's own schema against the one its migrations make: a dropped trigger, a table or trigger that
does not belong, or a definition changed behind the application's back.

The expected schema is not listed here: the migrations the file says it has are applied to an empty database
in memory and the two sqlite_master tables are compared, so a later migration is covered without new code.
"""

from __future__ import annotations

import sqlite3

from ..domain.wording import Text
from .migration_set import MigrationSet
from .migrations import migrations

# Kept by SQLite itself (AUTOINCREMENT counters, the indexes behind UNIQUE): not part of a schema we write.
INTERNAL_PREFIX = "sqlite_"

KINDS = {"table": Text("table"), "index": Text("index"), "trigger": Text("trigger"), "view": Text("view")}


def _schema(conn: sqlite3.Connection) -> dict[tuple[str, str], str]:
    rows = conn.execute("SELECT type, name, sql FROM sqlite_master").fetchall()
    return {
        (kind, name): " ".join((sql or "").split()) for kind, name, sql in rows if not name.startswith(INTERNAL_PREFIX)
    }


def expected_schema(conn: sqlite3.Connection, schema: MigrationSet = migrations) -> dict[tuple[str, str], str]:
    """What the migrations this database holds make of an empty database (imports sqlite-utils)."""
    from . import load_sqlite_utils

    memory = sqlite3.connect(":memory:", isolation_level=None)
    try:
        schema.only(schema.applied_names(conn)).apply(load_sqlite_utils().Database(memory, execute_plugins=False))
        return _schema(memory)
    finally:
        memory.close()


def schema_problems(conn: sqlite3.Connection, schema: MigrationSet = migrations) -> list[Text]:
    found, expected = _schema(conn), expected_schema(conn, schema)
    problems: list[Text] = []
    for kind, name in sorted(set(expected) - set(found)):
        problems.append(
            Text(
                "the {kind} {name} is missing (dropped outside the application)", kind=KINDS.get(kind, kind), name=name
            )
        )
    for kind, name in sorted(set(found) - set(expected)):
        problems.append(
            Text(
                "the {kind} {name} does not belong to a MIMIC database (added outside the application)",
                kind=KINDS.get(kind, kind),
                name=name,
            )
        )
    for key in sorted(set(found) & set(expected)):
        if found[key] != expected[key]:
            problems.append(
                Text(
                    "the definition of the {kind} {name} was changed outside the application",
                    kind=KINDS.get(key[0], key[0]),
                    name=key[1],
                )
            )
    return problems
