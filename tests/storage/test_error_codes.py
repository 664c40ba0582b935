"""SQLite's errors sorted by their code alone: each code worded for people comes from real SQLite here,
and a constraint (or any code not worded) stays a bug, whatever words its message happens to hold."""

from __future__ import annotations

import os
import sqlite3
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from mimic_desktop.domain.errors import MimicError
from mimic_desktop.storage.connection import open_store
from mimic_desktop.storage.errors import (
    CorruptDatabase,
    DatabaseLocked,
    DatabaseMoved,
    DatabaseReadOnly,
    DiskFull,
    StorageError,
    translate,
)
from tests.support.storage_faults import corrupt, write_lock_held_by_another_process


def raised_by(action: Callable[[], object]) -> sqlite3.Error:
    with pytest.raises(sqlite3.Error) as caught:
        action()
    return caught.value


def connect(path: Path, journal: str = "wal") -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None, timeout=0)
    conn.execute(f"PRAGMA journal_mode={journal}")
    conn.execute("CREATE TABLE IF NOT EXISTS t (x)")
    return conn


def sorted_as(error: sqlite3.Error, path: Path, kind: type[StorageError], opening: bool = False) -> StorageError:
    """translate's answer, checked to be exactly this kind and to name the file."""
    friendly = translate(error, path, opening)
    assert type(friendly) is kind, (error.sqlite_errorname, str(error), friendly)
    assert str(path) in str(friendly)
    return friendly


@pytest.fixture
def read_only(tmp_path: Path) -> Iterator[Path]:
    """A database file that cannot be written (immutable for root, who ignores permissions)."""
    path = tmp_path / "read-only.sqlite"
    connect(path).close()
    if os.geteuid() == 0:
        subprocess.run(["chattr", "+i", str(path)], check=True)
    else:
        path.chmod(0o400)
    yield path
    if os.geteuid() == 0:
        subprocess.run(["chattr", "-i", str(path)], check=True)
    else:
        path.chmod(0o600)


# -- the codes worded for people, each made by real SQLite ------------------------------------------
def test_another_process_holding_the_write_lock_is_busy(service, store):
    store.wait_for_lock(0)
    with write_lock_held_by_another_process(service):
        error = raised_by(lambda: store.conn.execute("BEGIN IMMEDIATE"))
        assert error.sqlite_errorname == "SQLITE_BUSY"
        assert "in use by another program" in str(sorted_as(error, store.path, DatabaseLocked))
        with pytest.raises(DatabaseLocked), store.transaction():
            pass


def test_a_stale_snapshot_is_busy_too(tmp_path):
    path = tmp_path / "mimic.sqlite"
    writer, reader = connect(path), connect(path)
    reader.execute("BEGIN")
    reader.execute("SELECT * FROM t").fetchall()
    writer.execute("INSERT INTO t VALUES (1)")
    error = raised_by(lambda: reader.execute("INSERT INTO t VALUES (2)"))
    assert error.sqlite_errorname == "SQLITE_BUSY_SNAPSHOT"
    sorted_as(error, path, DatabaseLocked)


def test_a_read_only_file_is_read_only(read_only):
    conn = sqlite3.connect(read_only, isolation_level=None)
    error = raised_by(lambda: conn.execute("INSERT INTO t VALUES (1)"))
    conn.close()
    assert error.sqlite_errorname == "SQLITE_READONLY"
    assert "is read-only, so this change was not saved" in str(sorted_as(error, read_only, DatabaseReadOnly))


def test_a_file_moved_while_open_is_said_so_and_not_called_read_only(tmp_path):
    path = tmp_path / "mimic.sqlite"
    conn = connect(path, journal="delete")
    path.rename(tmp_path / "elsewhere.sqlite")
    error = raised_by(lambda: conn.execute("INSERT INTO t VALUES (1)"))
    conn.close()
    assert error.sqlite_errorname == "SQLITE_READONLY_DBMOVED"
    words = str(sorted_as(error, path, DatabaseMoved))
    assert "renamed, moved or deleted while it was open" in words and "read-only" not in words


