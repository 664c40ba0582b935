"""The signal-to-background ratio (SBR) against the histological margin: a continuous measure beside the
binary call.

On the lesions of the accuracy analysis (resected, confirmed CRLM with the specimen fluorescence and the
margin recorded) that carry a ratio measured on a near-infrared frame (the lesions table's optional column
`sbr`): the ratio's median and interquartile range by margin status, its ROC curve for R1 with the area and
95% interval of the accuracy analysis (roc.auroc, the same method), the cut-off that maximises Youden's J with
its sensitivity and specificity, and the binary call's ROC on the same lesions beside it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated

from ..domain.wording import Text
from .accuracy import assessable, is_r1
from .estimates import Proportion, fraction, proportion
from .roc import Auroc, auroc
from .selection import SBR

if TYPE_CHECKING:
    import pandas as pd

COLUMN = SBR
QUARTILES = Text("median and quartiles by linear interpolation between the ordered values (Hyndman and Fan type 7)")
YOUDEN = Text(
    "the cut-off at which sensitivity + specificity - 1 (Youden's J) is largest, a ratio at or above it called R1;"
    " of equal J, the higher cut-off"
)
CALIBRATION = Text("uncalibrated ratios, each relative to its own frame")


@dataclass(frozen=True)
class Spread:
    """The ratio among the lesions of one margin status."""

    lesions: Annotated[int, "Lesions with a ratio."]
    median: Annotated[float | None, "The median ratio; null without lesions."]
    q1: Annotated[float | None, "The first quartile (25th percentile)."]
    q3: Annotated[float | None, "The third quartile (75th percentile)."]


@dataclass(frozen=True)
class SbrAnalysis:
    """The signal-to-background ratio against histological R1, beside the binary call on the same lesions."""

    lesions: Annotated[int, "Lesions of the accuracy analysis with a ratio."]
    without_ratio: Annotated[int, "Lesions of the accuracy analysis without one (left out here)."]
    r1: Annotated[Spread, "The ratio of histological R1 lesions (margin under 1 mm)."]
    r0: Annotated[Spread, "The ratio of histological R0 lesions."]
    auroc: Annotated[Auroc, "The ROC curve of the ratio for R1, its area and 95% interval."]
    cutoff: Annotated[
        float | None, "The ratio at or above which a lesion is called R1 (Youden); null without R1 or R0."
    ]
    sensitivity: Annotated[Proportion, "R1 lesions at or above the cut-off, of all R1 lesions with a ratio."]
    specificity: Annotated[Proportion, "R0 lesions below the cut-off, of all R0 lesions with a ratio."]
    binary_auroc: Annotated[Auroc, "The binary call's ROC (specimen fluorescent 1, clear 0) on the same lesions."]
    spread_method: Annotated[Text, "How the median and quartiles were computed."]
    cutoff_method: Annotated[Text, "How the cut-off was chosen."]
    calibration: Annotated[Text, "What the ratios are: uncalibrated, each relative to its own frame."]


def _spread(values: list[float]) -> Spread:
    import numpy as np

    if not values:
        return Spread(0, None, None, None)
    q1, median, q3 = (float(v) for v in np.percentile(values, [25, 50, 75]))  # numpy's default: type 7
    return Spread(len(values), fraction(median), fraction(q1), fraction(q3))


def youden(positives: list[float], negatives: list[float]) -> tuple[float, int, int] | None:
    """The cut-off of the largest J, with the positives at or above it and the negatives below it."""
    if not positives or not negatives:
        return None
    best: tuple[float, float, int, int] | None = None
    for cut in sorted(set(positives) | set(negatives), reverse=True):
        above = sum(1 for value in positives if value >= cut)
        below = sum(1 for value in negatives if value < cut)
        j = above / len(positives) + below / len(negatives) - 1
        if best is None or j > best[0]:
            best = (j, cut, above, below)
    assert best is not None
    return best[1], best[2], best[3]


def sbr_analysis(lesions: pd.DataFrame) -> SbrAnalysis | None:
    """None when the lesions table has no ratios at all (no frames measured)."""
    if COLUMN not in lesions.columns or lesions[COLUMN].notna().sum() == 0:
        return None
    assessed = assessable(lesions)
    measured = assessed[assessed[COLUMN].notna()]
    r1 = is_r1(measured["initial"])
    ratios = measured[COLUMN].astype(float)
    positives, negatives = ratios[r1].tolist(), ratios[~r1].tolist()
    call = measured["fluorescent"].astype(bool).astype(int)
    best = youden(positives, negatives)
    cutoff, above, below = (None, 0, 0) if best is None else best
    return SbrAnalysis(
        lesions=len(measured),
        without_ratio=len(assessed) - len(measured),
        r1=_spread(positives),
        r0=_spread(negatives),
        auroc=auroc(positives, negatives),
        cutoff=None if cutoff is None else fraction(cutoff),
        sensitivity=proportion(above, len(positives), Text("no histological R1 lesions")),
        specificity=proportion(below, len(negatives), Text("no histological R0 lesions")),
        binary_auroc=auroc(call[r1].tolist(), call[~r1].tolist()),
        spread_method=QUARTILES,
        cutoff_method=YOUDEN,
        calibration=CALIBRATION,
    )
