"""Through the real widgets: the History page a monitor reads, and who may sign the questionnaire (the surgeon of
record, on answers that are theirs, with one of the form's meanings)."""

from __future__ import annotations

import csv
import io
import json

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QPushButton

from mimic_desktop.services.accounts import AccountService
from mimic_desktop.services.demo import DEMO_QUESTIONNAIRE
from mimic_desktop.services.procedures import ProcedureService
from mimic_desktop.services.signing import SigningService, signature_meaning
from mimic_desktop.ui.record.delegate_dialog import DelegateDialog
from mimic_desktop.ui.record.sign_dialog import SignDialog
from tests.support.record_window import open_record
from tests.support.signers import make_surgeon_of_record

SAM = "steady hands 42"


@pytest.fixture
def surgeon(store, coordinator):
    return AccountService(store).create_user("sam.surgeon", "Sam Snijder", "surgeon", SAM, by=coordinator)


@pytest.fixture
def monitor(store, coordinator):
    return AccountService(store).create_user("mo.nitor", "Mo Nitor", "monitor", "watchful eyes 7", by=coordinator)


@pytest.fixture
def reviewed(store, service, recorded, monitor):
    """A record completed, changed with a reason, and refused to a monitor."""
    service.complete(recorded)
    service.set_values(recorded, {"blood_loss_ml": 350}, reason="anaesthesia chart read again")
    with pytest.raises(Exception, match="read-only"):
        ProcedureService(store, monitor).set_values(recorded, {"blood_loss_ml": 1})
    return recorded


def table_rows(table) -> list[list[str]]:
    return [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]


def test_the_history_page_shows_every_entry_with_refusals_apart_and_filters_them(
    make_window, store, service, reviewed, monitor, actions
):
    window = open_record(make_window, store, monitor, reviewed)
    page = window.record.show_page("history")
    trail = service.audit_trail(reviewed)
    changes, refused = table_rows(page.changes), table_rows(page.refused)
    assert len(changes) + len(refused) == len(trail), "every entry of the record, none left out"
    assert [row[1] for row in refused] == ["Mo Nitor (mo.nitor)"]
    blood = next(row for row in changes if row[5] == "anaesthesia chart read again")
    assert blood[2] == "Estimated blood loss" and blood[4] == "350 mL"
    assert any(row[2] == "Completed and locked" for row in changes)
    assert f"{len(trail)} of {len(trail)} entries shown" == page.count.text()

    actions.choose(page.person, "mo.nitor")
    assert table_rows(page.changes) == [] and len(table_rows(page.refused)) == 1
    actions.choose(page.person, "")
    actions.choose(page.kind, "event")
    shown = table_rows(page.changes)
    assert shown and all(row[2].startswith("Event ") for row in shown)
    actions.choose(page.kind, "")
    actions.type(page.text, "CHART READ")
    assert [row[5] for row in table_rows(page.changes)] == ["anaesthesia chart read again"]
    assert "1 of" in page.count.text()


def test_the_history_is_saved_as_csv_and_pdf_and_never_over_the_database(
    make_window, store, db_path, service, reviewed, monitor, tmp_path, qtbot, shown_errors
):
    window = open_record(make_window, store, monitor, reviewed)
    page = window.record.show_page("history")
    page.save_to(tmp_path / "trail.csv", "csv")
    rows = list(csv.DictReader(io.StringIO((tmp_path / "trail.csv").read_text(encoding="utf-8-sig"))))
    assert len(rows) == len(service.audit_trail(reviewed))
    assert [row["username"] for row in rows if row["refused"] == "True"] == ["mo.nitor"]
    assert str(tmp_path / "trail.csv") in page.where.text()
    page.save_to(tmp_path / "trail.pdf", "pdf")
    qtbot.waitUntil(lambda: page.where.text().startswith("Written"), timeout=60_000)
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(tmp_path / "trail.pdf").pages).split())
    assert "Audit trail of the record" in text and "Refused attempts" in text and "anaesthesia chart" in text
    before = db_path.read_bytes()
    page.save_to(db_path, "csv")
    assert len(shown_errors) == 1 and shown_errors[0].startswith(f"Nothing was written: {db_path} is the database")
    shown_errors.clear()
    assert page.where.text() == "The file was not written."
    assert db_path.read_bytes() == before