def test_the_page_limit_is_a_full_disk(store):
    pages = store.read("PRAGMA page_count")[0][0]
    store.conn.execute(f"PRAGMA max_page_count={pages}")
    error = raised_by(lambda: store.conn.execute("CREATE TABLE filler (x)"))
    assert error.sqlite_errorname == "SQLITE_FULL"
    with pytest.raises(DiskFull, match="is full, so this change was not saved"), store.transaction():
        store.conn.execute("CREATE TABLE filler (x)")


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="/dev/full is a Linux device")
def test_a_device_that_refuses_every_write_is_a_full_disk():
    conn = sqlite3.connect("file:/dev/full", uri=True)
    error = raised_by(lambda: conn.execute("CREATE TABLE t (x)"))
    conn.close()
    assert error.sqlite_errorname == "SQLITE_FULL"
    sorted_as(error, Path("/dev/full"), DiskFull)


def test_a_damaged_file_and_a_foreign_file_are_corrupt(tmp_path):
    damaged = tmp_path / "damaged.sqlite"
    conn = connect(damaged)
    conn.executemany("INSERT INTO t VALUES (?)", [(os.urandom(500),) for _ in range(200)])
    conn.close()
    corrupt(damaged)
    conn = sqlite3.connect(damaged)
    error = raised_by(lambda: conn.execute("SELECT count(*), max(x) FROM t").fetchall())
    conn.close()
    assert error.sqlite_errorname == "SQLITE_CORRUPT"
    assert "nothing more can be saved in it" in str(sorted_as(error, damaged, CorruptDatabase))

    foreign = tmp_path / "notes.txt"
    foreign.write_bytes(b"minutes of the meeting\n" * 400)
    conn = sqlite3.connect(foreign)
    error = raised_by(lambda: conn.execute("SELECT * FROM sqlite_master").fetchall())
    conn.close()
    assert error.sqlite_errorname == "SQLITE_NOTADB"
    assert "has not been changed" in str(sorted_as(error, foreign, CorruptDatabase, opening=True))
    with pytest.raises(CorruptDatabase, match="is not a MIMIC database or is damaged"):
        open_store(foreign)
    assert foreign.read_bytes() == b"minutes of the meeting\n" * 400


def test_a_file_in_a_missing_folder_cannot_be_opened(tmp_path):
    path = tmp_path / "absent" / "mimic.sqlite"
    error = raised_by(lambda: sqlite3.connect(path))
    assert error.sqlite_errorname == "SQLITE_CANTOPEN"
    assert "cannot be opened" in str(sorted_as(error, path, StorageError))


def test_a_failed_read_of_the_journal_is_a_disk_error(tmp_path):
    path = tmp_path / "mimic.sqlite"
    conn = connect(path, journal="delete")
    (tmp_path / "mimic.sqlite-journal").mkdir()  # SQLite finds a "journal" it cannot read
    error = raised_by(lambda: conn.execute("INSERT INTO t VALUES (1)"))
    conn.close()
    assert error.sqlite_errorname == "SQLITE_IOERR_READ"
    assert "reported an error while saving" in str(sorted_as(error, path, StorageError))


# -- every variant of a code, by the code alone ------------------------------------------------------
def _codes(prefix: str) -> list[str]:
    return sorted(name for name in dir(sqlite3) if name == prefix or name.startswith(prefix + "_"))


def error_with(name: str, message: str = "a message that says nothing") -> sqlite3.Error:
    """An error as SQLite raises it, for the variants no test here can make a machine produce."""
    error = sqlite3.OperationalError(message)
    error.sqlite_errorcode = getattr(sqlite3, name)
    error.sqlite_errorname = name
    return error


@pytest.mark.parametrize(
    ("prefix", "kind", "except_for"),
    [
        ("SQLITE_BUSY", DatabaseLocked, {}),
        ("SQLITE_READONLY", DatabaseReadOnly, {"SQLITE_READONLY_DBMOVED": DatabaseMoved}),
        ("SQLITE_FULL", DiskFull, {}),
        ("SQLITE_IOERR", StorageError, {"SQLITE_IOERR_SHMSIZE": DiskFull}),
        ("SQLITE_CORRUPT", CorruptDatabase, {}),
        ("SQLITE_NOTADB", CorruptDatabase, {}),
        ("SQLITE_CANTOPEN", StorageError, {}),
    ],
)
def test_every_variant_of_a_worded_code_is_sorted_by_its_code(prefix, kind, except_for):
    for name in _codes(prefix):
        expected = except_for.get(name, kind)
        assert type(translate(error_with(name), "mimic.sqlite")) is expected, name


