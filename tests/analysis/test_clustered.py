"""Patient-clustered intervals against statsmodels' GEE, and wider than per lesion when a patient's lesions
go together."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from mimic_desktop.analysis.clustered import clustered


def gee_interval(frame: pd.DataFrame) -> tuple[float, float]:
    """statsmodels: logistic GEE, intercept only, independence working correlation, robust covariance."""
    import statsmodels.api as sm
    from scipy.special import expit

    counted = frame[frame["counted"]]
    model = sm.GEE(
        counted["event"].astype(float),
        np.ones((len(counted), 1)),
        groups=counted["patient"],
        family=sm.families.Binomial(),
        cov_struct=sm.cov_struct.Independence(),
    )
    result = model.fit()
    low, high = np.asarray(result.conf_int(alpha=0.05))[0]
    return float(expit(low)), float(expit(high))


def cohort(seed: int, patients: int) -> pd.DataFrame:
    """1 to 4 lesions per patient; a patient's lesions tend to share the outcome; some are not counted."""
    rng = np.random.default_rng(seed)
    rows = []
    for patient in range(patients):
        likely = rng.random() < 0.5
        for _ in range(int(rng.integers(1, 5))):
            rows.append(
                {
                    "patient": f"P{patient}",
                    "event": bool(rng.random() < (0.85 if likely else 0.15)),
                    "counted": bool(rng.random() < 0.8),
                }
            )
    return pd.DataFrame(rows)


@pytest.mark.parametrize(("seed", "patients"), [(3, 40), (7, 12), (11, 201)])
def test_the_interval_equals_statsmodels_gee(seed, patients):
    frame = cohort(seed, patients)
    result = clustered(frame["event"], frame["counted"], frame["patient"], "none")
    low, high = gee_interval(frame)
    assert (result.ci_low, result.ci_high) == (pytest.approx(low, abs=1e-6), pytest.approx(high, abs=1e-6))
    assert result.patients == frame[frame["counted"]]["patient"].nunique()


def test_clustering_widens_the_interval_when_lesions_of_a_patient_go_together():
    from mimic_desktop.analysis.estimates import proportion

    frame = cohort(3, 40).assign(counted=True)
    result = clustered(frame["event"], frame["counted"], frame["patient"], "none")
    per_lesion = proportion(int(frame["event"].sum()), len(frame), "none")
    assert result.ci_high - result.ci_low > per_lesion.ci_high - per_lesion.ci_low


def test_nothing_counted_or_all_alike_gives_no_interval():
    frame = cohort(3, 10)
    nothing = clustered(frame["event"], frame["counted"] & False, frame["patient"], "no lesions")
    assert nothing.ci_low is None and str(nothing.note) == "not estimable: no lesions" and nothing.patients == 0
    every = clustered(frame["counted"], frame["counted"], frame["patient"], "no lesions")
    assert every.ci_low is None and str(every.note).startswith("not estimable: every lesion counted")
