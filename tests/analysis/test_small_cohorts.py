"""The report on hand-made cohorts whose every figure can be worked out on paper."""

import json

import pytest

from mimic_desktop.analysis.report import build_report
from mimic_desktop.analysis.tables import ReportInputError
from tests.support.flat_tables import complication, frames, lesion, procedure, report


def value(share: dict) -> float | None:
    return share["value"]


def seven_lesion_cohort() -> tuple[list[dict], list[dict]]:
    """Fluorescent: vascular R1, parenchymal R1, R0. Clear: parenchymal R1 and four R0."""
    a, b, c = procedure(1), procedure(2), procedure(3)
    lesions = [
        lesion(a, fluorescent=True, r1="vascular"),
        lesion(a, fluorescent=True, r1="parenchymal"),
        lesion(b, fluorescent=True),
        lesion(b, fluorescent=False, r1="parenchymal"),
        *[lesion(c) for _ in range(4)],
    ]
    return [a, b, c], lesions


@pytest.fixture
def seven_lesions():
    return report(*seven_lesion_cohort())


def test_table_2_and_the_accuracy_by_hand(seven_lesions):
    diagnostic = seven_lesions["diagnostic"]
    table = diagnostic["contingency"]
    assert table["fluorescent"] == {"vascular_r1": 1, "parenchymal_r1": 1, "r1_type_missing": 0, "r0": 1, "total": 3}
    assert table["clear"] == {"vascular_r1": 0, "parenchymal_r1": 1, "r1_type_missing": 0, "r0": 4, "total": 5}
    assert table["total"]["total"] == 8
    assert [table[k] for k in ("true_positive", "false_positive", "false_negative", "true_negative")] == [2, 1, 1, 4]
    accuracy = diagnostic["accuracy"]
    assert value(accuracy["sensitivity"]) == pytest.approx(2 / 3, abs=1e-6)
    assert value(accuracy["specificity"]) == pytest.approx(4 / 5, abs=1e-6)
    assert value(accuracy["ppv"]) == pytest.approx(2 / 3, abs=1e-6)
    assert value(accuracy["npv"]) == pytest.approx(4 / 5, abs=1e-6)
    assert value(accuracy["auroc"]) == pytest.approx((2 / 3 + 4 / 5) / 2, abs=1e-6)
    # Without the vascular R1: TP 1, FN 1, FP 1, TN 4.
    parenchymal = diagnostic["accuracy_without_vascular_r1"]
    assert parenchymal["lesions"] == 7
    assert value(parenchymal["sensitivity"]) == 0.5
    assert value(parenchymal["ppv"]) == 0.5


def test_without_any_r1_the_r1_figures_are_not_estimable():
    proc = procedure(1)
    result = report([proc], [lesion(proc), lesion(proc, fluorescent=True)])
    accuracy = result["diagnostic"]["accuracy"]
    assert accuracy["sensitivity"]["note"] == "not estimable: no histological R1 lesions"
    assert accuracy["auroc"]["value"] is None
    assert value(accuracy["specificity"]) == 0.5
    assert value(accuracy["ppv"]) == 0.0  # one fluorescent specimen, and it was R0
    assert result["margins"]["vascular_of_r1"]["note"] == "not estimable: no R1 lesions"
    json.dumps(result, allow_nan=False)


def test_an_empty_input_gives_a_report_of_not_estimable_figures():
    result = report([], [])
    assert result["counted"]["procedures_included"] == 0
    assert result["management"]["any_change"]["note"] == "not estimable: no patients"
    assert result["margins"]["mcnemar"]["note"] == "not estimable: no pairs"
    assert result["learning_curve"]["r1_detected"]["value"] is None
    assert result["enrolment"] == []
    text = json.dumps(result, allow_nan=False)
    assert "NaN" not in text


def test_what_is_left_out_and_why():
    kept = procedure(1)
    demo = procedure(2, demo=True)
    draft = procedure(3, status="draft")
    waiting = procedure(4, status="awaiting_pathology")
    twice = procedure(5)
    again = procedure(6, study_id=kept["study_id"])  # the same patient in a second session
    lesions = [lesion(p) for p in (kept, demo, draft, waiting, twice, again)]
    lesions.append(lesion({"session_id": "gone", "study_id": "MIM-01-099", "centre": "01"}))
    result = report([kept, demo, draft, waiting, twice, dict(twice), again], lesions, [complication(draft, "II")])
    counted = result["counted"]
    reasons = {e["reason"]: (e["procedures"], e["study_ids"]) for e in counted["exclusions"]}
    assert reasons == {
        "demo record, not trial data": (1, ["MIM-01-002"]),
        "more than one row for one session (superseded versions in the input)": (2, ["MIM-01-005"]),
        "not marked complete (draft, in progress or awaiting pathology)": (2, ["MIM-01-003", "MIM-01-004"]),
        "study ID recorded in more than one session": (2, ["MIM-01-001"]),
    }
    assert counted["procedures_in_input"] == 7 and counted["procedures_included"] == 0
    assert (counted["lesions_in_input"], counted["lesions_included"], counted["lesions_without_procedure"]) == (7, 0, 1)
    assert (counted["complications_included"], counted["complications_without_procedure"]) == (0, 0)
    assert result["flow"]["procedures_left_out"] == 7


