"""Tables break lines between words, never inside one, and no page ends on a heading, in both languages."""

import itertools
import random
import re

import pytest

from mimic_desktop.domain import forms
from mimic_desktop.domain.wording import say
from mimic_desktop.reports.layout import CELL_PADDING
from mimic_desktop.reports.summary import field_pairs
from mimic_desktop.services.documents import write_questionnaire_pdf, write_summary_pdf
from mimic_desktop.services.simulate import record_procedure

from .conftest import paragraphs, read_pdf

LESION_TABLE_FIELDS = ("segments", "size_mm", "source", "treatment", "histology", "margin_mm", "r1_type")
CHOICE_FIELDS = ("source", "treatment", "histology", "r1_type")
# One lesion for each answer the lesion tables can show.
PATHOLOGY = (
    {"treatment": "resection", "histology": "crlm", "margin_mm": 0.3, "r1_type": "vascular"},
    {"treatment": "ablation", "histology": "other_malignancy", "margin_mm": 0.5, "r1_type": "parenchymal"},
    {"treatment": "none", "histology": "benign", "margin_mm": 4},
    {"source": "occult", "detected_by": "icg", "histology": "crlm", "margin_mm": 2},
)
SUMMARY_HEADINGS = (
    "Intraoperative timeline",
    "Lesions",
    "Changes in surgical management",
    "Complications (90 days)",
    "Still missing before the record can be completed",
    "Signatures",
    "Audit trail",
    "Changes with a reason",
)


def words_of(labels) -> set[str]:
    return {w for label in labels for w in label.split()}


def label_words(proc, lang: str) -> set[str]:
    """Every word of the summary's table headers, the printed field labels and the lesions' answers."""
    headers = ("Time", "Event", "Lesion", "Note", "Specimen side (ICG)", "Re-resection", "R status")
    headers += ("Who", "What", "Reason", "Days after surgery")
    labels = [say(header, lang) for header in headers]
    fields = (*LESION_TABLE_FIELDS, "description", "clavien_dindo", "onset_date")
    labels += [forms.field_def(name).text(lang) for name in fields]
    labels += [
        label
        for section in forms.crf().sections
        if section.scope == "procedure"
        for label, _ in field_pairs(proc.values, section.name, lang)
    ]
    for name in CHOICE_FIELDS:
        labels += [forms.field_def(name).choice_text(code, lang) for code in forms.field_def(name).choice_codes()]
    return words_of(labels)


def broken_words(reader, expected: set[str]) -> list[str]:
    """Expected words missing whole from every paragraph, and every line break that falls inside one.

    A break after a hyphen is a break between the parts of a compound, so a line ending in "-" is joined to
    the next before words are looked for.
    """
    found, problems = set(), []
    for lines in paragraphs(reader):
        joined = re.sub(r"-\n", "-", "\n".join(lines))
        found |= {w.rstrip(":;,.") for w in joined.split()} | set(joined.split())
        for upper, lower in itertools.pairwise(lines):
            tail, head = upper.split()[-1], lower.split()[0]
            if not tail.endswith("-") and tail + head in expected:
                problems.append(f"{tail}|{head}")
    return problems + sorted(expected - found)


@pytest.fixture
def every_answer(service, signed):
    """The signed record with a lesion for each treatment, histology, source and type of R1."""
    proc = service.load(signed)
    for lesion, values in zip(proc.lesions, PATHOLOGY, strict=True):
        service.set_values(signed, values, entity="lesion", entity_id=lesion.id)
    service.set_values(signed, {"hospital_stay_days": 6}, reason="discharge letter")
    return signed


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_table_headers_labels_and_answers_are_printed_in_whole_words(service, every_answer, tmp_path, lang):
    path = tmp_path / f"summary-{lang}.pdf"
    write_summary_pdf(service, every_answer, path, lang)
    _, reader = read_pdf(path)
    assert broken_words(reader, label_words(service.load(every_answer), lang)) == []


