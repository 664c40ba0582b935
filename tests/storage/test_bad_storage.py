"""The machine's problems: read-only, locked, full disk. A clear message; nothing committed is lost."""

import os
import sqlite3
import stat
import subprocess
from datetime import UTC, datetime

import pytest

from mimic_desktop.storage.connection import open_store
from mimic_desktop.storage.errors import DatabaseLocked, DatabaseReadOnly, DiskFull, StorageError


def committed_cea(db_path, proc_id):
    conn = sqlite3.connect(db_path)
    row = conn.execute("SELECT value FROM field_values WHERE procedure_id=? AND field='cea'", (proc_id,)).fetchone()
    conn.close()
    return row[0]


def test_locked_database_gives_a_plain_message_and_keeps_data(service, recorded, db_path, monkeypatch):
    service.set_value(recorded, "cea", 4.0)
    monkeypatch.setattr("mimic_desktop.storage.connection.BUSY_TIMEOUT_MS", 100)
    service.store.conn.execute("PRAGMA busy_timeout=100")
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(DatabaseLocked, match="in use by another program"):
            service.set_value(recorded, "cea", 9.0)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert committed_cea(db_path, recorded) == "4.0"
    service.set_value(recorded, "cea", 9.0)  # works again once the other program lets go
    assert committed_cea(db_path, recorded) == "9.0"


def test_full_disk_gives_a_plain_message_and_keeps_data(service, recorded, db_path):
    service.set_value(recorded, "cea", 4.0)
    pages = service.store.read("PRAGMA page_count")[0][0]
    service.store.conn.execute(f"PRAGMA max_page_count={pages}")
    with pytest.raises(DiskFull, match=r"disk .* is full"):
        for _ in range(200):
            service.record_event(recorded, "note", note="x" * 4000, at=datetime.now(UTC), reason="late note")
    assert committed_cea(db_path, recorded) == "4.0"
    assert service.verify_audit().ok


@pytest.fixture
def read_only(db_path):
    """Make the database file read-only; as root, permissions are ignored, so mark it immutable."""
    undo = []

    def apply():
        if os.geteuid() == 0:
            subprocess.run(["chattr", "+i", str(db_path)], check=True)
            undo.append(["chattr", "-i", str(db_path)])
        else:
            os.chmod(db_path, stat.S_IRUSR)

    yield apply
    for command in undo:
        subprocess.run(command, check=True)


def test_read_only_file_refuses_writes_plainly_and_keeps_data(service, recorded, db_path, read_only):
    service.set_value(recorded, "cea", 4.0)
    service.store.close()
    read_only()
    store = open_store(db_path)
    from mimic_desktop.services.procedures import ProcedureService

    with pytest.raises(DatabaseReadOnly, match="read-only"):
        ProcedureService(store, service.user).set_value(recorded, "cea", 5.0)
    store.close()
    assert committed_cea(db_path, recorded) == "4.0"


def test_read_only_connection_write_is_refused_plainly(service, recorded, db_path):
    service.set_value(recorded, "cea", 4.0)
    service.store.conn.execute("PRAGMA query_only=ON")
    with pytest.raises(DatabaseReadOnly, match="read-only"):
        service.set_value(recorded, "cea", 5.0)
    assert committed_cea(db_path, recorded) == "4.0"


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
