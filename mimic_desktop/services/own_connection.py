"""Work for a worker thread: on a database connection of its own, beside the one the screen saves through."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from ..storage.connection import Store, open_store

T = TypeVar("T")


def on_own_connection(db_path: Path, work: Callable[[Store], T]) -> T:
    """work(store) on a fresh connection to the database at db_path, closed afterwards whatever happens."""
    store = open_store(db_path, create=False, upgrade=False)
    try:
        return work(store)
    finally:
        store.close()
