"""Proportions with Wilson intervals, comparisons and odds ratios, each saying how it was computed.

A figure whose denominator is empty is "not estimable": its value is None (null in JSON) and its
note says why. Nothing here divides by zero or returns NaN.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from ..domain.wording import Text

ALPHA = 0.05  # two-sided 95% confidence intervals


def fraction(value: float) -> float:
    """A fraction as the report gives it: 6 decimals."""
    return round(float(value), 6)


def p_value(value: float) -> float:
    """A p-value as the report gives it: 4 significant digits (small ones stay visible)."""
    return float(f"{float(value):.4g}")


def not_estimable(reason: Text) -> Text:
    """Why a figure has none, said in the reader's language (the JSON gives the English)."""
    return Text("not estimable: {reason}", reason=reason)


WILSON = Text("Wilson score 95% interval")


@dataclass(frozen=True)
class Proportion:
    """A count out of a total, with its Wilson score 95% confidence interval."""

    count: Annotated[int, "How many have the property (the numerator)."]
    total: Annotated[int, "How many were counted (the denominator)."]
    value: Annotated[float | None, "count / total as a fraction between 0 and 1, 6 decimals; null when total is 0."]
    ci_low: Annotated[float | None, "Lower bound of the Wilson score 95% confidence interval; null when total is 0."]
    ci_high: Annotated[float | None, "Upper bound of the Wilson score 95% confidence interval; null when total is 0."]
    note: Annotated[Text | None, 'Why there is no value ("not estimable: ..."); null when there is one.']
    method: Annotated[Text, f'How the interval was computed: "{WILSON}".'] = WILSON


def proportion(count: int, total: int, empty: Text) -> Proportion:
    """count of total; `empty` says in words what an empty denominator means."""
    count, total = int(count), int(total)
    if total == 0:
        return Proportion(count, total, None, None, None, not_estimable(empty))
    from statsmodels.stats.proportion import proportion_confint

    low, high = proportion_confint(count, total, alpha=ALPHA, method="wilson")
    return Proportion(count, total, fraction(count / total), fraction(low), fraction(high), None)


@dataclass(frozen=True)
class Comparison:
    """A hypothesis test: which one, its statistic and its two-sided p-value."""

    method: Annotated[Text, "The test, in words."]
    statistic: Annotated[float | None, "The test statistic (for the exact McNemar test: the smaller discordant count)."]
    p_value: Annotated[float | None, "Two-sided p-value, 4 significant digits; null when the test cannot be done."]
    note: Annotated[Text | None, 'Why the test could not be done ("not estimable: ..."); null when it was.']


MCNEMAR = Text("McNemar's test, exact binomial, two-sided")
PEARSON = Text("Pearson's chi-square test without continuity correction")
FISHER = Text("Fisher's exact test, two-sided (an expected count is under 5)")


def mcnemar(same_yes: int, yes_to_no: int, no_to_yes: int, same_no: int) -> Comparison:
    """Paired yes/no before and after: McNemar's exact test on the discordant pairs."""
    if same_yes + yes_to_no + no_to_yes + same_no == 0:
        return Comparison(MCNEMAR, None, None, not_estimable(Text("no pairs")))
    from statsmodels.stats.contingency_tables import mcnemar as exact_mcnemar

    result = exact_mcnemar([[same_yes, yes_to_no], [no_to_yes, same_no]], exact=True)
    return Comparison(MCNEMAR, float(result.statistic), p_value(result.pvalue), None)


def compare(first: Proportion, second: Proportion) -> Comparison:
    """Two independent proportions: Pearson's chi-square, or Fisher's exact test for small expected counts."""
    table = [[first.count, first.total - first.count], [second.count, second.total - second.count]]
    if first.total == 0 or second.total == 0:
        return Comparison(PEARSON, None, None, not_estimable(Text("a group is empty")))
    if table[0][0] + table[1][0] == 0 or table[0][1] + table[1][1] == 0:
        return Comparison(PEARSON, None, None, not_estimable(Text("every case falls on the same side")))
    from scipy.stats import chi2_contingency, fisher_exact

    result = chi2_contingency(table, correction=False)
    if (result.expected_freq < 5).any():
        return Comparison(FISHER, None, p_value(fisher_exact(table).pvalue), None)
    return Comparison(PEARSON, fraction(result.statistic), p_value(result.pvalue), None)


NEWCOMBE = Text(
    "Difference of paired proportions (after minus before) with Newcombe's hybrid score 95% interval for paired "
    "data (method 10, no continuity correction), from the Wilson intervals of each proportion"
)


@dataclass(frozen=True)
class Difference:
    """A difference of two paired proportions (the same cases before and after), with its 95% interval."""

    value: Annotated[
        float | None, "After minus before, as a fraction between -1 and 1, 6 decimals; null when no pairs."
    ]
    ci_low: Annotated[float | None, "Lower bound of the 95% interval."]
    ci_high: Annotated[float | None, "Upper bound of the 95% interval."]
    pairs: Annotated[int, "How many cases were measured both times."]
    method: Annotated[Text, "How the interval was computed, in words."]
    note: Annotated[Text | None, 'Why there is no value ("not estimable: ..."); null when there is one.']


def _wilson(count: int, total: int) -> tuple[float, float]:
    from statsmodels.stats.proportion import proportion_confint

    low, high = proportion_confint(count, total, alpha=ALPHA, method="wilson")
    return float(low), float(high)


