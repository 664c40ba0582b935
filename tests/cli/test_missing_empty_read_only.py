"""No command makes a database where one is missing or empty; read-only databases are read, never "not saved";
`backups` lists the checked backups and `restore` puts one in place, keeping the current file."""

from __future__ import annotations

import os
import subprocess
from contextlib import contextmanager
from pathlib import Path

import pytest

from mimic_desktop.cli.main import main
from mimic_desktop.services import backups
from mimic_desktop.services.procedures import ProcedureService
from mimic_desktop.storage import backup
from mimic_desktop.storage.connection import open_store
from tests.support.backup_kills import PASSWORD, filled_database

USER = ["--user", "anna.coord"]
COMMANDS = {
    "add-user": ["add-user", *USER, "bob", "--name", "Bob", "--role", "monitor"],
    "create": ["create", *USER, "MIM-01-001", "--centre", "01"],
    "event": ["event", *USER, "MIM-01-001", "incision"],
    "strike": ["strike", *USER, "1", "--reason", "wrong"],
    "set": ["set", *USER, "MIM-01-001", "age=60"],
    "dump": ["dump", *USER, "MIM-01-001"],
    "list": ["list", *USER],
    "verify": ["verify"],
    "settings": ["settings", *USER],
    "pdf-summary": ["pdf-summary", *USER, "MIM-01-001", "--out", "x.pdf"],
    "export": ["export", *USER, "MIM-01-001", "--out", "."],
    "export-csv": ["export-csv", *USER, "--all", "--out", "csv"],
    "init": ["init", *USER, "--name", "Anna"],
}


def run(db: Path, args: list[str]) -> int:
    return main([args[0], "--db", str(db), *args[1:]])


@pytest.fixture(autouse=True)
def password(monkeypatch, tmp_path):
    monkeypatch.setenv("MIMIC_PASSWORD", PASSWORD)
    monkeypatch.chdir(tmp_path)


@pytest.mark.parametrize("command", [name for name in COMMANDS if name != "init"])
def test_a_missing_database_is_said_and_never_made(tmp_path, command, capsys):
    db = tmp_path / "gone" / "mimic.sqlite"
    assert run(db, COMMANDS[command]) == 2
    err = capsys.readouterr().err
    assert f"There is no database at {db}" in err and "Traceback" not in err
    assert not db.exists() and not db.parent.exists()


@pytest.mark.parametrize("command", list(COMMANDS))
def test_an_empty_file_is_damaged_not_a_new_database(tmp_path, command, capsys):
    db = tmp_path / "mimic.sqlite"
    db.write_bytes(b"")
    assert run(db, COMMANDS[command]) == 2
    err = capsys.readouterr().err
    assert "is empty (0 bytes)" in err and "Restore its newest automatic backup" in err, err
    assert db.stat().st_size == 0
    assert not (tmp_path / "mimic.sqlite-wal").exists()


def test_init_still_makes_a_new_database(tmp_path, capsys, monkeypatch):
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO("a long new password 42\n"))
    assert run(tmp_path / "new.sqlite", COMMANDS["init"]) == 0
    assert (tmp_path / "new.sqlite").exists()


def immutable(path: Path, on: bool) -> None:
    """Read-only as root sees it too (root ignores permissions)."""
    if os.geteuid() == 0:
        subprocess.run(["chattr", "+i" if on else "-i", str(path)], check=True)
    else:
        path.chmod((0o500 if path.is_dir() else 0o400) if on else 0o700)


@contextmanager
def read_only(path: Path):
    immutable(path, True)
    try:
        yield
    finally:
        immutable(path, False)


@pytest.fixture
def enrolled(tmp_path) -> Path:
    db = filled_database(tmp_path / "folder" / "mimic.sqlite", ballast=0)
    store = open_store(db, create=False)
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    return db


@pytest.mark.parametrize("what", ["file", "folder"])
def test_reading_a_read_only_database_works_and_writing_says_so(enrolled, what, capsys):
    study_id = study_of(enrolled)
    with read_only(enrolled if what == "file" else enrolled.parent):
        assert run(enrolled, ["dump", *USER, study_id]) == 0
        assert run(enrolled, ["list", *USER]) == 0
        assert run(enrolled, ["verify"]) == 0
        out, err = capsys.readouterr()
        assert study_id in out and "not saved" not in out + err
        assert "is read-only" in err and "it can be read, but nothing can be saved in it" in err
        assert run(enrolled, ["event", *USER, study_id, "note", "--note", "x"]) == 2
        err = capsys.readouterr().err
        assert "is read-only, so this change was not saved" in err and "Traceback" not in err
        assert "folder" in err if what == "folder" else "file" in err


