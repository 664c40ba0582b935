"""User accounts; passwords are kept only as scrypt hashes, each with its cost.

Every write to an account goes through here and leaves one audit row per column it changes, the password hash
and its salt and cost included: the audit trail describes every account whole (storage.audit cross-checks it).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from typing import Any

from ..domain.roles import Account, Role, User
from . import audit, password_hash
from .password_hash import StoredHash
from .rowids import inserted_id


def _user(row: sqlite3.Row) -> User:
    return User(
        row["id"],
        row["username"],
        row["full_name"],
        Role(row["role"]),
        bool(row["demo"]),
        bool(row["must_change_password"]),
    )


def _account(row: sqlite3.Row) -> Account:
    return Account(
        row["username"],
        row["full_name"],
        Role(row["role"]),
        bool(row["active"]),
        bool(row["demo"]),
        bool(row["must_change_password"]),
        row["failed_sign_ins"],
        row["waits_until_utc"],
    )


def insert_user(
    conn: sqlite3.Connection,
    *,
    username: str,
    full_name: str,
    role: Role,
    stored: StoredHash,
    now: str,
    by: str,
    demo: bool = False,
) -> int:
    """Add an account and its audit rows, one for each column; inside the caller's transaction."""
    cursor = conn.execute(
        "INSERT INTO users (username, full_name, role, pw_hash, pw_salt, pw_cost, demo, created_utc)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (username, full_name, role.value, stored.hash, stored.salt, stored.cost, int(demo), now),
    )
    row = conn.execute("SELECT * FROM users WHERE id = ?", (cursor.lastrowid,)).fetchone()
    made = {column: (None, row[column]) for column in row.keys() if column != "username"}  # noqa: SIM118
    _audit_columns(conn, username, made, by=by, now=now)
    return inserted_id(cursor)


def _audit_columns(
    conn: sqlite3.Connection,
    username: str,
    changes: Mapping[str, tuple[Any, Any]],
    *,
    by: str,
    now: str,
    reason: str | None = None,
) -> None:
    """An audit row for each column of one account that changed (old value, new value)."""
    for column, (old, new) in changes.items():
        audit.append(
            conn,
            at_utc=now,
            username=by,
            procedure_id=None,
            entity="user",
            entity_id=username,
            field=column,
            old=old,
            new=new,
            reason=reason,
        )


def update(
    conn: sqlite3.Connection, username: str, changes: Mapping[str, Any], *, by: str, now: str, reason: str | None = None
) -> None:
    """Change columns of one account, with an audit row for each that changes; inside the caller's transaction."""
    row = conn.execute("SELECT * FROM users WHERE username = ?", (username,)).fetchone()
    changed = {column: value for column, value in changes.items() if row[column] != value}
    if not changed:
        return
    assignments = ", ".join(f"{column} = ?" for column in changed)  # column names come from this package only
    conn.execute(f"UPDATE users SET {assignments} WHERE username = ?", (*changed.values(), username))
    _audit_columns(
        conn,
        username,
        {column: (row[column], value) for column, value in changed.items()},
        by=by,
        now=now,
        reason=reason,
    )


def password_columns(stored: StoredHash) -> dict[str, str]:
    return {"pw_hash": stored.hash, "pw_salt": stored.salt, "pw_cost": stored.cost}


def stored_hash(conn: sqlite3.Connection, username: str) -> StoredHash | None:
    row = conn.execute("SELECT pw_hash, pw_salt, pw_cost FROM users WHERE username = ?", (username,)).fetchone()
    return StoredHash(row["pw_hash"], row["pw_salt"], row["pw_cost"]) if row else None


def check_password(conn: sqlite3.Connection, username: str, password: str) -> User | None:
    """The active account whose password this is; None for a wrong password or a name with no active account."""
    stored = stored_hash(conn, username)
    row = conn.execute("SELECT * FROM users WHERE username = ? AND active = 1", (username,)).fetchone()
    if stored is None or row is None:
        password_hash.burn(password)  # same work for unknown names: no user-name oracle by timing
        return None
    return _user(row) if password_hash.matches(password, stored) else None


def find_user(conn: sqlite3.Connection, username: str) -> User | None:
    row = conn.execute("SELECT * FROM users WHERE username=?", (username,)).fetchone()
    return _user(row) if row else None


def find_account(conn: sqlite3.Connection, username: str) -> Account | None:
    row = conn.execute("SELECT * FROM users WHERE username=?", (username,)).fetchone()
    return _account(row) if row else None


def list_users(conn: sqlite3.Connection) -> list[User]:
    return [_user(r) for r in conn.execute("SELECT * FROM users WHERE active=1 ORDER BY username")]


def list_accounts(conn: sqlite3.Connection) -> list[Account]:
    """Every account, active or not, by user name."""
    return [_account(r) for r in conn.execute("SELECT * FROM users ORDER BY username")]


def account_ids(conn: sqlite3.Connection) -> dict[str, int]:
    """The id of every account, active or not, by user name: a record's history names people who have left too."""
    return {row[0]: row[1] for row in conn.execute("SELECT username, id FROM users")}


def signers_named(conn: sqlite3.Connection, full_name: str, roles: tuple[Role, ...]) -> list[str]:
    """User names of accounts of these roles whose full name is this one, ignoring case and repeated spaces."""
    wanted = " ".join(full_name.split()).casefold()
    marks = ", ".join("?" * len(roles))
    return [
        row["username"]
        for row in conn.execute(
            f"SELECT username, full_name FROM users WHERE role IN ({marks})", [r.value for r in roles]
        )
        if " ".join(row["full_name"].split()).casefold() == wanted
    ]


def active_coordinators(conn: sqlite3.Connection) -> list[str]:
    return [r[0] for r in conn.execute("SELECT username FROM users WHERE role = 'coordinator' AND active = 1")]


def active_with_role(conn: sqlite3.Connection, role: Role) -> list[str]:
    return [r[0] for r in conn.execute("SELECT username FROM users WHERE role = ? AND active = 1", (role.value,))]


def count_users(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT COUNT(*) FROM users").fetchone()[0])


def holds_demo_accounts(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM users WHERE demo=1 LIMIT 1").fetchone() is not None


def is_active(conn: sqlite3.Connection, user: User) -> bool:
    row = conn.execute("SELECT active FROM users WHERE username=?", (user.username,)).fetchone()
    return bool(row and row[0])


def full_names(conn: sqlite3.Connection) -> dict[str, str]:
    """Every account's full name by user name, inactive ones included."""
    return dict(conn.execute("SELECT username, full_name FROM users").fetchall())
