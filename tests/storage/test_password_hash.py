"""The product's scrypt cost, stored beside each hash; an older hash made again at the next right password."""

from __future__ import annotations

import json
import sqlite3

from mimic_desktop.services.accounts import AccountService
from mimic_desktop.storage import audit, password_hash
from mimic_desktop.storage.password_hash import Cost


def test_the_product_cost_is_current_guidance_and_fits_its_memory(monkeypatch):
    monkeypatch.undo()  # takes back the tests' cheap cost (tests/conftest.py): what follows is the product's own
    assert Cost(n=2**17, r=8, p=1) == password_hash.CURRENT
    assert password_hash.CURRENT.memory() > 128 * 1024 * 1024  # scrypt's table at N=2^17, r=8 is 128 MiB
    stored = password_hash.make("a real password")  # hashlib refuses when maxmem is too small for the cost
    assert json.loads(stored.cost) == {"dklen": 32, "n": 131072, "p": 1, "r": 8}
    assert password_hash.matches("a real password", stored)


def test_each_hash_carries_its_cost(store, coordinator):
    row = store.read("SELECT pw_cost FROM users WHERE username='anna.coord'")[0]
    assert Cost.from_text(row["pw_cost"]) == password_hash.CURRENT


def test_an_older_hash_is_made_again_at_the_next_right_password(store, coordinator, monkeypatch):
    before = store.read("SELECT pw_hash, pw_cost FROM users WHERE username='anna.coord'")[0]
    stronger = Cost(n=64, r=8, p=1)
    monkeypatch.setattr(password_hash, "CURRENT", stronger)
    AccountService(store).sign_in("anna.coord", "correct horse")
    after = store.read("SELECT pw_hash, pw_cost FROM users WHERE username='anna.coord'")[0]
    assert Cost.from_text(after["pw_cost"]) == stronger and after["pw_hash"] != before["pw_hash"]
    assert AccountService(store).sign_in("anna.coord", "correct horse").username == "anna.coord"
    upgrade = store.read("SELECT reason FROM audit WHERE entity_id='anna.coord' AND field='pw_cost' ORDER BY seq")
    assert "today's cost" in upgrade[-1]["reason"]
    assert audit.check(store.conn).ok


def test_a_hash_copied_between_accounts_is_found_by_verify(store, coordinator, db_path):
    AccountService(store).create_user("sam.surgeon", "Sam Snijder", "surgeon", "steady hands 42", by=coordinator)
    raw = sqlite3.connect(db_path)
    raw.execute(
        "UPDATE users SET (pw_hash, pw_salt, pw_cost) ="
        " (SELECT pw_hash, pw_salt, pw_cost FROM users WHERE username='anna.coord') WHERE username='sam.surgeon'"
    )
    raw.commit()
    raw.close()
    problems = [str(p) for p in audit.check(store.conn).problems]
    assert any("user sam.surgeon: its pw_hash is not what the audit trail recorded" in p for p in problems)
    assert any("pw_salt" in p for p in problems)


def test_every_column_of_an_account_is_checked(store, coordinator, db_path):
    for column, value in (("active", 0), ("demo", 1), ("must_change_password", 1), ("failed_sign_ins", 9)):
        raw = sqlite3.connect(db_path)
        raw.execute(f"UPDATE users SET {column} = ? WHERE username='anna.coord'", (value,))
        raw.commit()
        raw.close()
        assert any(column in str(p) for p in audit.check(store.conn).problems), column
