"""Flat CSV for statisticians: one row per procedure, per lesion and per complication, and a data dictionary.

Encoding: UTF-8 without byte-order mark; yes/no as 1 and 0; several codes (Couinaud segments) joined by
semicolons; a missing value is an empty cell; every row ends with the export's snapshot (when it was written,
by which version, and at the trial office the session version it comes from); a text cell a spreadsheet would run as a formula (starting
with =, +, -, @, a tab or a carriage return) has a single quote put before it; decimals with a point; dates as YYYY-MM-DD; date-times in
ISO 8601 with their UTC offset.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .. import __version__
from ..domain.record import Procedure
from . import flat
from .files import csv_writer, export_folder, write_files
from .variables import Table, Variable, cell, flat_tables, from_column

DICTIONARY_HEADER = (
    "column",
    "table",
    "type",
    "unit",
    "minimum",
    "maximum",
    "allowed_values_en",
    "allowed_values_nl",
    "description",
    "derived",
    "pandas_dtype",
)
# How to read each type with pandas.read_csv(dtype=...): a centre code such as 03 stays text, a missing
# number stays missing (Int64, Float64), yes and no (1 and 0) become booleans.
PANDAS_DTYPES = {"integer": "Int64", "likert": "Int64", "decimal": "Float64", "boolean": "boolean"}


# Said of every free-text column: exchange.files.spreadsheet_safe writes every CSV cell so.
QUOTED_TEXT = (
    " (text that starts with =, +, -, @, a tab or a carriage return is written with a leading single quote,"
    " so that a spreadsheet shows it instead of running it: remove that quote to get the text as typed)"
)


@dataclass(frozen=True)
class Snapshot:
    """What every row of one export says about the export itself, so that two exports can be told apart."""

    exported_at: str  # UTC, ISO 8601
    app_version: str = __version__
    session_versions: bool = False  # at the trial office: each row names the session version it comes from

    def columns(self) -> tuple[Variable, ...]:
        extra = (flat.SESSION_VERSION,) if self.session_versions else ()
        return tuple(from_column(column, False) for column in (*flat.SNAPSHOT_COLUMNS, *extra))

    def values(self, proc: Procedure) -> dict[str, object]:
        values: dict[str, object] = {"exported_at": self.exported_at, "app_version": self.app_version}
        return values | ({"session_version": proc.export_version} if self.session_versions else {})


def _number(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


def allowed_values(variable: Variable, lang: str) -> str:
    """Codes with their labels, 'code = label' separated by semicolons (a code that is its own label stands alone)."""
    return "; ".join(
        code.value if code.text(lang) == code.value else f"{code.value} = {code.text(lang)}" for code in variable.codes
    )


def _columns(table: Table, snapshot: Snapshot) -> tuple[Variable, ...]:
    return (*table.columns, *snapshot.columns())


def dictionary_rows(snapshot: Snapshot) -> list[list[str]]:
    return [
        [
            variable.name,
            table.name,
            variable.type,
            variable.unit or "",
            _number(variable.minimum),
            _number(variable.maximum),
            allowed_values(variable, "en"),
            allowed_values(variable, "nl"),
            variable.text("en") + (QUOTED_TEXT if variable.free_text else ""),
            cell(variable.derived),
            PANDAS_DTYPES.get(variable.type, "string"),
        ]
        for table in flat_tables()
        for variable in _columns(table, snapshot)
    ]


# The columns of PREFIX_fluorescence.csv: one row per lesion measured on a kept frame (docs/fluorescence.md).
FLUORESCENCE_COLUMNS = (
    "study_id",
    "session_id",
    "lesion_number",
    "finding",
    "frame_sha256",
    "channel",
    "target",
    "background",
    "target_mean",
    "target_sd",
    "background_mean",
    "background_sd",
    "sbr",
    "method",
    "measured_at",
)


def write_flat_csv(
    records: Sequence[Procedure],
    folder: Path,
    prefix: str = "mimic",
    *,
    snapshot: Snapshot,
    fluorescence: Sequence[dict[str, object]] = (),
) -> list[Path]:
    """PREFIX_procedures.csv, PREFIX_lesions.csv, PREFIX_complications.csv, PREFIX_events.csv and
    PREFIX_data_dictionary.csv; PREFIX_fluorescence.csv too when rows of FLUORESCENCE_COLUMNS are given."""
    folder = export_folder(folder)
    writers = {}
    if fluorescence:
        writers[folder / f"{prefix}_fluorescence.csv"] = csv_writer(
            FLUORESCENCE_COLUMNS, [[cell(row[name]) for name in FLUORESCENCE_COLUMNS] for row in fluorescence]
        )
    for table in flat_tables():
        header = [v.name for v in _columns(table, snapshot)]
        rows = [
            [cell(row[name]) for name in header]
            for proc in records
            for row in (r | snapshot.values(proc) for r in table.rows(proc))
        ]
        writers[folder / f"{prefix}_{table.name}.csv"] = csv_writer(header, rows)
    writers[folder / f"{prefix}_data_dictionary.csv"] = csv_writer(
        DICTIONARY_HEADER, dictionary_rows(snapshot), definitions=True
    )
    return write_files(writers)
