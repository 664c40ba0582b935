"""ICG fluorescence for the detection of additional lesions (the paper's eFigure 2), from the modalities each
lesion was seen with.

The additional lesions are those found during surgery (occult: not on the pre-operative imaging), resected
and with their histology recorded. ICG is positive for a lesion it showed (`seen_with` lists ICG); the
condition is histologically confirmed CRLM. Lesions whose modalities were not recorded (records made with
CRF version 1, which kept only "detected by") are counted apart, never as "not seen".
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated

from ..domain.wording import Text
from .accuracy import confirmed_crlm, resected
from .estimates import Proportion, proportion
from .roc import Auroc, auroc

if TYPE_CHECKING:
    import pandas as pd


@dataclass(frozen=True)
class Detection:
    """ICG fluorescence against histology on the additional (occult) lesions resected, per lesion."""

    lesions_seen_with_icg: Annotated[int, "Lesions analysed (any source) that ICG fluorescence showed."]
    lesions_modalities_missing: Annotated[int, "Lesions analysed without the modalities they were seen with."]
    additional_resected: Annotated[int, "Occult lesions resected with their histology recorded."]
    not_assessable: Annotated[int, "Of those, lesions left out because their modalities were not recorded."]
    true_positive: Annotated[int, "Seen with ICG and confirmed CRLM."]
    false_positive: Annotated[int, "Seen with ICG and not CRLM (benign or another malignancy)."]
    false_negative: Annotated[int, "Not seen with ICG and confirmed CRLM."]
    true_negative: Annotated[int, "Not seen with ICG and not CRLM."]
    sensitivity: Annotated[Proportion, "CRLM that ICG showed: TP / (TP + FN)."]
    specificity: Annotated[Proportion, "Lesions other than CRLM that ICG did not show: TN / (TN + FP)."]
    ppv: Annotated[Proportion, "CRLM among the lesions ICG showed: TP / (TP + FP)."]
    npv: Annotated[Proportion, "Other than CRLM among the lesions ICG did not show: TN / (TN + FN)."]
    auroc: Annotated[Auroc, "Area under the ROC curve of ICG (seen 1, not seen 0) for confirmed CRLM."]


def detection(lesions: pd.DataFrame) -> Detection:
    """From the selection's lesion rows (columns occult, treatment, histology, seen_icg)."""
    seen = lesions["seen_icg"]
    taken = lesions[lesions["occult"] & resected(lesions) & lesions["histology"].notna()]
    assessed = taken[taken["seen_icg"].notna()]
    positive = assessed["seen_icg"].astype(bool)
    crlm = confirmed_crlm(assessed)
    tp, fp = int((positive & crlm).sum()), int((positive & ~crlm).sum())
    fn, tn = int((~positive & crlm).sum()), int((~positive & ~crlm).sum())
    scores = positive.astype(int)
    return Detection(
        lesions_seen_with_icg=int(seen.fillna(False).astype(bool).sum()),
        lesions_modalities_missing=int(seen.isna().sum()),
        additional_resected=len(taken),
        not_assessable=len(taken) - len(assessed),
        true_positive=tp,
        false_positive=fp,
        false_negative=fn,
        true_negative=tn,
        sensitivity=proportion(tp, tp + fn, Text("no additional lesions confirmed as CRLM")),
        specificity=proportion(tn, tn + fp, Text("no additional lesions other than CRLM")),
        ppv=proportion(tp, tp + fp, Text("no additional lesions seen with ICG")),
        npv=proportion(tn, tn + fn, Text("no additional lesions missed by ICG")),
        auroc=auroc(scores[crlm].tolist(), scores[~crlm].tolist()),
    )
