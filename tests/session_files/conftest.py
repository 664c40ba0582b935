"""Fixtures: a laptop whose finished records are exported as session files, and a central database that trusts its key."""

from __future__ import annotations

import pytest

from mimic_desktop.services import central_import
from tests.support.central_rows import read_rows
from tests.support.office import data_manager
from tests.support.session_files import Laptop, make_central, make_laptop


@pytest.fixture
def laptop(tmp_path) -> Laptop:
    made = make_laptop(tmp_path)
    yield made
    made.service.store.close()


@pytest.fixture
def central_store(tmp_path, laptop):
    store = make_central(tmp_path, laptop)
    yield store
    store.close()


@pytest.fixture
def importer(central_store):
    return central_import.CentralImporter(central_store, data_manager(central_store))


def rows_equal_source(store, procs) -> None:
    """The central flat tables hold exactly the flat rows of these procedures, as exported."""
    from mimic_desktop.exchange import flat

    for table, make in (
        ("procedures", lambda p: [flat.procedure_row(p)]),
        ("lesions", flat.lesion_rows),
        ("complications", flat.complication_rows),
    ):
        expected = sorted((row for p in procs for row in make(p)), key=_row_key)
        got = sorted(read_rows(store.conn, table), key=_row_key)
        assert got == expected, table


def _row_key(row: dict) -> tuple:
    return row["session_id"], row.get("lesion_number") or row.get("complication_number") or 0
