"""Edits made directly in a database file with SQL, behind the application's back, and a database holding every
kind of row to make them on (shared by the tests and the reliability report)."""

from __future__ import annotations

import random
import shutil
import sqlite3
from pathlib import Path

from mimic_desktop.services import settings as study_settings
from mimic_desktop.services.accounts import AccountService
from mimic_desktop.services.demo import DEMO_QUESTIONNAIRE
from mimic_desktop.services.procedures import ProcedureService
from mimic_desktop.services.simulate import record_procedure
from mimic_desktop.storage.connection import open_store
from tests.support.signers import sign_as

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


def every_kind_of_row(path: Path) -> Path:
    """A completed record with two lesions, two complications (one removed), a signed questionnaire, a changed
    study setting and a surgeon's account."""
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
    sign_as(store, surgeon, proc_id, SURGEON_PASSWORD)
    study_settings.change(store, coordinator, icg_window_hours=(12, 36))
    store.close()
    return path


def edited(pristine: Path, folder: Path, sql: str) -> Path:
    """A copy of the database with one SQL statement applied to it."""
    path = folder / "edited.sqlite"
    shutil.copy(pristine, path)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute(sql)
    conn.close()
    return path
