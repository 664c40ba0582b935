"""Edits made directly in the database file, behind the application's back: `verify` finds each one.

The database holds every kind of row (tests/support/direct_edits.py). Each case edits one copy of the file with
plain SQL, as someone with the sqlite3 tool would, and runs `mimic-desktop verify`.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from mimic_desktop.cli.main import main
from mimic_desktop.storage import audit
from tests.support.direct_edits import EDITS, edited, every_kind_of_row


@pytest.fixture(scope="module")
def pristine(tmp_path_factory) -> Path:
    """One database with every kind of row, made once for all the edits."""
    return every_kind_of_row(tmp_path_factory.mktemp("direct") / "mimic.sqlite")


def verify(path: Path, capsys) -> tuple[int, str]:
    code = main(["verify", "--db", str(path)])
    out, err = capsys.readouterr()
    return code, out + err


def test_the_untouched_database_verifies(pristine, capsys):
    code, out = verify(pristine, capsys)
    assert code == 0 and out.startswith("OK"), out


@pytest.mark.parametrize(("what", "sql", "words"), EDITS, ids=[case[0] for case in EDITS])
def test_each_direct_edit_is_found(pristine, tmp_path, capsys, what, sql, words):
    path = edited(pristine, tmp_path, sql)
    code, out = verify(path, capsys)
    assert code == 1, out
    assert "DAMAGED" in out and words in out, out
    assert "Traceback" not in out


def test_a_column_added_by_a_later_migration_is_covered_without_new_code(pristine, tmp_path):
    """A column a later version adds holds its declared default until the application writes the row again."""
    path = edited(pristine, tmp_path, "ALTER TABLE lesions ADD COLUMN depth_mm REAL NOT NULL DEFAULT 0")
    conn = sqlite3.connect(path)
    assert not audit.cross_check(conn)  # only the schema check names the column itself as foreign here
    (lesion,) = conn.execute("SELECT id FROM lesions WHERE number = 1").fetchone()
    conn.execute("UPDATE lesions SET depth_mm = 12.5 WHERE number = 1")
    assert [str(p) for p in audit.cross_check(conn)] == [
        f"lesion {lesion}: its depth_mm is not what the audit trail recorded (changed outside the application)"
    ]


def test_an_older_database_is_sealed_as_the_upgrade_finds_it_and_verifies(tmp_path, capsys):
    """The upgrade seals every row it finds (one audit row each); from then on a direct edit is found."""
    from mimic_desktop.storage.connection import open_store

    path = tmp_path / "v1.sqlite"
    shutil.copy(Path(__file__).parents[1] / "data" / "schema_v1.sqlite", path)
    open_store(path).close()
    conn = sqlite3.connect(path)
    sealed = conn.execute("SELECT COUNT(*) FROM audit WHERE entity = 'row' AND username = 'system'").fetchone()[0]
    rows = sum(conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] for table in ("procedures", "users"))
    conn.close()
    assert sealed >= rows > 0
    assert verify(path, capsys)[0] == 0
    code, out = verify(edited(path, tmp_path, "UPDATE procedures SET created_by = 'someone'"), capsys)
    assert code == 1 and "its created_by is not" in out