def test_a_demo_or_draft_copy_of_a_study_id_does_not_push_the_real_record_out():
    real = procedure(1)
    demo = procedure(2, study_id=real["study_id"], demo=True)
    draft = procedure(3, study_id=real["study_id"], status="draft")
    counted = report([real, demo, draft], [lesion(real)])["counted"]
    assert counted["procedures_included"] == 1
    assert [e["reason"] for e in counted["exclusions"]] == [
        "demo record, not trial data",
        "not marked complete (draft, in progress or awaiting pathology)",
    ]


def test_the_learning_phase_counts_every_procedure_a_centre_performed():
    # Twelve procedures in centre 01; the third is still a draft but the centre learned from it.
    # A demo record dated before all of them does not count.
    procedures = [procedure(n, status="draft" if n == 3 else "complete") for n in range(1, 13)]
    demo = procedure(50, demo=True, surgery_date="2019-01-01")
    lesions = [lesion(p, fluorescent=True, r1="parenchymal" if p is procedures[-1] else None) for p in procedures]
    result = report([*procedures, demo], lesions)
    curve = result["learning_curve"]
    assert (curve["procedures_learning"], curve["procedures_experienced"], curve["procedures_undated"]) == (9, 2, 0)
    assert curve["r1_experienced"]["count"] == 1 and curve["r1_experienced"]["total"] == 2
    assert curve["r1_learning"]["total"] == 9
    # Among fluorescent specimens: R0 (false positive) after the tenth 1 of 2, during the first ten 9 of 9.
    false_positives = curve["false_positives"]
    cells = [false_positives[k] for k in ("group_events", "group_others", "reference_events", "reference_others")]
    assert cells == [1, 1, 9, 0]
    # An empty cell gives the penalised odds ratio, (1.5 * 0.5) / (1.5 * 9.5), not "not estimable".
    assert false_positives["note"] is None and false_positives["method"].startswith("Penalised odds ratio")
    assert false_positives["value"] == pytest.approx(0.75 / 14.25, abs=1e-6)


def test_r0_before_and_after_re_resection():
    proc = procedure(1, mc_cavity_reresection=2, management_changed=True)
    lesions = [
        lesion(
            proc, fluorescent=True, r1="parenchymal", reresection="done", final_r_status="R0", reresection_tumour=False
        ),
        lesion(proc, fluorescent=True, r1="vascular"),
        lesion(proc),
        lesion(proc, fluorescent=True, reresection="done", reresection_tumour=False),
        lesion(proc, r1="parenchymal"),
    ]
    margins = report([proc], lesions)["margins"]
    assert (margins["crlm_with_margin"], margins["vascular_r1_left_out"], margins["lesions"]) == (5, 1, 4)
    assert (margins["r0_before"]["count"], margins["r0_after"]["count"]) == (2, 3)
    assert [margins[k] for k in ("r0_to_r0", "r0_to_r1", "r1_to_r0", "r1_to_r1")] == [2, 0, 1, 1]
    assert margins["mcnemar"]["p_value"] == 1.0  # one discordant pair: 2 * 0.5
    assert (margins["r1_initial"]["count"], margins["vascular_of_r1"]["count"]) == (3, 1)
    reresections = margins["reresections"]
    assert (reresections["total"], reresections["on_r1"], reresections["no_tumour_in_extra_tissue"]) == (2, 1, 1)
    assert (reresections["converted_to_r0"]["count"], reresections["on_r0"]["count"]) == (1, 1)


def test_changes_in_management_and_occult_lesions():
    changed = procedure(1, management_changed=True, mc_plane_adapted=1, mc_occult_extended=2)
    plain = procedure(2)
    lesions = [
        lesion(changed, plane_adapted=True),
        lesion(changed, source="occult", extended_resection=True),
        lesion(changed, source="occult", extended_resection=True, histology="benign"),
        lesion(plain),
        lesion(plain, treatment="ablation", histology=None, r_status=None, final_r_status=None),
    ]
    result = report([changed, plain], lesions)
    management, occult = result["management"], result["occult"]
    assert (management["any_change"]["count"], management["any_change"]["total"]) == (1, 2)
    assert management["patients_plane_adapted"]["count"] == 1
    assert management["patients_cavity_reresection"]["count"] == 0
    assert (management["plane_adapted"]["count"], management["plane_adapted"]["total"]) == (1, 3)
    assert management["occult_extended_lesions"] == 2
    assert (occult["lesions"], occult["resected"], occult["confirmed_crlm"]["count"]) == (2, 2, 1)
    assert occult["patients_with_additional_crlm"]["count"] == 1
    flow = result["flow"]
    assert (flow["lesions"], flow["resected"], flow["ablated"], flow["crlm"], flow["benign"]) == (5, 4, 1, 3, 1)


