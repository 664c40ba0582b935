"""The summary prints every field of the form from its definition: a field added to forms/ appears with no code.

The PDFs are read back with pdftotext, as a person copying from them would."""

import json
import re
import shutil
import subprocess

import pytest

from mimic_desktop.domain import forms
from mimic_desktop.domain.wording import say
from mimic_desktop.services.accounts import AccountService
from mimic_desktop.services.demo import DEMO_PASSWORD, create_demo
from mimic_desktop.services.documents import write_questionnaire_pdf, write_summary_pdf
from mimic_desktop.services.procedures import ProcedureService

NEW_FIELDS = {
    "lesion": {
        "name": "lesion_consistency",
        "type": "choice",
        "required": False,
        "choices": [{"code": "firm", "en": "Firm on palpation", "nl": "Vast bij palpatie"}],
        "label": {"en": "Consistency of the lesion", "nl": "Consistentie van de laesie"},
    },
    "surgery": {
        "name": "pringle_minutes",
        "type": "integer",
        "min": 0,
        "max": 600,
        "unit": {"en": "min", "nl": "min"},
        "required": False,
        "label": {"en": "Pringle manoeuvre, total time", "nl": "Pringle-manoeuvre, totale duur"},
    },
    "postop": {
        "name": "drain_removed_day",
        "type": "integer",
        "min": 0,
        "max": 365,
        "required": False,
        "label": {"en": "Drain removed on day", "nl": "Drain verwijderd op dag"},
    },
    "complication": {
        "name": "treated_by",
        "type": "text",
        "required": False,
        "label": {"en": "Treated by radiology or surgery", "nl": "Behandeld door radiologie of chirurgie"},
    },
}
NEW_QUESTION = {
    "name": "q_room_light",
    "type": "text",
    "required": False,
    "label": {"en": "Was the room light dimmed enough?", "nl": "Was het licht in de zaal voldoende gedimd?"},
}


def clear_form_caches() -> None:
    for value in vars(forms).values():
        if callable(getattr(value, "cache_clear", None)):
            value.cache_clear()


@pytest.fixture
def extended_forms(tmp_path, monkeypatch):
    """A copy of the shipped forms with a field added to a procedure section before and after the lesions, to a
    lesion section, to the complications and to the questionnaire."""
    folder = tmp_path / "forms"
    shutil.copytree(forms.forms_dir(), folder)
    crf = json.loads((folder / "crf.json").read_text(encoding="utf-8"))
    for section in crf["sections"]:
        if section["name"] in NEW_FIELDS:
            section["fields"].append(NEW_FIELDS[section["name"]])
    (folder / "crf.json").write_text(json.dumps(crf), encoding="utf-8")
    questionnaire = json.loads((folder / "questionnaire.json").read_text(encoding="utf-8"))
    questionnaire["sections"][-1]["fields"].append(NEW_QUESTION)
    (folder / "questionnaire.json").write_text(json.dumps(questionnaire), encoding="utf-8")
    monkeypatch.setenv("MIMIC_FORMS_DIR", str(folder))
    monkeypatch.setenv("MIMIC_DEVELOPMENT", "1")
    clear_form_caches()
    yield
    clear_form_caches()


def pdf_text(path) -> str:
    """The PDF's text as pdftotext reads it in the order it was written, runs of white space made one space."""
    assert shutil.which("pdftotext"), "pdftotext is needed (apt-get install poppler-utils)"
    result = subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True)
    return re.sub(r"\s+", " ", re.sub(r"-\n", "-", result.stdout))  # a compound broken after its hyphen


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_a_field_added_to_a_copy_of_the_forms_is_printed(extended_forms, service, signed, tmp_path, lang):
    proc = service.load(signed)
    lesion = proc.lesions[1]
    service.set_values(signed, {"lesion_consistency": "firm"}, entity="lesion", entity_id=lesion.id, reason="found")
    service.set_values(signed, {"pringle_minutes": 35, "drain_removed_day": 3}, reason="from the notes")
    complication = proc.complications[0]
    service.set_values(
        signed, {"treated_by": "interventional radiology"}, entity="complication", entity_id=complication.id
    )
    service.set_values(signed, {"q_room_light": "yes, dim enough"}, reason="asked the surgeon")
    printed = pdf_text(write_summary_pdf(service, signed, tmp_path / f"summary-{lang}.pdf", lang))
    summary = printed.split(say("Audit trail", lang))[0]  # the record, without the list of changes made to it
    label = {name: forms.field_def(name).text(lang) for name in ("lesion_consistency", "pringle_minutes")}
    assert f"{label['lesion_consistency']} {forms.field_def('lesion_consistency').choice_text('firm', lang)}" in (
        summary
    )
    assert f"{label['pringle_minutes']} 35 min" in summary
    assert f"{forms.field_def('drain_removed_day').text(lang)} 3" in summary
    assert f"{forms.field_def('treated_by').text(lang)} interventional radiology" in summary
    # Under its own lesion: between that lesion's heading and the next one's.
    first_field = forms.crf().fields("lesion")[0].text(lang)
    second = summary.index(f"{say('Lesion {number}', lang, number=lesion.number)} {first_field}")
    third = summary.index(f"{say('Lesion {number}', lang, number=lesion.number + 1)} {first_field}")
    assert second < summary.index(label["lesion_consistency"]) < third
    assert summary.count(label["lesion_consistency"]) == 1, "an optional field left empty stays off the page"
    questionnaire = pdf_text(write_questionnaire_pdf(service, signed, tmp_path / f"q-{lang}.pdf", lang))
    assert NEW_QUESTION["label"][lang] in questionnaire and "yes, dim enough" in questionnaire


