"""Accounts on the command line, run as a script would: `init`, `add-user`, `passwd`, `users`, failed sign-ins."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys

import pytest

from mimic_desktop.storage import audit

CLI = [sys.executable, "-m", "tests.support.cheap_cli"]
COORDINATOR = "correct horse"


def run(*args, password: str | None = COORDINATOR, stdin: str = "") -> subprocess.CompletedProcess:
    env = {key: value for key, value in os.environ.items() if key != "MIMIC_PASSWORD"}
    if password is not None:
        env["MIMIC_PASSWORD"] = password
    return subprocess.run([*CLI, *map(str, args)], capture_output=True, text=True, env=env, input=stdin)


@pytest.fixture
def db(db_path):
    assert (
        run("init", "--db", db_path, "--user", "anna", "--name", "Anna de Vries", stdin=f"{COORDINATOR}\n").returncode
        == 0
    )
    return db_path


def add_surgeon(db, password: str = "steady hands 42") -> None:
    made = run(
        "add-user",
        "--db",
        db,
        "--user",
        "anna",
        "sam",
        "--name",
        "Sam Snijder",
        "--role",
        "surgeon",
        stdin=password + "\n",
    )
    assert made.returncode == 0, made.stderr


def test_mimic_password_is_never_a_new_accounts_password(db):
    refused = run("add-user", "--db", db, "--user", "anna", "sam", "--name", "Sam Snijder", "--role", "surgeon")
    assert refused.returncode == 2 and "No new password" in refused.stderr and "Traceback" not in refused.stderr
    assert sqlite3.connect(db).execute("SELECT COUNT(*) FROM users").fetchone()[0] == 1
    add_surgeon(db)
    as_coordinator = run("list", "--db", db, "--user", "sam")  # MIMIC_PASSWORD is the coordinator's
    assert as_coordinator.returncode == 2 and "Wrong user name or password" in as_coordinator.stderr
    assert run("list", "--db", db, "--user", "sam", password="steady hands 42").returncode == 0


def test_a_new_password_is_never_an_argument(db):
    result = run(
        "add-user",
        "--db",
        db,
        "--user",
        "anna",
        "sam",
        "--name",
        "Sam",
        "--role",
        "surgeon",
        "--new-password",
        "x" * 12,
    )
    assert result.returncode == 2 and "unrecognized arguments" in result.stderr


def test_init_refuses_a_weak_first_password_and_makes_nothing(db_path):
    result = run("init", "--db", db_path, "--user", "anna", "--name", "Anna", stdin="password123\n")
    assert result.returncode == 2 and "most common" in result.stderr
    result = run("init", "--db", db_path, "--user", "anna", "--name", "Anna", stdin=" " * 12 + "\n")
    assert result.returncode == 2 and "only spaces" in result.stderr
    made = run("init", "--db", db_path, "--user", "anna", "--name", "Anna", stdin="a good long one\n")
    assert made.returncode == 0, made.stderr


def test_five_wrong_passwords_leave_five_rows_and_a_waiting_account(db):
    for _ in range(5):
        assert run("list", "--db", db, "--user", "anna", password="not my password").returncode == 2
    waits = run("list", "--db", db, "--user", "anna")
    assert waits.returncode == 2 and "waits until" in waits.stderr and "coordinator can release" in waits.stderr
    conn = sqlite3.connect(db)
    rows = conn.execute("SELECT entity_id, new_value FROM audit WHERE entity='sign_in' ORDER BY seq").fetchall()
    assert len(rows) == 6 and {name for name, _ in rows} == {"anna"}
    assert {audit.decode(new)["where"] for _, new in rows} == {"command line"}
    assert conn.execute("SELECT failed_sign_ins FROM users WHERE username='anna'").fetchone()[0] == 5
    assert run("verify", "--db", db).stdout.startswith("OK")


def test_a_reset_password_must_be_changed_with_passwd(db):
    add_surgeon(db)
    reset = run("users", "reset", "sam", "--db", db, "--user", "anna")
    assert reset.returncode == 0, reset.stderr
    temporary = reset.stdout.split("Temporary password of sam: ")[1].split()[0]
    blocked = run("list", "--db", db, "--user", "sam", password=temporary)
    assert blocked.returncode == 2 and "mimic-desktop passwd --user sam" in blocked.stderr
    changed = run("passwd", "--db", db, "--user", "sam", password=temporary, stdin="my own new secret\n")
    assert changed.returncode == 0, changed.stderr
    assert run("list", "--db", db, "--user", "sam", password="my own new secret").returncode == 0
    assert run("verify", "--db", db).stdout.startswith("OK")


def test_passwd_without_a_new_password_changes_nothing(db):
    result = run("passwd", "--db", db, "--user", "anna")
    assert result.returncode == 2 and "No new password" in result.stderr
    assert run("list", "--db", db, "--user", "anna").returncode == 0


def test_a_coordinator_deactivates_reactivates_changes_a_role_and_releases(db):
    add_surgeon(db)
    assert run("users", "deactivate", "sam", "--db", db, "--user", "anna").returncode == 0
    listed = run("users", "list", "--db", db, "--user", "anna").stdout
    assert "sam\tSam Snijder\tsurgeon\tdeactivated" in listed
    assert run("list", "--db", db, "--user", "sam", password="steady hands 42").returncode == 2
    assert run("users", "reactivate", "sam", "--db", db, "--user", "anna").returncode == 0
    assert run("users", "set-role", "sam", "monitor", "--db", db, "--user", "anna").returncode == 0
    for _ in range(5):
        run("list", "--db", db, "--user", "sam", password="wrong again")
    assert "waits until" in run("users", "list", "--db", db, "--user", "anna").stdout
    assert run("users", "release", "sam", "--db", db, "--user", "anna").returncode == 0
    assert run("list", "--db", db, "--user", "sam", password="steady hands 42").returncode == 0
    refused = run("users", "reset", "anna", "--db", db, "--user", "sam", password="steady hands 42")
    assert refused.returncode == 2 and "coordinator" in refused.stderr
    assert run("verify", "--db", db).stdout.startswith("OK")


def test_verify_finds_a_hash_copied_between_accounts(db):
    add_surgeon(db)
    conn = sqlite3.connect(db)
    conn.execute(
        "UPDATE users SET (pw_hash, pw_salt, pw_cost) ="
        " (SELECT pw_hash, pw_salt, pw_cost FROM users WHERE username='anna') WHERE username='sam'"
    )
    conn.commit()
    conn.close()
    result = run("verify", "--db", db)
    assert result.returncode == 1 and "user sam: its pw_hash is not what the audit trail recorded" in result.stdout
