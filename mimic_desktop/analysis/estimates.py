"""Proportions with Wilson intervals, comparisons and odds ratios, each saying how it was computed.

A figure whose denominator is empty is "not estimable": its value is None (null in JSON) and its
note says why. Nothing here divides by zero or returns NaN.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

ALPHA = 0.05  # two-sided 95% confidence intervals


def fraction(value: float) -> float:
    """A fraction as the report gives it: 6 decimals."""
    return round(float(value), 6)


def p_value(value: float) -> float:
    """A p-value as the report gives it: 4 significant digits (small ones stay visible)."""
    return float(f"{float(value):.4g}")


def not_estimable(reason: str) -> str:
    return f"not estimable: {reason}"


@dataclass(frozen=True)
class Proportion:
    """A count out of a total, with its Wilson score 95% confidence interval."""

    count: Annotated[int, "How many have the property (the numerator)."]
    total: Annotated[int, "How many were counted (the denominator)."]
    value: Annotated[float | None, "count / total as a fraction between 0 and 1, 6 decimals; null when total is 0."]
    ci_low: Annotated[float | None, "Lower bound of the Wilson score 95% confidence interval; null when total is 0."]
    ci_high: Annotated[float | None, "Upper bound of the Wilson score 95% confidence interval; null when total is 0."]
    note: Annotated[str | None, 'Why there is no value ("not estimable: ..."); null when there is one.']


def proportion(count: int, total: int, empty: str) -> Proportion:
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

    method: Annotated[str, "The test, in words."]
    statistic: Annotated[float | None, "The test statistic (for the exact McNemar test: the smaller discordant count)."]
    p_value: Annotated[float | None, "Two-sided p-value, 4 significant digits; null when the test cannot be done."]
    note: Annotated[str | None, 'Why the test could not be done ("not estimable: ..."); null when it was.']


MCNEMAR = "McNemar's test, exact binomial, two-sided"
PEARSON = "Pearson's chi-square test without continuity correction"
FISHER = "Fisher's exact test, two-sided (an expected count is under 5)"


def mcnemar(same_yes: int, yes_to_no: int, no_to_yes: int, same_no: int) -> Comparison:
    """Paired yes/no before and after: McNemar's exact test on the discordant pairs."""
    if same_yes + yes_to_no + no_to_yes + same_no == 0:
        return Comparison(MCNEMAR, None, None, not_estimable("no pairs"))
    from statsmodels.stats.contingency_tables import mcnemar as exact_mcnemar

    result = exact_mcnemar([[same_yes, yes_to_no], [no_to_yes, same_no]], exact=True)
    return Comparison(MCNEMAR, float(result.statistic), p_value(result.pvalue), None)


def compare(first: Proportion, second: Proportion) -> Comparison:
    """Two independent proportions: Pearson's chi-square, or Fisher's exact test for small expected counts."""
    table = [[first.count, first.total - first.count], [second.count, second.total - second.count]]
    if first.total == 0 or second.total == 0:
        return Comparison(PEARSON, None, None, not_estimable("a group is empty"))
    if table[0][0] + table[1][0] == 0 or table[0][1] + table[1][1] == 0:
        return Comparison(PEARSON, None, None, not_estimable("every case falls on the same side"))
    from scipy.stats import chi2_contingency, fisher_exact

    result = chi2_contingency(table, correction=False)
    if (result.expected_freq < 5).any():
        return Comparison(FISHER, None, p_value(fisher_exact(table).pvalue), None)
    return Comparison(PEARSON, fraction(result.statistic), p_value(result.pvalue), None)


@dataclass(frozen=True)
class OddsRatio:
    """The odds of an event in a group against a reference group, from their 2x2 table."""

    group_events: Annotated[int, "Cases in the group with the event."]
    group_others: Annotated[int, "Cases in the group without the event."]
    reference_events: Annotated[int, "Cases in the reference group with the event."]
    reference_others: Annotated[int, "Cases in the reference group without the event."]
    value: Annotated[float | None, "The odds ratio, 6 decimals; null when a cell of the table is empty."]
    ci_low: Annotated[float | None, "Lower bound of the 95% confidence interval (Woolf, on the log scale)."]
    ci_high: Annotated[float | None, "Upper bound of the 95% confidence interval (Woolf, on the log scale)."]
    p_value: Annotated[float | None, "Two-sided Wald p-value for an odds ratio of 1, 4 significant digits."]
    method: Annotated[str, "How it was computed, in words."]
    note: Annotated[str | None, 'Why there is no value ("not estimable: ..."); null when there is one.']


ODDS_RATIO = (
    "Odds ratio with the Woolf (log) 95% interval and Wald test, the same as a logistic regression on the group"
)


def odds_ratio(group_events: int, group_others: int, reference_events: int, reference_others: int) -> OddsRatio:
    """No correction for empty cells: with one, the odds ratio is not estimable (as in a logistic regression)."""
    cells = [int(group_events), int(group_others), int(reference_events), int(reference_others)]
    counts = {"group_events": cells[0], "group_others": cells[1], "reference_events": cells[2]}
    counts |= {"reference_others": cells[3]}
    if 0 in cells:
        note = not_estimable("a cell of the 2x2 table is empty")
        return OddsRatio(**counts, value=None, ci_low=None, ci_high=None, p_value=None, method=ODDS_RATIO, note=note)
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
