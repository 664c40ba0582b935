import pytest

from mimic_desktop.domain import forms, values
from mimic_desktop.domain.errors import MimicError, NotFound, ValidationError
from mimic_desktop.services.demo import DEMO_QUESTIONNAIRE
from mimic_desktop.services.documents import write_questionnaire_pdf, write_summary_pdf
from mimic_desktop.services.signing import signature_meaning
from tests.support.signers import sign_as

from .conftest import COMMENT, SURGEON_PASSWORD, flat, paragraphs, read_pdf

TICKED, EMPTY = "☒", "☐"


def questionnaire_text(source, proc_id, path, lang="en", blank=False):
    assert write_questionnaire_pdf(source, proc_id, path, lang=lang, blank=blank) == path
    pages, _ = read_pdf(path)
    return pages, flat(" ".join(pages))


def expected_ticks(proc, lang):
    """The text of every ticked box the record's answers call for."""
    ticks = []
    for fdef in forms.questionnaire().fields():
        answer = proc.get(fdef.name)
        if fdef.type == "likert":
            ticks.append(forms.likert_labels(lang)[answer - 1])
        elif fdef.type in {"choice", "boolean"}:
            ticks.append(values.display(fdef, answer, lang))
    return ticks


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_filled_in_questionnaire_shows_every_label_and_the_answers(service, signed, tmp_path, lang):
    pages, text = questionnaire_text(service, signed, tmp_path / f"q-{lang}.pdf", lang)
    proc = service.load(signed)
    form = forms.questionnaire()
    assert form.title[lang] in text
    for fdef in form.fields():
        assert fdef.text(lang) in text
        for code in fdef.choice_codes():
            assert fdef.choice_text(code, lang) in text
    for label in forms.likert_labels(lang):
        assert label in text
    ticks = expected_ticks(proc, lang)
    assert text.count(TICKED) == len(ticks)
    for tick in ticks:
        assert f"{TICKED} {tick}" in text
    assert flat(COMMENT) in text  # long free text wraps, nothing is cut
    labels = form.extras["document_labels"][lang]
    assert f"{labels['study_id']} {proc.study_id}" in text
    assert f"{len(pages)}" in flat(pages[-1])


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_signature_block_names_signer_time_meaning_and_hash(service, signed, tmp_path, lang):
    _, text = questionnaire_text(service, signed, tmp_path / "q.pdf", lang)
    signature = service.load(signed).valid_signature()
    labels = forms.questionnaire().extras["document_labels"][lang]
    assert f"{labels['signed_electronically']} Sjoerd Citroën (sam.surgeon)" in text
    assert "Author: these answers were entered on my word" in text
    assert signature.content_hash in text.replace(" ", "")
    assert ("Signature valid" if lang == "en" else "Handtekening geldig") in text


def test_an_edit_after_signing_prints_as_unsigned(service, surgeon_service, signed, tmp_path):
    surgeon_service.set_values(signed, {"q_usefulness": 2}, reason="wrong box ticked")
    _, text = questionnaire_text(service, signed, tmp_path / "q.pdf")
    assert "Not signed" in text
    assert f"{TICKED} 2 poor" in text
    _, summary = read_pdf(write_summary_pdf(service, signed, tmp_path / "s.pdf"))
    summary_text = flat(" ".join(page.extract_text() for page in summary.pages))
    assert "VOIDED" in summary_text and "wrong box ticked" in summary_text


