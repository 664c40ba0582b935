"""Edits made directly in the database file, behind the application's back: `verify` finds each one.

The database holds every kind of row: a completed record with two lesions (one removed), two complications
(one removed), a signed questionnaire, a changed study setting and a surgeon's account. Each case edits one
copy of the file with plain SQL, as someone with the sqlite3 tool would, and runs `mimic-desktop verify`.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from mimic_desktop.cli.main import main
from mimic_desktop.services import settings as study_settings
from mimic_desktop.services.accounts import AccountService
from mimic_desktop.services.demo import DEMO_QUESTIONNAIRE
from mimic_desktop.services.signing import SigningService
from mimic_desktop.storage import audit

SURGEON_PASSWORD = "steady hands 42"

# (what is edited, the SQL, words the verdict must hold)
EDITS = [
    ("a complication deleted", "DELETE FROM complications WHERE number = 1", "was deleted outside"),
    ("a removed complication deleted", "DELETE FROM complications WHERE number = 2", "was deleted outside"),
    ("a lesion deleted", "DELETE FROM lesions WHERE number = 2", "was deleted outside"),
    ("a lesion's number", "UPDATE lesions SET number = 7 WHERE number = 1", "its number is not"),
    ("a lesion's creation time", "UPDATE lesions SET created_utc = '2020-01-01T00:00:00Z'", "its created_utc"),
    ("the session id", "UPDATE procedures SET session_id = 'feedfeedfeedfeed'", "its session_id is not"),
    ("who created the record", "UPDATE procedures SET created_by = 'someone'", "its created_by is not"),
    ("the status", "UPDATE procedures SET status = 'draft'", "its status is not"),
    ("the current lesion", "UPDATE procedures SET current_lesion_id = NULL", "its current_lesion_id is not"),
    ("the record's demo flag", "UPDATE procedures SET demo = 1", "its demo is not"),
    ("a user's active flag", "UPDATE users SET active = 0 WHERE username = 'sam.surgeon'", "its active is not"),
    ("a user's demo flag", "UPDATE users SET demo = 1 WHERE username = 'sam.surgeon'", "its demo is not"),
    (
        "a user's password hash",
        "UPDATE users SET pw_hash = (SELECT pw_hash FROM users WHERE username = 'anna.coord'),"
        " pw_salt = (SELECT pw_salt FROM users WHERE username = 'anna.coord') WHERE username = 'sam.surgeon'",
        "its pw_hash is not",
    ),
    (
        "a user added",
        "INSERT INTO users (username, full_name, role, pw_hash, pw_salt, created_utc)"
        " SELECT 'eve', 'Eve', 'coordinator', pw_hash, pw_salt, created_utc FROM users LIMIT 1",
        "user eve is not in",
    ),
    (
        "the ICG window",
        f"UPDATE settings SET value = '0-999' WHERE key = '{study_settings.ICG_WINDOW_KEY}'",
        "its value is not",
    ),
    ("a setting deleted", f"DELETE FROM settings WHERE key = '{study_settings.ICG_WINDOW_KEY}'", "was deleted"),
    ("a setting added", "INSERT INTO settings (key, value) VALUES ('forms_dir', '/tmp')", "setting forms_dir is not"),
    ("a signature's meaning", "UPDATE signatures SET meaning = 'Read it'", "its meaning is not"),
    ("a signature moved to another record", "UPDATE signatures SET procedure_id = 'elsewhere'", "its procedure_id"),
    (
        "an event moved to another record",
        "UPDATE events SET procedure_id = 'elsewhere' WHERE id = 3",
        "its procedure_id",
    ),
    ("the update trigger dropped", "DROP TRIGGER audit_no_update", "trigger audit_no_update is missing"),
    ("the delete trigger dropped", "DROP TRIGGER audit_no_delete", "trigger audit_no_delete is missing"),
    ("a table added", "CREATE TABLE notes (text TEXT)", "table notes does not belong"),
    (
        "a trigger added",
        "CREATE TRIGGER quiet AFTER INSERT ON events BEGIN SELECT 1; END",
        "trigger quiet does not belong",
    ),
    ("an index dropped", "DROP INDEX events_procedure", "index events_procedure is missing"),
]


@pytest.fixture(scope="module")
def pristine(tmp_path_factory) -> Path:
    """One database with every kind of row, made once for all the edits."""
    import random

    from mimic_desktop.services.procedures import ProcedureService
    from mimic_desktop.services.simulate import record_procedure
    from mimic_desktop.storage.connection import open_store

    path = tmp_path_factory.mktemp("direct") / "mimic.sqlite"
    store = open_store(path)
    accounts = AccountService(store)
    coordinator = accounts.create_user("anna.coord", "Anna Coordinator", "coordinator", "correct horse")
    surgeon = accounts.create_user("sam.surgeon", "Sam Snijder", "surgeon", SURGEON_PASSWORD, by=coordinator)
    service = ProcedureService(store, coordinator)
    proc_id = record_procedure(service, random.Random(11), lesions=2)
    for _ in range(2):
        service.add_complication(proc_id, {})
    proc = service.load(proc_id)
    service.remove_complication(proc_id, proc.complications[1].id, "entered twice")
    service.set_values(proc_id, DEMO_QUESTIONNAIRE)
    SigningService(store, surgeon).sign_questionnaire(proc_id, SURGEON_PASSWORD, meaning="Author")
    study_settings.change(store, coordinator, icg_window_hours=(12, 36))
    store.close()
    return path


def edited(pristine: Path, folder: Path, sql: str) -> Path:
    path = folder / "edited.sqlite"
    shutil.copy(pristine, path)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute(sql)
    conn.close()
    return path


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
    path = edited(pristine, tmp_path, "ALTER TABLE users ADD COLUMN locked INTEGER NOT NULL DEFAULT 0")
    conn = sqlite3.connect(path)
    assert not audit.cross_check(conn)  # only the schema check names the column itself as foreign here
    conn.execute("UPDATE users SET locked = 1 WHERE username = 'sam.surgeon'")
    assert audit.cross_check(conn) == [
        "user sam.surgeon: its locked is not what the audit trail recorded (changed outside the application)"
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
