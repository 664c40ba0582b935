"""The trial report's section on the signal-to-background ratio: in the PDF read back, in both languages, with its
methods named and its figures said to be uncalibrated; absent when no lesion has a ratio."""

from __future__ import annotations

import random

import pytest
from pypdf import PdfReader

from mimic_desktop.domain.wording import decimal
from mimic_desktop.services.report_layout import sections
from mimic_desktop.services.trial_report import synthetic_tables, trial_report, write_report_pdf


@pytest.fixture(scope="module")
def measured_report():
    tables = synthetic_tables(seed=1)
    rng = random.Random(3)
    r1 = tables.lesions["r_status"].eq("R1")
    tables.lesions["sbr"] = [round(rng.lognormvariate(1.2 if hit else 0.8, 0.3), 3) for hit in r1]
    return trial_report(tables, "synthetic cohort with ratios")


def text_of(pdf) -> str:
    return " ".join((page.extract_text() or "") for page in PdfReader(pdf).pages).replace("\n", " ")


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        (
            "en",
            [
                "Signal-to-background ratio on near-infrared frames for R1",
                "uncalibrated ratios, each relative to its own frame",
                "Youden",
                "Hanley and McNeil",
            ],
        ),
        (
            "nl",
            [
                "Signaal-achtergrondverhouding op nabij-infraroodbeelden voor R1",
                "ongekalibreerde verhoudingen",
                "Youdens J",
            ],
        ),
    ],
)
def test_the_pdf_shows_the_ratio_section_with_its_methods(measured_report, tmp_path, lang, words):
    ratio = measured_report.fluorescence_ratio
    assert ratio is not None and ratio.auroc.value > 0.6
    pdf = write_report_pdf(measured_report, tmp_path / "report.pdf", lang=lang)
    text = " ".join(text_of(pdf).split())
    for expected in words:
        assert expected in text, expected
    assert decimal(ratio.auroc.value, 3, lang) in text and decimal(ratio.cutoff, 2, lang) in text


def test_no_section_without_ratios():
    report = trial_report(synthetic_tables(seed=1), "synthetic cohort")
    assert report.fluorescence_ratio is None
    assert "fluorescenceRatio" not in [section.name for section in sections(report, "en")]