def test_a_surgeon_who_is_not_the_surgeon_of_record_is_told_why_and_asked_no_password(
    make_window, store, service, coordinator, recorded, surgeon, actions, shown_errors
):
    kim = AccountService(store).create_user("kim.surgeon", "Kim Kapper", "surgeon", "other hands 1", by=coordinator)
    make_surgeon_of_record(store, recorded, surgeon)
    service.set_values(recorded, DEMO_QUESTIONNAIRE)
    window = open_record(make_window, store, kim, recorded)
    page = window.record.show_page("questionnaire")
    assert not any(b.isVisibleTo(page) for b in page.findChildren(QPushButton) if b.objectName().startswith("confirm_"))
    actions.click(page.sign_button)
    assert window.findChild(SignDialog) is None
    assert len(shown_errors) == 1 and shown_errors[0].startswith("Only the operating surgeon of MIM-01-001")
    shown_errors.clear()
    refused = [json.loads(r["new_value"]) for r in service.audit_trail(recorded) if r["field"] == "refused"]
    assert refused[-1]["action"] == "sign" and "kim.surgeon has none" in refused[-1]["message"]
    assert service.load(recorded).signatures == []


def test_the_surgeon_confirms_each_answer_then_signs_with_a_meaning_of_the_form(
    make_window, store, service, recorded, surgeon, actions, shown_errors
):
    make_surgeon_of_record(store, recorded, surgeon)
    service.complete(recorded)
    service.set_values(recorded, DEMO_QUESTIONNAIRE)  # first answers of a locked record: no reason needed
    window = open_record(make_window, store, surgeon, recorded)
    page = window.record.show_page("questionnaire")
    assert page.source_rows["q_usefulness"][0].text() == "entered by Anna Coordinator"
    assert "only after Sam Snijder confirms each" in page.sources_note.text()
    buttons = [b for b in page.findChildren(QPushButton) if b.objectName().startswith("confirm_")]
    visible = [b for b in buttons if b.isVisibleTo(page)]
    assert len(visible) == 7, "one Confirm per answer someone else entered"
    for button in visible:
        actions.click(button)
        assert not button.isVisibleTo(page)
    assert page.source_rows["q_continue_use"][0].text() == "entered by Anna Coordinator; confirmed by Sam Snijder"
    confirmations = [r for r in service.audit_trail(recorded) if r["entity"] == "answer"]
    assert len(confirmations) == 7 and {r["username"] for r in confirmations} == {"sam.surgeon"}

    def sign(dialog: SignDialog) -> None:
        meanings = [dialog.meaning.itemData(i) for i in range(dialog.meaning.count())]
        assert meanings == ["confirmed_author"], "answers typed by someone else are not signed as typed by oneself"
        actions.type(dialog.password, SAM)
        actions.click(dialog.sign_button)

    actions.answer_dialog(lambda: window.findChild(SignDialog), sign)
    actions.click(page.sign_button)
    signature = service.load(recorded).valid_signature()
    assert signature is not None and signature.meaning == signature_meaning("en", "confirmed_author")


def test_first_answers_on_a_locked_record_ask_no_reason_and_a_change_does(
    make_window, store, service, recorded, surgeon, actions, monkeypatch
):
    from mimic_desktop.ui import dialogs

    asked: list[str] = []  # the reasons asked for, answered at once
    monkeypatch.setattr(
        dialogs, "ask_typed", lambda _parent, _title, prompt, *_what: asked.append(prompt) or dialogs.Typed("wrong box")
    )
    make_surgeon_of_record(store, recorded, surgeon)
    service.complete(recorded)
    window = open_record(make_window, store, surgeon, recorded)
    page = window.record.show_page("questionnaire")
    actions.click(page.answers.form.editors["q_usefulness"]._likert.button(4))
    actions.click(page.answers.save_button)
    assert asked == [], "a first answer needs no reason"
    assert service.load(recorded).get("q_usefulness") == 4
    row = [r for r in service.audit_trail(recorded) if r["field"] == "q_usefulness"][-1]
    assert (row["username"], row["reason"]) == ("sam.surgeon", None)
    actions.click(page.answers.form.editors["q_usefulness"]._likert.button(3))
    actions.click(page.answers.save_button)
    assert len(asked) == 1 and "complete and locked" in asked[0]
    row = [r for r in service.audit_trail(recorded) if r["field"] == "q_usefulness"][-1]
    assert (json.loads(row["new_value"]), row["reason"]) == (3, "wrong box")


