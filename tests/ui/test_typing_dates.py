"""A date or a date and time typed into a record page is stored exactly as typed, or refused in words.

Typed with real key presses on the record pages, on a machine in Amsterdam (local time is not UTC).
"""

from __future__ import annotations

import time
from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import Qt

from mimic_desktop.domain.clock import from_iso, to_iso
from mimic_desktop.ui import i18n
from tests.support.record_window import open_record

SHOWN = "%Y-%m-%d %H:%M:%S"


@pytest.fixture(autouse=True)
def in_amsterdam(monkeypatch):
    monkeypatch.setenv("TZ", "Europe/Amsterdam")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def window(make_window, store, coordinator, recorded):
    return open_record(make_window, store, coordinator, recorded)


@pytest.fixture
def patient(window):
    return window.record.show_page("patient")


@pytest.fixture
def icg_block(patient):
    return patient.blocks["icg"]


def stored_icg_time(service, proc_id) -> datetime:
    return from_iso(service.load(proc_id).get("icg_given_at")).astimezone()


def type_over_all(qtbot, edit, text: str) -> None:
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(edit, text)


def test_the_icg_time_is_shown_to_the_second_as_stored(icg_block, service, recorded):
    edit = icg_block.form.editors["icg_given_at"].input
    assert edit.text() == stored_icg_time(service, recorded).strftime(SHOWN)


@pytest.mark.parametrize(
    "typed_seconds",
    [pytest.param(True, id="with seconds"), pytest.param(False, id="to the minute")],
)
def test_a_whole_date_and_time_typed_over_the_shown_one_keeps_nothing_of_it(
    icg_block, service, recorded, qtbot, actions, typed_seconds
):
    old = stored_icg_time(service, recorded)
    seconds = (old.second + 13) % 60 if typed_seconds else 0
    wanted = (old - timedelta(days=1, minutes=7)).replace(second=seconds, microsecond=0)
    typed = wanted.strftime(SHOWN if typed_seconds else "%Y-%m-%d %H:%M")
    type_over_all(qtbot, icg_block.form.editors["icg_given_at"].input, typed)
    actions.click(icg_block.save_button)
    assert stored_icg_time(service, recorded) == wanted, "no second nor fraction of the old time is kept"


def test_typing_over_part_of_the_shown_time_changes_only_that_part(icg_block, service, recorded, qtbot, actions):
    old = stored_icg_time(service, recorded)
    edit = icg_block.form.editors["icg_given_at"].input
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_End)
    for _ in range(2):
        qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    seconds = (old.second + 17) % 60
    qtbot.keyClicks(edit, f"{seconds:02d}")
    actions.click(icg_block.save_button)
    assert stored_icg_time(service, recorded) == old.replace(second=seconds, microsecond=0)


def test_a_time_alone_falls_on_the_day_shown(icg_block, service, recorded, qtbot, actions):
    old = stored_icg_time(service, recorded)
    wanted = (old - timedelta(hours=1)).replace(second=41, microsecond=0)
    if wanted.date() != old.date():
        wanted = old.replace(hour=0, minute=1, second=41, microsecond=0)
    type_over_all(qtbot, icg_block.form.editors["icg_given_at"].input, wanted.strftime("%H:%M:%S"))
    actions.click(icg_block.save_button)
    assert stored_icg_time(service, recorded) == wanted


@pytest.mark.parametrize(
    ("lang", "label", "what"),
    [
        ("en", "Time ICG was given", "is not a date and time"),
        ("nl", "Tijdstip ICG-toediening", "is geen datum en tijd"),
    ],
)
def test_a_partial_or_impossible_time_is_named_kept_on_screen_and_loses_nothing(
    make_window, store, coordinator, service, recorded, qtbot, ui_app, shown_errors, lang, label, what
):
    i18n.install(ui_app, lang)
    window = open_record(make_window, store, coordinator, recorded, lang=lang)
    block = window.record.show_page("patient").blocks["icg"]
    before = service.load(recorded).get("icg_given_at")
    edit = block.form.editors["icg_given_at"].input
    # an impossible day, half a minute, a date without its time, an impossible hour, words
    for typed in ["2026-02-30 09:30:00", "2026-11-21 09:3", "2026-11-21", "25:10", "morning"]:
        type_over_all(qtbot, edit, typed)
        qtbot.mouseClick(block.save_button, Qt.MouseButton.LeftButton)
        assert len(shown_errors) == 1 and shown_errors[0].startswith(f"{label}: {typed!r} {what} ("), shown_errors
        assert ("JJJJ-MM-DD UU:MM:SS" if lang == "nl" else "YYYY-MM-DD HH:MM:SS") in shown_errors[0]
        shown_errors.clear()
        assert edit.text() == typed, "what was typed stays on screen to correct"
        assert edit.property("invalid") is True
        assert service.load(recorded).get("icg_given_at") == before, "the stored time is not touched"


@pytest.mark.parametrize(("lang", "label"), [("en", "Date of consent"), ("nl", "Datum toestemming")])
def test_a_partial_or_impossible_date_is_named_and_kept_on_screen(
    make_window, store, coordinator, service, recorded, qtbot, ui_app, shown_errors, lang, label
):
    i18n.install(ui_app, lang)
    window = open_record(make_window, store, coordinator, recorded, lang=lang)
    block = window.record.show_page("patient").blocks["eligibility"]
    before = service.load(recorded).get("consent_date")
    edit = block.form.editors["consent_date"].input
    for typed in ["2026-11-2", "2026-02-30", "30-11-2026"]:
        type_over_all(qtbot, edit, typed)
        qtbot.mouseClick(block.save_button, Qt.MouseButton.LeftButton)
        assert len(shown_errors) == 1 and shown_errors[0].startswith(f"{label}: {typed!r} "), shown_errors
        assert ("JJJJ-MM-DD" if lang == "nl" else "YYYY-MM-DD") in shown_errors[0]
        shown_errors.clear()
        assert edit.text() == typed
        assert service.load(recorded).get("consent_date") == before


def test_a_date_typed_as_shown_is_stored_as_typed(patient, service, recorded, qtbot, actions):
    block = patient.blocks["eligibility"]
    edit = block.form.editors["consent_date"].input
    assert edit.text() == service.load(recorded).get("consent_date"), "shown as YYYY-MM-DD"
    wanted = date.fromisoformat(edit.text()) - timedelta(days=3)
    type_over_all(qtbot, edit, wanted.isoformat())
    actions.click(block.save_button)
    assert service.load(recorded).get("consent_date") == wanted.isoformat()


def test_in_the_wizard_a_time_alone_is_todays_icg_time(make_window, store, coordinator, qtbot):
    window = make_window(store, coordinator)
    wizard = window.new_procedure()
    edit = wizard.icg.form.editors["icg_given_at"].input
    assert edit.text() == "" and edit.placeholderText() == "YYYY-MM-DD HH:MM:SS"
    type_over_all(qtbot, edit, "1")
    assert wizard.interval.text() == "Enter the time ICG was given to see the interval to now."
    given = (datetime.now() - timedelta(hours=2)).time().replace(microsecond=0)
    type_over_all(qtbot, edit, given.strftime("%H:%M:%S"))
    assert wizard.icg.form.values()["icg_given_at"] == to_iso(datetime.combine(date.today(), given).astimezone())
    assert wizard.interval.text().startswith("ICG to now:")
