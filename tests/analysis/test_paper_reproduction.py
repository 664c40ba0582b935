"""The report on the synthetic cohort gives the MIMIC paper's figures, each to the paper's precision."""

from decimal import ROUND_HALF_UP, Decimal

import pytest

from mimic_desktop.services.trial_report import report_data, synthetic_tables, trial_report


def shown(fraction: float, digits: int = 0) -> str:
    """A fraction as the paper prints a percentage (half up)."""
    step = Decimal(1).scaleb(-digits)
    return str((Decimal(str(fraction)) * 100).quantize(step, rounding=ROUND_HALF_UP))


@pytest.fixture(scope="module")
def paper():
    return report_data(trial_report(synthetic_tables(seed=1), "synthetic cohort"))


def test_table_2(paper):
    table = paper["diagnostic"]["contingency"]
    rows = {
        name: [table[name][k] for k in ("vascular_r1", "parenchymal_r1", "r0", "total")]
        for name in table
        if isinstance(table[name], dict)
    }
    assert rows == {"fluorescent": [14, 18, 27, 59], "clear": [1, 20, 236, 257], "total": [15, 38, 263, 316]}
    percentages = {
        name: [shown(table[name][k] / table[name]["total"], 1) for k in ("vascular_r1", "parenchymal_r1", "r0")]
        for name in ("fluorescent", "clear", "total")
    }
    assert percentages == {
        "fluorescent": ["23.7", "30.5", "45.8"],
        "clear": ["0.4", "7.8", "91.8"],
        "total": ["4.7", "12.0", "83.2"],
    }


def test_sensitivity_specificity_ppv_npv_and_auroc(paper):
    accuracy = paper["diagnostic"]["accuracy"]
    figures = [shown(accuracy[k]["value"]) for k in ("sensitivity", "specificity", "ppv", "npv")]
    assert figures == ["60", "90", "54", "92"]
    auroc = accuracy["auroc"]
    assert (f"{auroc['value']:.3f}", f"{auroc['ci_low']:.3f}", f"{auroc['ci_high']:.3f}") == ("0.751", "0.668", "0.833")


def test_r1_and_the_r0_rate_before_and_after_re_resection(paper):
    margins = paper["margins"]
    assert (margins["r1_initial"]["count"], shown(margins["r1_initial"]["value"], 1)) == (53, "16.8")
    assert shown(margins["vascular_of_r1"]["value"], 1) == "28.3"
    assert shown(margins["parenchymal_of_r1"]["value"], 1) == "71.7"
    assert margins["lesions"] == 301
    before, after = margins["r0_before"]["value"], margins["r0_after"]["value"]
    assert (shown(before, 1), shown(after, 1), shown(after - before, 1)) == ("87.4", "92.4", "5.0")
    assert margins["mcnemar"]["p_value"] < 0.001
    reresections = margins["reresections"]
    assert (reresections["total"], shown(reresections["total"] / 316, 1)) == (27, "8.5")
    assert (reresections["converted_to_r0"]["count"], shown(16 / reresections["total"], 1)) == (16, "59.3")
    assert reresections["no_tumour_in_extra_tissue"] == 15
    assert (reresections["on_r0"]["count"], shown(reresections["on_r0"]["value"])) == (11, "41")


def test_changes_in_management(paper):
    management = paper["management"]
    assert (management["any_change"]["count"], shown(management["any_change"]["value"], 1)) == (56, "27.9")
    assert (management["plane_adapted"]["count"], shown(management["plane_adapted"]["value"], 1)) == (56, "17.7")
    assert (management["cavity_reresection"]["count"], shown(management["cavity_reresection"]["value"], 1)) == (
        27,
        "8.5",
    )


def test_occult_lesions(paper):
    occult = paper["occult"]
    assert (occult["lesions"], occult["patients_with_occult"]["count"]) == (38, 29)
    assert (occult["confirmed_crlm"]["count"], shown(occult["confirmed_crlm"]["value"], 1)) == (26, "68.4")
    additional = occult["patients_with_additional_crlm"]
    assert (additional["count"], shown(additional["value"], 1)) == (19, "9.5")


def test_the_subgroup_without_neoadjuvant_chemotherapy(paper):
    groups = paper["neoadjuvant"]
    assert groups["with_chemotherapy"]["patients"] == 58
    accuracy = groups["without_chemotherapy"]["diagnostic"]["accuracy"]
    assert [shown(accuracy[k]["value"]) for k in ("sensitivity", "specificity", "ppv", "npv")] == [
        "62",
        "91",
        "61",
        "91",
    ]
    assert shown(groups["with_chemotherapy"]["initial_r0"]["value"]) == "86"
    assert shown(groups["without_chemotherapy"]["initial_r0"]["value"]) == "81"


def test_the_learning_curve_r1_rates(paper):
    curve = paper["learning_curve"]
    assert shown(curve["r1_learning"]["value"], 1) == "21.7"
    assert shown(curve["r1_experienced"]["value"], 1) == "14.7"
    assert f"{curve['r1_comparison']['p_value']:.2f}" == "0.13"


def test_the_cohort_from_inclusion_to_lesions(paper):
    flow = paper["flow"]
    assert [flow[k] for k in ("patients", "lesions", "resected", "ablated", "crlm", "other_malignancy", "benign")] == [
        201,
        436,
        355,
        24,
        316,
        3,
        36,
    ]
    assert [flow[k] for k in ("r0_analysis", "r0_before", "r0_after", "r1_converted")] == [301, 263, 278, 15]
    assert len(paper["enrolment"]) == 8
    assert sum(centre["patients"] for centre in paper["enrolment"]) == 201
    assert paper["counted"]["exclusions"] == []
