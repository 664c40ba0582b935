"""From the app's start: a damaged database is found, its newest backup offered and restored; the day's backup."""

from __future__ import annotations

import sys
from datetime import UTC, datetime

import pytest
from PySide6.QtWidgets import QMessageBox

from mimic_desktop.services import backups
from mimic_desktop.services.procedures import ProcedureService
from mimic_desktop.storage import audit, backup
from mimic_desktop.ui import app as app_module
from mimic_desktop.ui.preferences import Preferences
from tests.support.modal_answers import ModalAnswers, press, sign_in_with
from tests.support.storage_faults import LATE_NOTE, PASSWORD, damaged_database, recorded_database

YES, NO, OK = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No, QMessageBox.StandardButton.Ok


@pytest.fixture
def damaged(tmp_path):
    return damaged_database(tmp_path)


sign_in = sign_in_with(PASSWORD)


def test_the_newest_backup_is_offered_and_restored(ui_app, damaged):
    path, study_id, user = damaged
    damaged_bytes = path.read_bytes()
    with ModalAnswers({"restoreOffer": press(YES), "backupRestored": press(OK)}) as answers:
        store = app_module.open_database(path)
    assert answers.names() == ["restoreOffer", "backupRestored"]
    offer = answers.text("restoreOffer")
    assert str(path) in offer and "damaged" in offer and "when a procedure was completed" in offer
    assert "Entries saved after that moment are not in it" in offer
    assert "If you choose No, nothing is changed" in offer
    assert "Traceback" not in offer
    kept = next(path.parent.glob("mimic.sqlite.damaged-????????T??????"))
    assert str(kept) in answers.text("backupRestored")
    assert kept.read_bytes() == damaged_bytes, "the damaged file is kept as it was"
    service = ProcedureService(store, user)
    proc = service.find(study_id)
    assert proc.locked and len(proc.lesions) == 2
    assert LATE_NOTE not in [event.note for event in proc.events], "as the offer said"
    assert audit.check(service.store.conn).ok
    store.close()


def test_declining_the_offer_changes_nothing_and_the_app_ends(ui_app, damaged):
    path = damaged[0]
    before = path.read_bytes()
    offered = backup.list_backups(path)
    with ModalAnswers({"restoreOffer": press(NO)}) as answers:
        try:
            assert app_module.run_app(path, lang="en") == 1
        finally:
            sys.excepthook = sys.__excepthook__
    assert answers.names() == ["restoreOffer"]
    assert path.read_bytes() == before
    assert list(path.parent.glob("*.damaged-*")) == []
    assert backup.list_backups(path) == offered


def test_without_an_intact_backup_the_app_says_so_and_changes_nothing(ui_app, damaged, shown_errors):
    path = damaged[0]
    for copy in backup.list_backups(path):
        copy.path.write_bytes(b"a backup that was damaged too")
    before = path.read_bytes()
    with ModalAnswers({}) as answers:
        assert app_module.open_database(path) is None
    assert answers.seen == [], "nothing is offered"
    assert len(shown_errors) == 1
    assert "no intact automatic backup" in shown_errors[0] and str(path) in shown_errors[0]
    assert "has not been changed" in shown_errors[0]
    assert path.read_bytes() == before
    shown_errors.clear()


def test_after_a_restore_and_sign_in_the_day_starts_with_a_backup(ui_app, qtbot, damaged):
    path = damaged[0]
    with ModalAnswers({"restoreOffer": press(YES), "backupRestored": press(OK), "signIn": sign_in}) as answers:
        store = app_module.open_database(path)
        window = app_module.start_session(store, "en", Preferences())
    qtbot.addWidget(window)
    assert answers.names() == ["restoreOffer", "backupRestored", "signIn"]
    assert window.context.user.username == "anna.coord"
    assert [copy.label for copy in backup.list_backups(path)] == ["daily", "completed"]
    with ModalAnswers({"signIn": sign_in}):
        again = app_module.start_session(store, "en", Preferences())
    qtbot.addWidget(again)
    assert len(backup.list_backups(path)) == 2, "one daily backup a day"
    store.close()


def test_a_daily_backup_that_cannot_be_taken_is_said_and_work_goes_on(ui_app, qtbot, tmp_path, shown_errors):
    service, _ = recorded_database(tmp_path / "mimic.sqlite")
    (tmp_path / "backups").write_text("a file where the backup folder should be")
    with ModalAnswers({"signIn": sign_in}):
        window = app_module.start_session(service.store, "en", Preferences())
    qtbot.addWidget(window)
    assert window is not None
    assert len(shown_errors) == 1 and "Today's automatic backup could not be taken" in shown_errors[0]
    assert "Cannot write a backup" in shown_errors[0]
    shown_errors.clear()
    service.store.close()


def test_cancelling_sign_in_takes_no_backup(ui_app, tmp_path):
    service, _ = recorded_database(tmp_path / "mimic.sqlite")
    with ModalAnswers({}):
        assert app_module.start_session(service.store, "en", Preferences()) is None
    assert backup.list_backups(service.store.path) == []
    assert backups.daily_backup_if_due(service.store, datetime.now(UTC)) is not None
    service.store.close()
