"""The machine's problems: locked, full disk, read-only. A clear message; nothing committed is lost."""

import sqlite3

import pytest

from mimic_desktop.storage.connection import open_store
from mimic_desktop.storage.errors import DatabaseLocked, DatabaseReadOnly, DiskFull, StorageError
from tests.support.storage_faults import (
    can_mount_small_disk,
    disk_filled,
    page_limit_reached,
    read_only_file,
    recorded_database,
    run_fault,
    small_disk,
    write_lock_held_by_another_process,
)

FAULTS = {
    "locked by another process": (write_lock_held_by_another_process, DatabaseLocked, "in use by another program"),
    "disk full (page limit)": (page_limit_reached, DiskFull, "is full, so this change was not saved"),
    "read-only file": (read_only_file, DatabaseReadOnly, "is read-only, so this change was not saved"),
}


@pytest.mark.parametrize("name", FAULTS)
def test_a_storage_fault_is_said_plainly_and_loses_nothing(tmp_path, name):
    fault, error, words = FAULTS[name]
    service, proc_id = recorded_database(tmp_path / "mimic.sqlite")
    outcome = run_fault(name, service, proc_id, fault)
    assert outcome.error == error.__name__
    assert words in outcome.message and "Nothing that was saved before has been lost." in outcome.message
    assert str(tmp_path / "mimic.sqlite") in outcome.message, "the message names the file"
    assert outcome.acknowledged >= 1
    assert (outcome.lost, outcome.stray) == (0, 0), "every acknowledged write is stored, no refused one is"
    assert outcome.integrity == "ok" and outcome.chain_ok
    assert outcome.recovers, "once the fault is gone the same write succeeds"
    assert outcome.held


@pytest.fixture
def mounted(tmp_path):
    if not can_mount_small_disk():
        pytest.skip("mounting a small file system needs root on Linux")
    with small_disk(tmp_path / "small-disk") as folder:
        yield folder


def test_a_really_full_disk_is_said_plainly_and_loses_nothing(mounted):
    service, proc_id = recorded_database(mounted / "mimic.sqlite")
    outcome = run_fault("disk full", service, proc_id, lambda svc: disk_filled(svc, mounted / "ballast"))
    assert outcome.error == "DiskFull" and "is full, so this change was not saved" in outcome.message
    assert outcome.acknowledged > 3, "the disk filled up while writing, not at once"
    assert outcome.held, outcome


def test_read_only_connection_write_is_refused_plainly(service, recorded, db_path):
    service.set_value(recorded, "cea", 4.0)
    service.store.conn.execute("PRAGMA query_only=ON")
    with pytest.raises(DatabaseReadOnly, match="read-only"):
        service.set_value(recorded, "cea", 5.0)
    conn = sqlite3.connect(db_path)
    stored = conn.execute("SELECT value FROM field_values WHERE procedure_id=? AND field='cea'", (recorded,))
    assert stored.fetchone()[0] == "4.0"
    conn.close()


def test_a_folder_or_missing_file_is_named(tmp_path):
    with pytest.raises(StorageError, match="is a folder"):
        open_store(tmp_path)
    with pytest.raises(StorageError, match="no database"):
        open_store(tmp_path / "absent.sqlite", create=False)


def test_a_folder_that_cannot_be_made_is_named_plainly(tmp_path, monkeypatch, capsys):
    from mimic_desktop.cli.main import main

    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    impossible = blocker / "trial" / "mimic.sqlite"
    with pytest.raises(StorageError, match=f"The folder {impossible.parent} cannot be made"):
        open_store(impossible)
    monkeypatch.setenv("MIMIC_PASSWORD", "correct horse")
    assert main(["init", "--db", str(impossible), "--user", "anna", "--name", "Anna"]) == 2
    assert "choose another place for the database" in capsys.readouterr().err
