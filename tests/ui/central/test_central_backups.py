"""The central database is backed up after each import (checked, as on the laptop); a damaged one is offered its
newest intact backup in the window, and the command line says where the backups are."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from mimic_desktop.services import central_import
from mimic_desktop.services.central_verify import verify_central
from mimic_desktop.storage import backup
from mimic_desktop.ui.central.app import run_central_app
from tests.support.modal_answers import ModalAnswers, press
from tests.support.office import data_manager, run_central
from tests.support.storage_faults import corrupt

YES, NO, OK = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No, QMessageBox.StandardButton.Ok


def imported_and_damaged(central_db, outbox):
    """One import (so one backup), a second one after it, then the file damaged."""
    store = central_import.open_existing(central_db)
    importer = central_import.CentralImporter(store, data_manager(store))
    summary = importer.import_paths([outbox.files["A1"]])
    assert summary.backup is not None and summary.backup.name.endswith("-after-import.sqlite")
    assert backup.is_intact(summary.backup)
    importer.import_paths([outbox.files["B1"]])
    store.close()
    corrupt(central_db)


def test_each_import_leaves_a_checked_backup(central_db, outbox):
    store = central_import.open_existing(central_db)
    summary = central_import.CentralImporter(store, data_manager(store)).import_paths([outbox.files["A1"]])
    store.close()
    (taken,) = backup.list_backups(central_db)
    assert taken.label == "after-import" and taken.path == summary.backup
    copy = verify_central(taken.path)
    # The archive of signed files stays beside the live database (its files are never rewritten): the copy holds
    # the import and its audit rows, and names the signed file it does not have beside it.
    assert copy.sessions == 1 and copy.entries > 0
    assert [problem.split(" from ")[0] for problem in copy.problems] == [
        "MIM-01-001 version 1: its signed session file is missing"
    ]


def test_the_command_line_names_the_backups_of_a_damaged_central_database(central_db, outbox, capsys):
    imported_and_damaged(central_db, outbox)
    assert run_central("list", "--db", central_db) == 2
    err = capsys.readouterr().err
    newest = backup.newest_intact(central_db)
    assert err.startswith(f"error: The central database {central_db} is damaged or is not a MIMIC database")
    assert f"Its automatic backups are in {backup.folder_for(central_db)}" in err
    assert f"the newest intact one is {newest.path.name}" in err and "Traceback" not in err


def test_the_window_offers_the_newest_intact_backup_of_a_damaged_central_database(ui_app, central_db, outbox):
    imported_and_damaged(central_db, outbox)
    damaged = central_db.read_bytes()
    with ModalAnswers(
        {"restoreOffer": press(YES), "backupRestored": press(OK), "signIn": lambda dialog: dialog.reject()}
    ) as answers:
        try:
            run_central_app(central_db, lang="en")
        finally:
            sys.excepthook = sys.__excepthook__
    assert answers.names()[:2] == ["restoreOffer", "backupRestored"]
    assert "after session files were imported" in answers.text("restoreOffer")
    kept = next(central_db.parent.glob("central.sqlite.damaged-????????T??????"))
    assert kept.read_bytes() == damaged
    store = central_import.open_existing(central_db)
    names = [row["file_name"] for row in central_import.imported_files(store)]
    assert names == [outbox.files["A1"].name, outbox.files["B1"].name], "the backup after the second import"
    store.close()


def test_the_command_line_lists_checks_and_restores_the_newest_intact_backup(central_db, outbox, capsys):
    imported_and_damaged(central_db, outbox)
    damaged = central_db.read_bytes()
    newest = backup.newest_intact(central_db)
    capsys.readouterr()
    assert run_central("list", "--db", central_db) == 2
    advice = capsys.readouterr().err
    assert f"mimic-central restore --db {central_db} {newest.path.name}" in advice
    # backups: every copy, checked, newest first, with why it was taken.
    assert run_central("backups", "--db", central_db) == 0
    listed = capsys.readouterr().out.splitlines()
    assert listed[0] == f"Backups of {central_db}, newest first (local time):"
    assert len(listed) == 1 + len(backup.list_backups(central_db))
    assert "session files were imported\t" in listed[1] and "checked: whole" in listed[1]
    assert listed[1].endswith(newest.path.name)
    # A name that is no backup of it is refused, nothing changed.
    assert run_central("restore", "--db", central_db, "central.sqlite") == 2
    assert "is not a backup of" in capsys.readouterr().err
    assert central_db.read_bytes() == damaged
    # The chosen backup goes in place; the damaged file is kept beside it.
    assert run_central("restore", "--db", central_db, newest.path.name) == 0
    out = capsys.readouterr().out
    assert f"is now {central_db}" in out
    kept = next(line for line in out.splitlines() if line.startswith("The file it replaced is kept as "))
    assert Path(kept.removeprefix("The file it replaced is kept as ").rstrip(".")).read_bytes() == damaged
    assert run_central("list", "--db", central_db) == 0
    assert "MIM-01-001\tv1\tcurrent" in capsys.readouterr().out
