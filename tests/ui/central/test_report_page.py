"""The report page on the synthetic cohort in a central database: the paper's figures, as services.trial_report gives them."""

from __future__ import annotations

import json
import subprocess

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QColor

from bench.analysis_report import fill
from mimic_desktop.analysis.estimates import Proportion
from mimic_desktop.analysis.roc import Auroc
from mimic_desktop.reports.trial_charts import CURVE
from mimic_desktop.services import report_figures, trial_report
from mimic_desktop.services.report_figures import count_of

from .conftest import cells, settle


@pytest.fixture(scope="module")
def cohort_db(tmp_path_factory):
    """The synthetic cohort (201 patients, 436 lesions) in a central database's flat tables."""
    path = tmp_path_factory.mktemp("cohort") / "central.sqlite"
    assert fill(path, 436) == 436
    return path


@pytest.fixture(scope="module")
def expected(cohort_db):
    return trial_report.report_data(trial_report.central_report(cohort_db))


def without_time(report: dict) -> dict:
    return {key: value for key, value in report.items() if key != "generated_at"}


def with_interval(share: dict) -> str:
    return report_figures.with_interval(Proportion(**share), "en")


def area(auroc: dict) -> str:
    return report_figures.area(Auroc(**auroc), "en")


def clustered_text(share: dict) -> str:
    return (
        share["note"]
        if share["ci_low"] is None
        else f"95% CI {share['ci_low'] * 100:.1f}–{share['ci_high'] * 100:.1f}%"
    )


def test_the_report_page_shows_what_the_service_computes(open_window, cohort_db, expected, qtbot):
    window = open_window(cohort_db)
    page = window.report_page
    assert page.report is None and not page.pdf_button.isEnabled()
    window.show_page("report")  # computed on first show, in the background
    settle(qtbot, window)
    assert without_time(trial_report.report_data(page.report)) == without_time(expected)
    assert page.status.text().startswith("201 patients analysed of 201 current sessions; computed ")
    tables = page.content.tables

    assert cells(tables["contingencyTable"]) == [
        ["Fluorescent (suspected R1)", "14 (23.7%)", "18 (30.5%)", "27 (45.8%)", "59"],
        ["Clear (suspected R0)", "1 (0.4%)", "20 (7.8%)", "236 (91.8%)", "257"],
        ["Total", "15 (4.7%)", "38 (12.0%)", "263 (83.2%)", "316"],
    ]
    accuracy = cells(tables["accuracyTable"])
    every = expected["diagnostic"]["accuracy"]
    parenchymal = expected["diagnostic"]["accuracy_without_vascular_r1"]
    for row, key in zip(accuracy, ("sensitivity", "specificity", "ppv", "npv"), strict=False):
        assert row[1:] == [with_interval(every[key]), with_interval(parenchymal[key])]
    assert [row[1].split(";")[0] for row in accuracy[:4]] == [
        "32/53 (60.4%)",  # the paper's 60%, 90%, 54% and 92%
        "236/263 (89.7%)",
        "32/59 (54.2%)",
        "236/257 (91.8%)",
    ]
    for row, key in zip(accuracy[4:8], ("sensitivity", "specificity", "ppv", "npv"), strict=True):
        assert row[0].endswith(", patients as clusters")
        assert row[1:] == [clustered_text(every["by_patient"][key]), clustered_text(parenchymal["by_patient"][key])]
    assert accuracy[8] == ["AUROC", "0.751 (95% CI 0.668–0.833)", area(parenchymal["auroc"])]

    margins = dict(cells(tables["marginsTable"]))
    assert margins["R0 before re-resection"].startswith("263/301 (87.4%)")
    assert margins["R0 after re-resection"].startswith("278/301 (92.4%)")
    assert margins["Change"] == "+5.0 percentage points (95% CI +2.6 to +7.8)"
    assert margins["McNemar's test"] == "p < 0.001 (R1 to R0: 15, R0 to R1: 0)"
    management = cells(tables["managementTable"])
    assert management[0][:2] == ["Any of the three", "56/201 (27.9%)"]
    assert management[1][2] == "56/316 (17.7%)" and management[2][2] == "27/316 (8.5%)"
    occult = dict(cells(tables["occultTable"]))
    assert occult["Occult lesions found"] == "38, resected 38"
    assert occult["Patients with additional CRLM"] == with_interval(expected["occult"]["patients_with_additional_crlm"])
    learning = dict(cells(tables["learningTable"]))
    assert learning["R1 rate, learning phase"].startswith("20/92 (21.7%)")
    assert learning["R1 rate, later"].startswith("33/224 (14.7%)")
    assert learning["R1 rates compared"] == "p = 0.130 (Pearson's chi-square test without continuity correction)"
    neoadjuvant = cells(tables["neoadjuvantTable"])
    assert neoadjuvant[0] == ["Patients", "143", "58"]
    assert neoadjuvant[2][1] == with_interval(
        expected["neoadjuvant"]["without_chemotherapy"]["diagnostic"]["accuracy"]["sensitivity"]
    )
    assert [row[:4] for row in cells(tables["enrolmentTable"])] == [
        [c["centre"], str(c["patients"]), str(c["lesions"]), str(c["confirmed_crlm"])] for c in expected["enrolment"]
    ]
    assert [row[1] for row in cells(tables["enrolmentTable"])] == ["52", "44", "33", "28", "20", "12", "7", "5"]
    complications = dict(cells(tables["complicationsTable"]))
    assert complications["Clavien-Dindo IIIa or higher (worst)"] == count_of(
        Proportion(**expected["complications"]["high_grade"]), "en"
    )


