"""The whole trial report as plain data, from the three flat tables (procedures, lesions, complications).

`compute_report` is the entry point for every source: the central database, CSV files or records. It
returns the typed report, which the renderers read as it is (services/report_layout.py); `report_data`
makes it JSON-ready (lists, dicts, strings, numbers, null; never NaN), with the keys docs/trial-report.md
documents, and `build_report` is the two in one.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Annotated, Any

from .. import __version__
from ..domain.clock import to_iso, utc_now
from ..domain.wording import Text
from .accuracy import Diagnostic, diagnostic
from .clustered import METHOD as CLUSTERED
from .complications import Complications, complications
from .enrolment import CentreEnrolment, enrolment
from .estimates import FISHER, MCNEMAR, NEWCOMBE, ODDS_RATIO, PEARSON, PENALISED_ODDS_RATIO, WILSON
from .flow import Flow, flow
from .learning import LearningCurve, learning_curve
from .management import Management, Occult, management, occult
from .margins import Margins, margins
from .questionnaire import METHOD as QUESTIONNAIRE_METHOD
from .questionnaire import Questionnaire, questionnaire
from .roc import METHOD as AUROC_METHOD
from .selection import Counted, select
from .subgroups import Neoadjuvant, neoadjuvant

if TYPE_CHECKING:
    import pandas as pd

FORMAT = "mimic-trial-report"
# Every method a figure of the report may name, in the order docs/trial-report.md lists them.
METHODS = (
    WILSON,
    CLUSTERED,
    AUROC_METHOD,
    MCNEMAR,
    NEWCOMBE,
    PEARSON,
    FISHER,
    ODDS_RATIO,
    PENALISED_ODDS_RATIO,
    QUESTIONNAIRE_METHOD,
)
FORMAT_VERSION = 1


@dataclass(frozen=True)
class TrialReport:
    """The top level of the report. Fractions lie between 0 and 1; a figure that cannot be computed is null
    with a note saying why."""

    format: Annotated[str, f'Always "{FORMAT}".']
    format_version: Annotated[int, "Version of this layout; it changes only when a key is removed or changes meaning."]
    app_version: Annotated[str, "Version of MIMIC Desktop that made the report."]
    generated_at: Annotated[str, "When the report was made (UTC, ISO 8601)."]
    source: Annotated[str, "Where the data came from, in words."]
    counted: Annotated[Counted, "What was counted and what was left out, and why."]
    flow: Annotated[Flow, "From inclusion to R0 before and after re-resection."]
    diagnostic: Annotated[Diagnostic, "Specimen fluorescence against histological R1 (Table 2 and the accuracy)."]
    margins: Annotated[Margins, "The primary end point: R0 before and after cavity re-resection."]
    management: Annotated[Management, "Changes in surgical management."]
    occult: Annotated[Occult, "Occult lesions found with ICG."]
    learning_curve: Annotated[LearningCurve, "A centre's first ten procedures against the later ones."]
    neoadjuvant: Annotated[Neoadjuvant, "Subgroups with and without neoadjuvant chemotherapy."]
    enrolment: Annotated[list[CentreEnrolment], "Enrolment per centre, by centre code."]
    complications: Annotated[Complications, "Complications within 90 days."]
    questionnaire: Annotated[Questionnaire, "The surgeon questionnaire per surgeon (not in the report before)."]


def compute_report(
    procedures: pd.DataFrame,
    lesions: pd.DataFrame,
    complications_table: pd.DataFrame,
    *,
    source: str = "",
    generated_at: datetime | None = None,
) -> TrialReport:
    """The report from DataFrames whose columns are those of exchange/flat.py (extra columns are ignored)."""
    chosen = select(procedures, lesions, complications_table)
    patients, lesion_rows = chosen.patients, chosen.lesions
    primary = margins(lesion_rows)
    report = TrialReport(
        format=FORMAT,
        format_version=FORMAT_VERSION,
        app_version=__version__,
        generated_at=to_iso(generated_at or utc_now()),
        source=source,
        counted=chosen.counted,
        flow=flow(chosen.counted, primary, lesion_rows),
        diagnostic=diagnostic(lesion_rows),
        margins=primary,
        management=management(patients, lesion_rows),
        occult=occult(patients, lesion_rows),
        learning_curve=learning_curve(patients, lesion_rows),
        neoadjuvant=neoadjuvant(patients, lesion_rows),
        enrolment=enrolment(patients, lesion_rows),
        complications=complications(patients, chosen.complications),
        questionnaire=questionnaire(patients),
    )
    return report


def report_data(report: TrialReport) -> dict[str, Any]:
    """The report as the JSON gives it: every part a dict of the keys docs/trial-report.md lists, every note,
    method and reason in English (the renderers say them in the reader's language)."""
    return asdict(report, dict_factory=_english)


def _english(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    return {key: str(value) if isinstance(value, Text) else value for key, value in pairs}


def build_report(
    procedures: pd.DataFrame,
    lesions: pd.DataFrame,
    complications_table: pd.DataFrame,
    *,
    source: str = "",
    generated_at: datetime | None = None,
) -> dict[str, Any]:
    """compute_report as JSON-ready data."""
    return report_data(
        compute_report(procedures, lesions, complications_table, source=source, generated_at=generated_at)
    )
