"""The central flat tables read into DataFrames: straight from SQLite, the same as row by row."""

from __future__ import annotations

import pandas as pd

from mimic_desktop.analysis.selection import LESION_COLUMNS, LESION_DETAIL_COLUMNS
from mimic_desktop.exchange import central
from mimic_desktop.services.trial_report import tables_from_central
from tests.support.central_rows import read_rows


def row_by_row(store, table: str) -> pd.DataFrame:
    """The flat rows as dictionaries (booleans as True/False), one after the other."""
    spec = next(t for t in central.FLAT_TABLES if t.name == table)
    frame = pd.DataFrame(read_rows(store.conn, table), columns=[c.name for c in spec.columns()])
    for column in spec.columns():
        if column.type == "boolean":
            frame[column.name] = frame[column.name].astype("boolean")
    return frame


def test_the_frames_equal_the_rows_read_one_by_one(laptop, importer, central_store):
    ids = [laptop.record(30, lesions=3, complication=True), laptop.record(31, lesions=1), laptop.record(32)]
    for proc_id in ids:
        laptop.export(proc_id)
    importer.import_paths([laptop.out])
    frames = central.frames(central_store)
    assert set(frames) == {"procedures", "lesions", "complications"}
    for table, frame in frames.items():
        pd.testing.assert_frame_equal(frame, row_by_row(central_store, table))
    assert frames["lesions"]["specimen_fluorescent"].dtype == "boolean"


def test_the_report_reads_only_the_columns_it_uses(laptop, importer, central_store):
    laptop.export(laptop.record(34, lesions=2))
    importer.import_paths([laptop.out])
    tables = tables_from_central(central_store.path)
    read = (*LESION_COLUMNS, *LESION_DETAIL_COLUMNS)
    assert tuple(tables.lesions.columns) == read
    whole = central.frames(central_store)["lesions"]
    pd.testing.assert_frame_equal(tables.lesions, whole[list(read)])