@pytest.mark.parametrize(
    "prefix", ["SQLITE_CONSTRAINT", "SQLITE_LOCKED", "SQLITE_ERROR", "SQLITE_MISUSE", "SQLITE_SCHEMA"]
)
def test_codes_not_worded_are_bugs_whatever_their_words(prefix):
    for name in _codes(prefix):
        for words in ("database is locked", "attempt to write a readonly database", "database or disk is full"):
            assert translate(error_with(name, words), "mimic.sqlite") is None, (name, words)


# -- bugs whose message holds the words of a machine's problem ---------------------------------------
def test_a_missing_full_name_is_a_bug_not_a_full_disk(store):
    def add_nameless_user() -> None:
        with store.transaction():
            store.conn.execute(
                "INSERT INTO users (username, full_name, role, pw_hash, pw_salt, demo, created_utc) "
                "VALUES ('nameless', NULL, 'coordinator', '', '', 0, '2026-01-01T00:00:00Z')"
            )

    with pytest.raises(sqlite3.IntegrityError, match=r"NOT NULL constraint failed: users\.full_name") as caught:
        add_nameless_user()
    assert not isinstance(caught.value, MimicError), "a bug reaches the crash report, not a message"
    assert translate(caught.value, store.path) is None
    assert store.read("SELECT count(*) FROM users WHERE username='nameless'")[0][0] == 0


@pytest.fixture
def schema_with_unlucky_names() -> Iterator[sqlite3.Connection]:
    conn = sqlite3.connect(":memory:", isolation_level=None)
    conn.execute("CREATE TABLE notes_readonly (locked_at TEXT NOT NULL, readonly INTEGER CHECK (readonly IN (0, 1)))")
    conn.execute("CREATE TABLE guarded (x)")
    conn.execute("CREATE TRIGGER refuse BEFORE INSERT ON guarded BEGIN SELECT RAISE(ABORT, 'database is locked'); END")
    yield conn
    conn.close()


@pytest.mark.parametrize(
    ("sql", "words"),
    [
        ("INSERT INTO notes_readonly (readonly) VALUES (1)", "NOT NULL constraint failed: notes_readonly.locked_at"),
        ("INSERT INTO notes_readonly VALUES ('now', 2)", "CHECK constraint failed: readonly IN (0, 1)"),
        ("INSERT INTO guarded VALUES (1)", "database is locked"),
        ('SELECT * FROM "database is locked"', "no such table: database is locked"),
        ("INSERT INTO notes_readonly_full VALUES (1)", "no such table: notes_readonly_full"),
    ],
)
def test_a_message_with_a_machines_words_is_not_misfiled(schema_with_unlucky_names, sql, words):
    error = raised_by(lambda: schema_with_unlucky_names.execute(sql))
    assert str(error) == words
    assert translate(error, "mimic.sqlite") is None, error.sqlite_errorname


def test_a_table_locked_inside_one_connection_is_a_bug_not_another_program(tmp_path):
    conn = connect(tmp_path / "mimic.sqlite")
    conn.executemany("INSERT INTO t VALUES (?)", [(i,) for i in range(10)])
    reading = conn.execute("SELECT * FROM t")
    reading.fetchone()
    error = raised_by(lambda: conn.execute("DROP TABLE t"))
    assert (error.sqlite_errorname, str(error)) == ("SQLITE_LOCKED", "database table is locked")
    assert translate(error, tmp_path / "mimic.sqlite") is None
    conn.close()


def test_an_error_of_the_driver_itself_is_a_bug(tmp_path):
    conn = sqlite3.connect(tmp_path / "mimic.sqlite")
    conn.close()
    error = raised_by(lambda: conn.execute("SELECT 1"))
    assert isinstance(error, sqlite3.ProgrammingError)
    assert translate(error, tmp_path / "mimic.sqlite") is None
