"""Which records the report counts, why the others are left out, and the columns it reads from them.

A procedure is one patient. Left out, in this order, each procedure for its first reason: demo
records; sessions with more than one row (superseded versions must not be in the input; the central
database's tables hold only the current one); patients no longer enrolled (withdrawn, excluded, not
operated: the paper's Figure 1); records not marked complete (draft, in progress, awaiting pathology);
study IDs that appear in more than one session. Lesions and complications go with their procedure;
those whose session has no procedure row are counted apart. A lesion marked as part of a two-stage
procedure is left out of the per-lesion analysis, as the paper left such lesions out.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated

from ..domain import forms
from ..domain.derive import Status
from ..domain.subject_status import SubjectStatus
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
# Read when the input has them; tables made before subject status was recorded hold enrolled patients only.
SUBJECT_STATUS_COLUMNS = ("subject_status", "subject_status_reason")
# Why a patient no longer enrolled is left out of the report, by status (Figure 1 of the paper).
LEFT_TRIAL = {
    SubjectStatus.WITHDRAWN: Text("subject withdrawn"),
    SubjectStatus.EXCLUDED: Text("subject excluded"),
    SubjectStatus.NOT_OPERATED: Text("subject not operated"),
}
LESION_COLUMNS = (
    "session_id",
    "treatment",
    "histology",
    "source",
    "r_status",
    "final_r_status",
    "r1_type",
    "reresection",
    "reresection_tumour",
    "plane_adapted",
    "extended_resection",
)
COMPLICATION_COLUMNS = ("session_id", "clavien_dindo", "late")
# Read when the input has them (CRF version 2): every modality a lesion was seen with, and the two-stage flag.
LESION_DETAIL_COLUMNS = ("seen_with", "two_stage")
# Read where the input has them: tables written before the catalogue declared them lack these columns, and every
# value of theirs is then "not recorded".
OPTIONAL_LESION_FINDINGS = ("plane_fluorescence", "cavity_fluorescent")
OPTIONAL_PROCEDURE_COLUMNS = ("converted_to_open", "approach")


def lesion_columns() -> tuple[str, ...]:
    """The lesion columns the report needs: the fixed ones and the index test's finding (forms/events.json)."""
    return (*LESION_COLUMNS, forms.index_finding().name)


def columns_read() -> dict[str, tuple[str, ...]]:
    """Every column the report reads of each table, the optional ones included (a central database has them)."""
    return {
        "procedures": (*PROCEDURE_COLUMNS, *SUBJECT_STATUS_COLUMNS, *OPTIONAL_PROCEDURE_COLUMNS),
        "lesions": (*lesion_columns(), *LESION_DETAIL_COLUMNS, *OPTIONAL_LESION_FINDINGS),
        "complications": COMPLICATION_COLUMNS,
    }


def _optional(frame: pd.DataFrame, name: str) -> pd.Series:
    """A column of the input, or one of nothing but missing values where the input has no such column."""
    import pandas as pd

    return frame[name] if name in frame.columns else pd.Series([None] * len(frame), index=frame.index, name=name)


# Optional: the procedures the row's centre did before the trial (0 when the column is absent or empty).
PRIOR_PROCEDURES = "centre_prior_procedures"
# Optional: the operating surgeon's pseudonymous code (the questionnaire is summarised per surgeon).
SURGEON = "surgeon"
# Optional: the lesion's signal-to-background ratio measured on a near-infrared frame (analysis/sbr.py).
SBR = "sbr"


@dataclass(frozen=True)
class Exclusion:
    """Procedures left out of the whole report for one reason."""

    reason: Annotated[Text, "Why, in words."]
    procedures: Annotated[int, "How many procedures (patients) were left out for this reason."]
    study_ids: Annotated[list[str], "Their study IDs, sorted, so that the trial office can follow them up."]


@dataclass(frozen=True)
class LeftTrial:
    """Patients no longer enrolled, by status and the reason given: the exclusions of the flow diagram."""

    status: Annotated[str, "withdrawn, excluded or not_operated."]
    reason: Annotated[str, "The reason recorded with the status, as typed."]
    patients: Annotated[int, "How many patients."]