def test_subgroups_by_neoadjuvant_chemotherapy():
    treated, untreated, unknown = (
        procedure(1, neoadjuvant_chemo=True),
        procedure(2),
        procedure(3, neoadjuvant_chemo=None),
    )
    lesions = [lesion(treated, fluorescent=True, r1="parenchymal"), lesion(untreated), lesion(unknown)]
    groups = report([treated, untreated, unknown], lesions)["neoadjuvant"]
    assert groups["unknown_patients"] == 1
    assert groups["with_chemotherapy"]["patients"] == 1
    assert value(groups["with_chemotherapy"]["diagnostic"]["accuracy"]["sensitivity"]) == 1.0
    assert groups["with_chemotherapy"]["diagnostic"]["accuracy"]["specificity"]["value"] is None
    assert value(groups["without_chemotherapy"]["initial_r0"]) == 1.0


def test_complications_by_the_worst_grade_within_90_days():
    a, b, c, d = (procedure(n) for n in range(1, 5))
    rows = [complication(a, "I"), complication(a, "IIIa"), complication(b, "II"), complication(c, "IVa", late=True)]
    result = report([a, b, c, d], [], rows)["complications"]
    assert (result["none"]["count"], result["low_grade"]["count"], result["high_grade"]["count"]) == (2, 1, 1)
    assert (result["late_left_out"], result["deaths"]) == (1, 0)


def test_a_value_that_cannot_be_read_is_refused_with_its_place():
    proc = procedure(1)
    with pytest.raises(ReportInputError, match=r"lesions\.specimen_fluorescent holds 'maybe'"):
        report([proc], [lesion(proc, fluorescent="maybe")])
    with pytest.raises(ReportInputError, match="not a Clavien-Dindo grade"):
        report([proc], [], [complication(proc, "VI")])


def test_a_missing_column_is_named():
    procedures, lesions, complications = frames([procedure(1)], [])
    with pytest.raises(ReportInputError, match="lesions table has no column specimen_fluorescent"):
        build_report(procedures, lesions.drop(columns=["specimen_fluorescent"]), complications)


def test_database_integers_and_csv_text_read_as_records_do(seven_lesions):
    procedures, lesions, complications = frames(*seven_lesion_cohort())
    as_integers = procedures.astype({name: "Int64" for name in ("demo", "management_changed", "neoadjuvant_chemo")})
    as_text = lesions.copy()
    for name in ("specimen_fluorescent", "plane_adapted", "extended_resection"):
        as_text[name] = lesions[name].map({True: "true", False: "FALSE"}).astype(object)
    result = build_report(as_integers, as_text, complications, source="hand-made")
    for key in ("diagnostic", "margins", "management", "learning_curve", "neoadjuvant", "enrolment"):
        assert result[key] == seven_lesions[key]


def test_a_perfect_test_says_its_interval_shows_no_uncertainty():
    proc = procedure(1)
    lesions = [lesion(proc, fluorescent=True, r1="parenchymal"), lesion(proc, fluorescent=False)]
    auroc = report([proc], lesions)["diagnostic"]["accuracy"]["auroc"]
    assert (auroc["value"], auroc["ci_low"], auroc["ci_high"]) == (1.0, 1.0, 1.0)
    assert auroc["note"].startswith("perfect separation")
    from mimic_desktop.analysis.roc import Auroc
    from mimic_desktop.services.report_figures import area

    shown = Auroc(**auroc)
    assert area(shown, "en") == f"1.000 (95% CI 1.000–1.000); {auroc['note']}"
    assert area(shown, "nl") == f"1,000 (95%-BI 1,000–1,000); {auroc['note']}"


def test_when_every_r1_is_vascular_the_r0_rates_say_so():
    proc = procedure(1)
    result = report([proc], [lesion(proc, fluorescent=True, r1="vascular")])
    margins = result["margins"]
    assert margins["crlm_with_margin"] == 1 and margins["lesions"] == 0
    reason = "not estimable: every lesion with a margin is a vascular (intended) R1, left out as in the paper"
    assert margins["r0_before"]["note"] == reason and margins["r0_after"]["note"] == reason
    assert report([], [])["margins"]["r0_before"]["note"] == "not estimable: no confirmed CRLM with a margin"


def test_every_proportion_names_its_method(seven_lesions):
    assert seven_lesions["diagnostic"]["accuracy"]["sensitivity"]["method"] == "Wilson score 95% interval"
    change = seven_lesions["margins"]["r0_change"]
    assert "Newcombe" in change["method"] and change["pairs"] == seven_lesions["margins"]["lesions"]
