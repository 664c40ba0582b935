"""The trial report from records, CSV files or the synthetic cohort, as plain data, JSON or a PDF.

The analysis computes from three DataFrames shaped like exchange/flat.py; this module makes those
tables from the sources there are and hands the report to the PDF writer.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..domain.errors import MimicError
from ..domain.record import Procedure
from ..domain.wording import Text
from ..exchange import flat
from ..exchange.files import write_files

if TYPE_CHECKING:
    import pandas as pd

# What the analysis needs beyond the laptop's install (pip's extra "central").
STATISTICS = ("pandas", "scipy", "statsmodels")


class StatisticsMissing(MimicError):
    """The trial's analysis was asked for on an install without its statistics packages."""


def require_statistics() -> None:
    """Say plainly, before anything is read, when this install cannot compute the trial report."""
    import importlib.util

    missing = [name for name in STATISTICS if importlib.util.find_spec(name) is None]
    if missing:
        raise StatisticsMissing(
            Text(
                "The trial report is computed at the trial office: this install has no {packages}. Install MIMIC "
                "Desktop with its statistics, pip install 'mimic-desktop[central]', or send the session files to "
                "the trial office.",
                packages=", ".join(missing),
            )
        )


@dataclass(frozen=True)
class Tables:
    """One row per procedure, per lesion and per complication, with the columns of exchange/flat.py."""

    procedures: pd.DataFrame
    lesions: pd.DataFrame
    complications: pd.DataFrame


def tables_from_records(records: Iterable[Procedure]) -> Tables:
    require_statistics()
    import pandas as pd

    procedures, lesions, complications = [], [], []
    for proc in records:
        procedures.append(flat.procedure_row(proc))
        lesions += flat.lesion_rows(proc)
        complications += flat.complication_rows(proc)
    return Tables(
        pd.DataFrame(procedures, columns=[c.name for c in flat.procedure_columns()]),
        pd.DataFrame(lesions, columns=[c.name for c in flat.lesion_columns()]),
        pd.DataFrame(complications, columns=[c.name for c in flat.complication_columns()]),
    )


def tables_from_csv(folder: Path) -> Tables:
    """The three tables of a folder (procedures.csv or an export's mimic_procedures.csv, and so on), every value
    checked against the data dictionary; exchange.flat_input.TableInputError names each one it refuses."""
    from ..exchange.flat_input import read_tables

    require_statistics()
    frames = read_tables(folder)
    return Tables(frames["procedures"], frames["lesions"], frames["complications"])


def tables_from_central(path: Path) -> Tables:
    """The current sessions' flat tables of a central study database, with the columns the report reads."""
    from ..analysis.selection import columns_read
    from ..exchange import central
    from .central_import import open_existing

    require_statistics()
    store = open_existing(path)
    try:
        frames = central.frames(store, columns_read())
    finally:
        store.close()
    return Tables(frames["procedures"], frames["lesions"], frames["complications"])


def central_source(path: Path) -> str:
    """How a report on a central database names its source."""
    return f"central study database {Path(path).name}"


def central_report(path: Path) -> dict[str, Any]:
    """The report on the current sessions of a central database, through a connection of this thread's own."""
    return trial_report(tables_from_central(path), central_source(path))


def synthetic_tables(seed: int = 1, scale: int = 1) -> Tables:
    require_statistics()
    from .synthetic_cohort import synthetic_cohort

    return tables_from_records(synthetic_cohort(seed, scale))


def trial_report(tables: Tables, source: str) -> dict[str, Any]:
    require_statistics()
    from ..analysis.report import build_report

    return build_report(tables.procedures, tables.lesions, tables.complications, source=source)


def report_json(report: dict[str, Any]) -> str:
    """The report as JSON text; a NaN anywhere would be a bug, so it is refused rather than written."""
    return json.dumps(report, indent=2, ensure_ascii=False, allow_nan=False)


def summary_text(report: dict[str, Any]) -> str:
    """The headline figures in a few lines, for a terminal, with the intervals the window and the PDF show."""
    from ..reports.trial_report import ACCURACY, area, count_of, mcnemar_text, with_interval

    accuracy, margins, counted = report["diagnostic"]["accuracy"], report["margins"], report["counted"]
    lines = [
        f"Patients analysed: {counted['procedures_included']} of {counted['procedures_in_input']}",
        f"Confirmed CRLM resected: {report['diagnostic']['crlm_resected']}",
        *(f"{label}: {with_interval(accuracy[key])}" for key, label in ACCURACY),
        f"AUROC: {area(accuracy['auroc'])}",
        f"R0 before re-resection: {with_interval(margins['r0_before'])}",
        f"R0 after re-resection: {with_interval(margins['r0_after'])}",
        f"McNemar's test: {mcnemar_text(margins)}",
        f"Patients with a change in management: {count_of(report['management']['any_change'])}",
    ]
    return "\n".join(lines)


def write_report_json(report: dict[str, Any], path: Path) -> Path:
    text = report_json(report) + "\n"
    return write_files({Path(path): lambda target: target.write_text(text, encoding="utf-8")})[0]


def write_report_pdf(report: dict[str, Any], path: Path) -> Path:
    from ..reports.trial_report import write_trial_report

    return write_files({Path(path): lambda target: write_trial_report(report, target)})[0]
