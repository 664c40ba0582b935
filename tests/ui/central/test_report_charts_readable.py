"""The report's charts are read on screen, not only on paper: their words are as large as the window's own text,
in either theme and language, and a chart never runs past the report's width at the laptop's window size."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFontInfo

from mimic_desktop.reports import trial_charts
from mimic_desktop.services.report_layout import sections, title
from mimic_desktop.services.trial_report import synthetic_tables, trial_report
from mimic_desktop.ui import themes
from mimic_desktop.ui.central.report_view import ReportView


@pytest.fixture(scope="module")
def synthetic_report():
    return trial_report(synthetic_tables(seed=1), "synthetic cohort, seed 1")


@pytest.mark.parametrize("theme", ["dark", "light"])
@pytest.mark.parametrize("lang", ["en", "nl"])
def test_a_charts_words_are_as_large_as_the_windows_text(ui_app, qtbot, synthetic_report, theme, lang):
    themes.apply(ui_app, theme)
    try:
        view = ReportView(title(synthetic_report, lang), sections(synthetic_report, lang))
        qtbot.addWidget(view)
        view.resize(1320, 697)
        view.show()
        text_pixels = QFontInfo(view.title.font()).pixelSize()
        assert set(view.charts) == {"flowChart", "rocChart", "enrolmentChart", "learningChart"}
        for name, chart in view.charts.items():
            drawn = chart.renderer().defaultSize()  # one pixel per point of the PDF's drawing
            scale = chart.width() / drawn.width()
            assert chart.height() == pytest.approx(drawn.height() * scale, abs=1), f"{name} is drawn out of shape"
            # The charts' body text is FONT_SIZE points: shown, it is no smaller than the window's text.
            assert trial_charts.FONT_SIZE * scale >= text_pixels - 0.5, f"{name}: its words are too small to read"
            assert chart.width() <= 1320, f"{name} is wider than the window"
    finally:
        themes.apply(ui_app, "dark")
