"""The area under the ROC curve and its interval: the paper's figure, hand-worked cases, empty groups."""

import pytest

from mimic_desktop.analysis.roc import auroc

TP, FN, FP, TN = 32, 21, 27, 236  # the paper's Table 2, every R1 counted


def test_table_2_gives_the_papers_auroc_and_interval():
    result = auroc([1] * TP + [0] * FN, [1] * FP + [0] * TN)
    assert (f"{result.value:.3f}", f"{result.ci_low:.3f}", f"{result.ci_high:.3f}") == ("0.751", "0.668", "0.833")
    # With a yes/no test the area is the mean of sensitivity and specificity.
    assert result.value == pytest.approx((TP / (TP + FN) + TN / (TN + FP)) / 2, abs=1e-6)
    assert result.points == [
        [0.0, 0.0],
        [pytest.approx(FP / (FP + TN), abs=1e-6), pytest.approx(TP / 53, abs=1e-6)],
        [1.0, 1.0],
    ]


def test_a_small_case_worked_by_hand():
    # Positives 2 and 1, negatives 1 and 0. Pairs: (2,1) 1, (2,0) 1, (1,1) 1/2, (1,0) 1: A = 3.5/4 = 0.875.
    # Q1 = [neg 1: 1^2 + 1*1 + 1/3; neg 0: 2^2] / (2 * 2^2) = 19/24; Q2 the same by symmetry.
    # Var = (A(1-A) + 1*(Q1 - A^2) + 1*(Q2 - A^2)) / 4 = 0.04036458...
    result = auroc([2, 1], [1, 0])
    assert result.value == pytest.approx(0.875)
    assert result.se == pytest.approx((0.875 * 0.125 + 2 * (19 / 24 - 0.875**2)) ** 0.5 / 2, abs=1e-6)
    assert result.ci_high == 1.0  # 0.875 + 1.96 * 0.2 is past 1: the interval stops there
    assert result.ci_low == pytest.approx(0.875 - 1.959964 * result.se, abs=1e-5)


def test_perfect_separation_has_no_spread():
    result = auroc([1, 1, 1], [0, 0])
    assert (result.value, result.se, result.ci_low, result.ci_high) == (1.0, 0.0, 1.0, 1.0)


@pytest.mark.parametrize(("positives", "negatives", "reason"), [([], [0, 1], "R1"), ([1], [], "R0"), ([], [], "R1")])
def test_no_positives_or_no_negatives_is_not_estimable(positives, negatives, reason):
    result = auroc(positives, negatives)
    assert result.value is None and result.se is None and result.points == []
    assert str(result.note) == f"not estimable: no histological {reason} lesions"
