"""Proportions, tests and odds ratios against hand calculation and against the libraries themselves."""

import math

import pytest

from mimic_desktop.analysis.estimates import FISHER, PEARSON, compare, mcnemar, odds_ratio, proportion
from mimic_desktop.domain.wording import Text

Z = 1.959963984540054


def wilson_by_hand(count: int, total: int) -> tuple[float, float]:
    p = count / total
    centre = (p + Z * Z / (2 * total)) / (1 + Z * Z / total)
    half = Z * math.sqrt(p * (1 - p) / total + Z * Z / (4 * total * total)) / (1 + Z * Z / total)
    return centre - half, centre + half


@pytest.mark.parametrize(("count", "total"), [(3, 4), (0, 5), (5, 5), (32, 53), (236, 263)])
def test_wilson_interval_matches_the_formula(count, total):
    share = proportion(count, total, "nothing")
    low, high = wilson_by_hand(count, total)
    assert share.value == pytest.approx(count / total, abs=1e-6)
    assert share.ci_low == pytest.approx(low, abs=1e-6)
    assert share.ci_high == pytest.approx(high, abs=1e-6)
    assert share.note is None


def test_an_empty_denominator_is_not_estimable():
    share = proportion(0, 0, "no histological R1 lesions")
    assert (share.value, share.ci_low, share.ci_high) == (None, None, None)
    assert str(share.note) == "not estimable: no histological R1 lesions"
    said_in_dutch = proportion(0, 0, Text("no histological R1 lesions")).note.text("nl")
    assert said_in_dutch == "niet te schatten: geen histologische R1-laesies"


def test_mcnemar_is_the_exact_binomial_test_on_the_discordant_pairs():
    # The paper's R0 rates: 15 lesions went from R1 to R0, none the other way: p = 2 * 0.5^15.
    result = mcnemar(263, 0, 15, 23)
    assert result.p_value == pytest.approx(2 * 0.5**15, rel=1e-3)
    assert result.statistic == 0
    # 3 against 9 discordant: p = 2 * P(X <= 3), X ~ Bin(12, 0.5) = 2 * 299 / 4096.
    assert mcnemar(10, 3, 9, 5).p_value == pytest.approx(2 * 299 / 4096, rel=1e-3)


def test_mcnemar_agrees_with_statsmodels():
    from statsmodels.stats.contingency_tables import mcnemar as library

    for table in ([[40, 2], [11, 7]], [[5, 0], [0, 5]], [[0, 30], [28, 0]]):
        assert mcnemar(*table[0], *table[1]).p_value == pytest.approx(library(table, exact=True).pvalue, rel=1e-3)


def test_mcnemar_without_pairs_is_not_estimable():
    result = mcnemar(0, 0, 0, 0)
    assert result.p_value is None and str(result.note) == "not estimable: no pairs"


def test_odds_ratio_reproduces_the_papers_learning_curve_figure():
    # 20 of 32 R1 detected after the first ten procedures, 11 of 20 during them: 1.36 (0.44-4.24).
    ratio = odds_ratio(20, 12, 11, 9)
    log_or, se = math.log(20 * 9 / (12 * 11)), math.sqrt(1 / 20 + 1 / 12 + 1 / 11 + 1 / 9)
    assert ratio.value == pytest.approx(math.exp(log_or), abs=1e-6)
    assert ratio.ci_low == pytest.approx(math.exp(log_or - Z * se), abs=1e-6)
    assert ratio.ci_high == pytest.approx(math.exp(log_or + Z * se), abs=1e-6)
    assert (f"{ratio.value:.2f}", f"{ratio.ci_low:.2f}", f"{ratio.ci_high:.2f}") == ("1.36", "0.44", "4.24")


def test_odds_ratio_equals_a_logistic_regression_on_the_group():
    import numpy as np
    import statsmodels.api as sm

    cells = (21, 12, 11, 9)  # group with, group without, reference with, reference without the event
    group = np.repeat([1, 1, 0, 0], cells)
    event = np.repeat([1, 0, 1, 0], cells)
    fit = sm.Logit(event, sm.add_constant(group)).fit(disp=False)
    low, high = np.exp(fit.conf_int()[1])
    ratio = odds_ratio(*cells)
    assert ratio.value == pytest.approx(math.exp(fit.params[1]), rel=1e-6)
    assert (ratio.ci_low, ratio.ci_high) == (pytest.approx(low, rel=1e-5), pytest.approx(high, rel=1e-5))
    assert ratio.p_value == pytest.approx(fit.pvalues[1], rel=1e-3)


