"""The account pages, changing one's own password, a reset password at sign-in, and the locked screen."""

from __future__ import annotations

import contextlib

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton

from mimic_desktop.domain.errors import AuthenticationFailed
from mimic_desktop.services.accounts import AccountService
from mimic_desktop.storage import audit
from mimic_desktop.ui.accounts_dialog import AccountsDialog, NewAccountDialog
from mimic_desktop.ui.form_widget import FormWidget
from mimic_desktop.ui.password_dialog import ChangePasswordDialog
from mimic_desktop.ui.sign_in import SignInDialog
from tests.support.enrolment import ENROLMENT
from tests.support.modal_answers import ModalAnswers

SURGEON_PASSWORD = "steady hands 42"


def make_surgeon(store, coordinator):
    return AccountService(store).create_user("sam.surgeon", "Sam Snijder", "surgeon", SURGEON_PASSWORD, by=coordinator)


def test_a_coordinator_adds_an_account_whose_owner_types_the_password(ui_app, store, coordinator, qtbot):
    page = AccountsDialog(AccountService(store), coordinator)
    qtbot.addWidget(page)
    dialog = NewAccountDialog(AccountService(store), coordinator, page)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.username, "Sam.Surgeon")
    qtbot.keyClicks(dialog.full_name, "Sam Snijder")
    dialog.role.setCurrentIndex(dialog.role.findData("surgeon"))
    qtbot.keyClicks(dialog.password, "12345678")
    qtbot.keyClicks(dialog.repeat, "12345678")
    dialog.accept()
    assert "at least 10" in dialog.message.text() and dialog.user is None
    for edit in (dialog.password, dialog.repeat):
        edit.setText("1234567890")
    dialog.accept()
    assert "most common" in dialog.message.text()
    for edit in (dialog.password, dialog.repeat):
        edit.setText(SURGEON_PASSWORD)
    dialog.accept()
    assert dialog.user is not None and dialog.user.username == "sam.surgeon"
    page.refresh()
    names = [page.table.item(row, 0).text() for row in range(page.table.rowCount())]
    assert names == ["anna.coord", "sam.surgeon"]


def test_reset_deactivate_reactivate_release_and_role_from_the_page(ui_app, store, coordinator, qtbot):
    make_surgeon(store, coordinator)
    accounts = AccountService(store)
    page = AccountsDialog(accounts, coordinator)
    qtbot.addWidget(page)
    page.show()
    page.select("sam.surgeon")
    answers = ModalAnswers({"temporaryPassword": lambda box: box.accept()})
    qtbot.mouseClick(page.reset_button, Qt.MouseButton.LeftButton)
    answers.stop()
    shown = answers.text("temporaryPassword")
    temporary = shown.split("\n\n")[1]
    assert accounts.sign_in("sam.surgeon", temporary).must_change_password
    assert page.table.item(1, 3).text() == "must choose a new password"
    qtbot.mouseClick(page.active_button, Qt.MouseButton.LeftButton)
    assert page.table.item(1, 3).text() == "deactivated" and page.active_button.text() == "Reactivate"
    qtbot.mouseClick(page.active_button, Qt.MouseButton.LeftButton)
    page.role.setCurrentIndex(page.role.findData("monitor"))
    qtbot.mouseClick(page.role_button, Qt.MouseButton.LeftButton)
    assert page.table.item(1, 2).text() == "monitor"
    for _ in range(5):
        with contextlib.suppress(AuthenticationFailed):
            accounts.sign_in("sam.surgeon", "wrong wrong wrong")
    page.refresh()
    assert page.table.item(1, 3).text().startswith("waits until") and page.release_button.isEnabled()
    qtbot.mouseClick(page.release_button, Qt.MouseButton.LeftButton)
    assert not page.table.item(1, 3).text().startswith("waits")
    page.select("anna.coord")
    qtbot.mouseClick(page.active_button, Qt.MouseButton.LeftButton)
    assert "own account" in page.message.text()
    assert audit.check(store.conn).ok


