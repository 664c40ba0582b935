"""Intervals that count patients, not lesions, as the independent units.

Lesions of one patient share the patient's liver, the surgeon's eye and the day's imaging, so they
are not independent, and intervals per lesion are then too narrow. The interval here is the one a
logistic GEE with an intercept alone, the patient as cluster and an independence working
correlation gives: the estimate is the plain proportion, its log-odds get the robust (sandwich)
standard error, and the Wald interval on the log-odds scale is turned back into proportions. It is
written out because it is a sum over patients (statsmodels' GEE gives the same figures, which the
tests check, but takes seconds on the 100,000-lesion central database).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated

from ..domain.wording import Text
from .estimates import ALPHA, fraction, not_estimable

if TYPE_CHECKING:
    import pandas as pd

METHOD = Text(
    "Patients as clusters: logistic GEE with the intercept alone, an independence working correlation and the "
    "robust (sandwich) standard error; Wald 95% interval on the log-odds scale"
)


@dataclass(frozen=True)
class Clustered:
    """A proportion's 95% interval with the lesions of one patient counted as one cluster."""

    patients: Annotated[int, "Patients contributing at least one lesion to the denominator."]
    ci_low: Annotated[float | None, "Lower bound of the clustered 95% interval; null when not estimable."]
    ci_high: Annotated[float | None, "Upper bound of the clustered 95% interval; null when not estimable."]
    method: Annotated[Text, "How it was computed, in words."]
    note: Annotated[Text | None, 'Why there is no interval ("not estimable: ..."); null when there is one.']


def clustered(events: pd.Series, counted: pd.Series, patients: pd.Series, empty: Text) -> Clustered:
    """events among counted (both yes/no per lesion), lesions clustered by the patient key in patients."""
    import pandas as pd
    from scipy.stats import norm

    frame = pd.DataFrame({"x": (events & counted).astype(int), "m": counted.astype(int), "p": patients.to_numpy()})
    sums = frame.groupby("p", sort=False)[["x", "m"]].sum()
    sums = sums[sums["m"] > 0]
    if sums.empty:
        return Clustered(0, None, None, METHOD, not_estimable(empty))
    x, m = sums["x"].to_numpy(dtype=float), sums["m"].to_numpy(dtype=float)
    share = x.sum() / m.sum()
    if share in (0.0, 1.0):
        reason = (
            Text("every lesion counted has the property, so the log-odds are infinite")
            if share
            else Text("no lesion counted has the property, so the log-odds are infinite")
        )
        return Clustered(len(sums), None, None, METHOD, not_estimable(reason))
    # The sandwich for the intercept's log-odds: meat (sum of squared cluster scores) over bread squared.
    bread = share * (1 - share) * m.sum()
    meat = float(((x - m * share) ** 2).sum())
    half = float(norm.ppf(1 - ALPHA / 2)) * math.sqrt(meat) / bread
    centre = math.log(share / (1 - share))
    low, high = (1 / (1 + math.exp(-(centre + sign * half))) for sign in (-1, 1))
    return Clustered(len(sums), fraction(low), fraction(high), METHOD, None)
