"""The area under the ROC curve with the nonparametric standard error that SPSS reports.

The area is the Mann-Whitney U statistic over n1·n0. Its variance is Hanley and McNeil's (1982)
A(1-A) + (n1-1)(Q1-A²) + (n0-1)(Q2-A²) over n1·n0, with Q1 and Q2 estimated from the data and ties
counted as in SPSS's ROC procedure (DISTRIBUTION(FREE)), the software of the MIMIC paper. From the
paper's Table 2 counts this gives 0.751 (95% CI 0.668-0.833) as published; DeLong's variance gives
0.682-0.820 and Hanley and McNeil's exponential approximation 0.671-0.830 (see docs/trial-report.md).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Annotated

from ..domain.wording import Text
from .estimates import ALPHA, fraction, not_estimable

METHOD = Text(
    "Mann-Whitney area; standard error of Hanley and McNeil with Q1 and Q2 from the data, ties as in SPSS "
    "(nonparametric); Wald 95% interval within [0, 1]"
)


@dataclass(frozen=True)
class Auroc:
    """The area under the ROC curve, its standard error and 95% confidence interval, and the curve."""

    value: Annotated[
        float | None, "The area under the curve, 6 decimals; null when there are no positives or negatives."
    ]
    se: Annotated[float | None, "Its standard error (nonparametric, as SPSS computes it)."]
    ci_low: Annotated[float | None, "Lower bound of the 95% confidence interval (area - 1.96 SE, at least 0)."]
    ci_high: Annotated[float | None, "Upper bound of the 95% confidence interval (area + 1.96 SE, at most 1)."]
    positives: Annotated[int, "Cases with the condition (histological R1)."]
    negatives: Annotated[int, "Cases without it (histological R0)."]
    points: Annotated[
        list[list[float]],
        "The ROC curve as [1 - specificity, sensitivity] pairs from [0, 0] to [1, 1], one per cut-off.",
    ]
    method: Annotated[Text, "How the area and its interval were computed, in words."]
    note: Annotated[
        Text | None,
        'Why there is no value ("not estimable: ..."), or why the interval has no width (perfect separation); '
        "null otherwise.",
    ]


PERFECT = Text(
    "perfect separation: every positive scores apart from every negative, so the standard error is 0 and the "
    "interval shows no uncertainty; with so few cases the true accuracy may well be lower"
)


def auroc(positive_scores: Sequence[float], negative_scores: Sequence[float]) -> Auroc:
    """Higher scores mean 'more likely positive' (here: 1 for a fluorescent specimen, 0 for a clear one)."""
    import numpy as np

    positives = np.asarray(positive_scores, dtype=float)
    negatives = np.asarray(negative_scores, dtype=float)
    n1, n0 = len(positives), len(negatives)
    if n1 == 0 or n0 == 0:
        missing = Text("no histological R1 lesions") if n1 == 0 else Text("no histological R0 lesions")
        return Auroc(None, None, None, None, n1, n0, [], METHOD, not_estimable(missing))
    from scipy.stats import mannwhitneyu, norm

    area = float(mannwhitneyu(positives, negatives).statistic) / (n1 * n0)
    cutoffs = np.unique(np.concatenate([positives, negatives]))
    pos_eq = np.bincount(np.searchsorted(cutoffs, positives), minlength=len(cutoffs)).astype(float)
    neg_eq = np.bincount(np.searchsorted(cutoffs, negatives), minlength=len(cutoffs)).astype(float)
    pos_above = n1 - np.cumsum(pos_eq)
    neg_below = np.cumsum(neg_eq) - neg_eq
    q1 = float(np.sum(neg_eq * (pos_above**2 + pos_above * pos_eq + pos_eq**2 / 3))) / (n0 * n1**2)
    q2 = float(np.sum(pos_eq * (neg_below**2 + neg_below * neg_eq + neg_eq**2 / 3))) / (n1 * n0**2)
    variance = (area * (1 - area) + (n1 - 1) * (q1 - area**2) + (n0 - 1) * (q2 - area**2)) / (n1 * n0)
    se = max(variance, 0.0) ** 0.5
    half = float(norm.ppf(1 - ALPHA / 2)) * se
    # Positive when the score is at or above the cut-off, from the highest cut-off down.
    tpr = np.cumsum(pos_eq[::-1]) / n1
    fpr = np.cumsum(neg_eq[::-1]) / n0
    points = [[0.0, 0.0], *([fraction(x), fraction(y)] for x, y in zip(fpr, tpr, strict=True))]
    return Auroc(
        fraction(area),
        fraction(se),
        fraction(max(area - half, 0.0)),
        fraction(min(area + half, 1.0)),
        n1,
        n0,
        points,
        METHOD,
        PERFECT if se == 0.0 else None,
    )