def test_the_roc_curve_is_the_pdfs_drawing_through_the_report_points(open_window, cohort_db, expected, qtbot):
    window = open_window(cohort_db)
    window.show_page("report")
    settle(qtbot, window)
    view = window.report_page.content.charts["rocChart"]
    points = expected["diagnostic"]["accuracy"]["auroc"]["points"]
    assert [list(point) for point in view.chart.points] == points and len(points) == 3
    assert view.accessibleName() == "AUROC 0.751 (95% CI 0.668–0.833)"
    assert b"AUROC 0.751" in view.svg and b"1 \xe2\x88\x92 specificity" in view.svg
    image = view.grab().toImage()
    curve = QColor(CURVE)
    # The plot's square as trial_charts.roc_drawing lays it out: left 34, bottom 30, 16 above, side size - 42.
    size = image.width()
    side = size - 42
    height = image.height()

    def colour_at(x: float, y: float) -> QColor:
        return image.pixelColor(round(34 + x * side), round(height - 30 - y * side))

    def near(colour: QColor, wanted: QColor) -> bool:
        return all(abs(a - b) < 60 for a, b in zip(colour.getRgb()[:3], wanted.getRgb()[:3], strict=True))

    cut_off = points[1]  # fluorescent specimen predicts R1: (1 - specificity, sensitivity)
    assert cut_off == pytest.approx([27 / 263, 32 / 53], abs=1e-6)
    assert near(colour_at(*cut_off), curve)
    middle = [(a + b) / 2 for a, b in zip(points[1], points[2], strict=True)]
    assert near(colour_at(*middle), curve)
    assert not near(colour_at(0.8, 0.2), curve), "below the chance line there is no curve"


def test_the_report_is_saved_as_pdf_and_json(open_window, cohort_db, tmp_path, qtbot):
    window = open_window(cohort_db)
    page = window.report_page
    window.show_page("report")
    settle(qtbot, window)
    page.save(tmp_path / "report.json", "json")
    settle(qtbot, window)
    assert json.loads((tmp_path / "report.json").read_text(encoding="utf-8")) == trial_report.report_data(page.report)
    assert page.status.text() == f"Report saved to {tmp_path / 'report.json'}"
    page.save(tmp_path / "report.pdf", "pdf")
    settle(qtbot, window)
    text = "".join(p.extract_text() for p in PdfReader(tmp_path / "report.pdf").pages)
    assert "MIMIC trial report: central study database central.sqlite" in text
    assert "0.751 (95% CI 0.668–0.833)" in text
    check = subprocess.run(["qpdf", "--check", str(tmp_path / "report.pdf")], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
