"""Exports of the central database's current sessions for statisticians: flat CSV, REDCap, CDISC ODM.

Each export reads the current version of every session (superseded versions stay out) through a
connection of its own, so it can run off the UI thread, and writes its files atomically into a
folder, named mimic_central_* so that they are not taken for a laptop's export.
"""

from __future__ import annotations

from pathlib import Path

from ..domain.clock import to_iso, utc_now
from ..domain.errors import NotFound
from ..domain.record import Procedure
from ..domain.wording import Text
from ..exchange import central
from ..exchange.castor import write_castor
from ..exchange.dataset_json import write_dataset_json
from ..exchange.files import export_folder
from ..exchange.flat_csv import Snapshot, write_flat_csv
from ..exchange.odm import write_odm
from ..exchange.redcap import write_redcap
from .central_import import open_existing

PREFIX = "mimic_central"


def current_records(db_path: Path) -> list[Procedure]:
    """The current version of every session, by study ID; NotFound when nothing has been imported yet."""
    store = open_existing(db_path)
    try:
        records = central.current_records(store.conn)
    finally:
        store.close()
    if not records:
        raise NotFound(
            Text(
                "The central database {name} holds no sessions yet: import session files first.",
                name=Path(db_path).name,
            )
        )
    return records


def export_csv(db_path: Path, folder: Path) -> list[Path]:
    """The flat CSV tables (procedures, lesions, complications) and their data dictionary."""
    snapshot = Snapshot(to_iso(utc_now()), session_versions=True)
    return write_flat_csv(current_records(db_path), folder, PREFIX, snapshot=snapshot)


def export_redcap(db_path: Path, folder: Path, lang: str = "en") -> list[Path]:
    """The REDCap data dictionary (labels in lang), its import CSV and the repeating-instrument list."""
    return write_redcap(current_records(db_path), folder, PREFIX, lang)


def export_odm(db_path: Path, folder: Path) -> list[Path]:
    """One CDISC ODM 1.3.2 file of every current session."""
    records = current_records(db_path)
    return [write_odm(records, export_folder(folder) / f"{PREFIX}_odm.xml")]


def export_castor(db_path: Path, folder: Path, variable_map: Path | None = None) -> list[Path]:
    """Castor EDC's import files and the variable map they were written with (an edited one when given)."""
    return write_castor(current_records(db_path), folder, PREFIX, variable_map)


def export_dataset_json(db_path: Path, folder: Path) -> list[Path]:
    """The flat tables as CDISC Dataset-JSON 1.1 datasets."""
    return write_dataset_json(current_records(db_path), folder, PREFIX, created=utc_now())
