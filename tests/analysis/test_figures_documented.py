"""docs/trial-report.md describes every section the report shows, with its method and how it compares with the
paper, and lists every method a figure may name."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from mimic_desktop.analysis.keys import METHODS_END, METHODS_START, methods_named, methods_reference, replace_reference
from mimic_desktop.analysis.report import METHODS
from mimic_desktop.services.report_layout import sections
from mimic_desktop.services.trial_report import report_data, synthetic_tables, trial_report
from tests.support.flat_tables import lesion, procedure, report

PAGE = Path(__file__).resolve().parents[2] / "docs" / "trial-report.md"
PART = "## Every figure, its method and what differs from the paper"


@pytest.fixture(scope="module")
def synthetic():
    return trial_report(synthetic_tables(seed=1), "synthetic cohort, seed 1")


def entries() -> dict[str, str]:
    """The page's entries under PART: heading -> text."""
    page = PAGE.read_text(encoding="utf-8")
    part = page.split(PART, 1)[1].split("\n## ", 1)[0]
    found = re.split(r"^### (.+)$", part, flags=re.MULTILINE)
    return {found[i].strip(): found[i + 1] for i in range(1, len(found), 2)}


def test_every_section_has_its_entry_with_what_it_shows_its_method_and_the_paper(synthetic):
    described = entries()
    headings = [section.heading for section in sections(synthetic, "en")]
    assert list(described) == headings, "one entry per section, in the report's order"
    for heading, text in described.items():
        for label in ("Shows:", "Method:", "Compared with the paper:"):
            assert label in text, (heading, label)


def test_the_list_of_methods_is_generated_and_holds_every_method_a_report_names(synthetic):
    page = PAGE.read_text(encoding="utf-8")
    assert replace_reference(page, methods_reference(METHODS), METHODS_START, METHODS_END) == page, (
        "run python docs/report/make_examples.py"
    )
    listed = {str(method) for method in METHODS}
    proc = procedure(1)
    # An empty cell makes the odds ratio penalised and a small table Fisher's exact test.
    small = report([proc, procedure(12)], [lesion(proc, fluorescent=True, r1="parenchymal")])
    for data in (report_data(synthetic), small):
        assert set(methods_named(data)) <= listed
    assert len(listed) == len(METHODS)
