"""Every modality a lesion was seen with and the two-stage flag go through a real session file into the central
tables, and the trial report computed there leaves the two-stage lesion out and tells which lesions ICG showed."""

from mimic_desktop.services.trial_report import central_report
from tests.support.central_rows import read_rows


def test_modalities_and_a_two_stage_lesion_reach_the_central_report(laptop, importer, central_store):
    proc_id = laptop.record(50, lesions=3)
    proc = laptop.service.load(proc_id)
    known, staged = proc.lesions[0], proc.lesions[1]  # the first lesion is always one known from imaging
    assert known.get("detected_by") == "preop_imaging"
    laptop.service.set_values(
        proc_id, {"two_stage": True}, entity="lesion", entity_id=staged.id, reason="second stage planned in March"
    )
    laptop.service.set_values(
        proc_id,
        {"seen_with": ["preop_imaging", "ious"]},
        entity="lesion",
        entity_id=known.id,
        reason="the ICG overlay did not show it",
    )
    assert importer.import_file(laptop.export(proc_id)).outcome.value == "new"
    rows = {row["lesion_number"]: row for row in read_rows(central_store.conn, "lesions")}
    assert rows[staged.number]["two_stage"] == 1 and not rows[known.number]["two_stage"]
    assert rows[known.number]["seen_with"] == "preop_imaging;ious"
    report = central_report(central_store.path)
    assert report.counted.lesions_two_stage == 1 and report.flow.two_stage == 1
    assert report.flow.lesions == 2
    analysed = [lesion for lesion in laptop.service.load(proc_id).lesions if lesion.id != staged.id]
    seen_icg = sum("icg" in lesion.get("seen_with") for lesion in analysed)
    assert report.detection.lesions_seen_with_icg == seen_icg
    assert report.detection.lesions_modalities_missing == 0
