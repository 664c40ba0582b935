"""The flow from the records in the input to the R0 rate after re-resection: the boxes of the diagram."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated

from ..domain.subject_status import SubjectStatus
from .accuracy import confirmed_crlm, is_r1, resected, vascular_r1
from .margins import Margins
from .selection import Counted

if TYPE_CHECKING:
    import pandas as pd


@dataclass(frozen=True)
class Flow:
    """Counts from inclusion to R0 before and after re-resection, one per box of the flow diagram."""

    procedures_in_input: Annotated[int, "Procedure rows in the input."]
    procedures_left_out: Annotated[int, "Left out of the report (see counted.exclusions)."]
    enrolled: Annotated[int, "Patients enrolled (trial records of any subject status; Figure 1's first box)."]
    withdrawn: Annotated[int, "Enrolled patients withdrawn from the trial (reasons: counted.left_trial)."]
    excluded: Annotated[int, "Enrolled patients excluded after enrolment (reasons: counted.left_trial)."]
    not_operated: Annotated[int, "Enrolled patients not operated (reasons: counted.left_trial)."]
    patients: Annotated[int, "Patients analysed."]
    lesions: Annotated[int, "Their lesions, those of a two-stage procedure left out."]
    two_stage: Annotated[int, "Their lesions left out as part of a two-stage procedure."]
    resected: Annotated[int, "Lesions resected."]
    ablated: Annotated[int, "Lesions ablated."]
    not_treated: Annotated[int, "Lesions neither resected nor ablated, or without the treatment recorded."]
    crlm: Annotated[int, "Resected lesions confirmed as CRLM."]
    other_malignancy: Annotated[int, "Resected lesions with another malignancy."]
    benign: Annotated[int, "Resected lesions found benign."]
    histology_missing: Annotated[int, "Resected lesions without histology recorded."]
    margin_missing: Annotated[int, "Confirmed CRLM without a margin recorded (left out of the R0 rates)."]
    vascular_r1: Annotated[int, "Confirmed CRLM with vascular (intended) R1, left out of the R0 rates."]
    r0_analysis: Annotated[int, "Confirmed CRLM in the R0 rates."]
    r0_before: Annotated[int, "R0 at the initial resection."]
    r1_before: Annotated[int, "R1 at the initial resection."]
    r1_reresected: Annotated[int, "Of the R1, lesions whose fluorescent cavity was re-resected."]
    r1_converted: Annotated[int, "Of those, lesions whose final margin is R0."]
    r0_after: Annotated[int, "R0 after re-resection."]
    r1_after: Annotated[int, "R1 after re-resection."]


def _left(counted: Counted, status: SubjectStatus) -> int:
    return sum(left.patients for left in counted.left_trial if left.status == status.value)


def flow(counted: Counted, margins: Margins, lesions: pd.DataFrame) -> Flow:
    treatment = lesions["treatment"]
    taken = lesions[resected(lesions)]
    histology = taken["histology"]
    crlm = lesions[confirmed_crlm(lesions)]
    analysed = crlm[crlm["initial"].notna() & ~vascular_r1(crlm)]
    r1 = analysed[is_r1(analysed["initial"])]
    reresected = r1[r1["reresected"]]
    return Flow(
        procedures_in_input=counted.procedures_in_input,
        procedures_left_out=counted.procedures_in_input - counted.procedures_included,
        enrolled=counted.enrolled,
        withdrawn=_left(counted, SubjectStatus.WITHDRAWN),
        excluded=_left(counted, SubjectStatus.EXCLUDED),
        not_operated=_left(counted, SubjectStatus.NOT_OPERATED),
        patients=counted.procedures_included,
        lesions=len(lesions),
        two_stage=counted.lesions_two_stage,
        resected=len(taken),
        ablated=int(treatment.eq("ablation").sum()),
        not_treated=len(lesions) - len(taken) - int(treatment.eq("ablation").sum()),
        crlm=len(crlm),
        other_malignancy=int(histology.eq("other_malignancy").sum()),
        benign=int(histology.eq("benign").sum()),
        histology_missing=int(histology.isna().sum()),
        margin_missing=int(crlm["initial"].isna().sum()),
        vascular_r1=margins.vascular_r1_left_out,
        r0_analysis=margins.lesions,
        r0_before=margins.r0_before.count,
        r1_before=margins.lesions - margins.r0_before.count,
        r1_reresected=len(reresected),
        r1_converted=int(reresected["final"].eq("R0").sum()),
        r0_after=margins.r0_after.count,
        r1_after=margins.lesions - margins.r0_after.count,
    )
