"""The learning curve's points: the R1 rate per block of ten procedures, against a computation by hand."""

from __future__ import annotations

import pytest
from statsmodels.stats.proportion import proportion_confint

from mimic_desktop.services.trial_report import report_data, synthetic_tables, trial_report
from tests.support.flat_tables import lesion, procedure, report


@pytest.fixture(scope="module")
def tables():
    return synthetic_tables(seed=3)


def by_hand(tables) -> list[tuple[int, int, int, int]]:
    """(first, procedures, R1, lesions) per block, numbering each centre's procedures by date of surgery."""
    procedures = tables.procedures.sort_values(["centre", "surgery_date", "study_id"]).copy()
    procedures["number"] = procedures.groupby("centre").cumcount() + 1
    lesions = tables.lesions.merge(procedures[["session_id", "number"]], on="session_id")
    crlm = lesions[(lesions["treatment"] == "resection") & (lesions["histology"] == "crlm")]
    crlm = crlm[crlm["r_status"].notna()]
    rows = []
    for first in range(1, int(procedures["number"].max()) + 1, 10):
        inside = crlm[crlm["number"].between(first, first + 9)]
        count = int(procedures["number"].between(first, first + 9).sum())
        rows.append((first, count, int((inside["r_status"] == "R1").sum()), len(inside)))
    return rows


def test_each_block_equals_the_count_by_hand_with_its_wilson_interval(tables):
    curve = report_data(trial_report(tables, "synthetic cohort, seed 3"))["learning_curve"]
    blocks = curve["by_block"]
    assert [(b["first"], b["procedures"], b["r1"]["count"], b["r1"]["total"]) for b in blocks] == by_hand(tables)
    assert [b["last"] for b in blocks] == [b["first"] + 9 for b in blocks]
    assert sum(b["procedures"] for b in blocks) == 201
    # The first block is the learning phase of the comparison beside it.
    assert (blocks[0]["r1"]["count"], blocks[0]["r1"]["total"]) == (
        curve["r1_learning"]["count"],
        curve["r1_learning"]["total"],
    )
    for block in blocks:
        share = block["r1"]
        low, high = proportion_confint(share["count"], share["total"], method="wilson")
        assert (share["ci_low"], share["ci_high"]) == (pytest.approx(low, abs=1e-6), pytest.approx(high, abs=1e-6))
        assert share["method"] == "Wilson score 95% interval"


def test_a_block_without_a_lesion_says_why_and_no_dates_give_no_curve():
    first = procedure(1)
    data = report([first], [])
    (block,) = data["learning_curve"]["by_block"]
    assert block["procedures"] == 1 and block["r1"]["value"] is None
    assert block["r1"]["note"] == "not estimable: no confirmed CRLM with a margin in these procedures"
    undated = procedure(2, surgery_date=None)
    assert report([undated], [lesion(undated)])["learning_curve"]["by_block"] == []
