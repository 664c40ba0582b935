"""Signing in, switching user, and the first coordinator account of a fresh database."""

from __future__ import annotations

from mimic_desktop.domain.roles import Role
from mimic_desktop.services.accounts import AccountService
from mimic_desktop.services.demo import create_demo
from mimic_desktop.ui.sign_in import FirstAccountDialog, SignInDialog
from tests.support.enrolment import ENROLMENT
from tests.support.ui_steps import sign_in_as


def test_demo_hint_only_on_a_demo_database(ui_app, tmp_path, store, coordinator, qtbot):
    demo_store = create_demo(tmp_path / "demo.sqlite")
    try:
        demo = SignInDialog(AccountService(demo_store), demo=True)
        qtbot.addWidget(demo)
        hint = demo.findChild(type(demo.message), "demoHint")
        assert hint is not None and "demo-password" in hint.text()
    finally:
        demo_store.close()
    real = SignInDialog(AccountService(store), demo=False)
    qtbot.addWidget(real)
    assert real.findChild(type(real.message), "demoHint") is None


def test_wrong_password_is_said_plainly_and_right_one_signs_in(ui_app, store, coordinator, qtbot):
    dialog = SignInDialog(AccountService(store), demo=False)
    qtbot.addWidget(dialog)
    assert dialog.account.currentData() == "anna.coord"
    qtbot.keyClicks(dialog.password, "wrong password")
    dialog.accept()
    assert dialog.user is None
    assert dialog.message.text() == "Wrong user name or password."
    dialog.password.setText("correct horse")
    dialog.accept()
    assert dialog.user is not None and dialog.user.username == "anna.coord"


def test_fresh_database_asks_for_the_first_coordinator(ui_app, store, qtbot):
    accounts = AccountService(store)
    dialog = FirstAccountDialog(accounts)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.username, "Bea.Coord")
    qtbot.keyClicks(dialog.full_name, "Bea Coordinator")
    qtbot.keyClicks(dialog.password, "long enough")
    qtbot.keyClicks(dialog.repeat, "long enougH")
    dialog.accept()
    assert dialog.message.text() == "The two passwords differ." and not accounts.has_users()
    dialog.repeat.setText("long enough")
    dialog.accept()
    assert dialog.user is not None and dialog.user.role is Role.COORDINATOR
    assert accounts.sign_in("bea.coord", "long enough").full_name == "Bea Coordinator"


def test_switching_user_changes_who_records(make_window, store, coordinator, service, qtbot, monkeypatch):
    surgeon = AccountService(store).create_user(
        "sam.surgeon", "Sam Surgeon", Role.SURGEON, "surgeon pass", by=coordinator
    )
    proc_id = service.create("MIM-03-001", "03", ENROLMENT)
    window = make_window(store, coordinator)
    window.open_procedure(proc_id)

    monkeypatch.setattr(SignInDialog, "exec", sign_in_as("sam.surgeon", "surgeon pass"))
    window.switch_user()
    assert window.context.user == surgeon
    assert "Sam Surgeon" in window.user_label.text()
    assert window.live is not None and window.live.proc_id == proc_id, "the open procedure stays open"
    window.live.log("incision")
    assert service.load(proc_id).events[0].user == "sam.surgeon"


def test_monitor_sees_but_cannot_record(make_window, store, coordinator, service):
    monitor = AccountService(store).create_user(
        "mo.monitor", "Mo Monitor", Role.MONITOR, "monitor pass", by=coordinator
    )
    proc_id = service.create("MIM-03-001", "03", ENROLMENT)
    window = make_window(store, monitor)
    window.open_procedure(proc_id)
    assert not any(button.isEnabled() for button in window.live.buttons.buttons.values())
    assert not window.new_action.isEnabled()
