"""Every key the report emits is documented in docs/trial-report.md, and the page lists no other."""

import typing
from pathlib import Path

from mimic_desktop.analysis.keys import described_fields, key_reference, nested, replace_reference
from mimic_desktop.analysis.report import TrialReport
from tests.support.flat_tables import lesion, procedure, report

PAGE = Path(__file__).resolve().parents[2] / "docs" / "trial-report.md"


def undocumented(data, cls: type, path: str = "") -> list[str]:
    """Walk the emitted data along the documented dataclasses; return every key that does not match."""
    documented = {name: hint for name, hint, _ in described_fields(cls)}
    problems = [f"{path}{key}" for key in data.keys() ^ documented.keys()]
    for key, hint in documented.items():
        inner = nested(hint)
        if not inner or data.get(key) is None:
            continue
        items = data[key] if typing.get_origin(hint) is list else [data[key]]
        for item in items:
            problems += undocumented(item, inner[0], f"{path}{key}.")
    return problems


def test_the_page_holds_the_reference_generated_from_the_code():
    page = PAGE.read_text(encoding="utf-8")
    assert replace_reference(page, key_reference(TrialReport)) == page, "run python docs/report/make_examples.py"


def test_every_emitted_key_is_documented_and_every_documented_key_emitted():
    proc = procedure(1)
    data = report([proc], [lesion(proc, fluorescent=True, r1="vascular"), lesion(proc)])
    assert data["counted"]["exclusions"] == [] and data["enrolment"]
    assert undocumented(data, TrialReport) == []
    left_out = report([proc, procedure(2, demo=True)], [])
    assert left_out["counted"]["exclusions"]
    assert undocumented(left_out, TrialReport) == []


def test_the_check_finds_a_key_the_page_does_not_list():
    proc = procedure(1)
    data = report([proc], [lesion(proc)])
    data["margins"]["r0_before"]["extra"] = 1
    del data["flow"]["lesions"]
    assert sorted(undocumented(data, TrialReport)) == ["flow.lesions", "margins.r0_before.extra"]
