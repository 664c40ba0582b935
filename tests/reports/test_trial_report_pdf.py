"""The trial report PDF read back, in English and in Dutch: its tables, figures and figures' texts are there
(qpdf-checked by conftest)."""

import re

import pytest

from mimic_desktop import __version__
from mimic_desktop.domain.errors import MimicError
from mimic_desktop.services.trial_report import synthetic_tables, trial_report, write_report_pdf
from tests.support.flat_tables import frames

from .conftest import flat, read_pdf


@pytest.fixture(scope="module")
def synthetic_report():
    return trial_report(synthetic_tables(seed=1), "synthetic cohort, seed 1")


def test_the_report_pdf_holds_the_tables_and_the_figures(tmp_path, synthetic_report):
    path = write_report_pdf(synthetic_report, tmp_path / "report.pdf")
    pages, reader = read_pdf(path)
    text = flat(" ".join(pages))
    assert len(pages) >= 3
    assert "Page 1 of" in text and "MIMIC · Trial report" in text
    # Table 2 with the paper's row percentages, and the accuracy with its intervals.
    for expected in (
        "Fluorescent (suspected R1) 14 (23.7%) 18 (30.5%) 27 (45.8%) 59",
        "1 (0.4%) 20 (7.8%) 236 (91.8%) 257",
    ):
        assert expected in text
    assert "32/53 (60.4%); 95% CI 46.9–72.4%" in text
    assert "0.751 (95% CI 0.668–0.833)" in text
    # The figures are drawn with their texts: the flow diagram, the ROC curve and the enrolment bars.
    for expected in (
        "Procedures in the data: 201",
        "After re-resection: R0 278 (92.4%), R1 23",
        "1 − specificity",
        "Sensitivity",
        "Centre 08",
    ):
        assert expected in text
    assert "p < 0.001" in text
    fonts = {font["/BaseFont"].split("+")[-1] for page in reader.pages for font in page["/Resources"]["/Font"].values()}
    assert fonts <= {"DejaVuSans", "DejaVuSans-Bold", "DejaVuSans-Oblique"}


def test_a_report_with_nothing_to_count_prints_not_estimable(tmp_path):
    from mimic_desktop.analysis.report import compute_report

    report = compute_report(*frames([], []), source="an empty folder")
    pages, _ = read_pdf(write_report_pdf(report, tmp_path / "empty.pdf"))
    text = flat(" ".join(pages))
    assert "not estimable: no histological R1 lesions" in text
    assert "Procedures in the data: 0" in text


def test_an_unwritable_place_is_a_plain_error(tmp_path, synthetic_report):
    with pytest.raises(MimicError, match="does not exist"):
        write_report_pdf(synthetic_report, tmp_path / "missing" / "report.pdf")
    assert not list(tmp_path.rglob("*.part"))


def test_the_dutch_report_pdf_is_said_in_dutch(tmp_path, synthetic_report):
    path = write_report_pdf(synthetic_report, tmp_path / "rapport.pdf", "nl")
    pages, reader = read_pdf(path)
    text = flat(" ".join(pages))
    assert "Pagina 1 van" in text and "MIMIC · Studierapport" in text
    assert "MIMIC-studierapport: synthetic cohort, seed 1" in text
    for expected in (
        "Tabel 2: fluorescentie van het preparaat tegenover de histologische marge",
        "Fluorescent (verdacht voor R1) 14 (23,7%) 18 (30,5%) 27 (45,8%) 59",
        "32/53 (60,4%); 95%-BI 46,9–72,4%",
        "0,751 (95%-BI 0,668–0,833)",
        "Procedures in de gegevens: 201",
        "Na re-resectie: R0 278 (92,4%), R1 23",
        "1 − specificiteit",
        "Sensitiviteit",
        "Centrum 08",
        "+5,0 procentpunt (95%-BI +2,6 tot +7,8)",
        "p < 0,001",
        "Complicaties binnen 90 dagen, per patiënt",
    ):
        assert expected in text
    for english in ("What is counted", "Trial report", "percentage points", "95% CI", "Specimen side"):
        assert english not in text
    # Every figure with decimals is written with the Dutch decimal comma, the ROC curve's axes too.
    # (The program's version in the page footer is a name, not a figure.)
    assert not re.findall(r"\d\.\d", text.replace(f"MIMIC Desktop {__version__}", ""))
    assert "0,4 0,6 0,8" in text or all(tick in text for tick in ("0,2", "0,4", "0,6", "0,8"))
    assert reader.metadata["/Subject"] == "MIMIC-studierapport"


def test_the_notes_of_a_dutch_report_are_dutch_too(tmp_path):
    from mimic_desktop.analysis.report import compute_report

    report = compute_report(*frames([], []), source="een lege map")
    pages, _ = read_pdf(write_report_pdf(report, tmp_path / "leeg.pdf", "nl"))
    text = flat(" ".join(pages))
    assert "niet te schatten: geen histologische R1-laesies" in text
    assert "niet te schatten: geen patiënten" in text
    assert "Chi-kwadraattoets van Pearson zonder continuïteitscorrectie" in text
    assert "not estimable" not in text and "Wilson score" not in text