@dataclass(frozen=True)
class Counted:
    """What the report counts: the records in the input, those left out and why, and those analysed."""

    procedures_in_input: Annotated[int, "Procedure rows in the input."]
    procedures_included: Annotated[int, "Procedures analysed: one per patient."]
    exclusions: Annotated[list[Exclusion], "Procedures left out, by reason (only reasons that occur)."]
    lesions_in_input: Annotated[int, "Lesion rows in the input."]
    lesions_included: Annotated[int, "Lesions of the procedures analysed (not those of a two-stage procedure)."]
    lesions_two_stage: Annotated[
        int, "Lesions of the procedures analysed left out as part of a two-stage procedure (as in the paper)."
    ]
    lesions_without_procedure: Annotated[int, "Lesion rows whose session has no procedure row (not analysed)."]
    complications_in_input: Annotated[int, "Complication rows in the input."]
    complications_included: Annotated[int, "Complications of the procedures analysed."]
    complications_without_procedure: Annotated[int, "Complication rows whose session has no procedure row."]
    enrolled: Annotated[int, "Patients enrolled: trial records (not demo, one row per session) of any subject status."]
    left_trial: Annotated[
        list[LeftTrial], "Enrolled patients no longer in the trial (withdrawn, excluded, not operated), by reason."
    ]


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
            "subject_status": _subject_status(procedures),
            "subject_status_reason": text(procedures.get("subject_status_reason", pd.Series(None, procedures.index))),
            "demo": flag(procedures["demo"], table).fillna(False).astype(bool),
            "surgery_date": text(procedures["surgery_date"]),
            "chemo": flag(procedures["neoadjuvant_chemo"], table),
            "changed": flag(procedures["management_changed"], table),
            "plane_adapted": number(procedures["mc_plane_adapted"], table).fillna(0),
            "reresection": number(procedures["mc_cavity_reresection"], table).fillna(0),
            "occult_extended": number(procedures["mc_occult_extended"], table).fillna(0),
            "converted": flag(_optional(procedures, "converted_to_open"), table),
            "approach": text(_optional(procedures, "approach")),
            "prior": _prior(procedures, table),
            "surgeon": text(procedures[SURGEON]) if SURGEON in procedures.columns else pd.NA,
            **{item: number(procedures[item], table) for item in QUESTIONNAIRE_ITEMS},
            "q_continue_use": flag(procedures["q_continue_use"], table),
        }
    )


def _subject_status(procedures: pd.DataFrame) -> pd.Series:
    """Each procedure's subject status; enrolled where the input has none (tables made before it was recorded)."""
    import pandas as pd

    if "subject_status" not in procedures:
        return pd.Series(SubjectStatus.ENROLLED.value, index=procedures.index, dtype=object)
    return text(procedures["subject_status"]).fillna(SubjectStatus.ENROLLED.value)


def _left_trial(patients: pd.DataFrame, trial: pd.Series) -> list[LeftTrial]:
    gone = patients[trial & patients["subject_status"].ne(SubjectStatus.ENROLLED.value)]
    reasons = gone["subject_status_reason"].fillna("(no reason recorded)")
    counts = gone.groupby([gone["subject_status"], reasons]).size()
    return [LeftTrial(str(status), str(reason), int(count)) for (status, reason), count in counts.items()]


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
            "fluorescent": flag(lesions[forms.index_finding().name], table),
            # The explicit findings of the plane and the cavity: true, false (clear) or missing (not recorded).
            **{name: flag(_optional(lesions, name), table) for name in OPTIONAL_LESION_FINDINGS},
            "initial": text(lesions["r_status"]),
            "final": text(lesions["final_r_status"]),
            "r1_type": text(lesions["r1_type"]),
            "reresected": text(lesions["reresection"]).eq("done").fillna(False).astype(bool),
            "reresection_tumour": flag(lesions["reresection_tumour"], table),
            "plane_adapted": flag(lesions["plane_adapted"], table).fillna(False).astype(bool),
            "extended": flag(lesions["extended_resection"], table).fillna(False).astype(bool),
            SBR: _specimen_ratio(lesions, table),
            "seen_icg": _seen_with_icg(lesions),
            "two_stage": flag(_column(lesions, "two_stage"), table).fillna(False).astype(bool),
        }
    )


