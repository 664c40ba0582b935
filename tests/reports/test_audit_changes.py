"""The summary's list of changes made with a reason names what changed for people: which lesion or event,
old and new value, the old and the corrected time."""

from datetime import timedelta

import pytest

from mimic_desktop.domain import forms
from mimic_desktop.reports.layout import when
from mimic_desktop.services.documents import write_summary_pdf

from .conftest import column_text, read_pdf

HEADERS = {"en": ("What", "Reason"), "nl": ("Wat", "Reden")}
WORDING = {
    "en": {
        "time": "Time of {event} (lesion {n}) corrected: {old} → {new}",
        "struck": "Event struck through: {event} (lesion {n}) at {at}",
        "removed": "Lesion {n} removed from the record",
        "margin": "Lesion {n} · Resection margin: {old} mm → 0.4 mm",
        "voided": "Questionnaire signature of Sjoerd Citroën ({at}) voided",
        "answer": "{question}: {old} → {new}",
    },
    "nl": {
        "time": "Tijd van {event} (laesie {n}) gecorrigeerd: {old} → {new}",
        "struck": "Gebeurtenis doorgehaald: {event} (laesie {n}) om {at}",
        "removed": "Laesie {n} uit het dossier verwijderd",
        "margin": "Laesie {n} · Resectiemarge: {old} mm → 0.4 mm",
        "voided": "Handtekening van Sjoerd Citroën op de vragenlijst ({at}) vervallen",
        "answer": "{question}: {old} → {new}",
    },
}


@pytest.fixture
def corrected(service, signed):
    """The signed record after a time correction, a lesion entered by mistake, a revised margin and a changed
    answer (which voids the signature); the fixture already struck a note."""
    proc = service.load(signed)
    start = proc.first_event("transection_start")
    new_id = service.correct_event_time(start.id, start.moment + timedelta(seconds=95), "logged late")
    occult = service.record_event(
        signed, "occult_lesion", at=proc.first_event("incision").moment + timedelta(minutes=2)
    )
    service.strike_event(occult, "pressed O instead of L")
    second = proc.lesions[1]
    service.set_values(signed, {"margin_mm": 0.4}, entity="lesion", entity_id=second.id, reason="report revised")
    service.set_values(signed, {"q_usefulness": 2}, reason="surgeon corrected the answer")
    return proc, start, new_id, second


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_each_kind_of_change_is_worded_for_people(service, corrected, tmp_path, lang):
    proc, start, new_id, second = corrected
    now = service.load(proc.id)
    numbers = {lesion.id: lesion.number for lesion in [*now.lesions, *now.removed_lesions]}
    note = next(e for e in now.events if e.kind == "note")
    replacement = next(e for e in now.events if e.id == new_id)
    signature = now.signatures[-1]
    question = forms.field_def("q_usefulness")
    likert = forms.likert_labels(lang)
    event = forms.events()
    words = WORDING[lang]
    expected = [
        words["time"].format(
            event=event["transection_start"].text(lang),
            n=numbers[start.lesion_id],
            old=when(start.at, seconds=True),
            new=when(replacement.at, seconds=True),
        ),
        words["struck"].format(event=event["note"].text(lang), n=numbers[note.lesion_id], at=when(note.at, True)),
        words["removed"].format(n=5),
        words["margin"].format(n=second.number, old=f"{second.get('margin_mm'):g}"),
        words["voided"].format(at=when(signature.signed_at)),
        words["answer"].format(question=question.text(lang), old=likert[3], new=likert[1]),
    ]
    path = tmp_path / f"summary-{lang}.pdf"
    write_summary_pdf(service, proc.id, path, lang)
    _, reader = read_pdf(path)
    what = column_text(reader, *HEADERS[lang])
    for line in expected:
        assert line in what
    assert "False" not in what and "True" not in what
    # The corrected event's struck original is part of the correction, not a change of its own.
    assert what.count(event["transection_start"].text(lang)) == 1
