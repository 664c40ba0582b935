"""The signal-to-background ratio against the histological margin, checked against an independent computation on
a synthetic cohort: medians and quartiles with the standard library, the area by counting every pair, the
Youden cut-off by trying every ratio, and the interval from Hanley and McNeil's formula written out here."""

from __future__ import annotations

import math
import random
import statistics

import pandas as pd
import pytest

from mimic_desktop.analysis.sbr import sbr_analysis


def cohort(seed: int = 5, lesions: int = 180) -> pd.DataFrame:
    """Resected, confirmed CRLM: R1 lesions have higher ratios on average; the binary call is right most times."""
    rng = random.Random(seed)
    rows = []
    for number in range(lesions):
        r1 = rng.random() < 0.25
        ratio = round(rng.lognormvariate(1.2 if r1 else 0.8, 0.35), 3)
        fluorescent = (rng.random() < 0.7) if r1 else (rng.random() < 0.25)
        rows.append(
            {
                "session_id": f"s{number // 2}",
                "treatment": "resection",
                "histology": "crlm",
                "initial": "R1" if r1 else "R0",
                "fluorescent": fluorescent,
                "sbr": ratio if number % 17 else None,  # some lesions have no measured frame
            }
        )
    # Lesions outside the accuracy analysis: their ratios must not count.
    rows.append(
        {
            "session_id": "x",
            "treatment": "ablation",
            "histology": "crlm",
            "initial": None,
            "fluorescent": None,
            "sbr": 99.0,
        }
    )
    return pd.DataFrame(rows)


def pairs_area(positives: list[float], negatives: list[float]) -> float:
    wins = sum(1.0 if p > n else 0.5 if p == n else 0.0 for p in positives for n in negatives)
    return wins / (len(positives) * len(negatives))


def hanley_mcneil_se(positives: list[float], negatives: list[float]) -> float:
    """Q1 and Q2 from the data by their definitions (ties counted half), as pairs and triples."""
    area = pairs_area(positives, negatives)
    n1, n0 = len(positives), len(negatives)

    def psi(p: float, n: float) -> float:
        return 1.0 if p > n else 0.5 if p == n else 0.0

    q1 = sum(sum(psi(p, n) for p in positives) ** 2 for n in negatives) / (n0 * n1 * n1)
    q2 = sum(sum(psi(p, n) for n in negatives) ** 2 for p in positives) / (n1 * n0 * n0)
    # Each sum of squares counts a pair with itself as well; the expectation of psi^2 (1 for wins, 1/4 for ties)
    # is what SPSS's tie counting uses, and with continuous ratios there are no ties.
    variance = (area * (1 - area) + (n1 - 1) * (q1 - area**2) + (n0 - 1) * (q2 - area**2)) / (n1 * n0)
    return math.sqrt(variance)


def brute_youden(positives: list[float], negatives: list[float]) -> tuple[float, float, float]:
    best = None
    for cut in sorted(set(positives + negatives), reverse=True):
        sens = sum(p >= cut for p in positives) / len(positives)
        spec = sum(n < cut for n in negatives) / len(negatives)
        if best is None or sens + spec - 1 > best[0]:
            best = (sens + spec - 1, cut, sens, spec)
    return best[1], best[2], best[3]


def test_the_ratio_analysis_equals_an_independent_computation():
    lesions = cohort()
    result = sbr_analysis(lesions)
    kept = lesions[(lesions.treatment == "resection") & lesions.sbr.notna()]
    positives = kept[kept.initial == "R1"].sbr.tolist()
    negatives = kept[kept.initial == "R0"].sbr.tolist()
    assert result.lesions == len(kept) and result.without_ratio == 180 - len(kept)
    for spread, values in ((result.r1, positives), (result.r0, negatives)):
        q1, median, q3 = statistics.quantiles(values, n=4, method="inclusive")
        assert spread.lesions == len(values)
        assert spread.median == pytest.approx(statistics.median(values), abs=1e-6) == pytest.approx(median)
        assert (spread.q1, spread.q3) == (pytest.approx(q1, abs=1e-6), pytest.approx(q3, abs=1e-6))
    assert result.auroc.value == pytest.approx(pairs_area(positives, negatives), abs=1e-6)
    assert result.auroc.value > 0.7  # the cohort was made with R1 ratios higher
    se = hanley_mcneil_se(positives, negatives)
    assert result.auroc.se == pytest.approx(se, abs=1e-6)
    assert result.auroc.ci_low == pytest.approx(result.auroc.value - 1.959964 * se, abs=1e-5)
    cut, sens, spec = brute_youden(positives, negatives)
    assert result.cutoff == pytest.approx(cut)
    assert result.sensitivity.value == pytest.approx(sens, abs=1e-6)
    assert result.specificity.value == pytest.approx(spec, abs=1e-6)
    # The binary call on the same lesions, beside it.
    calls = kept.fluorescent.astype(int)
    binary = pairs_area(calls[kept.initial == "R1"].tolist(), calls[kept.initial == "R0"].tolist())
    assert result.binary_auroc.value == pytest.approx(binary, abs=1e-6)


def test_without_ratios_there_is_no_analysis_and_one_sided_cohorts_say_why():
    lesions = cohort()
    assert sbr_analysis(lesions.drop(columns=["sbr"])) is None
    assert sbr_analysis(lesions.assign(sbr=None)) is None
    only_r0 = lesions[lesions.initial != "R1"]
    result = sbr_analysis(only_r0)
    assert result.auroc.value is None and result.cutoff is None and result.sensitivity.value is None
    assert result.r1.median is None and result.r0.lesions > 0