def test_a_coordinator_lets_another_surgeon_sign_with_a_reason(
    make_window, store, service, coordinator, recorded, surgeon, actions
):
    kim = AccountService(store).create_user("kim.surgeon", "Kim Kapper", "surgeon", "other hands 1", by=coordinator)
    make_surgeon_of_record(store, recorded, surgeon)
    window = open_record(make_window, store, coordinator, recorded)
    page = window.record.show_page("questionnaire")
    assert page.delegate_button.isVisibleTo(page)

    def delegate(dialog: DelegateDialog) -> None:
        offered = [dialog.surgeon.itemData(i) for i in range(dialog.surgeon.count())]
        assert offered == ["kim.surgeon"], "the surgeon of record needs no delegation"
        assert not dialog.confirm.isEnabled(), "no delegation without a reason"
        actions.type(dialog.reason, "Sam is abroad for a month")
        actions.click(dialog.confirm)

    actions.answer_dialog(lambda: window.findChild(DelegateDialog), delegate)
    actions.click(page.delegate_button)
    row = next(r for r in service.audit_trail(recorded) if r["entity"] == "delegation")
    assert (row["username"], row["reason"]) == ("anna.coord", "Sam is abroad for a month")
    assert "Kim Kapper (Sam is abroad for a month)" in page.sources_note.text()
    ProcedureService(store, kim).set_values(recorded, DEMO_QUESTIONNAIRE)
    signature = SigningService(store, kim).sign_questionnaire(recorded, "other hands 1")
    assert signature.meaning == signature_meaning("en", "delegate")
    kims_window = open_record(make_window, store, kim, recorded)
    assert not kims_window.record.show_page("questionnaire").delegate_button.isVisibleTo(kims_window)


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_a_delegation_s_reason_is_checked_for_identifiers_as_typed_and_kept_only_with_a_reason(
    ui_app, make_window, store, service, coordinator, recorded, surgeon, lang
):
    from PySide6.QtCore import QTimer

    from mimic_desktop.ui import i18n
    from tests.support.modal_answers import ModalAnswers

    i18n.install(ui_app, lang)
    AccountService(store).create_user("kim.surgeon", "Kim Kapper", "surgeon", "other hands 1", by=coordinator)
    make_surgeon_of_record(store, recorded, surgeon)
    window = open_record(make_window, store, coordinator, recorded, lang=lang)
    page = window.record.show_page("questionnaire")
    warnings: list[str] = []
    messages: list[str] = []

    def type_identifying(dialog: DelegateDialog) -> None:
        dialog.reason.setText("Sam is abroad; patient Mr. Jan Jansen asked for Kim")
        warnings.append(dialog.identifier_note.text() if not dialog.identifier_note.isHidden() else "")

        def press_then_rewrite() -> None:
            dialog.accept()  # asks whether to keep it: rewritten first, so the dialog stays open
            messages.append(dialog.message.text())
            dialog.accept()  # asked again: kept with a reason this time

        QTimer.singleShot(0, press_then_rewrite)

    answers_given = iter(["rewrite", "keep"])

    def keep_or_rewrite(dialog) -> None:
        if next(answers_given) == "rewrite":
            dialog.rewrite.click()
        else:
            dialog.reason.setText("the surgeon wants the request on record")
            dialog.keep.click()

    answers = ModalAnswers({"delegateDialog": type_identifying, "keepIdentifier": keep_or_rewrite})
    try:
        page.delegate_button.click()
    finally:
        answers.stop()
    assert answers.names() == ["delegateDialog", "keepIdentifier", "keepIdentifier"]
    expected = {"en": "Reason: this looks like it holds an identifier", "nl": "Reden: dit lijkt een identificerend"}
    assert warnings[0].startswith(expected[lang]), warnings
    assert messages[0] == {"en": "not saved: rewrite the text", "nl": "niet opgeslagen: herschrijf de tekst"}[lang]
    row = next(r for r in service.audit_trail(recorded) if r["entity"] == "delegation")
    assert row["reason"] == "Sam is abroad; patient Mr. Jan Jansen asked for Kim"
    kept = [r for r in service.audit_trail(recorded) if r["entity"] == "identifier"]
    assert [r["reason"] for r in kept] == ["the surgeon wants the request on record"]


def test_a_typed_surgeon_name_is_offered_to_a_coordinator_for_mapping(
    make_window, store, service, coordinator, recorded, surgeon, actions
):
    window = open_record(make_window, store, surgeon, recorded)
    offer = window.record.show_page("patient").surgeon_mapping
    assert offer.isVisibleTo(window) and "'Surgeon A' is a typed name" in offer.note.text()
    assert not offer.map_button.isVisibleTo(window), "only a coordinator maps"
    window = open_record(make_window, store, coordinator, recorded)
    patient = window.record.show_page("patient")
    offer = patient.surgeon_mapping
    assert [offer.account.itemData(i) for i in range(offer.account.count())] == ["sam.surgeon"]
    actions.click(offer.map_button)
    proc = service.load(recorded)
    assert (proc.surgeon_username, proc.get("surgeon")) == ("sam.surgeon", "Sam Snijder")
    assert not offer.isVisibleTo(window)
    assert not patient.blocks["surgery"].form.editors["surgeon"].input.isEnabled(), "an account is not typed over"
