"""Flat CSV for statisticians: one row per procedure, per lesion and per complication, and a data dictionary.

Encoding: UTF-8 without byte-order mark; yes/no as 1 and 0; several codes (Couinaud segments) joined by
semicolons; a missing value is an empty cell; a text cell a spreadsheet would run as a formula (starting
with =, +, -, @, a tab or a carriage return) has a single quote put before it; decimals with a point; dates as YYYY-MM-DD; date-times in
ISO 8601 with their UTC offset.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ..domain.record import Procedure
from .files import csv_writer, export_folder, write_files
from .variables import Variable, cell, tables

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
)


# Said of every free-text column: exchange.files.spreadsheet_safe writes every CSV cell so.
QUOTED_TEXT = (
    " (text that starts with =, +, -, @, a tab or a carriage return is written with a leading single quote,"
    " so that a spreadsheet shows it instead of running it: remove that quote to get the text as typed)"
)


def _number(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


def allowed_values(variable: Variable, lang: str) -> str:
    """Codes with their labels, 'code = label' separated by semicolons (a code that is its own label stands alone)."""
    return "; ".join(
        code.value if code.text(lang) == code.value else f"{code.value} = {code.text(lang)}" for code in variable.codes
    )


def dictionary_rows() -> list[list[str]]:
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
            variable.text("en") + (QUOTED_TEXT if variable.field and variable.field.free_text else ""),
            cell(variable.derived),
        ]
        for table in tables()
        for variable in table.columns
    ]


def write_flat_csv(records: Sequence[Procedure], folder: Path, prefix: str = "mimic") -> list[Path]:
    """PREFIX_procedures.csv, PREFIX_lesions.csv, PREFIX_complications.csv and PREFIX_data_dictionary.csv."""
    folder = export_folder(folder)
    writers = {}
    for table in tables():
        header = [v.name for v in table.columns]
        rows = [[cell(row[name]) for name in header] for proc in records for row in table.rows(proc)]
        writers[folder / f"{prefix}_{table.name}.csv"] = csv_writer(header, rows)
    writers[folder / f"{prefix}_data_dictionary.csv"] = csv_writer(
        DICTIONARY_HEADER, dictionary_rows(), definitions=True
    )
    return write_files(writers)