@pytest.mark.parametrize("cells", [(5, 0, 3, 4), (0, 6, 3, 4), (7, 2, 0, 9), (4, 4, 6, 0)])
def test_an_odds_ratio_with_an_empty_cell_is_the_penalised_one(cells):
    """Against the Haldane-Anscombe formula worked by hand (0.5 added to every cell, Woolf's interval) and SciPy's
    Fisher test. (statsmodels' Table2x2(shift_zeros=True) adds 0.5 to the empty cells only: another estimate.)"""
    from scipy.stats import fisher_exact

    ratio = odds_ratio(*cells)
    a, b, c, d = (x + 0.5 for x in cells)
    log_ratio = math.log(a * d / (b * c))
    half = Z * math.sqrt(1 / a + 1 / b + 1 / c + 1 / d)
    low, high = math.exp(log_ratio - half), math.exp(log_ratio + half)
    assert ratio.value == pytest.approx(math.exp(log_ratio), abs=1e-6)
    assert (ratio.ci_low, ratio.ci_high) == (pytest.approx(low, abs=1e-6), pytest.approx(high, abs=1e-6))
    assert ratio.p_value == pytest.approx(fisher_exact([list(cells[:2]), list(cells[2:])]).pvalue, rel=1e-3)
    assert str(ratio.method).startswith("Penalised odds ratio") and ratio.note is None
    assert (ratio.group_events, ratio.group_others) == cells[:2]


def test_an_odds_ratio_with_an_empty_group_is_not_estimable():
    ratio = odds_ratio(0, 0, 3, 4)
    assert ratio.value is None and ratio.ci_low is None
    assert str(ratio.note).startswith("not estimable: a whole group")


def newcombe_by_hand(a: int, b: int, c: int, d: int) -> tuple[float, float, float]:
    """Newcombe's method 10 written out from the paper, with SciPy's Wilson intervals (not statsmodels')."""
    from scipy.stats import binomtest

    n = a + b + c + d
    p1, p2 = (a + b) / n, (a + c) / n
    ci1 = binomtest(a + b, n).proportion_ci(method="wilson")
    ci2 = binomtest(a + c, n).proportion_ci(method="wilson")
    denominator = (a + b) * (c + d) * (a + c) * (b + d)
    phi = (a * d - b * c) / math.sqrt(denominator) if denominator else 0.0
    delta = math.sqrt((p1 - ci1.low) ** 2 - 2 * phi * (p1 - ci1.low) * (ci2.high - p2) + (ci2.high - p2) ** 2)
    epsilon = math.sqrt((ci1.high - p1) ** 2 - 2 * phi * (ci1.high - p1) * (p2 - ci2.low) + (p2 - ci2.low) ** 2)
    theta = p1 - p2
    return p2 - p1, -(theta + epsilon), -(theta - delta)


@pytest.mark.parametrize("cells", [(70, 0, 15, 1), (236, 0, 16, 11), (10, 3, 5, 2), (0, 0, 4, 6), (5, 0, 0, 0)])
def test_the_change_in_a_paired_rate_has_newcombes_interval(cells):
    from mimic_desktop.analysis.estimates import paired_difference

    change = paired_difference(*cells)
    value, low, high = newcombe_by_hand(*cells)
    assert change.value == pytest.approx(value, abs=1e-6)
    assert (change.ci_low, change.ci_high) == (pytest.approx(low, abs=1e-6), pytest.approx(high, abs=1e-6))
    assert change.ci_low <= change.value <= change.ci_high and change.pairs == sum(cells)
    assert "Newcombe" in str(change.method)


def test_no_pairs_give_no_change():
    from mimic_desktop.analysis.estimates import paired_difference

    change = paired_difference(0, 0, 0, 0)
    assert change.value is None and str(change.note) == "not estimable: no pairs"


def test_two_proportions_by_pearsons_chi_square_computed_by_hand():
    # The paper's R1 rates by experience: 20/92 against 33/224 (P = .13).
    table = [[20, 72], [33, 191]]
    total = 316
    rows, columns = [92, 224], [53, 263]
    chi2 = sum(
        (table[i][j] - rows[i] * columns[j] / total) ** 2 / (rows[i] * columns[j] / total)
        for i in range(2)
        for j in range(2)
    )
    result = compare(proportion(20, 92, ""), proportion(33, 224, ""))
    assert result.method == PEARSON
    assert result.statistic == pytest.approx(chi2, abs=1e-5)
    assert f"{result.p_value:.2f}" == "0.13"


def test_small_expected_counts_use_fishers_exact_test():
    from scipy.stats import fisher_exact

    result = compare(proportion(1, 4, ""), proportion(3, 4, ""))
    assert result.method == FISHER
    assert result.p_value == pytest.approx(fisher_exact([[1, 3], [3, 1]]).pvalue, rel=1e-3)


@pytest.mark.parametrize(("first", "second"), [((0, 5), (0, 7)), ((5, 5), (7, 7)), ((0, 0), (3, 7))])
def test_a_comparison_without_anything_to_compare_is_not_estimable(first, second):
    result = compare(proportion(*first, "empty"), proportion(*second, "empty"))
    assert result.p_value is None and str(result.note).startswith("not estimable")