def _specimen_ratio(lesions: pd.DataFrame, table: str) -> pd.Series | float:
    """The lesion's ratio on its specimen finding's frame: the optional column `sbr`, else the exports' column of
    the index finding's ratio (`<finding>_sbr`, exchange/flat.py), so that the app's own CSV export carries it."""
    import pandas as pd

    for name in (SBR, f"{forms.index_finding().name}_sbr"):
        if name in lesions.columns:
            return number(lesions[name], table)
    return pd.NA


def _column(frame: pd.DataFrame, name: str) -> pd.Series:
    """The column, or an empty one where the input was made before it existed."""
    import pandas as pd

    return frame[name] if name in frame else pd.Series(None, index=frame.index, dtype=object)


def _seen_with_icg(lesions: pd.DataFrame) -> pd.Series:
    """Whether ICG fluorescence showed the lesion; missing where the modalities were not recorded."""
    seen = text(_column(lesions, "seen_with"))
    return seen.str.split(";").map(lambda codes: "icg" in codes, na_action="ignore").astype("boolean")


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
    require(lesions, "lesions", lesion_columns())
    require(complications, "complications", COMPLICATION_COLUMNS)
    patients = _read_procedures(procedures)
    performed = ~patients["demo"] & ~patients["session_id"].duplicated(keep=False)
    patients["procedure_number"] = _procedure_numbers(patients[performed])
    enrolled = patients["subject_status"].eq(SubjectStatus.ENROLLED.value)
    complete = patients["status"].isin(COUNTED_STATUSES)
    # Only records that would otherwise count can clash: a demo or draft copy of a study ID does not.
    counting = performed & complete & enrolled
    repeated = counting & patients["study_id"].where(counting).duplicated(keep=False)
    out, exclusions = _excluded(
        patients,
        [
            (Text("demo record, not trial data"), patients["demo"]),
            (Text("more than one row for one session (superseded versions in the input)"), ~performed),
            *((LEFT_TRIAL[status], patients["subject_status"].eq(status.value)) for status in LEFT_TRIAL),
            (Text("not marked complete (draft, in progress or awaiting pathology)"), ~complete),
            (Text("study ID recorded in more than one session"), repeated),
        ],
    )
    included = patients[~out].reset_index(drop=True)
    # Sets of plain objects: iterating a pandas string column goes value by value through Python.
    sessions = set(patients["session_id"].dropna().to_numpy(dtype=object))
    kept = set(included["session_id"].to_numpy(dtype=object))
    read_lesions = _read_lesions(lesions)
    # Lesions of a two-stage procedure are left out of the per-lesion analysis, as in the paper.
    two_stage = read_lesions["two_stage"] & read_lesions["session_id"].isin(kept)
    analysed_lesions = read_lesions[~read_lesions["two_stage"]]
    read_complications = key(complications["session_id"]).to_frame()
    read_complications["grade"] = text(complications["clavien_dindo"])
    read_complications["late"] = flag(complications["late"], "complications").fillna(False).astype(bool)
    attributes = included[["session_id", "study_id", "centre", "chemo", "procedure_number", "prior"]]
    counted = Counted(
        procedures_in_input=len(patients),
        procedures_included=len(included),
        exclusions=exclusions,
        lesions_in_input=len(read_lesions),
        lesions_included=int(analysed_lesions["session_id"].isin(kept).sum()),
        lesions_two_stage=int(two_stage.sum()),
        lesions_without_procedure=int((~read_lesions["session_id"].isin(sessions)).sum()),
        complications_in_input=len(read_complications),
        complications_included=int(read_complications["session_id"].isin(kept).sum()),
        complications_without_procedure=int((~read_complications["session_id"].isin(sessions)).sum()),
        enrolled=int(performed.sum()),
        left_trial=_left_trial(patients, performed),
    )
    return Selection(
        patients=included,
        lesions=analysed_lesions.merge(attributes, on="session_id", how="inner"),
        complications=read_complications[read_complications["session_id"].isin(kept)].reset_index(drop=True),
        counted=counted,
    )