def paired_difference(same_yes: int, yes_to_no: int, no_to_yes: int, same_no: int) -> Difference:
    """The change in a yes rate from before to after on the same cases, with Newcombe's interval.

    Written here because neither statsmodels nor SciPy offers an interval for paired proportions; the
    construction (Newcombe, Stat Med 1998;17:2635-50, method 10) combines the two Wilson intervals with
    the correlation of the pairs.
    """
    a, b, c, d = (int(x) for x in (same_yes, yes_to_no, no_to_yes, same_no))
    n = a + b + c + d
    if n == 0:
        return Difference(None, None, None, 0, NEWCOMBE, not_estimable(Text("no pairs")))
    before, after = (a + b) / n, (a + c) / n
    low_before, high_before = _wilson(a + b, n)
    low_after, high_after = _wilson(a + c, n)
    margins = (a + b) * (c + d) * (a + c) * (b + d)
    phi = (a * d - b * c) / margins**0.5 if margins else 0.0
    # Newcombe writes the difference as before minus after; the report gives the change, after minus before.
    theta = before - after
    down = (
        (before - low_before) ** 2 - 2 * phi * (before - low_before) * (high_after - after) + (high_after - after) ** 2
    )
    up = (high_before - before) ** 2 - 2 * phi * (high_before - before) * (after - low_after) + (after - low_after) ** 2
    low, high = theta - max(down, 0.0) ** 0.5, theta + max(up, 0.0) ** 0.5
    return Difference(fraction(-theta), fraction(max(-high, -1.0)), fraction(min(-low, 1.0)), n, NEWCOMBE, None)


@dataclass(frozen=True)
class OddsRatio:
    """The odds of an event in a group against a reference group, from their 2x2 table."""

    group_events: Annotated[int, "Cases in the group with the event."]
    group_others: Annotated[int, "Cases in the group without the event."]
    reference_events: Annotated[int, "Cases in the reference group with the event."]
    reference_others: Annotated[int, "Cases in the reference group without the event."]
    value: Annotated[float | None, "The odds ratio, 6 decimals; null when a whole row or column is empty."]
    ci_low: Annotated[float | None, "Lower bound of the 95% confidence interval (Woolf, on the log scale)."]
    ci_high: Annotated[float | None, "Upper bound of the 95% confidence interval (Woolf, on the log scale)."]
    p_value: Annotated[
        float | None, "Two-sided p-value for an odds ratio of 1 (Wald; Fisher's exact test when a cell is empty)."
    ]
    method: Annotated[Text, "How it was computed, in words: plain, or penalised when a cell of the table is empty."]
    note: Annotated[Text | None, 'Why there is no value ("not estimable: ..."); null when there is one.']


ODDS_RATIO = Text(
    "Odds ratio with the Woolf (log) 95% interval and Wald test, the same as a logistic regression on the group"
)
PENALISED_ODDS_RATIO = Text(
    "Penalised odds ratio: a cell of the 2x2 table is empty, so 0.5 is added to each cell (Haldane-Anscombe, "
    "which for a 2x2 table is Firth's penalised logistic regression); Woolf 95% interval on those cells; "
    "Fisher's exact test, two-sided"
)


def odds_ratio(group_events: int, group_others: int, reference_events: int, reference_others: int) -> OddsRatio:
    """The plain odds ratio; with an empty cell the penalised one (a plain one would be 0 or infinite)."""
    cells = [int(group_events), int(group_others), int(reference_events), int(reference_others)]
    counts = _counts(cells)
    if cells[0] + cells[1] == 0 or cells[2] + cells[3] == 0 or cells[0] + cells[2] == 0 or cells[1] + cells[3] == 0:
        note = not_estimable(Text("a whole group, or every case, falls on one side of the 2x2 table"))
        return OddsRatio(**counts, value=None, ci_low=None, ci_high=None, p_value=None, method=ODDS_RATIO, note=note)
    if 0 in cells:
        return _penalised_odds_ratio(cells)
    from statsmodels.stats.contingency_tables import Table2x2

    table = Table2x2([cells[:2], cells[2:]], shift_zeros=False)
    low, high = table.oddsratio_confint(alpha=ALPHA)
    return OddsRatio(
        **counts,
        value=fraction(table.oddsratio),
        ci_low=fraction(low),
        ci_high=fraction(high),
        p_value=p_value(table.oddsratio_pvalue()),
        method=ODDS_RATIO,
        note=None,
    )


def _counts(cells: list[int]) -> dict[str, int]:
    return dict(zip(("group_events", "group_others", "reference_events", "reference_others"), cells, strict=True))


def _penalised_odds_ratio(cells: list[int]) -> OddsRatio:
    import math

    from scipy.stats import fisher_exact, norm

    a, b, c, d = (x + 0.5 for x in cells)
    log_ratio = math.log(a * d / (b * c))
    half = float(norm.ppf(1 - ALPHA / 2)) * math.sqrt(1 / a + 1 / b + 1 / c + 1 / d)
    exact = fisher_exact([cells[:2], cells[2:]])
    return OddsRatio(
        **_counts(cells),
        value=fraction(math.exp(log_ratio)),
        ci_low=fraction(math.exp(log_ratio - half)),
        ci_high=fraction(math.exp(log_ratio + half)),
        p_value=p_value(exact.pvalue),
        method=PENALISED_ODDS_RATIO,
        note=None,
    )
