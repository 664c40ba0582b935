"""The trial office's window asks who signs in; a wrong password is kept in the central audit trail."""

from __future__ import annotations

from mimic_desktop.domain.roles import Role
from mimic_desktop.services import central_import
from mimic_desktop.storage import audit
from mimic_desktop.ui.central.app import sign_in
from tests.support.modal_answers import ModalAnswers, sign_in_with
from tests.support.office import DATA_MANAGER, PASSWORD, data_manager


def test_the_window_signs_in_an_account_of_the_office(ui_app, central_db):
    store = central_import.open_existing(central_db)
    data_manager(store)
    with ModalAnswers({"signIn": sign_in_with(PASSWORD)}) as answers:
        user = sign_in(store, "en")
    assert answers.names() == ["signIn"]
    assert user is not None and user.username == DATA_MANAGER and user.role is Role.DATA_MANAGER
    store.close()


def test_a_wrong_password_in_the_window_is_refused_and_kept(ui_app, central_db):
    store = central_import.open_existing(central_db)
    data_manager(store)

    def wrong_then_give_up(dialog) -> None:
        dialog.password.setText("not the password")
        dialog.accept()
        assert dialog.message.text() == "Wrong user name or password."
        dialog.reject()

    with ModalAnswers({"signIn": wrong_then_give_up}):
        assert sign_in(store, "en") is None
    rows = store.conn.execute("SELECT username, new_value FROM audit WHERE entity = 'sign_in'").fetchall()
    assert [(row[0], audit.decode(row[1])["where"]) for row in rows] == [(DATA_MANAGER, "app")]
    store.close()


def test_a_central_database_without_accounts_names_the_command_that_makes_one(ui_app, tmp_path, shown_errors):
    path = tmp_path / "new.sqlite"
    central_import.init_central(path).close()
    store = central_import.open_existing(path)
    assert sign_in(store, "en") is None
    assert shown_errors == [
        f"{path} has no accounts yet, so nobody can sign in to it. A central database is made together with its "
        "first data manager: ask whoever made this file to add one, or open the database the trial office uses."
    ]
    assert "mimic-central" not in shown_errors[0], "the window speaks in its own words"
    shown_errors.clear()
    store.close()


def test_the_window_offers_each_role_only_what_it_may_do(open_window, filled_db):
    from tests.support.office import office_user

    store = central_import.open_existing(filled_db)
    office_user(store, "stan", Role.STATISTICIAN)
    office_user(store, "ada", Role.AUDITOR)
    store.close()
    shown = {}
    for username in (DATA_MANAGER, "stan", "ada"):
        window = open_window(filled_db, user=username)
        shown[username] = (
            not window.import_page.files_button.isHidden(),  # offered, on its page when that page is shown
            not window.sessions_page.add_key_button.isHidden(),
            not window.exports_page.buttons["csv"].isHidden(),
        )
    assert shown == {DATA_MANAGER: (True, True, True), "stan": (False, False, True), "ada": (False, False, False)}
