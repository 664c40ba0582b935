"""Backups are whole under real SIGKILLs; a restore never leaves the path without a database; a database
moved or deleted under a running store is refused further writes and rescued with every acknowledged event."""

from __future__ import annotations

import os
import time
from datetime import UTC, datetime, timedelta

import pytest

from mimic_desktop.services import backups
from mimic_desktop.storage import backup
from mimic_desktop.storage.connection import open_store
from mimic_desktop.storage.errors import StorageError
from tests.support.backup_kills import (
    filled_database,
    kill_during_backups,
    kill_during_restores,
    move_under_running_store,
)

T0 = datetime(2026, 11, 24, 7, 0, tzinfo=UTC)


def test_kills_during_backups_leave_only_whole_backups_and_the_offer_is_usable(tmp_path):
    outcome = kill_during_backups(tmp_path, kills=6)
    assert outcome.named > 0, "some backups finished between the kills"
    assert outcome.not_whole == 0, "a file with a backup's name is always whole"
    assert outcome.offered_usable
    assert outcome.partial_after_cleanup == 0, "left-over temporary files are cleaned up"


def test_kills_during_restores_never_leave_the_path_without_a_database(tmp_path):
    outcome = kill_during_restores(tmp_path, kills=6)
    assert outcome.without_database == 0
    assert outcome.kept_names_unique, "every restore kept the file it replaced under a name of its own"


@pytest.mark.parametrize("how", ["moved", "deleted"])
def test_a_database_moved_or_deleted_under_a_running_store(tmp_path, how):
    outcome = move_under_running_store(tmp_path / how, how)
    assert outcome.refused, "the next write is not acknowledged"
    assert outcome.rescued_in is not None and outcome.rescued_in.exists()
    assert outcome.rescued_events == outcome.acknowledged == 25
    assert outcome.stored_after == 0


def test_the_refusal_names_the_rescue_copy_and_later_writes_are_refused_too(tmp_path):
    from mimic_desktop.services.accounts import AccountService
    from mimic_desktop.services.procedures import ProcedureService
    from mimic_desktop.storage.errors import DatabaseMoved

    db = filled_database(tmp_path / "mimic.sqlite", ballast=0)
    store = open_store(db, create=False)
    service = ProcedureService(store, AccountService(store).sign_in("anna.coord", "correct horse"))
    proc_id = service.list()[0]["id"]
    db.rename(tmp_path / "taken-away.sqlite")
    with pytest.raises(DatabaseMoved) as first:
        service.record_event(proc_id, "note", note="one")
    assert str(store.rescued) in str(first.value) and "was not saved" in str(first.value)
    with pytest.raises(DatabaseMoved):
        service.record_event(proc_id, "note", note="two")
    assert len(list(tmp_path.glob("mimic-rescued-*.sqlite"))) == 1, "one rescue copy, not one per attempt"
    store.close()


def test_a_partial_file_with_a_backups_name_is_never_offered(tmp_path):
    db = filled_database(tmp_path / "mimic.sqlite", ballast=0)
    store = open_store(db, create=False)
    good = backups.take_backup(store, "daily", T0)
    store.close()
    # What an older version left when killed during a copy: a backup's name, part of its bytes.
    cut = good.with_name(good.name.replace("20261124T070000", "20261125T070000"))
    cut.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    empty = good.with_name(good.name.replace("20261124T070000", "20261126T070000"))
    empty.write_bytes(b"")
    assert backups.newest_backup(db).path == good
    states = {state.backup.path: state.checked for state in backups.backups_of(db)}
    assert states[good].usable and not states[cut].ok and not states[empty].ok


def test_a_backup_without_records_is_not_offered(tmp_path):
    store = open_store(tmp_path / "new.sqlite")
    backups.take_backup(store, "daily", T0)
    assert backups.newest_backup(store.path) is None, "an empty database is no recovery"
    store.close()


def test_a_restore_keeps_every_earlier_copy_under_its_own_name(tmp_path):
    db = filled_database(tmp_path / "mimic.sqlite", ballast=0)
    store = open_store(db, create=False)
    backups.take_backup(store, "daily", T0)
    store.close()
    chosen = backup.list_backups(db)[0]
    first = backups.restore(db, chosen, T0)
    db.write_bytes(b"")  # damaged again, in the same second
    second = backups.restore(db, chosen, T0)
    assert first != second and first.exists() and second.exists()
    assert second.read_bytes() == b"" and first.read_bytes().startswith(b"SQLite format 3")


def test_a_stale_partial_restore_copy_is_cleaned_up_and_a_fresh_one_left(tmp_path):
    db = filled_database(tmp_path / "mimic.sqlite", ballast=0)
    stale = db.with_name(f"{db.name}.restoring-20261124T070000000000{backup.PARTIAL_SUFFIX}")
    fresh = db.with_name(f"{db.name}.restoring-20261125T070000000000{backup.PARTIAL_SUFFIX}")
    stale.write_bytes(b"half")
    fresh.write_bytes(b"half")
    old = time.time() - backup.STALE_PARTIAL_SECONDS - 60
    os.utime(stale, (old, old))
    store = open_store(db, create=False)
    backups.take_backup(store, "daily", T0)
    store.close()
    assert not stale.exists() and fresh.exists()


def test_a_damaged_backup_is_refused_for_restore_and_the_database_untouched(tmp_path):
    db = filled_database(tmp_path / "mimic.sqlite", ballast=0)
    store = open_store(db, create=False)
    good = backups.take_backup(store, "daily", T0)
    store.close()
    good.write_bytes(good.read_bytes()[:4096])
    before = db.read_bytes()
    with pytest.raises(StorageError, match="cannot be restored"):
        backups.restore(db, backup.list_backups(db)[0], T0 + timedelta(hours=1))
    assert db.read_bytes() == before
    assert not list(tmp_path.glob("*.restoring-*")) and not list(tmp_path.glob("*.damaged-*"))


def test_after_a_crash_opening_puts_the_logged_commits_into_the_database_file(tmp_path):
    """A -wal lost after the next start (deleted, or left behind in a copy) takes no acknowledged event with it."""
    import shutil
    import sqlite3

    from tests.support.faults import run_and_kill

    db = tmp_path / "mimic.sqlite"
    acknowledged = run_and_kill(db, seed=3, delay=2.0)
    assert acknowledged, "the recording had started before the kill"
    assert (tmp_path / "mimic.sqlite-wal").stat().st_size > 0, "the crash left commits in the -wal file"
    store = open_store(db, create=False)  # what the app's start does
    shutil.copy(db, tmp_path / "main-file-alone.sqlite")  # the database file without its -wal
    store.close()
    conn = sqlite3.connect(tmp_path / "main-file-alone.sqlite")
    stored = {row[0] for row in conn.execute("SELECT id FROM events")}
    conn.close()
    assert set(acknowledged) <= stored
