"""A start reopens the last procedure only while it is still being recorded, and only for a user who may record."""

from __future__ import annotations

from mimic_desktop.services.accounts import AccountService
from mimic_desktop.ui.preferences import Preferences
from tests.support.ui_steps import sign_in_as


def test_a_procedure_still_being_recorded_reopens(make_window, store, coordinator, recorded):
    Preferences().remember_procedure(store.path, recorded)
    window = make_window(store, coordinator)
    assert window.proc_id == recorded and window.pages.currentWidget() is not window.list


def test_a_completed_procedure_does_not_reopen(make_window, store, coordinator, service, recorded):
    service.complete(recorded)
    Preferences().remember_procedure(store.path, recorded)
    window = make_window(store, coordinator)
    assert window.live is None and window.pages.currentWidget() is window.list
    assert Preferences().open_procedure(store.path) is None, "forgotten: the next start is on the list too"


def test_a_monitor_starts_on_the_list_and_the_coordinators_procedure_is_kept(make_window, store, coordinator, recorded):
    monitor = AccountService(store).create_user("mo.nitor", "Mo Nitor", "monitor", "monitor-pass", by=coordinator)
    Preferences().remember_procedure(store.path, recorded)
    window = make_window(store, monitor)
    assert window.live is None and window.pages.currentWidget() is window.list
    assert Preferences().open_procedure(store.path) == recorded


def test_a_monitor_signing_in_mid_procedure_lands_on_the_list(make_window, store, coordinator, recorded, monkeypatch):
    from mimic_desktop.ui.sign_in import SignInDialog

    AccountService(store).create_user("mo.nitor", "Mo Nitor", "monitor", "monitor-pass", by=coordinator)
    window = make_window(store, coordinator)
    window.open_procedure(recorded)

    monkeypatch.setattr(SignInDialog, "exec", sign_in_as("mo.nitor", "monitor-pass"))
    window.switch_user()
    assert window.context.user.username == "mo.nitor"
    assert window.live is None and window.pages.currentWidget() is window.list
