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
from ..domain.wording import Text, say
from ..exchange import flat
from ..exchange.files import write_files

if TYPE_CHECKING:
    import pandas as pd

    from ..analysis.report import TrialReport as TrialReport  # the type the window holds a report in
    from ..storage.connection import Store

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


def surgeon_codes(surgeons: dict[str, tuple[str, str]]) -> dict[str, str]:
    """session ID -> a pseudonymous code per surgeon (S01, S02, ... by centre and name), so that the report
    summarises the questionnaire per surgeon without naming anyone."""
    people = sorted({(centre, " ".join(name.split()).casefold()) for centre, name in surgeons.values() if name.strip()})
    code = {person: f"S{number:02d}" for number, person in enumerate(people, start=1)}
    return {
        session: code[(centre, " ".join(name.split()).casefold())]
        for session, (centre, name) in surgeons.items()
        if name.strip()
    }


def _with_surgeons(procedures: pd.DataFrame, surgeons: dict[str, tuple[str, str]]) -> pd.DataFrame:
    from ..analysis.selection import SURGEON

    procedures[SURGEON] = procedures["session_id"].map(surgeon_codes(surgeons))
    return procedures


def tables_from_records(records: Iterable[Procedure]) -> Tables:
    require_statistics()
    import pandas as pd

    procedures, lesions, complications = [], [], []
    surgeons: dict[str, tuple[str, str]] = {}
    for proc in records:
        procedures.append(flat.procedure_row(proc))
        lesions += flat.lesion_rows(proc)
        complications += flat.complication_rows(proc)
        surgeons[proc.session_id] = (proc.centre, str(proc.get("surgeon") or ""))
    return Tables(
        _with_surgeons(pd.DataFrame(procedures, columns=[c.name for c in flat.procedure_columns()]), surgeons),
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
    from ..analysis.selection import COMPLICATION_COLUMNS, LESION_COLUMNS, PRIOR_PROCEDURES, PROCEDURE_COLUMNS
    from ..exchange import central
    from .central_import import open_existing

    require_statistics()
    from .centre_experience import prior_experience

    store = open_existing(path)
    try:
        frames = central.frames(
            store, {"procedures": PROCEDURE_COLUMNS, "lesions": LESION_COLUMNS, "complications": COMPLICATION_COLUMNS}
        )
        experience = prior_experience(store)
        surgeons = _recorded_surgeons(store)
    finally:
        store.close()
    procedures = frames["procedures"]
    # The database's setting per centre, as the CSV input's procedures table gives it per row.
    procedures[PRIOR_PROCEDURES] = procedures["centre"].map(experience).fillna(0).astype(int)
    return Tables(_with_surgeons(procedures, surgeons), frames["lesions"], frames["complications"])


def _recorded_surgeons(store: Store) -> dict[str, tuple[str, str]]:
    """session ID -> (centre, surgeon's name) from the current record of every session."""
    from ..exchange.record_json import record_from_dict
    from ..storage import central as central_sql

    surgeons = {}
    for text in central_sql.current_record_json(store.conn):
        proc = record_from_dict(json.loads(text))
        surgeons[proc.session_id] = (proc.centre, str(proc.get("surgeon") or ""))
    return surgeons


def central_source(path: Path) -> str:
    """How a report on a central database names its source."""
    return f"central study database {Path(path).name}"


def central_report(path: Path) -> TrialReport:
    """The report on the current sessions of a central database, through a connection of this thread's own."""
    return trial_report(tables_from_central(path), central_source(path))


def synthetic_tables(seed: int = 1, scale: int = 1) -> Tables:
    require_statistics()
    from .synthetic_cohort import synthetic_cohort

    return tables_from_records(synthetic_cohort(seed, scale))


def trial_report(tables: Tables, source: str) -> TrialReport:
    require_statistics()
    from ..analysis.report import compute_report

    return compute_report(tables.procedures, tables.lesions, tables.complications, source=source)


def report_data(report: TrialReport) -> dict[str, Any]:
    """The report's JSON keys and values (docs/trial-report.md)."""
    from ..analysis.report import report_data as data

    return data(report)


def report_json(report: TrialReport) -> str:
    """The report as JSON text; a NaN anywhere would be a bug, so it is refused rather than written."""
    return json.dumps(report_data(report), indent=2, ensure_ascii=False, allow_nan=False)


def summary_text(report: TrialReport, lang: str = "en") -> str:
    """The headline figures in a few lines, for a terminal, with the intervals the window and the PDF show."""
    from .report_figures import area, count_of, mcnemar_text, with_interval
    from .report_layout import accuracy_names

    accuracy, margins, counted = report.diagnostic.accuracy, report.margins, report.counted
    lines = [
        say(
            "Patients analysed: {count} of {total}",
            lang,
            count=counted.procedures_included,
            total=counted.procedures_in_input,
        ),
        say("Confirmed CRLM resected: {count}", lang, count=report.diagnostic.crlm_resected),
        *(f"{label}: {with_interval(getattr(accuracy, key), lang)}" for key, label in accuracy_names(lang).items()),
        f"{say('AUROC', lang)}: {area(accuracy.auroc, lang)}",
        f"{say('R0 before re-resection', lang)}: {with_interval(margins.r0_before, lang)}",
        f"{say('R0 after re-resection', lang)}: {with_interval(margins.r0_after, lang)}",
        "{}: {}".format(say("McNemar's test", lang), mcnemar_text(margins, lang)),
        say("Patients with a change in management: {count}", lang, count=count_of(report.management.any_change, lang)),
    ]
    return "\n".join(lines)


def write_report_json(report: TrialReport, path: Path) -> Path:
    text = report_json(report) + "\n"
    return write_files({Path(path): lambda target: target.write_text(text, encoding="utf-8")})[0]


def write_report_pdf(report: TrialReport, path: Path, lang: str = "en") -> Path:
    """The report in lang, laid out as the window shows it (services/report_layout.py)."""
    from ..reports.layout import when
    from ..reports.trial_report import write_trial_report
    from .report_layout import sections, title

    facts = [
        (say("Generated", lang), when(report.generated_at)),
        (say("Patients", lang), str(report.counted.procedures_included)),
        (say("Report format", lang), f"{report.format} {report.format_version}"),
    ]
    shown = sections(report, lang)
    heading = title(report, lang)
    return write_files({Path(path): lambda target: write_trial_report(heading, shown, facts, target, lang)})[0]
