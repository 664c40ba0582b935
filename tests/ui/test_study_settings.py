"""The study settings in the Settings dialog: the coordinator changes the ICG window and the centre code, the open
live screen flags against the new window, and monitors and surgeons only read them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel

from mimic_desktop.services import settings
from mimic_desktop.services.accounts import AccountService
from mimic_desktop.ui.settings_dialog import SettingsDialog
from tests.support.enrolment import ENROLMENT


def setting_rows(store) -> list[tuple]:
    rows = store.conn.execute("SELECT username, entity_id, new_value FROM audit WHERE entity = 'setting' ORDER BY seq")
    return [tuple(row) for row in rows]


def test_the_coordinator_changes_the_icg_window_and_the_open_live_screen_uses_it(
    make_window, store, coordinator, service, actions
):
    given = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
    proc_id = service.create("MIM-03-001", "03", ENROLMENT | {"icg_given_at": given})
    window = make_window(store, coordinator)
    window.open_procedure(proc_id)
    assert window.live.clock.icg_window == (timedelta(hours=18), timedelta(hours=30))

    def change(dialog: SettingsDialog) -> None:
        study = dialog.study
        assert (study.window_low.value(), study.window_high.value(), study.centre.text()) == (18, 30, "")
        assert study.window_low.isEnabled() and study.findChild(QLabel, "studyRoleNotice") is None
        study.window_low.setValue(20)
        study.window_high.setValue(27.5)
        actions.type(study.centre, "03")
        actions.click(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok))

    actions.answer_dialog(QApplication.activeModalWidget, change)
    window.open_settings()

    assert settings.icg_window(store) == (timedelta(hours=20), timedelta(hours=27.5))
    assert settings.centre(store) == "03"
    assert setting_rows(store) == [("anna.coord", "icg_window_hours", '"20-27.5"'), ("anna.coord", "centre", '"03"')]
    assert window.live.clock.icg_window == (timedelta(hours=20), timedelta(hours=27.5)), "rebuilt on the new window"
    again = SettingsDialog(window.prefs, window, context=window.context)
    assert (again.study.window_low.value(), again.study.window_high.value(), again.study.centre.text()) == (
        20,
        27.5,
        "03",
    )
    again.accept()
    assert len(setting_rows(store)) == 2, "OK without a change writes nothing"


def test_a_refused_change_keeps_the_dialog_open_and_saves_nothing(make_window, store, coordinator, qtbot):
    window = make_window(store, coordinator)
    dialog = SettingsDialog(window.prefs, window, context=window.context)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.study.window_low.setValue(30)
    dialog.study.window_high.setValue(20)
    qtbot.keyClicks(dialog.study.centre, "03")
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.result() == 0
    assert dialog.study.problem.text() == (
        "The ICG window must run from a lower to a higher number of hours, within 14 days."
    )
    wrapped = [label for label in dialog.findChildren(QLabel) if label.wordWrap() and label.text()]
    assert dialog.study.problem in wrapped
    # The reason and every caption keep the height their wrapped text needs: none is cut off.
    qtbot.waitUntil(lambda: all(label.height() >= label.heightForWidth(label.width()) for label in wrapped))
    assert setting_rows(store) == [] and settings.centre(store) is None, "neither setting is saved"
    dialog.study.window_high.setValue(36)
    dialog.accept()
    assert not dialog.isVisible() and dialog.study.problem.text() == ""
    assert settings.icg_window(store) == (timedelta(hours=30), timedelta(hours=36)) and settings.centre(store) == "03"


def test_monitors_and_surgeons_see_the_study_settings_read_only(make_window, store, coordinator):
    settings.change(store, coordinator, icg_window_hours=(16, 32), centre_code="07")
    accounts = AccountService(store)
    for role in ("surgeon", "monitor"):
        user = accounts.create_user(f"{role}.one", f"A {role}", role, "long enough", by=coordinator)
        window = make_window(store, user)
        dialog = SettingsDialog(window.prefs, window, context=window.context)
        study = dialog.study
        assert (study.window_low.value(), study.window_high.value(), study.centre.text()) == (16, 32, "07")
        assert not any(editor.isEnabled() for editor in (study.window_low, study.window_high, study.centre))
        notice = study.findChild(QLabel, "studyRoleNotice")
        assert notice.text() == "Only a coordinator can change the study settings."
        dialog.accept()
        assert dialog.result() == 1
    refusals = store.conn.execute("SELECT COUNT(*) FROM audit WHERE entity = 'access'").fetchone()[0]
    assert refusals == 0 and len(setting_rows(store)) == 2, "reading is not an attempt to change"
    assert SettingsDialog(window.prefs).study is None, "the trial office's window has no laptop settings"


def test_on_a_short_screen_the_settings_scroll_and_ok_and_cancel_stay_in_sight(ui_app, store, coordinator, tmp_path):
    from mimic_desktop.ui.context import AppContext
    from mimic_desktop.ui.preferences import Preferences

    dialog = SettingsDialog(Preferences(tmp_path), context=AppContext(store, coordinator, "nl"))
    dialog.show()
    QApplication.processEvents()
    screen = dialog.screen().availableGeometry().height()
    # Every section of a coordinator's settings is taller than the screen here: the content scrolls ...
    assert dialog.content.sizeHint().height() > screen
    assert dialog.height() <= screen and dialog.scroll_area.verticalScrollBar().maximum() > 0
    # ... and the buttons stay inside the dialog, on screen.
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert ok.isVisible() and ok.mapTo(dialog, ok.rect().bottomLeft()).y() <= dialog.height()
    dialog.close()
