"""Every page of a practice record's PDFs says DEMO plainly: in the running header and in large letters
across the page; a trial record's pages never do."""

import random

import pytest

from mimic_desktop.domain.wording import say
from mimic_desktop.services.accounts import AccountService
from mimic_desktop.services.documents import write_questionnaire_pdf, write_summary_pdf
from mimic_desktop.services.procedures import ProcedureService
from mimic_desktop.services.simulate import record_procedure

from .conftest import read_pdf

LARGE = 48  # points: a mark across the page, not a word in the margin


@pytest.fixture
def demo_record(store, coordinator):
    practice = AccountService(store).create_user(
        "demo.coordinator", "Demo Coordinator", "coordinator", "practice only", by=coordinator, demo=True
    )
    service = ProcedureService(store, practice)
    return service, record_procedure(service, random.Random(5), lesions=3)


def large_marks(page) -> list[str]:
    """The texts the page draws in letters of LARGE points or more."""
    found = []

    def visit(text, cm, tm, _font, size):
        scale = (tm[0] * cm[0] + tm[1] * cm[2]) ** 2 + (tm[0] * cm[1] + tm[1] * cm[3]) ** 2
        if text.strip() and size * scale**0.5 >= LARGE:
            found.append(text.strip())

    page.extract_text(visitor_text=visit)
    return found


def write_both(service, proc_id, folder, lang):
    summary = write_summary_pdf(service, proc_id, folder / f"summary-{lang}.pdf", lang)
    questionnaire = write_questionnaire_pdf(service, proc_id, folder / f"questionnaire-{lang}.pdf", lang)
    return [summary, questionnaire]


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_every_page_of_a_demo_records_pdfs_is_marked(demo_record, tmp_path, lang):
    service, proc_id = demo_record
    assert service.load(proc_id).demo
    for path in write_both(service, proc_id, tmp_path, lang):
        pages, reader = read_pdf(path)
        assert len(pages) >= (2 if "summary" in path.name else 1)
        for number, page in enumerate(reader.pages, start=1):
            assert say("DEMO RECORD: not trial data", lang) in page.extract_text(), f"{path.name} page {number}"
            assert "DEMO" in large_marks(page), f"{path.name} page {number}"


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_a_trial_records_pdfs_carry_no_demo_mark(service, signed, tmp_path, lang):
    for path in write_both(service, signed, tmp_path, lang):
        pages, reader = read_pdf(path)
        assert not any("DEMO" in page for page in pages)
        assert not any(large_marks(page) for page in reader.pages)