def test_a_reset_password_is_changed_at_sign_in_before_anything_else(ui_app, store, coordinator, qtbot):
    make_surgeon(store, coordinator)
    temporary = AccountService(store).reset_password(coordinator, "sam.surgeon")
    dialog = SignInDialog(AccountService(store), demo=False)
    qtbot.addWidget(dialog)
    dialog.account.setCurrentIndex(dialog.account.findData("sam.surgeon"))
    qtbot.keyClicks(dialog.password, temporary)

    def choose(change: ChangePasswordDialog) -> None:
        assert change.findChild(type(change.message), "mustChangeHint") is not None
        change.new.setText("my own new secret")
        change.repeat.setText("my own new secret")
        change.accept()

    answers = ModalAnswers({"changePassword": choose})
    dialog.accept()
    answers.stop()
    assert answers.names() == ["changePassword"]
    assert dialog.user is not None and not dialog.user.must_change_password
    assert AccountService(store).sign_in("sam.surgeon", "my own new secret").username == "sam.surgeon"


def test_a_reset_password_left_unchanged_does_not_sign_in(ui_app, store, coordinator, qtbot):
    make_surgeon(store, coordinator)
    temporary = AccountService(store).reset_password(coordinator, "sam.surgeon")
    dialog = SignInDialog(AccountService(store), demo=False)
    qtbot.addWidget(dialog)
    dialog.account.setCurrentIndex(dialog.account.findData("sam.surgeon"))
    dialog.password.setText(temporary)
    answers = ModalAnswers({})  # the change dialog is closed unanswered
    dialog.accept()
    answers.stop()
    assert dialog.user is None and "password of your own" in dialog.message.text()


def test_change_my_password_from_the_window(make_window, store, coordinator, qtbot):
    window = make_window(store, coordinator)

    def change(dialog: ChangePasswordDialog) -> None:
        dialog.current.setText("not the password")
        dialog.new.setText("a new long secret")
        dialog.repeat.setText("a new long secret")
        dialog.accept()
        assert "Wrong user name or password" in dialog.message.text()
        dialog.current.setText("correct horse")
        dialog.accept()

    answers = ModalAnswers({"changePassword": change})
    window.password_action.trigger()
    answers.stop()
    assert AccountService(store).sign_in("anna.coord", "a new long secret").username == "anna.coord"
    rows = store.read("SELECT new_value FROM audit WHERE entity = 'sign_in'")
    assert [audit.decode(r["new_value"])["where"] for r in rows] == ["app"]


def test_only_a_coordinator_sees_the_accounts_page(make_window, store, coordinator, qtbot):
    surgeon = make_surgeon(store, coordinator)
    assert make_window(store, coordinator).accounts_action.isVisible()
    assert not make_window(store, surgeon).accounts_action.isVisible()


def typed_cea(window, text: str):
    window.record.show_page("patient")
    QApplication.processEvents()
    form = next(f for f in window.record.findChildren(FormWidget) if "cea" in f.editors)
    edit = form.editors["cea"].input
    edit.setFocus()
    window.activateWindow()
    return edit


def test_the_locked_screen_hides_the_record_keeps_what_was_typed_and_needs_the_password(
    make_window, store, coordinator, service, qtbot
):
    proc_id = service.create("MIM-03-001", "03", ENROLMENT)
    window = make_window(store, coordinator)
    window.open_procedure(proc_id)
    window.tabs.setCurrentIndex(1)
    QApplication.processEvents()
    edit = typed_cea(window, "")
    qtbot.keyClicks(edit, "4.5")
    window.lock_when_idle()  # what the idle timer calls after the minutes set in Settings
    cover = window.lock_screen
    assert cover is not None and cover.isVisible() and cover.geometry() == window.rect()
    assert not window.centralWidget().isEnabled() and not window.new_action.isEnabled()
    qtbot.keyClicks(cover.password, "guess one two")
    qtbot.keyClick(cover.password, Qt.Key.Key_Return)
    assert "Wrong user name or password" in cover.message.text() and window.lock_screen is cover
    failed = store.read("SELECT new_value FROM audit WHERE entity = 'sign_in'")
    assert [audit.decode(r["new_value"])["where"] for r in failed] == ["app"]
    assert service.load(proc_id).get("cea") is None  # nothing was saved behind the cover
    cover.password.setText("correct horse")
    qtbot.keyClick(cover.password, Qt.Key.Key_Return)
    assert window.lock_screen is None and window.centralWidget().isEnabled() and window.new_action.isEnabled()
    assert edit.text() == "4.5"  # what was typed is there, still to be saved


