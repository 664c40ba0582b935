"""The surgeon questionnaire per surgeon: the paper's 89% of surgeons continuing, on a matching cohort, and each
summary against a computation by hand."""

from __future__ import annotations

import statistics

import pytest
from statsmodels.stats.proportion import proportion_confint

from mimic_desktop.analysis.report import build_report
from mimic_desktop.services.trial_report import surgeon_codes
from tests.support.flat_tables import frames, procedure


def cohort() -> list[dict]:
    """18 surgeons in 8 centres, 3 procedures each; surgeons 17 and 18 stop using ICG by their last one,
    surgeon 1 changed their mind the other way; answers vary with the procedure."""
    rows = []
    for person in range(1, 19):
        centre = f"{(person - 1) % 8 + 1:02d}"
        for turn in range(3):
            number = person * 10 + turn
            last = turn == 2
            continues = person < 17 if last else (person != 1 and person < 17) or person >= 17
            rows.append(
                procedure(number, centre)
                | {
                    "surgeon": f"S{person:02d}",
                    "q_usefulness": 1 + (person + turn) % 5,
                    "q_margin_realtime": 1 + (person * turn) % 5,
                    "q_image_quality": 5 - turn,
                    "q_benign_malignant": 1 + turn,
                    "q_continue_use": continues,
                }
            )
    return rows


def summary(rows: list[dict]) -> dict:
    tables = frames(rows, [])
    tables[0]["surgeon"] = [row.get("surgeon") for row in rows]
    return build_report(*tables, source="hand-made")["questionnaire"]


def test_the_papers_89_percent_of_surgeons_continuing_is_reproduced():
    result = summary(cohort())
    assert (result["surgeons"], result["questionnaires"], result["without_surgeon"]) == (18, 54, 0)
    continuing = result["continuing"]
    assert (continuing["count"], continuing["total"]) == (16, 18)
    assert f"{continuing['value'] * 100:.0f}%" == "89%"
    low, high = proportion_confint(16, 18, method="wilson")
    assert (continuing["ci_low"], continuing["ci_high"]) == (
        pytest.approx(low, abs=1e-6),
        pytest.approx(high, abs=1e-6),
    )
    assert result["method"].startswith("Per surgeon: the median of their answers")


def test_each_surgeons_medians_and_the_items_over_surgeons_equal_a_count_by_hand():
    rows = cohort()
    result = summary(rows)
    for item in ("q_usefulness", "q_margin_realtime", "q_image_quality", "q_benign_malignant"):
        own = {
            f"S{p:02d}": statistics.median(r[item] for r in rows if r["surgeon"] == f"S{p:02d}") for p in range(1, 19)
        }
        assert {row["surgeon"]: row[item] for row in result["by_surgeon"]} == own
        (summary_of,) = [entry for entry in result["items"] if entry["item"] == item]
        assert summary_of["median"] == statistics.median(own.values())
        agreeing = sum(value >= 4 for value in own.values())
        assert (summary_of["agreeing"]["count"], summary_of["agreeing"]["total"]) == (agreeing, 18)
    first = result["by_surgeon"][0]
    assert (first["surgeon"], first["questionnaires"], first["continues"]) == ("S01", 3, True)


def test_questionnaires_without_a_surgeon_are_counted_apart_and_none_answered_is_not_estimable():
    rows = cohort()
    for row in rows[:3]:
        row["surgeon"] = None
    result = summary(rows)
    assert (result["surgeons"], result["without_surgeon"]) == (17, 3)
    empty = summary([procedure(1)])
    assert empty["surgeons"] == 0 and empty["continuing"]["note"] == "not estimable: no surgeon answered"


def test_surgeons_get_codes_by_centre_and_name_whatever_the_spacing_or_case():
    codes = surgeon_codes(
        {
            "a": ("02", "Dr. Jansen"),
            "b": ("01", "dr.  jansen"),
            "c": ("01", "Dr. Jansen"),
            "d": ("01", ""),
        }
    )
    assert codes == {"a": "S02", "b": "S01", "c": "S01"}