def test_every_lesion_field_of_the_form_is_printed_when_filled_in(service, signed, tmp_path):
    proc = service.load(signed)
    summary = pdf_text(write_summary_pdf(service, signed, tmp_path / "summary.pdf"))
    for lesion in proc.lesions:
        for fdef in forms.crf().fields("lesion"):
            if lesion.get(fdef.name) is not None:
                assert fdef.text() in summary, fdef.name
    assert forms.field_def("icg_pattern").text() in summary
    assert forms.field_def("detected_by").text() in summary


def test_the_demo_summary_shows_the_icg_pattern_and_how_each_lesion_was_detected(tmp_path):
    demo = create_demo(tmp_path / "demo.sqlite")
    service = ProcedureService(demo, AccountService(demo).sign_in("demo.coordinator", DEMO_PASSWORD))
    proc_id = next(row["id"] for row in service.list() if row["study_id"] == "MIM-01-002")
    proc = service.load(proc_id)
    for lang in ("en", "nl"):
        summary = pdf_text(write_summary_pdf(service, proc_id, tmp_path / f"demo-{lang}.pdf", lang))
        pattern, detected = forms.field_def("icg_pattern"), forms.field_def("detected_by")
        for lesion in proc.lesions:
            assert lesion.get("icg_pattern") and lesion.get("detected_by")
        shown_patterns = [pattern.choice_text(lesion.get("icg_pattern"), lang) for lesion in proc.lesions]
        shown_detection = [detected.choice_text(lesion.get("detected_by"), lang) for lesion in proc.lesions]
        assert summary.count(f"{pattern.text(lang)} ") == len(proc.lesions)
        assert summary.count(f"{detected.text(lang)} ") == len(proc.lesions)
        for shown in (*shown_patterns, *shown_detection):
            assert shown in summary
    demo.close()


@pytest.fixture
def a_new_section(tmp_path, monkeypatch):
    """A copy of the forms with a section of optional fields after the post-operative course."""
    folder = tmp_path / "forms"
    shutil.copytree(forms.forms_dir(), folder)
    crf = json.loads((folder / "crf.json").read_text(encoding="utf-8"))
    crf["sections"].append(
        {
            "name": "follow_up",
            "scope": "procedure",
            "title": {"en": "Follow-up at six months", "nl": "Controle na zes maanden"},
            "fields": [
                {
                    "name": "recurrence_seen",
                    "type": "boolean",
                    "required": False,
                    "label": {"en": "Recurrence seen on imaging", "nl": "Recidief gezien op beeldvorming"},
                }
            ],
        }
    )
    (folder / "crf.json").write_text(json.dumps(crf), encoding="utf-8")
    monkeypatch.setenv("MIMIC_FORMS_DIR", str(folder))
    monkeypatch.setenv("MIMIC_DEVELOPMENT", "1")
    clear_form_caches()
    yield
    clear_form_caches()


def test_a_new_section_is_printed_in_the_forms_order_even_when_nothing_in_it_is_filled_in(
    a_new_section, service, signed, tmp_path
):
    empty = pdf_text(write_summary_pdf(service, signed, tmp_path / "empty.pdf"))
    record = empty.split(say("Audit trail"))[0]
    assert "Follow-up at six months none" in record
    assert record.index("Post-operative course") < record.index("Follow-up at six months")
    service.set_values(signed, {"recurrence_seen": False}, reason="six-month scan")
    filled = pdf_text(write_summary_pdf(service, signed, tmp_path / "filled.pdf", "nl")).split(say("Audit trail", "nl"))
    assert "Controle na zes maanden Recidief gezien op beeldvorming Nee" in filled[0]


def test_a_choice_of_several_is_printed_in_words_not_codes(tmp_path):
    from mimic_desktop.domain import forms, values

    seen_with = forms.field_def("seen_with")
    assert values.display(seen_with, ["preop_imaging", "icg"], "en") == "Pre-operative imaging, ICG fluorescence"
    dutch = values.display(seen_with, ["icg"], "nl")
    assert dutch == seen_with.choice_text("icg", "nl") and dutch != "icg"
