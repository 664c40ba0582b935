"""Hand-made cohorts for the parts of CRF version 2 and the subject status: the detection of additional lesions by
ICG (eFigure 2) from the modalities each lesion was seen with, two-stage lesions left out of the per-lesion
analysis, patients no longer enrolled left out and counted by reason, and input made before any of these."""

import pytest

from mimic_desktop.analysis.report import build_report
from tests.analysis.test_small_cohorts import seven_lesion_cohort
from tests.support.flat_tables import frames, lesion, procedure, report


def occult(proc: dict, seen: str | None, histology: str = "crlm", treatment: str = "resection") -> dict:
    return lesion(proc, source="occult", seen_with=seen, histology=histology, treatment=treatment)


@pytest.fixture
def detection_cohort() -> tuple[list[dict], list[dict]]:
    a, b = procedure(1), procedure(2)
    lesions = [
        lesion(a, seen_with="preop_imaging;icg"),
        lesion(b, seen_with="preop_imaging;icg;ious"),
        *[occult(a, "icg;ious") for _ in range(3)],  # true positives
        occult(b, "ious"),  # a CRLM ICG did not show: false negative
        occult(a, "icg", histology="benign"),  # false positives
        occult(b, "white_light;icg", histology="other_malignancy"),
        occult(b, "white_light", histology="benign"),  # true negative
        occult(a, None),  # modalities not recorded: counted apart, never as "not seen"
        occult(b, "icg", treatment="ablation"),  # not resected: no histology to compare with
    ]
    return [a, b], lesions


def test_the_detection_of_additional_lesions_by_icg_by_hand(detection_cohort):
    detection = report(*detection_cohort)["detection"]
    assert detection["lesions_seen_with_icg"] == 2 + 3 + 2 + 1
    assert detection["lesions_modalities_missing"] == 1
    assert (detection["additional_resected"], detection["not_assessable"]) == (8, 1)
    cells = [detection[k] for k in ("true_positive", "false_positive", "false_negative", "true_negative")]
    assert cells == [3, 2, 1, 1]
    shares = {k: (detection[k]["count"], detection[k]["total"]) for k in ("sensitivity", "specificity", "ppv", "npv")}
    assert shares == {"sensitivity": (3, 4), "specificity": (1, 3), "ppv": (3, 5), "npv": (1, 2)}
    assert detection["auroc"]["value"] == pytest.approx((3 / 4 + 1 / 3) / 2, abs=1e-6)


def test_two_stage_lesions_are_left_out_of_the_per_lesion_analysis():
    procedures, lesions = seven_lesion_cohort()
    base = report(procedures, lesions)
    a, withdrawn = procedures[0], procedure(9, subject_status="withdrawn", subject_status_reason="moved abroad")
    two_stage = [
        lesion(a, fluorescent=True, two_stage=True),
        lesion(a, fluorescent=True, r1="vascular", two_stage=True),
    ]
    marked = report([*procedures, withdrawn], [*lesions, *two_stage, lesion(withdrawn, two_stage=True)])
    assert marked["counted"]["lesions_two_stage"] == 2, "only lesions of patients analysed are counted"
    assert marked["flow"]["two_stage"] == 2
    assert marked["flow"]["lesions"] == base["flow"]["lesions"] == len(lesions)
    assert marked["counted"]["lesions_included"] == base["counted"]["lesions_included"]
    assert marked["diagnostic"] == base["diagnostic"], "the two-stage lesions change no figure of Table 2"
    assert marked["margins"] == base["margins"]
    # Without the flag the same lesions would count: the test can tell.
    unmarked = [dict(row, two_stage=False) for row in two_stage]
    assert report(procedures, [*lesions, *unmarked])["diagnostic"] != base["diagnostic"]


def test_patients_no_longer_enrolled_are_left_out_and_counted_by_reason():
    procedures, lesions = seven_lesion_cohort()
    gone = [
        procedure(10, subject_status="excluded", subject_status_reason="no CRLM on the scan", status="draft"),
        procedure(11, subject_status="excluded", subject_status_reason="no CRLM on the scan"),
        procedure(12, subject_status="not_operated", subject_status_reason="progression"),
        procedure(13, subject_status="withdrawn", subject_status_reason=None),
        procedure(14, demo=True, subject_status="withdrawn", subject_status_reason="demo"),
    ]
    extra = [lesion(p, fluorescent=True) for p in gone]
    result = report([*procedures, *gone], [*lesions, *extra])
    base = report(procedures, lesions)
    flow, counted = result["flow"], result["counted"]
    assert (flow["enrolled"], flow["excluded"], flow["not_operated"], flow["withdrawn"]) == (7, 2, 1, 1)
    assert flow["patients"] == base["flow"]["patients"] == 3
    assert counted["left_trial"] == [
        {"status": "excluded", "reason": "no CRLM on the scan", "patients": 2},
        {"status": "not_operated", "reason": "progression", "patients": 1},
        {"status": "withdrawn", "reason": "(no reason recorded)", "patients": 1},
    ]
    reasons = {e["reason"]: e["study_ids"] for e in counted["exclusions"]}
    assert reasons["subject excluded"] == ["MIM-01-010", "MIM-01-011"], "the status comes before completeness"
    assert result["diagnostic"] == base["diagnostic"]


def test_input_made_before_these_columns_is_read_as_enrolled_patients_without_modalities(detection_cohort):
    tables = frames(*detection_cohort)
    procedures, lesions, complications = (
        tables[0].drop(columns=["subject_status", "subject_status_reason", "subject_status_date"]),
        tables[1].drop(columns=["seen_with", "two_stage"]),
        tables[2],
    )
    older = build_report(procedures, lesions, complications, source="older CSV")
    assert older["counted"]["left_trial"] == [] and older["counted"]["lesions_two_stage"] == 0
    detection = older["detection"]
    assert detection["lesions_modalities_missing"] == len(lesions)
    assert detection["not_assessable"] == detection["additional_resected"] == 8
    assert detection["sensitivity"]["value"] is None and "not estimable" in detection["sensitivity"]["note"]
