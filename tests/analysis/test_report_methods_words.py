"""The report's Methods section as a statistician reads it: each line names its estimate once, in either language."""

from __future__ import annotations

import pytest

from mimic_desktop.reports.report_blocks import Note
from mimic_desktop.services.report_layout import sections
from mimic_desktop.services.trial_report import synthetic_tables, trial_report


@pytest.fixture(scope="module")
def synthetic_report():
    return trial_report(synthetic_tables(seed=1), "synthetic cohort, seed 1")


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_no_method_line_says_its_label_twice(synthetic_report, lang):
    methods = next(section for section in sections(synthetic_report, lang) if section.name == "methods")
    lines = [block.text for block in methods.blocks if isinstance(block, Note)]
    assert len(lines) >= 8
    for line in lines:
        label, colon, _rest = line.partition(":")
        assert not colon or line.count(f"{label}:") == 1, line
