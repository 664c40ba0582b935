"""The window and the PDF render the same report: every table's rows and every note, in either language."""

from __future__ import annotations

import re

import pytest
from pypdf import PdfReader

from mimic_desktop.reports.report_blocks import Note, Table
from mimic_desktop.services.report_layout import sections, title
from mimic_desktop.services.trial_report import synthetic_tables, trial_report, write_report_pdf
from mimic_desktop.ui.central.report_view import ReportView

from .conftest import cells


@pytest.fixture(scope="module")
def synthetic_report():
    return trial_report(synthetic_tables(seed=1), "synthetic cohort, seed 1")


def squeezed(text: str) -> str:
    """Text without any white space: a cell the PDF wraps over lines still reads as one run."""
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_window_and_the_pdf_show_the_same_rows(qtbot, tmp_path, synthetic_report, lang):
    described = sections(synthetic_report, lang)
    view = ReportView(title(synthetic_report, lang), described)
    qtbot.addWidget(view)
    pdf = write_report_pdf(synthetic_report, tmp_path / "report.pdf", lang)
    printed = squeezed("".join(page.extract_text() for page in PdfReader(pdf).pages))

    tables = [block for section in described for block in section.blocks if isinstance(block, Table)]
    notes = [block for section in described for block in section.blocks if isinstance(block, Note)]
    assert len(tables) == 15 and set(view.tables) == {table.name for table in tables}
    for table in tables:
        shown = view.tables[table.name]
        assert cells(shown) == [list(row) for row in table.rows], table.name
        headers = [shown.horizontalHeaderItem(column).text() for column in range(shown.columnCount())]
        assert headers == list(table.headers), table.name
        for row in table.rows:
            for cell in row:
                assert squeezed(cell) in printed, (table.name, cell)
        if table.show_header:
            for header in table.headers:
                assert squeezed(header) in printed, (table.name, header)
    for note in notes:
        assert view.notes[note.name].text() == note.text
        assert squeezed(note.text) in printed, note.name
    for section in described:
        assert squeezed(section.heading) in printed
    # The charts are the PDF's drawings: their words are in both.
    assert set(view.charts) == {"flowChart", "rocChart", "enrolmentChart", "learningChart"}
    flow_words, roc_words = {
        "en": ("Procedures in the data: 201", "1 − specificity"),
        "nl": ("Procedures in de gegevens: 201", "1 − specificiteit"),
    }[lang]
    assert flow_words.encode() in view.charts["flowChart"].svg
    assert roc_words.encode() in view.charts["rocChart"].svg
    assert squeezed(flow_words) in printed and squeezed(roc_words) in printed
    # The learning curve's bars are labelled with the blocks of its table.
    blocks = next(table for table in tables if table.name == "learningBlocksTable")
    for row in blocks.rows:
        assert row[0].encode() in view.charts["learningChart"].svg
