"""Typed values are not lost when the window closes, the user changes or the procedure closes: what can be
saved is saved, and what cannot is named, with the choice to go back to it or to discard it knowingly."""

from __future__ import annotations

import pytest

from tests.support.record_window import open_record


@pytest.fixture
def typed_age_and_wrong_cea(make_window, store, coordinator, recorded, actions, shown_errors):
    """Age 71 and CEA "abc" typed in the baseline block, not saved yet."""
    window = open_record(make_window, store, coordinator, recorded)
    block = window.record.show_page("patient").blocks["baseline"]
    age, cea = block.form.editors["age"].input, block.form.editors["cea"].input
    age.clear()
    actions.type(age, "71")
    cea.clear()
    actions.type(cea, "abc")
    return window, block


def test_closing_keeps_the_valid_value_and_asks_about_the_wrong_one(
    typed_age_and_wrong_cea, service, recorded, discard_asked
):
    window, block = typed_age_and_wrong_cea
    stored_cea = service.load(recorded).get("cea")
    discard_asked.answer = False  # "Go back"
    assert not window.close(), "the window stays to correct the value"
    assert len(discard_asked) == 1 and any("CEA" in line for line in discard_asked[0])
    assert service.load(recorded).get("age") == 71, "the valid value of the block is saved"
    assert service.load(recorded).get("cea") == stored_cea
    assert block.form.editors["cea"].input.text() == "abc", "the wrong value stays on screen to correct it"
    assert window.saved.state == "failed"

    discard_asked.answer = True  # "Discard them"
    assert window.close()
    assert len(discard_asked) == 2
    assert service.load(recorded).get("cea") == stored_cea


def test_closing_the_procedure_or_switching_user_stays_when_the_user_goes_back(
    typed_age_and_wrong_cea, recorded, discard_asked, monkeypatch
):
    from mimic_desktop.ui import sign_in

    window, _block = typed_age_and_wrong_cea
    discard_asked.answer = False
    window.close_procedure()
    assert window.proc_id == recorded and window.record is not None
    monkeypatch.setattr(sign_in.SignInDialog, "exec", lambda _dialog: pytest.fail("asked to sign in first"))
    window.switch_user()
    assert len(discard_asked) == 2
    assert window.proc_id == recorded

    discard_asked.answer = True
    window.close_procedure()
    assert window.proc_id is None and window.pages.currentWidget() is window.list