def study_of(db: Path) -> str:
    store = open_store(db, create=False)
    from mimic_desktop.services.accounts import AccountService

    study_id = ProcedureService(store, AccountService(store).sign_in("anna.coord", PASSWORD)).list()[0]["study_id"]
    store.close()
    return study_id


def test_backups_are_listed_checked_and_one_is_restored_keeping_the_current_file(enrolled, capsys):
    store = open_store(enrolled, create=False)
    taken = backups.take_backup(store, "completed")
    store.close()
    broken = backup.folder_for(enrolled) / "mimic-backup-20200101T000000000000-daily.sqlite"
    broken.write_bytes(b"half a file")
    assert main(["backups", "--db", str(enrolled)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "a procedure was completed" in lines[1] and "checked: whole" in lines[1] and taken.name in lines[1]
    assert "NOT usable" in lines[2] and broken.name in lines[2]
    before = enrolled.read_bytes()
    assert main(["restore", "--db", str(enrolled), taken.name]) == 0
    out = capsys.readouterr().out
    kept = next(enrolled.parent.glob("mimic.sqlite.before-restore-*"))
    assert str(kept) in out and kept.read_bytes() == before
    assert study_of(enrolled)
    assert main(["restore", "--db", str(enrolled), broken.name]) == 2
    assert "cannot be restored" in capsys.readouterr().err
    assert main(["restore", "--db", str(enrolled), "nonsense.sqlite"]) == 2
    assert "is not a backup of" in capsys.readouterr().err


def test_a_lost_database_is_restored_from_its_backup(enrolled, capsys):
    store = open_store(enrolled, create=False)
    taken = backups.take_backup(store, "daily")
    store.close()
    enrolled.unlink()
    assert run(enrolled, ["list", *USER]) == 2
    assert main(["restore", "--db", str(enrolled), str(taken)]) == 0
    assert study_of(enrolled)


def test_restore_is_refused_while_the_app_has_the_database_open(enrolled):
    import sys

    store = open_store(enrolled, create=False)
    taken = backups.take_backup(store, "daily")
    store.close()
    # The app's lock on the database, held by another running process as the app holds it.
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys; from pathlib import Path; from mimic_desktop.ui import instance_lock; "
            "lock = instance_lock.hold(Path(sys.argv[1])); print('held', flush=True); sys.stdin.read()",
            str(enrolled),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        before = enrolled.read_bytes()
        done = subprocess.run(
            [sys.executable, "-m", "mimic_desktop.cli.main", "restore", "--db", str(enrolled), taken.name],
            capture_output=True,
            text=True,
        )
        assert done.returncode == 2 and "already open in another MIMIC Desktop window" in done.stderr, done.stderr
        assert enrolled.read_bytes() == before
        assert not list(enrolled.parent.glob("*.before-restore-*"))
    finally:
        holder.stdin.close()
        holder.wait()
        holder.stdout.close()


@pytest.mark.parametrize("side", ["-wal", "-shm", "-journal"])
def test_restore_onto_a_side_file_of_the_database_is_refused_and_its_commits_stay(enrolled, side, capsys):
    import sys

    store = open_store(enrolled, create=False)
    taken = backups.take_backup(store, "daily")
    store.close()
    # A commit left only in the write-ahead log, as after a power cut: the process ends without a checkpoint.
    subprocess.run(
        [
            sys.executable,
            "-c",
            "import os, sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.execute('PRAGMA journal_mode=WAL'); "
            "c.execute('CREATE TABLE after_the_backup (x)'); c.commit(); os._exit(0)",
            str(enrolled),
        ],
        check=True,
    )
    wal = enrolled.with_name(enrolled.name + "-wal")
    logged = wal.read_bytes()
    target = enrolled.with_name(enrolled.name + side)
    assert main(["restore", "--db", str(target), taken.name]) == 2
    err = capsys.readouterr().err
    assert str(target) in err and "not a database" in err and "nothing was restored" in err and "Traceback" not in err
    assert wal.read_bytes() == logged
    assert not list(enrolled.parent.glob(f"{enrolled.name}{side}.*"))
    import sqlite3

    reopened = sqlite3.connect(enrolled)
    assert reopened.execute("SELECT count(*) FROM sqlite_master WHERE name = 'after_the_backup'").fetchone() == (1,)
    reopened.close()


def test_a_backup_that_is_not_there_is_said_in_the_readers_language(enrolled, capsys, monkeypatch):
    monkeypatch.setenv("LANG", "nl_NL.UTF-8")
    for name in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(name, raising=False)
    assert main(["restore", "--db", str(enrolled), "nonsense.sqlite"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("fout: nonsense.sqlite is geen back-up van ") and "Traceback" not in err, err
