"""Which records the report counts, why the others are left out, and the columns it reads from them.

A procedure is one patient. Left out, in this order, each procedure for its first reason: demo
records; sessions with more than one row (superseded versions must not be in the input; the central
database's tables hold only the current one); records not marked complete (draft, in progress,
awaiting pathology); study IDs that appear in more than one session. Lesions and complications go
with their procedure; those whose session has no procedure row are counted apart.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated

from ..domain.derive import Status
from ..domain.wording import Text
from .tables import ReportInputError, flag, key, number, require, text

if TYPE_CHECKING:
    import pandas as pd

QUESTIONNAIRE_ITEMS = ("q_usefulness", "q_margin_realtime", "q_image_quality", "q_benign_malignant")
COUNTED_STATUSES = (Status.COMPLETE.value, Status.SIGNED.value, Status.EXPORTED.value)
PROCEDURE_COLUMNS = (
    "session_id",
    "study_id",
    "centre",
    "status",
    "demo",
    "surgery_date",
    "neoadjuvant_chemo",
    "management_changed",
    "mc_plane_adapted",
    "mc_cavity_reresection",
    "mc_occult_extended",
    "q_usefulness",
    "q_margin_realtime",
    "q_image_quality",
    "q_benign_malignant",
    "q_continue_use",
)
LESION_COLUMNS = (
    "session_id",
    "treatment",
    "histology",
    "source",
    "specimen_fluorescent",
    "r_status",
    "final_r_status",
    "r1_type",
    "reresection",
    "reresection_tumour",
    "plane_adapted",
    "extended_resection",
)
COMPLICATION_COLUMNS = ("session_id", "clavien_dindo", "late")
# Optional: the procedures the row's centre did before the trial (0 when the column is absent or empty).
PRIOR_PROCEDURES = "centre_prior_procedures"
# Optional: the operating surgeon's pseudonymous code (the questionnaire is summarised per surgeon).
SURGEON = "surgeon"


@dataclass(frozen=True)
class Exclusion:
    """Procedures left out of the whole report for one reason."""

    reason: Annotated[Text, "Why, in words."]
    procedures: Annotated[int, "How many procedures (patients) were left out for this reason."]
    study_ids: Annotated[list[str], "Their study IDs, sorted, so that the trial office can follow them up."]


@dataclass(frozen=True)
class Counted:
    """What the report counts: the records in the input, those left out and why, and those analysed."""

    procedures_in_input: Annotated[int, "Procedure rows in the input."]
    procedures_included: Annotated[int, "Procedures analysed: one per patient."]
    exclusions: Annotated[list[Exclusion], "Procedures left out, by reason (only reasons that occur)."]
    lesions_in_input: Annotated[int, "Lesion rows in the input."]
    lesions_included: Annotated[int, "Lesions of the procedures analysed."]
    lesions_without_procedure: Annotated[int, "Lesion rows whose session has no procedure row (not analysed)."]
    complications_in_input: Annotated[int, "Complication rows in the input."]
    complications_included: Annotated[int, "Complications of the procedures analysed."]
    complications_without_procedure: Annotated[int, "Complication rows whose session has no procedure row."]


@dataclass(frozen=True)
class Selection:
    """The records analysed, their columns read and named for the analysis, and what was counted."""

    patients: pd.DataFrame
    lesions: pd.DataFrame
    complications: pd.DataFrame
    counted: Counted


def _procedure_numbers(frame: pd.DataFrame) -> pd.Series:
    """Each procedure's number within its centre by date of surgery (study ID on the same day), after the
    procedures the centre did before the trial."""
    dated = frame[frame["surgery_date"].notna()].sort_values(["centre", "surgery_date", "study_id"])
    numbers = dated.groupby("centre").cumcount() + 1 + dated["prior"].astype(int)
    return numbers.reindex(frame.index).astype("Int64")


def _prior(procedures: pd.DataFrame, table: str) -> pd.Series:
    """The prior procedures of each row's centre: a whole number of at least 0, the same on every row of a centre."""
    import pandas as pd

    if PRIOR_PROCEDURES not in procedures.columns:
        return pd.Series(0, index=procedures.index, dtype=int)
    read = number(procedures[PRIOR_PROCEDURES], table).fillna(0)
    wrong = (read < 0) | (read != read.round())
    if wrong.any():
        raise ReportInputError(
            Text(
                "{table}.{column} holds {example!r}, which is not a whole number of at least 0.",
                table=table,
                column=PRIOR_PROCEDURES,
                example=procedures[PRIOR_PROCEDURES][wrong].iloc[0],
            )
        )
    return read.astype(int)


