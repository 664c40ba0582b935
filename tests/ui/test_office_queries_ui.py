"""The trial office's queries in the laptop's window: the office key registered in Settings, a query file imported
on the record's Queries page, the open questions beside the fields they concern, one answered in words and one
with the value corrected (the locked record asks for the reason), and both in the record's History."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from mimic_desktop.domain.data_queries import target
from mimic_desktop.exchange import query_file
from mimic_desktop.services import office_key
from mimic_desktop.ui import dialogs
from mimic_desktop.ui.record.queries_page import AnswerDialog
from mimic_desktop.ui.settings_dialog import SettingsDialog
from tests.support.record_window import open_record
from tests.support.ui_steps import answer_prompt

ASKED = "2026-12-01T10:00:00+00:00"


def query_file_for(folder: Path, study_id: str, centre: str = "01") -> Path:
    sent = [
        query_file.SentQuery(
            1, 1, study_id, target("lesion", "margin_mm", 1), "Please check the margin.", ASKED, "Dana"
        ),
        query_file.SentQuery(
            2, 1, study_id, target("field", "blood_loss_ml"), "Is the blood loss right?", ASKED, "Dana"
        ),
    ]
    path = folder / "queries.mimicq"
    path.write_bytes(query_file.write(centre, ASKED, sent, office_key.load_or_create()))
    return path


@pytest.fixture
def informed(monkeypatch):
    """What the window told the user in an information box (recorded instead of blocking)."""
    told: list[str] = []
    monkeypatch.setattr(dialogs, "inform", lambda _parent, _name, text: told.append(text))
    return told


@pytest.fixture
def completed(service, recorded):
    service.complete(recorded)
    return recorded


def test_the_office_key_is_registered_in_settings(make_window, store, coordinator, tmp_path, ui_app):
    window = make_window(store, coordinator)
    written = office_key.write_public_key(tmp_path / "office.pem")
    settings = SettingsDialog(window.prefs, window, window.context)
    section = settings.office_key
    assert section.state.text() == "No trial office key is registered yet."
    assert section.register(tmp_path / "office.pem")
    assert section.state.text() == f"Registered: fingerprint {written.fingerprint}"
    settings.deleteLater()


def test_queries_are_imported_shown_beside_their_fields_and_answered(
    make_window, store, coordinator, service, completed, tmp_path, actions, informed
):
    from mimic_desktop.services import query_answers

    office_key.write_public_key(tmp_path / "office.pem")
    query_answers.trust_office(store, coordinator, tmp_path / "office.pem")
    proc = service.load(completed)
    window = open_record(make_window, store, coordinator, completed)
    page = window.record.show_page("queries")
    assert page.summary.text() == "No queries from the trial office on this record."
    assert page.import_file(query_file_for(tmp_path, proc.study_id))
    assert informed == [
        "2 new quer(y/ies), 0 asked again, 0 received before (nothing changed); 0 about records not on this laptop."
    ]
    QApplication.processEvents()
    assert page.summary.text() == "2 queries waiting for an answer."
    rows = [[page.table.item(r, c).text() for c in range(5)] for r in range(page.table.rowCount())]
    margin = proc.lesions[0].get("margin_mm")
    assert rows[0] == ["1", "lesion 1, Resection margin", "Please check the margin.", str(margin), "(open)"]
    assert rows[1][:3] == ["2", "Estimated blood loss", "Is the blood loss right?"]

    # Beside the field: the lesion's margin and the blood loss are marked with the office's words.
    lesions = window.record.show_page("lesions")
    editor = lesions.pathology.form.editors["margin_mm"]
    assert editor.input.property("invalid") and "Trial office, query 1: Please check the margin." in editor.toolTip()
    surgery = window.record.show_page("patient").blocks["surgery"].form.editors["blood_loss_ml"]
    assert "Trial office, query 2: Is the blood loss right?" in surgery.toolTip()

    # Query 2 in words.
    page = window.record.show_page("queries")
    page.table.setCurrentCell(1, 0)

    def in_words(dialog: AnswerDialog) -> None:
        actions.type(dialog.text, "Checked with the anaesthetic chart.")
        actions.click(dialog.buttons.buttons()[0])

    actions.answer_dialog(QApplication.activeModalWidget, in_words)
    actions.click(page.answer_button)
    assert query_answers.queries(store, proc.study_id)[1].answer_text == "Checked with the anaesthetic chart."

    # Query 1 with the value corrected: the record is locked, so the reason is asked for.
    page.table.setCurrentCell(0, 0)
    seen: list[str] = []

    def corrected(dialog: AnswerDialog) -> None:
        actions.type(dialog.text, "Re-read the report: 2.5 mm.")
        actions.click(dialog.correct)
        actions.retype(dialog.value, "2.5")
        answer_prompt(page, actions, "pathology report re-read", seen)
        actions.click(dialog.buttons.buttons()[0])

    actions.answer_dialog(QApplication.activeModalWidget, corrected)
    actions.click(page.answer_button)
    assert "complete and locked" in seen[0]
    after = service.load(completed)
    assert after.lesions[0].get("margin_mm") == 2.5 and after.locked
    assert page.summary.text() == "0 queries waiting for an answer."
    assert not lesions.pathology.form.editors["margin_mm"].input.property("invalid")

    history = window.record.show_page("history")
    history_text = "\n".join(line.what for line in history.shown())
    assert "Query 1 from the trial office (round 1), on lesion 1, Resection margin" in history_text
    assert "Query 1 answered" in history_text and "Query 2 answered" in history_text


def test_a_file_for_another_centre_is_refused_in_words(
    make_window, store, coordinator, completed, service, tmp_path, shown_errors, informed
):
    from mimic_desktop.services import query_answers

    office_key.write_public_key(tmp_path / "office.pem")
    query_answers.trust_office(store, coordinator, tmp_path / "office.pem")
    window = open_record(make_window, store, coordinator, completed)
    page = window.record.show_page("queries")
    assert not page.import_file(query_file_for(tmp_path, service.load(completed).study_id, centre="07"))
    assert shown_errors == [
        "queries.mimicq was not imported: The file holds queries for centre 07; this laptop is centre 01."
    ]
    shown_errors.clear()
    assert informed == [] and page.table.rowCount() == 0
