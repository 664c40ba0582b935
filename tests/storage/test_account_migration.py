"""An older database gains the accounts' new columns, and its accounts go into the audit trail whole."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from mimic_desktop.services.accounts import AccountService
from mimic_desktop.storage import audit
from mimic_desktop.storage.connection import open_store
from mimic_desktop.storage.password_hash import LEGACY, Cost

V1 = Path(__file__).parents[1] / "data" / "schema_v1.sqlite"


def test_an_older_database_keeps_its_passwords_and_records_its_accounts(tmp_path):
    path = tmp_path / "old.sqlite"
    shutil.copy(V1, path)
    before = {row[0]: row[1] for row in sqlite3.connect(V1).execute("SELECT username, pw_hash FROM users")}
    store = open_store(path)
    rows = store.read("SELECT username, pw_hash, pw_cost, must_change_password, failed_sign_ins FROM users")
    assert {row["username"]: row["pw_hash"] for row in rows} == before
    assert {Cost.from_text(row["pw_cost"]) for row in rows} == {LEGACY}
    for username in before:
        fields = {r["field"] for r in store.read("SELECT field FROM audit WHERE entity_id = ?", (username,))}
        assert {"pw_hash", "pw_salt", "pw_cost", "active", "must_change_password"} <= fields
    assert audit.check(store.conn).ok
    store.close()


def test_after_the_upgrade_a_copied_hash_is_found(tmp_path):
    path = tmp_path / "old.sqlite"
    shutil.copy(V1, path)
    open_store(path).close()
    raw = sqlite3.connect(path)
    names = [row[0] for row in raw.execute("SELECT username FROM users ORDER BY id")]
    if len(names) < 2:  # the old database holds one account: add one through the app to copy onto
        store = open_store(path)
        accounts = AccountService(store)
        accounts.create_user("new.surgeon", "New Surgeon", "surgeon", "long enough x", by=accounts.users()[0])
        store.close()
        names.append("new.surgeon")
    raw.execute(
        "UPDATE users SET pw_hash = (SELECT pw_hash FROM users WHERE username = ?) WHERE username = ?",
        (names[0], names[1]),
    )
    raw.commit()
    raw.close()
    store = open_store(path)
    assert any(f"user {names[1]}: its pw_hash" in str(p) for p in audit.check(store.conn).problems)
    store.close()
