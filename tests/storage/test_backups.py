"""Corruption is found at start, and the newest automatic backup brings the data back."""

from datetime import UTC, datetime, timedelta

import pytest

from mimic_desktop.services import backups
from mimic_desktop.services.procedures import ProcedureService
from mimic_desktop.storage import backup
from mimic_desktop.storage.connection import open_store
from mimic_desktop.storage.errors import CorruptDatabase, NotADatabase

T0 = datetime(2026, 11, 24, 7, 0, tzinfo=UTC)


def corrupt(path):
    data = bytearray(path.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    for page in range(2, len(data) // page_size):
        offset = page * page_size
        data[offset : offset + 64] = b"\xde\xad\xbe\xef" * 16
    path.write_bytes(bytes(data))


def test_completing_a_procedure_takes_a_checked_backup(service, recorded, db_path):
    service.complete(recorded)
    newest = backups.newest_backup(db_path)
    assert newest is not None and "completed" in newest.name
    assert backup.is_intact(newest)


def test_daily_backup_only_once_a_day(store):
    assert backups.daily_backup_if_due(store, T0) is not None
    assert backups.daily_backup_if_due(store, T0 + timedelta(hours=23)) is None
    assert backups.daily_backup_if_due(store, T0 + timedelta(hours=25)) is not None


def test_a_corrupted_database_is_detected_and_restored(service, recorded, db_path, coordinator):
    service.complete(recorded)
    study_id = service.load(recorded).study_id
    service.store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    service.store.close()
    corrupt(db_path)
    with pytest.raises(NotADatabase) as caught:
        open_store(db_path)
    assert isinstance(caught.value, CorruptDatabase) or "damaged" in str(caught.value)
    chosen, kept = backups.restore_newest(db_path, T0)
    assert "completed" in chosen.name
    assert kept.exists(), "the damaged file is kept, never deleted"
    restored = open_store(db_path)
    proc = ProcedureService(restored, coordinator).find(study_id)
    assert proc.locked and len(proc.lesions) == 2
    assert ProcedureService(restored, coordinator).verify_audit().ok


def test_only_intact_backups_are_offered(store, db_path):
    first = backups.take_backup(store, "daily", T0)
    second = backups.take_backup(store, "daily", T0 + timedelta(days=1))
    second.write_bytes(b"broken")
    assert backups.newest_backup(db_path) == first
