"""A named set of schema migrations that loads sqlite-utils only when a database needs one applied.

Migrations are registered as with sqlite_utils.Migrations (`@migrations()` above a function
taking the Database). Opening an up-to-date database needs only the names, read here without
sqlite-utils, which takes about a tenth of a second to import (with click, dateutil, pluggy and
its plugins): time every start of the app would otherwise spend before the window shows.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from functools import cached_property
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlite_utils import Database
    from sqlite_utils.migrations import Migrations

Step = Callable[["Database"], None]

# The table sqlite_utils.Migrations keeps its record in (a test checks that the two agree).
MIGRATIONS_TABLE = "_sqlite_migrations"


class MigrationSet:
    """The migrations of one kind of database, in the order they were registered."""

    migrations_table = MIGRATIONS_TABLE

    def __init__(self, name: str):
        self.name = name
        self._steps: list[tuple[Step, dict[str, Any]]] = []

    def __call__(self, **options: Any) -> Callable[[Step], Step]:
        """Register the decorated function as the next migration (options as sqlite_utils takes them)."""

        def register(step: Step) -> Step:
            self._steps.append((step, options))
            return step

        return register

    def names(self) -> list[str]:
        return [options.get("name", step.__name__) for step, options in self._steps]

    def applied_names(self, conn: sqlite3.Connection) -> list[str]:
        """The migrations of this set the database holds, in the order they were applied."""
        if not conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type='table' AND name=?", (MIGRATIONS_TABLE,)
        ).fetchone():
            return []
        rows = conn.execute(f"SELECT name FROM {MIGRATIONS_TABLE} WHERE migration_set=? ORDER BY rowid", (self.name,))
        return [name for (name,) in rows]

    def pending_names(self, conn: sqlite3.Connection) -> list[str]:
        applied = set(self.applied_names(conn))
        return [name for name in self.names() if name not in applied]

    @cached_property
    def sqlite_utils(self) -> Migrations:
        """The same set as sqlite_utils.Migrations (imports sqlite-utils)."""
        from . import load_sqlite_utils

        migrations: Migrations = load_sqlite_utils().Migrations(self.name)
        for step, options in self._steps:
            migrations(**options)(step)
        return migrations

    def apply(self, db: Database, **options: Any) -> None:
        """Apply the pending migrations, each in its own transaction (sqlite_utils.Migrations.apply)."""
        self.sqlite_utils.apply(db, **options)

    def only(self, names: list[str]) -> MigrationSet:
        """The migrations of this set that are named, in the order given (as a database applied them)."""
        steps = {options.get("name", step.__name__): (step, options) for step, options in self._steps}
        subset = MigrationSet(self.name)
        subset._steps = [steps[name] for name in names if name in steps]
        return subset
