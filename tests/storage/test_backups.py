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


def test_only_intact_backups_are_offered(store, coordinator, db_path):
    first = backups.take_backup(store, "daily", T0)
    second = backups.take_backup(store, "daily", T0 + timedelta(days=1))
    second.write_bytes(b"broken")
    assert backups.newest_backup(db_path).path == first


def test_two_databases_in_one_folder_never_offer_each_others_backups(tmp_path):
    trial, scratch = open_store(tmp_path / "trial.sqlite"), open_store(tmp_path / "scratch.sqlite")
    for opened in (trial, scratch):
        AccountService(opened).create_user("anna.coord", "Anna Coordinator", "coordinator", "correct horse")
    backups.take_backup(trial, "daily", T0)
    backups.take_backup(scratch, "daily", T0 + timedelta(hours=1))
    assert backups.newest_backup(trial.path).taken == T0
    assert backups.newest_backup(scratch.path).taken == T0 + timedelta(hours=1)
    assert backups.newest_backup(tmp_path / "other.sqlite") is None
    trial.close()
    scratch.close()


def test_every_backup_of_the_last_two_weeks_and_one_a_week_before_that_are_kept(store, coordinator):
    start = datetime(2026, 1, 5, 7, 0, tzinfo=UTC)  # a Monday
    for day in range(70):
        backups.take_backup(store, "daily", start + timedelta(days=day))
    now = start + timedelta(days=69)
    kept = [copy.taken for copy in backup.list_backups(store.path)]
    recent = [start + timedelta(days=day) for day in range(69, 69 - 15, -1)]
    assert kept[: len(recent)] == recent, "every backup of the last 14 days"
    older = kept[len(recent) :]
    assert older and all(taken < now - timedelta(days=14) for taken in older)
    weeks = [taken.isocalendar()[:2] for taken in older]
    assert len(weeks) == len(set(weeks)), "one a week before that"
    assert older[-1] == start + timedelta(days=6), "the newest of the oldest week"


def test_backups_are_kept_within_the_size_limit_but_the_newest_always(store, coordinator, monkeypatch):
    for day in range(4):
        backups.take_backup(store, "daily", T0 + timedelta(days=day))
    size = backup.list_backups(store.path)[0].size
    monkeypatch.setattr(backup, "KEEP_BYTES", size * 2)
    backups.take_backup(store, "daily", T0 + timedelta(days=4))
    assert [copy.taken for copy in backup.list_backups(store.path)] == [T0 + timedelta(days=4), T0 + timedelta(days=3)]
    monkeypatch.setattr(backup, "KEEP_BYTES", 1)
    backups.take_backup(store, "daily", T0 + timedelta(days=5))
    assert [copy.taken for copy in backup.list_backups(store.path)] == [T0 + timedelta(days=5)]


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