def test_the_live_screen_of_a_procedure_being_recorded_is_never_locked(make_window, store, coordinator, service, qtbot):
    proc_id = service.create("MIM-03-001", "03", ENROLMENT)
    window = make_window(store, coordinator)
    window.open_procedure(proc_id)
    qtbot.keyClick(window.live, Qt.Key.Key_I)
    assert window.tabs.currentWidget() is window.live
    window.lock_when_idle()
    assert window.lock_screen is None and window.idle.timer.isActive()
    window.tabs.setCurrentIndex(1)  # the record pages of the same procedure do lock
    window.lock_when_idle()
    assert window.lock_screen is not None
    window.lock_screen.password.setText("correct horse")
    window.lock_screen.unlock()
    assert window.lock_screen is None


def test_the_idle_time_is_set_in_settings(make_window, store, coordinator, qtbot):
    from mimic_desktop.ui.preferences import Preferences
    from mimic_desktop.ui.settings_dialog import SettingsDialog

    window = make_window(store, coordinator)
    assert window.idle.timer.interval() == 15 * 60_000
    dialog = SettingsDialog(window.prefs, window, context=window.context)
    qtbot.addWidget(dialog)
    dialog.lock_minutes.setValue(5)
    dialog.accept()
    assert Preferences().lock_minutes == 5
    dialog.lock_minutes.setValue(0)
    dialog.accept()
    assert Preferences().lock_minutes == 0 and dialog.lock_minutes.text() == "never"


def test_someone_else_signs_in_at_the_locked_screen_and_what_was_typed_stays_its_typists(
    make_window, store, coordinator, service, qtbot
):
    surgeon = make_surgeon(store, coordinator)
    proc_id = service.create("MIM-03-001", "03", ENROLMENT)
    window = make_window(store, coordinator)
    window.open_procedure(proc_id)
    window.tabs.setCurrentIndex(1)
    QApplication.processEvents()
    edit = typed_cea(window, "")
    qtbot.keyClicks(edit, "4.5")
    window.lock()

    def sign_in(dialog: SignInDialog) -> None:
        dialog.account.setCurrentIndex(dialog.account.findData("sam.surgeon"))
        dialog.password.setText(SURGEON_PASSWORD)
        dialog.accept()

    answers = ModalAnswers({"signIn": sign_in})
    qtbot.mouseClick(window.lock_screen.findChild(QPushButton, "switchFromLock"), Qt.MouseButton.LeftButton)
    answers.stop()
    assert window.lock_screen is None and window.context.user == surgeon
    rows = store.read("SELECT username FROM audit WHERE field = 'cea'")
    assert [row["username"] for row in rows] == ["anna.coord"]  # saved as typed by the person before
    assert service.load(proc_id).get("cea") == 4.5


def test_a_cancelled_sign_in_at_the_locked_screen_keeps_it_locked(make_window, store, coordinator, qtbot):
    window = make_window(store, coordinator)
    window.lock()
    answers = ModalAnswers({})  # the sign-in dialog is closed unanswered
    window.lock_screen.switch_requested.emit()
    answers.stop()
    assert answers.names() == ["signIn"] and window.lock_screen is not None
    window.lock_screen.password.setText("correct horse")
    window.lock_screen.unlock()
    assert window.lock_screen is None


def test_both_account_forms_speak_dutch_with_their_refusals(ui_app, store, coordinator, qtbot):
    from PySide6.QtWidgets import QLabel

    from mimic_desktop.ui import i18n
    from mimic_desktop.ui.sign_in import FirstAccountDialog

    i18n.install(ui_app, "nl")
    for dialog in (NewAccountDialog(AccountService(store), coordinator), FirstAccountDialog(AccountService(store))):
        qtbot.addWidget(dialog)
        labels = {label.text() for label in dialog.findChildren(QLabel)}
        assert {"Gebruikersnaam", "Volledige naam", "Wachtwoord nogmaals"} <= labels
        dialog.username.setText("nieuw.account")
        dialog.full_name.setText("Nieuw Account")
        for edit in (dialog.password, dialog.repeat):
            edit.setText("12345678")
        dialog.accept()
        assert "minstens 10" in dialog.message.text() and dialog.user is None
