"""CDISC Dataset-JSON v1.1: each flat table (procedures, lesions, complications) as one dataset file.

Column metadata comes from the forms through exchange/variables.py: names, labels, data types, lengths,
display formats, and item OIDs that are the ODM file's (a multiple-choice field is one yes/no column
per choice, as in ODM; the study ID and a lesion's or complication's number, which ODM holds as its
SubjectKey and ItemGroupRepeatKey, are IT.study_id, IT.lesion_number and IT.complication_number). A missing value is null. Written with the standard library; each file validates
against the official Dataset-JSON 1.1 JSON schema.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from .. import __version__
from ..domain.clock import to_iso
from ..domain.record import Procedure
from .files import export_folder, write_files
from .odm import STUDY_OID, Item, metadata_version_oid
from .variables import KEYS, Table, codes_of, tables

VERSION = "1.1.0"
# Dataset-JSON's types for the forms' types; a date or date-time is an ISO 8601 string.
DATA_TYPES = {
    "text": "string",
    "choice": "string",
    "integer": "integer",
    "likert": "integer",
    "boolean": "boolean",
    "decimal": "double",
    "date": "date",
    "datetime": "datetime",
}
# SAS display formats, which readers of Dataset-JSON (and of the XPT files it replaces) know.
DISPLAY_FORMATS = {"date": "E8601DA.", "datetime": "E8601DT."}


def _items(table: Table) -> list[Item]:
    return [
        Item(variable, code)
        for variable in table.columns
        for code in (variable.codes if variable.type == "multichoice" else (None,))
    ]


def _column(item: Item, key_sequence: int | None) -> dict[str, Any]:
    data_type = "boolean" if item.code is not None else DATA_TYPES[item.variable.type]
    column: dict[str, Any] = {
        "itemOID": item.oid,
        "name": item.name,
        "label": item.question()["en"],
        "dataType": data_type,
    }
    length = item.length() if data_type == "string" else None
    if length:
        column["length"] = length
    if data_type in DISPLAY_FORMATS:
        column["displayFormat"] = DISPLAY_FORMATS[data_type]
    if key_sequence is not None:
        column["keySequence"] = key_sequence
    return column


def _value(item: Item, row: dict[str, Any]) -> Any:
    value = row.get(item.variable.name)
    if value is None:
        return None
    if item.code is not None:
        return item.code.value in codes_of(value)
    kind = DATA_TYPES[item.variable.type]
    if kind == "integer":
        return int(value)
    if kind == "double":
        return float(value)
    if kind == "boolean":
        return bool(value)
    return str(value)


def dataset(table: Table, records: Sequence[Procedure], created: datetime, modified: str | None) -> dict[str, Any]:
    """One Dataset-JSON object: the table's metadata and one row per procedure, lesion or complication."""
    items = _items(table)
    keys = ["study_id", *([table.number] if table.number else [])]
    rows = [[_value(item, row) for item in items] for proc in records for row in table.rows(proc)]
    document: dict[str, Any] = {
        "datasetJSONCreationDateTime": to_iso(created),
        "datasetJSONVersion": VERSION,
        "fileOID": f"MIMIC.{table.name}.{uuid.uuid4()}",
        "originator": "MIMIC Desktop",
        "sourceSystem": {"name": "MIMIC Desktop", "version": __version__},
        "studyOID": STUDY_OID,
        "metaDataVersionOID": metadata_version_oid(),
        "itemGroupOID": f"IG.{table.name}",
        "records": len(rows),
        "name": table.name.upper(),
        "label": f"MIMIC {table.name}, one row per {table.scope}",
        "columns": [
            _column(item, keys.index(item.name) + 1 if item.name in keys and item.name in KEYS else None)
            for item in items
        ],
        "rows": rows,
    }
    if modified:
        document["dbLastModifiedDateTime"] = modified
    return document


def write_dataset_json(
    records: Sequence[Procedure], folder: Path, prefix: str = "mimic", *, created: datetime
) -> list[Path]:
    """PREFIX_procedures.json, PREFIX_lesions.json and PREFIX_complications.json."""
    folder = export_folder(folder)
    modified = max((proc.modified_at for proc in records if proc.modified_at), default=None)

    def writer(table: Table) -> Callable[[Path], None]:
        def write(path: Path) -> None:
            text = json.dumps(dataset(table, records, created, modified), ensure_ascii=False, indent=1)
            path.write_text(text + "\n", encoding="utf-8")

        return write

    return write_files({folder / f"{prefix}_{table.name}.json": writer(table) for table in tables()})
