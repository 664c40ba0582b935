"""Free text that looks like an identifier, typed into the app: the warning stands under it while it is typed, in the
window's language, and saving asks whether to rewrite it or keep it with a reason (which the audit trail records)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer

from mimic_desktop.domain import forms
from mimic_desktop.storage import audit
from mimic_desktop.ui import i18n
from mimic_desktop.ui.live.strike_dialog import StrikeDialog
from tests.support.enrolment import in_surgery as surgery_under_way
from tests.support.modal_answers import ModalAnswers
from tests.support.record_window import open_record

IDENTIFYING = "Mr. Jan Jansen (born 12-03-1961, hospital no. 1234567)"


@pytest.fixture
def in_surgery(service):
    return surgery_under_way(service, ("incision", "lesion_found"))


def kept_rows(store) -> list:
    return store.conn.execute("SELECT * FROM audit WHERE entity = 'identifier' ORDER BY seq").fetchall()


def type_then(text: str, warnings: list[str], then=None):
    """Answer a text prompt: type text, note the warning under it, press OK; then (if given) type again and OK."""

    def warning(dialog) -> str:
        return dialog.identifier_note.text() if not dialog.identifier_note.isHidden() else ""

    def press_ok(dialog) -> None:
        dialog.accept()  # opens the question about keeping it, answered by the ModalAnswers' own timer
        if then is not None and dialog.result() != dialog.DialogCode.Accepted:
            dialog.text.setText(then)
            warnings.append(warning(dialog))
            dialog.accept()

    def respond(dialog) -> None:
        dialog.text.setText(text)
        warnings.append(warning(dialog))
        # OK is pressed from the event loop, as a person would, so that the dialog it opens is seen and answered.
        QTimer.singleShot(0, lambda: press_ok(dialog))

    return respond


def keep_with(reason: str):
    def respond(dialog) -> None:
        dialog.reason.setText(reason)
        dialog.keep.click()

    return respond


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_a_note_is_warned_about_as_typed_and_rewritten(
    ui_app, make_window, store, coordinator, service, in_surgery, lang
):
    i18n.install(ui_app, lang)
    window = make_window(store, coordinator, lang=lang)
    window.open_procedure(in_surgery)
    warnings: list[str] = []
    answers = ModalAnswers(
        {
            "textPrompt": type_then(IDENTIFYING, warnings, then="Patient moved on the table"),
            "keepIdentifier": lambda dialog: dialog.rewrite.click(),
        }
    )
    try:
        window.live.log("note")
    finally:
        answers.stop()
    assert answers.names() == ["textPrompt", "keepIdentifier"]
    expected = {
        "en": "Note: this looks like it holds an identifier (date, long digit run, title and name).",
        "nl": "Notitie: dit lijkt een identificerend gegeven te bevatten (datum, lange reeks cijfers, aanhef en naam).",
    }
    assert warnings[0].startswith(expected[lang])
    assert warnings[1] == ""  # the rewritten text looks clean
    notes = [e.note for e in service.load(in_surgery).events if e.kind == "note"]
    assert notes == ["Patient moved on the table"]
    assert kept_rows(store) == []


def test_a_note_kept_with_a_reason_is_saved_with_it(make_window, store, coordinator, service, in_surgery):
    window = make_window(store, coordinator)
    window.open_procedure(in_surgery)
    answers = ModalAnswers(
        {"textPrompt": type_then(IDENTIFYING, []), "keepIdentifier": keep_with("the surgeon dictated it")}
    )
    try:
        window.live.log("note")
    finally:
        answers.stop()
    assert [e.note for e in service.load(in_surgery).events if e.kind == "note"] == [IDENTIFYING]
    [row] = kept_rows(store)
    assert row["reason"] == "the surgeon dictated it"
    assert audit.decode(row["new_value"])["in"] == "note"
    assert audit.check(store.conn).ok


def test_a_strike_reason_is_warned_about_and_kept_only_with_a_reason(
    make_window, store, coordinator, service, in_surgery
):
    window = make_window(store, coordinator)
    window.open_procedure(in_surgery)
    last = max(service.load(in_surgery).events, key=lambda e: e.id)
    warnings: list[str] = []
    answers = ModalAnswers(
        {"strikeDialog": type_then("wrong patient: mrs. De Vries", warnings), "keepIdentifier": keep_with("quoted")}
    )
    try:
        window.live.strike(last.id)
    finally:
        answers.stop()
    assert warnings[0].startswith("Reason: this looks like it holds an identifier (title and name)")
    struck = next(e for e in service.load(in_surgery).events if e.id == last.id)
    assert struck.struck and struck.struck_reason == "wrong patient: mrs. De Vries"
    assert [audit.decode(row["new_value"])["in"] for row in kept_rows(store)] == ["reason"]
    assert window.live.findChild(StrikeDialog) is None or not window.live.findChild(StrikeDialog).isVisible()


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_a_complication_description_is_warned_about_in_place_then_kept(
    ui_app, make_window, store, coordinator, service, in_surgery, actions, lang
):
    i18n.install(ui_app, lang)
    window = open_record(make_window, store, coordinator, in_surgery, lang=lang)
    postop = window.record.show_page("postop")
    actions.click(postop.new_button)
    editors = postop.complication.form.editors
    actions.type(editors["description"].input, IDENTIFYING)
    note = editors["description"].identifier_note
    assert note is not None and not note.isHidden()
    label = forms.field_def("description").text(lang)
    assert note.text().startswith(label + ": ")
    assert ("identificerend gegeven" if lang == "nl" else "identifier") in note.text()
    actions.choose(editors["clavien_dindo"].input, "I")
    # Rewrite first: nothing is saved, the text and its warning stay.
    answers = ModalAnswers({"keepIdentifier": lambda dialog: dialog.rewrite.click()})
    try:
        actions.click(postop.complication.save_button)
    finally:
        answers.stop()
    assert answers.names() == ["keepIdentifier"]
    assert service.load(in_surgery).complications == []
    assert not note.isHidden()
    answers = ModalAnswers({"keepIdentifier": keep_with("reported so by the GP")})
    try:
        actions.click(postop.complication.save_button)
    finally:
        answers.stop()
    assert [c.get("description") for c in service.load(in_surgery).complications] == [IDENTIFYING]
    assert [row["reason"] for row in kept_rows(store)] == ["reported so by the GP"]
    assert i18n.current() == lang


def test_a_coordinator_redacts_a_text_from_the_history_page(
    make_window, store, coordinator, service, in_surgery, actions
):
    keeping = service.keeping_identifiers("dictated")
    keeping.add_complication(in_surgery, {"description": IDENTIFYING, "clavien_dindo": "I"})
    window = open_record(make_window, store, coordinator, in_surgery)
    page = window.record.show_page("history")
    table_text = lambda: "\n".join(  # noqa: E731
        page.changes.item(row, column).text()
        for row in range(page.changes.rowCount())
        for column in range(page.changes.columnCount())
    )
    assert "Jansen" in table_text()
    row = next(r for r in range(page.changes.rowCount()) if page.changes.item(r, 4).text() == IDENTIFYING)
    page.changes.setCurrentCell(row, 4)

    def redact(dialog) -> None:
        assert dialog.text.text() == IDENTIFYING  # the chosen cell's text, to start from
        assert not dialog.ok.isEnabled()
        dialog.reason.setText("the patient's name, typed by mistake")
        dialog.ok.click()

    answers = ModalAnswers({"redactDialog": redact})
    try:
        actions.click(page.redact_button)
    finally:
        answers.stop()
    assert answers.names() == ["redactDialog"]
    assert service.load(in_surgery).complications[0].get("description") == "[redacted]"
    page = window.record.show_page("history")
    assert "Jansen" not in table_text() and "[redacted]" in table_text()
    assert audit.check(store.conn).ok


def test_a_surgeon_sees_no_redaction(make_window, store, coordinator, service, in_surgery):
    from mimic_desktop.services.accounts import AccountService

    surgeon = AccountService(store).create_user("sam", "Sam Snijder", "surgeon", "steady hands 42", by=coordinator)
    window = open_record(make_window, store, surgeon, in_surgery)
    assert window.record.show_page("history").redact_button.isHidden()