def _read_procedures(procedures: pd.DataFrame) -> pd.DataFrame:
    import pandas as pd

    table = "procedures"
    return pd.DataFrame(
        {
            "session_id": key(procedures["session_id"]),
            "study_id": key(procedures["study_id"]),
            "centre": key(procedures["centre"]),
            "status": text(procedures["status"]),
            "demo": flag(procedures["demo"], table).fillna(False).astype(bool),
            "surgery_date": text(procedures["surgery_date"]),
            "chemo": flag(procedures["neoadjuvant_chemo"], table),
            "changed": flag(procedures["management_changed"], table),
            "plane_adapted": number(procedures["mc_plane_adapted"], table).fillna(0),
            "reresection": number(procedures["mc_cavity_reresection"], table).fillna(0),
            "occult_extended": number(procedures["mc_occult_extended"], table).fillna(0),
            "prior": _prior(procedures, table),
            "surgeon": text(procedures[SURGEON]) if SURGEON in procedures.columns else pd.NA,
            **{item: number(procedures[item], table) for item in QUESTIONNAIRE_ITEMS},
            "q_continue_use": flag(procedures["q_continue_use"], table),
        }
    )


def _read_lesions(lesions: pd.DataFrame) -> pd.DataFrame:
    import pandas as pd

    table = "lesions"
    treatment = text(lesions["treatment"])
    return pd.DataFrame(
        {
            "session_id": key(lesions["session_id"]),
            "treatment": treatment,
            "histology": text(lesions["histology"]),
            "occult": text(lesions["source"]).eq("occult").fillna(False).astype(bool),
            "fluorescent": flag(lesions["specimen_fluorescent"], table),
            "initial": text(lesions["r_status"]),
            "final": text(lesions["final_r_status"]),
            "r1_type": text(lesions["r1_type"]),
            "reresected": text(lesions["reresection"]).eq("done").fillna(False).astype(bool),
            "reresection_tumour": flag(lesions["reresection_tumour"], table),
            "plane_adapted": flag(lesions["plane_adapted"], table).fillna(False).astype(bool),
            "extended": flag(lesions["extended_resection"], table).fillna(False).astype(bool),
        }
    )


def _excluded(patients: pd.DataFrame, reasons: list[tuple[Text, pd.Series]]) -> tuple[pd.Series, list[Exclusion]]:
    """Apply the reasons in order; a procedure is counted under the first that applies."""
    import pandas as pd

    out = pd.Series(False, index=patients.index)
    exclusions = []
    for reason, applies in reasons:
        hit = applies.fillna(False).astype(bool) & ~out
        if hit.any():
            ids = sorted(patients.loc[hit, "study_id"].fillna("(no study ID)").unique())
            exclusions.append(Exclusion(reason, int(hit.sum()), ids))
        out |= hit
    return out, exclusions


def select(procedures: pd.DataFrame, lesions: pd.DataFrame, complications: pd.DataFrame) -> Selection:
    require(procedures, "procedures", PROCEDURE_COLUMNS)
    require(lesions, "lesions", LESION_COLUMNS)
    require(complications, "complications", COMPLICATION_COLUMNS)
    patients = _read_procedures(procedures)
    performed = ~patients["demo"] & ~patients["session_id"].duplicated(keep=False)
    patients["procedure_number"] = _procedure_numbers(patients[performed])
    complete = patients["status"].isin(COUNTED_STATUSES)
    # Only records that would otherwise count can clash: a demo or draft copy of a study ID does not.
    counting = performed & complete
    repeated = counting & patients["study_id"].where(counting).duplicated(keep=False)
    out, exclusions = _excluded(
        patients,
        [
            (Text("demo record, not trial data"), patients["demo"]),
            (Text("more than one row for one session (superseded versions in the input)"), ~performed),
            (Text("not marked complete (draft, in progress or awaiting pathology)"), ~complete),
            (Text("study ID recorded in more than one session"), repeated),
        ],
    )
    included = patients[~out].reset_index(drop=True)
    # Sets of plain objects: iterating a pandas string column goes value by value through Python.
    sessions = set(patients["session_id"].dropna().to_numpy(dtype=object))
    kept = set(included["session_id"].to_numpy(dtype=object))
    read_lesions = _read_lesions(lesions)
    read_complications = key(complications["session_id"]).to_frame()
    read_complications["grade"] = text(complications["clavien_dindo"])
    read_complications["late"] = flag(complications["late"], "complications").fillna(False).astype(bool)
    attributes = included[["session_id", "study_id", "centre", "chemo", "procedure_number", "prior"]]
    counted = Counted(
        procedures_in_input=len(patients),
        procedures_included=len(included),
        exclusions=exclusions,
        lesions_in_input=len(read_lesions),
        lesions_included=int(read_lesions["session_id"].isin(kept).sum()),
        lesions_without_procedure=int((~read_lesions["session_id"].isin(sessions)).sum()),
        complications_in_input=len(read_complications),
        complications_included=int(read_complications["session_id"].isin(kept).sum()),
        complications_without_procedure=int((~read_complications["session_id"].isin(sessions)).sum()),
    )
    return Selection(
        patients=included,
        lesions=read_lesions.merge(attributes, on="session_id", how="inner"),
        complications=read_complications[read_complications["session_id"].isin(kept)].reset_index(drop=True),
        counted=counted,
    )
