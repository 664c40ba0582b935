"""Files the app writes are readable by their owner only: database, backups, exports, crash reports, keys."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from mimic_desktop.storage import backup
from mimic_desktop.storage.connection import open_store

pytestmark = pytest.mark.skipif(os.name != "posix", reason="Unix file permissions")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def open_umask():
    """The test process as a careless start would leave it: new files readable by everyone."""
    before = os.umask(0o022)
    yield
    os.umask(before)


def test_a_new_database_and_its_folder_are_private(tmp_path, open_umask):
    path = tmp_path / "new folder" / "mimic.sqlite"
    store = open_store(path)
    store.conn.execute("CREATE TABLE t (x)")  # makes SQLite write its -wal beside the file
    assert mode(path) == 0o600 and mode(path.parent) == 0o700
    for companion in path.parent.glob("mimic.sqlite-*"):
        assert mode(companion) == 0o600, companion
    store.close()


def test_an_older_world_readable_database_is_made_private_when_opened(tmp_path, open_umask):
    path = tmp_path / "mimic.sqlite"
    open_store(path).close()
    os.chmod(path, 0o644)
    open_store(path).close()
    assert mode(path) == 0o600


def test_backups_are_private(store, coordinator, open_umask):
    from datetime import UTC, datetime

    taken = backup.take(store.conn, store.path, "test", datetime.now(UTC))
    assert mode(taken) == 0o600 and mode(taken.parent) == 0o700


def test_exports_are_private(service, recorded, tmp_path, open_umask):
    from mimic_desktop.services.data_exports import export_csv

    out = tmp_path / "out"
    out.mkdir()
    export_csv(service, None, out)
    written = list(out.iterdir())
    assert written and all(mode(path) == 0o600 for path in written)


def test_crash_reports_and_keys_are_private(tmp_path, open_umask):
    from mimic_desktop.services import session_key
    from mimic_desktop.ui.dialogs import write_crash_report

    report = write_crash_report(RuntimeError("boom"), tmp_path / "crash-reports")
    assert mode(report) == 0o600 and mode(report.parent) == 0o700
    key = tmp_path / "keys" / "session-signing-key.pem"
    session_key.load_or_create(key)
    assert mode(key) == 0o600 and mode(key.parent) == 0o700


def test_the_command_line_creates_private_files(tmp_path):
    db = tmp_path / "made" / "mimic.sqlite"
    env = dict(os.environ)
    result = subprocess.run(
        [sys.executable, "-m", "tests.support.cheap_cli", "init", "--db", str(db), "--user", "anna", "--name", "A"],
        input="correct horse\n",
        capture_output=True,
        text=True,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    assert mode(db) == 0o600 and mode(db.parent) == 0o700
    assert all(mode(p) == 0o600 for p in db.parent.iterdir() if p.is_file())
