"""The trial report PDF read back: patients no longer enrolled and two-stage lesions in the flow diagram, and the
detection of additional lesions by ICG beside the occult lesions."""

from mimic_desktop.analysis.report import compute_report
from mimic_desktop.services.trial_report import summary_text, write_report_pdf
from tests.support.flat_tables import frames, lesion, procedure

from .conftest import flat, read_pdf


def test_the_pdf_counts_who_left_the_trial_the_two_stage_lesions_and_the_detection_by_icg(tmp_path):
    a, b = procedure(1), procedure(2)
    gone = procedure(3, subject_status="withdrawn", subject_status_reason="consent withdrawn")
    lesions = [
        lesion(a, fluorescent=True, r1="parenchymal"),
        lesion(b),
        lesion(b, two_stage=True),
        *[lesion(a, source="occult", seen_with="icg") for _ in range(3)],
        lesion(b, source="occult", seen_with="ious"),
        lesion(b, source="occult", seen_with="icg", histology="benign"),
        lesion(gone),
    ]
    result = compute_report(*frames([a, b, gone], lesions), source="hand-made")
    pages, _ = read_pdf(write_report_pdf(result, tmp_path / "report.pdf"))
    text = flat(" ".join(pages))
    for expected in (
        "Patients enrolled: 3",
        "Withdrawn: 1",
        "Excluded: 0",
        "Not operated: 0",
        "Two-stage procedure: 1",
        "Seen with ICG, against histology TP 3, FP 1, FN 1, TN 0 (modalities not recorded: 0)",
        "Sensitivity of ICG for additional CRLM 3/4 (75.0%)",
        "PPV of ICG for additional CRLM 3/4 (75.0%)",
    ):
        assert expected in text, expected
    assert "Left the trial: withdrawn 1, excluded 0, not operated 0" in summary_text(result)
