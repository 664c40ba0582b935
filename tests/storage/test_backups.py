"""Backups: when a procedure is completed, once a day, before a schema upgrade; the newest intact one restores."""

import shutil
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from mimic_desktop.services import backups
from mimic_desktop.services.accounts import AccountService
from mimic_desktop.services.procedures import ProcedureService
from mimic_desktop.storage import audit, backup
from mimic_desktop.storage.connection import open_store
from mimic_desktop.storage.errors import CorruptDatabase, StorageError
from mimic_desktop.storage.migrations import known_names
from tests.support.storage_faults import corrupt

T0 = datetime(2026, 11, 24, 7, 0, tzinfo=UTC)
V1 = Path(__file__).parents[1] / "data" / "schema_v1.sqlite"


def test_completing_a_procedure_takes_a_checked_backup(service, recorded, db_path):
    service.complete(recorded)
    newest = backups.newest_backup(db_path)
    assert newest is not None and newest.label == "completed"
    assert newest.path.parent == db_path.parent / "backups"
    assert backup.is_intact(newest.path)


def test_daily_backup_only_once_a_day(store):
    assert backups.daily_backup_if_due(store, T0) is not None
    assert backups.daily_backup_if_due(store, T0 + timedelta(hours=23)) is None
    assert backups.daily_backup_if_due(store, T0 + timedelta(hours=25)) is not None
    assert [b.taken for b in backup.list_backups(store.path)] == [T0 + timedelta(hours=25), T0]


def test_a_corrupted_database_is_detected_and_restored(service, recorded, db_path, coordinator):
    service.complete(recorded)
    study_id = service.load(recorded).study_id
    service.store.close()
    corrupt(db_path)
    with pytest.raises(CorruptDatabase, match="damaged"):
        open_store(db_path)
    chosen = backups.newest_backup(db_path)
    assert chosen.label == "completed"
    kept = backups.restore(db_path, chosen, T0)
    assert kept.exists(), "the damaged file is kept, never deleted"
    restored = open_store(db_path)
    proc = ProcedureService(restored, coordinator).find(study_id)
    assert proc.locked and len(proc.lesions) == 2
    assert audit.check(restored.conn).ok
    restored.close()


def test_only_intact_backups_are_offered(store, db_path):
    first = backups.take_backup(store, "daily", T0)
    second = backups.take_backup(store, "daily", T0 + timedelta(days=1))
    second.write_bytes(b"broken")
    assert backups.newest_backup(db_path).path == first


def test_two_databases_in_one_folder_never_offer_each_others_backups(tmp_path):
    trial, scratch = open_store(tmp_path / "trial.sqlite"), open_store(tmp_path / "scratch.sqlite")
    backups.take_backup(trial, "daily", T0)
    backups.take_backup(scratch, "daily", T0 + timedelta(hours=1))
    assert backups.newest_backup(trial.path).taken == T0
    assert backups.newest_backup(scratch.path).taken == T0 + timedelta(hours=1)
    assert backups.newest_backup(tmp_path / "other.sqlite") is None
    trial.close()
    scratch.close()


def test_only_the_newest_thirty_backups_of_a_database_are_kept(store):
    for day in range(backup.KEEP + 3):
        backups.take_backup(store, "daily", T0 + timedelta(days=day))
    kept = backup.list_backups(store.path)
    assert len(kept) == backup.KEEP
    assert kept[-1].taken == T0 + timedelta(days=3)


def schema_of(path: Path) -> tuple[list[str], int]:
    conn = sqlite3.connect(path)
    try:
        names = [row[0] for row in conn.execute("SELECT name FROM _sqlite_migrations ORDER BY name")]
        return names, conn.execute("SELECT COUNT(*) FROM audit").fetchone()[0]
    finally:
        conn.close()


def dump(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def test_a_schema_upgrade_first_keeps_a_checked_copy_of_the_old_database(tmp_path):
    path = tmp_path / "old.sqlite"
    shutil.copy(V1, path)
    before = schema_of(path)
    store = open_store(path)
    copies = backup.list_backups(path)
    assert [copy.label for copy in copies] == ["before-upgrade"]
    assert backup.is_intact(copies[0].path)
    assert schema_of(copies[0].path) == before, "the copy holds the database as it was before the upgrade"
    assert schema_of(path)[0] == sorted(known_names())
    store.close()
    open_store(path).close()
    assert len(backup.list_backups(path)) == 1, "an up-to-date database is opened without a copy"


def test_a_new_database_needs_no_copy_before_its_first_schema(tmp_path):
    open_store(tmp_path / "new.sqlite").close()
    assert backup.list_backups(tmp_path / "new.sqlite") == []


def test_no_upgrade_without_the_copy_and_the_old_database_is_left_as_it_was(tmp_path):
    path = tmp_path / "old.sqlite"
    shutil.copy(V1, path)
    (tmp_path / "backups").write_text("a file where the backup folder should be")
    before = dump(path)
    with pytest.raises(StorageError, match="could not be made") as refused:
        open_store(path)
    assert "has not been changed" in str(refused.value)
    assert dump(path) == before, "schema and rows as they were"
    (tmp_path / "backups").unlink()
    store = open_store(path)
    assert AccountService(store).users(), "the data is all there after the upgrade"
    store.close()