def test_a_tampered_answer_prints_a_broken_signature(store, service, signed, tmp_path):
    with store.transaction() as db:
        db.conn.execute(
            "UPDATE field_values SET value='false' WHERE procedure_id=? AND field='q_continue_use'", (signed,)
        )
    _, text = questionnaire_text(service, signed, tmp_path / "q.pdf")
    assert "SIGNATURE BROKEN" in text


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_blank_form_for_paper_has_empty_boxes_only(service, signed, tmp_path, lang):
    _, text = questionnaire_text(service, signed, tmp_path / "blank.pdf", lang, blank=True)
    proc = service.load(signed)
    form = forms.questionnaire()
    labels = form.extras["document_labels"][lang]
    assert TICKED not in text
    boxes = sum(len(f.choice_codes()) or (5 if f.type == "likert" else 2) for f in form.fields() if f.type != "text")
    assert text.count(EMPTY) == boxes
    assert proc.study_id in text
    assert flat(COMMENT)[:40] not in text
    assert proc.valid_signature().content_hash not in text.replace(" ", "")
    for key in ("printed_name", "date_time", "signature", "paper_meaning", "instructions"):
        assert labels[key] in text
    for fdef in form.fields():
        assert fdef.text(lang) in text


def test_a_blank_form_needs_no_record(store, tmp_path):
    _, text = questionnaire_text(store, None, tmp_path / "blank.pdf", "nl", blank=True)
    assert "Vragenlijst operateur" in text
    assert "Pagina 1 van 1" in text


def test_unanswered_questions_print_unticked(service, recorded, tmp_path):
    _, text = questionnaire_text(service, recorded, tmp_path / "q.pdf")
    assert TICKED not in text
    assert "not answered" in text
    assert "Not signed" in text


def test_bad_requests_are_named(service, signed, tmp_path):
    with pytest.raises(ValidationError, match="en or nl"):
        write_summary_pdf(service, signed, tmp_path / "x.pdf", lang="de")
    with pytest.raises(MimicError, match="does not exist"):
        write_summary_pdf(service, signed, tmp_path / "no" / "x.pdf")
    with pytest.raises(NotFound):
        write_summary_pdf(service, "nope", tmp_path / "x.pdf")
    with pytest.raises(ValidationError, match="blank one"):
        write_questionnaire_pdf(service, None, tmp_path / "x.pdf")
    assert not list(tmp_path.glob("x.pdf*"))


def test_a_failed_write_keeps_the_earlier_file(service, signed, tmp_path, monkeypatch):
    target = tmp_path / "summary.pdf"
    write_summary_pdf(service, signed, target)
    before = target.read_bytes()

    def full_disk(*_args, **_kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("mimic_desktop.reports.summary.build", full_disk)
    with pytest.raises(MimicError, match="No space left"):
        write_summary_pdf(service, signed, target)
    assert target.read_bytes() == before
    assert not list(tmp_path.glob("*.part"))


def statements(lang: str) -> str:
    """The form's meaning of a signature on answers the surgeon confirmed, in lang."""
    return signature_meaning(lang, "confirmed_author")


@pytest.mark.parametrize(("signed_in", "printed_in"), [("en", "nl"), ("nl", "en"), ("nl", "nl")])
def test_the_meaning_prints_as_signed_with_the_statement_in_the_documents_language(
    store, service, recorded, surgeon, tmp_path, signed_in, printed_in
):
    """The signed words are never replaced; a statement signed in the other language is followed by the
    form's statement in the language of the document, marked as such, on both PDFs."""
    service.set_values(recorded, DEMO_QUESTIONNAIRE)
    sign_as(store, surgeon, recorded, SURGEON_PASSWORD, lang=signed_in)
    translated = {
        "nl": f"(ondertekend in het Engels; in het Nederlands: {statements('nl')})",
        "en": f"(signed in Dutch; in English: {statements('en')})",
    }[printed_in]
    expected = statements(signed_in) + (f" {translated}" if signed_in != printed_in else "")
    for path in (
        write_questionnaire_pdf(service, recorded, tmp_path / "q.pdf", printed_in),
        write_summary_pdf(service, recorded, tmp_path / "summary.pdf", printed_in),
    ):
        _, reader = read_pdf(path)
        cells = [flat(" ".join(lines)) for lines in paragraphs(reader)]
        assert expected in cells, path.name
        assert sum(statements(printed_in) in cell for cell in cells) == 1, path.name
