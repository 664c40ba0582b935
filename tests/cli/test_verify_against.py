"""`verify --against` a backup or a session file finds a consistent rewrite of the whole chain, and `verify`
gives a plain verdict and exit code on damaged files, never a traceback."""

from __future__ import annotations

import os
import random
import shutil
import sqlite3
from pathlib import Path

import pytest

from mimic_desktop.cli.main import main
from mimic_desktop.services.backups import take_backup
from tests.support.damaged_pages import HOW, damaged
from tests.support.session_files import Laptop, make_laptop
from tests.support.tampering import rewrite_chain


@pytest.fixture
def laptop(tmp_path) -> Laptop:
    made = make_laptop(tmp_path)
    yield made
    made.service.store.close()


def verify(capsys, db: Path, *against: Path) -> tuple[int, str]:
    args = ["verify", "--db", str(db)]
    for path in against:
        args += ["--against", str(path)]
    code = main(args)
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out + err


@pytest.fixture
def exported(laptop):
    """A finished, exported record, then more work on another one: the session file's head is behind."""
    proc_id = laptop.record(1)
    session = laptop.export(proc_id)
    laptop.record(2)
    laptop.service.store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return proc_id, session


def test_an_untouched_database_extends_its_backup_and_its_session_file(laptop, exported, capsys):
    proc_id, session = exported
    backup = take_backup(laptop.service.store, "test")
    laptop.service.set_value(proc_id, "cea", 5.5, reason="lab corrected")
    code, out = verify(capsys, laptop.service.store.path, backup, session)
    assert code == 0, out
    assert out.count("extends") == 2 and "entries were added since" in out


def test_a_consistent_rewrite_of_the_chain_passes_alone_and_is_found_against_a_backup(laptop, exported, capsys):
    proc_id, _ = exported
    backup = take_backup(laptop.service.store, "test")
    path = laptop.service.store.path
    laptop.service.store.close()
    start = rewrite_chain(path, proc_id, "cea", 999.0)
    code, out = verify(capsys, path)
    assert code == 0, "the forger's rewrite verifies without an outside anchor"
    code, out = verify(capsys, path, backup)
    assert code == 1, out
    assert f"The chains part at entry {start} (procedure cea" in out
    assert "Audit trail REWRITTEN or replaced" in out and "does not extend" in out


def test_a_consistent_rewrite_is_found_against_a_session_file(laptop, exported, capsys):
    proc_id, session = exported
    path = laptop.service.store.path
    laptop.service.store.close()
    rewrite_chain(path, proc_id, "cea", 999.0)
    code, out = verify(capsys, path, session)
    assert code == 1, out
    assert "recorded at its export" in out and "is not in this database's trail" in out


def test_a_database_older_than_its_backup_does_not_extend_it(laptop, exported, tmp_path, capsys):
    store = laptop.service.store
    older = tmp_path / "older.sqlite"
    shutil.copy(take_backup(store, "test"), older)
    laptop.record(3)
    newer = take_backup(store, "test")
    code, out = verify(capsys, older, newer)
    assert code == 1 and "entries after this database's last" in out, out


def test_an_anchor_that_is_neither_a_backup_nor_a_session_file_is_named(laptop, exported, tmp_path, capsys):
    text = tmp_path / "notes.txt"
    text.write_text("hello")
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    path = laptop.service.store.path
    for anchor, words in (
        (text, "neither a MIMIC database"),
        (fifo, "not a regular file"),
        (Path("/dev/zero"), "not a regular file"),
    ):
        code, out = verify(capsys, path, anchor)
        assert code == 2 and words in out, out


@pytest.mark.parametrize("how", HOW)
def test_a_page_damaged_database_gets_a_plain_verdict(laptop, exported, tmp_path, capsys, how):
    store = laptop.service.store
    store.close()
    pristine = store.path.read_bytes()
    rng = random.Random(how)
    codes = set()
    for attempt in range(6):
        path = tmp_path / f"damaged-{attempt}.sqlite"
        path.write_bytes(damaged(pristine, how, rng))
        code, out = verify(capsys, path)
        codes.add(code)
        assert code in {0, 1, 2}
        if code == 0:  # the bytes fell where no data is (free space in a page): SQLite and the chain agree
            conn = sqlite3.connect(path)
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            conn.close()
        elif code == 1:
            assert "DAMAGED" in out
        else:
            assert "is not a MIMIC database, or is damaged beyond reading" in out
    assert codes - {0}, f"{how}: no attempt damaged anything"
