"""At start: a database used before and missing now is said to be missing (never made anew), with the choice
to find it or restore its newest backup; an empty file gets the restore offer; a read-only one is said."""

from __future__ import annotations

import os
import shutil
import subprocess

from PySide6.QtWidgets import QFileDialog, QMessageBox

from mimic_desktop.services import recent_databases
from mimic_desktop.services.accounts import AccountService
from mimic_desktop.services.procedures import ProcedureService
from mimic_desktop.ui import app as app_module
from tests.support.modal_answers import ModalAnswers, press
from tests.support.storage_faults import damaged_database

YES, OK = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.Ok


def click(name: str):
    return lambda box: next(b for b in box.buttons() if b.objectName() == name).click()


def used_before(tmp_path):
    """A database with a completed (so backed-up) record, opened in the app once, then closed."""
    path, study_id, user = damaged_database(tmp_path / "trial")
    (path.parent / "mimic.sqlite").unlink()
    restored = next(iter(sorted((path.parent / "backups").iterdir())))
    shutil.copy(restored, path)
    with ModalAnswers({}):
        store = app_module.open_database(path)
    store.close()
    return path, study_id, user


def test_a_database_used_before_and_missing_is_said_missing_and_not_made(ui_app, tmp_path):
    path, _, _ = used_before(tmp_path)
    shutil.move(path, tmp_path / "somewhere-else.sqlite")
    with ModalAnswers({"databaseMissing": click("closeApp")}) as answers:
        assert app_module.open_database(path) is None
    text = answers.text("databaseMissing")
    assert "The database you used on" in text and str(path) in text and "is not there" in text
    assert "newest intact automatic backup" in text
    assert not path.exists(), "no new, empty database in its place"


def test_the_missing_database_is_restored_from_its_newest_backup(ui_app, tmp_path):
    path, study_id, user = used_before(tmp_path)
    path.unlink()
    with ModalAnswers({"databaseMissing": click("restoreNewest"), "backupRestored": press(OK)}) as answers:
        store = app_module.open_database(path)
    assert answers.names() == ["databaseMissing", "backupRestored"]
    assert ProcedureService(store, user).find(study_id).locked
    store.close()


def test_the_missing_database_is_found_where_it_went(ui_app, tmp_path):
    path, study_id, user = used_before(tmp_path)
    moved = tmp_path / "stick" / "mimic.sqlite"
    moved.parent.mkdir()
    shutil.move(path, moved)

    def find(dialog: QFileDialog) -> None:
        dialog.selectFile(str(moved))
        dialog.accept()

    with ModalAnswers({"databaseMissing": click("findDatabase"), "openFileDialog": find}):
        store = app_module.open_database(path)
    assert store.path == moved
    assert ProcedureService(store, user).find(study_id)
    store.close()
    assert recent_databases.last_used(moved) is not None


def test_a_path_never_used_gets_a_new_database(ui_app, tmp_path):
    path = tmp_path / "first.sqlite"
    with ModalAnswers({}) as answers:
        store = app_module.open_database(path)
    assert answers.seen == [] and path.exists()
    assert not AccountService(store).has_users(), "the first-run dialog asks for the first coordinator"
    store.close()


def test_an_empty_file_gets_the_restore_offer(ui_app, tmp_path):
    path, study_id, user = used_before(tmp_path)
    path.write_bytes(b"")
    with ModalAnswers({"restoreOffer": press(YES), "backupRestored": press(OK)}) as answers:
        store = app_module.open_database(path)
    assert answers.names() == ["restoreOffer", "backupRestored"]
    assert ProcedureService(store, user).find(study_id).locked
    kept = next(path.parent.glob("mimic.sqlite.damaged-*"))
    assert kept.stat().st_size == 0, "the empty file is kept as it was"
    store.close()


def test_a_read_only_database_is_said_at_opening(ui_app, tmp_path):
    path, study_id, user = used_before(tmp_path)
    if os.geteuid() == 0:
        subprocess.run(["chattr", "+i", str(path)], check=True)
    else:
        path.chmod(0o400)
    try:
        with ModalAnswers({"readOnlyDatabase": press(OK)}) as answers:
            store = app_module.open_database(path)
        assert "is read-only: you can read it" in answers.text("readOnlyDatabase")
        assert ProcedureService(store, user).find(study_id), "reading works"
        store.close()
    finally:
        if os.geteuid() == 0:
            subprocess.run(["chattr", "-i", str(path)], check=True)
