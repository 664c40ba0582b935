"""`mimic-desktop verify` is the auditor's check: it reads the database and changes no byte of it."""

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest

from mimic_desktop.cli.main import main
from mimic_desktop.storage.connection import open_store

V1 = Path(__file__).parents[1] / "data" / "schema_v1.sqlite"


def files(folder: Path) -> dict[str, str]:
    """Every file in the folder (the database, its -wal and -shm) by name, with the SHA-256 of its bytes."""
    return {path.name: hashlib.sha256(path.read_bytes()).hexdigest() for path in sorted(folder.iterdir())}


def verify(path: Path, capsys) -> tuple[int, str, str]:
    code = main(["verify", "--db", str(path)])
    out, err = capsys.readouterr()
    return code, out, err


def test_verify_changes_no_byte_of_a_closed_database(service, recorded, store, db_path, capsys):
    store.close()
    before = files(db_path.parent)
    code, out, _ = verify(db_path, capsys)
    assert code == 0 and out.startswith("OK")
    assert files(db_path.parent) == before


def test_verify_reads_a_database_in_use_and_leaves_it_and_its_wal_as_they_are(service, recorded, db_path, capsys):
    service.set_value(recorded, "cea", 4.2)  # the app still has it open: the change is in the -wal file
    wal = db_path.with_name(db_path.name + "-wal")
    assert wal.stat().st_size > 0
    before = {name: digest for name, digest in files(db_path.parent).items() if not name.endswith("-shm")}
    code, out, _ = verify(db_path, capsys)
    rows = service.store.conn.execute("SELECT COUNT(*) FROM audit").fetchone()[0]
    assert code == 0 and f"audit trail of {rows} entries" in out
    after = {name: digest for name, digest in files(db_path.parent).items() if not name.endswith("-shm")}
    assert after == before


@pytest.mark.parametrize("content", [b"", b"\x00garbage" * 500])
def test_a_file_that_is_not_a_mimic_database_is_refused_and_left_alone(tmp_path, capsys, content):
    path = tmp_path / "empty.sqlite"
    path.write_bytes(content)
    code, out, err = verify(path, capsys)
    assert code == 2 and "not a MIMIC database" in err and not out.startswith("OK")
    assert files(tmp_path) == {"empty.sqlite": hashlib.sha256(content).hexdigest()}


def test_a_missing_file_is_named_and_not_made(tmp_path, capsys):
    code, _, err = verify(tmp_path / "missing.sqlite", capsys)
    assert code == 2 and "There is no database at" in err
    assert list(tmp_path.iterdir()) == []


def test_a_database_of_a_newer_version_is_refused_untouched(db_path, capsys):
    open_store(db_path).close()
    conn = sqlite3.connect(db_path)
    conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES ('mimic', 'm999_x', 'x')")
    conn.commit()
    conn.close()
    before = files(db_path.parent)
    code, _, err = verify(db_path, capsys)
    assert code == 2 and "newer version of MIMIC Desktop" in err
    assert files(db_path.parent) == before


def test_an_older_database_is_verified_as_it_is_and_not_upgraded(tmp_path, capsys):
    path = tmp_path / "old.sqlite"
    shutil.copy(V1, path)
    before = files(tmp_path)
    code, out, _ = verify(path, capsys)
    assert code == 0 and "OK" in out
    assert "earlier version of MIMIC Desktop" in out and "m002_signatures_exports_settings" in out
    assert "1 event(s) were recorded before the audit trail kept every event's time" in out
    assert files(tmp_path) == before