@pytest.mark.parametrize("lang", ["en", "nl"])
@pytest.mark.parametrize("blank", [False, True])
def test_questionnaire_labels_and_choices_are_printed_in_whole_words(service, signed, tmp_path, lang, blank):
    path = tmp_path / f"q-{lang}.pdf"
    write_questionnaire_pdf(service, signed, path, lang, blank=blank)
    _, reader = read_pdf(path)
    form, printed = forms.questionnaire(), forms.questionnaire().extras["document_labels"][lang]
    labels = [printed[key] for key in ("study_id", "centre", "surgery_date", "form_version", "signature", "meaning")]
    if blank:
        labels += [printed[key] for key in ("instructions", "printed_name", "date_time", "paper_meaning")]
    else:
        labels += [printed[key] for key in ("signed_electronically", "date_time", "content_hash")]
    labels += forms.likert_labels(lang)
    for fdef in form.fields():
        labels += [fdef.text(lang), *(fdef.choice_text(code, lang) for code in fdef.choice_codes())]
    assert broken_words(reader, words_of(labels)) == []


def body_lines(page: str, title: str) -> list[str]:
    """A page's lines above its running header, which is drawn after the content."""
    lines = [line.strip() for line in page.splitlines() if line.strip()]
    return lines[: lines.index(f"MIMIC · {title}")]


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_no_page_ends_on_a_heading(service, tmp_path, lang):
    """Records of one to six lesions move the page breaks through the whole summary."""
    headings = {say(english, lang) for english in SUMMARY_HEADINGS}
    headings |= {section.text(lang) for section in forms.crf().sections}
    headings |= {say("Lesion {number}", lang, number=n) for n in range(1, 7)}
    headings |= {say("Complication {number}", lang, number=n) for n in range(1, 3)}
    for lesions in range(1, 7):
        proc_id = record_procedure(service, random.Random(11), lesions=lesions)
        path = tmp_path / f"summary-{lang}-{lesions}.pdf"
        write_summary_pdf(service, proc_id, path, lang)
        pages, _ = read_pdf(path)
        for number, page in enumerate(pages, start=1):
            last = body_lines(page, say("Procedure summary", lang))[-1]
            assert last not in headings, f"{lesions} lesions: page {number} ends on the heading {last!r}"


def table_cells(story) -> list[tuple[object, float]]:
    """Every Paragraph in a table of the story, with the width of its column."""
    from reportlab.platypus import KeepTogether, Paragraph, Table

    cells = []
    for flowable in story:
        if isinstance(flowable, KeepTogether):
            cells += table_cells(flowable._content)
        elif isinstance(flowable, Table):
            for row in flowable._cellvalues:
                for cell, width in zip(row, flowable._colWidths, strict=True):
                    # Once laid out, reportlab holds each cell's flowables in a tuple.
                    held = cell if isinstance(cell, (list, tuple)) else [cell]
                    cells += [(item, width) for item in held if isinstance(item, Paragraph)]
    return cells


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_no_line_of_a_table_cell_is_wider_than_its_column(service, every_answer, tmp_path, monkeypatch, lang):
    from mimic_desktop.reports import questionnaire, summary

    stories = []
    for module in (summary, questionnaire):
        real = module.build

        def keep(path, story, *args, real=real, **kwargs):
            stories.append(list(story))  # building takes the flowables off the list
            return real(path, story, *args, **kwargs)

        monkeypatch.setattr(module, "build", keep)
    write_summary_pdf(service, every_answer, tmp_path / "summary.pdf", lang)
    write_questionnaire_pdf(service, every_answer, tmp_path / "q.pdf", lang)
    write_questionnaire_pdf(service, None, tmp_path / "blank.pdf", lang, blank=True)
    cells = [cell for story in stories for cell in table_cells(story)]
    assert len(stories) == 3 and len(cells) > 300
    too_wide = [
        f"{cell.text!r}: {max(cell.getActualLineWidths0()):.1f} in {width - 2 * CELL_PADDING:.1f}"
        for cell, width in cells
        if max(cell.getActualLineWidths0(), default=0) > width - 2 * CELL_PADDING + 1
    ]
    assert too_wide == []
