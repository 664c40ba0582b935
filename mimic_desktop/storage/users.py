"""User accounts; passwords are kept only as scrypt hashes."""

from __future__ import annotations

import hashlib
import hmac
import os
import sqlite3

from ..domain.roles import Role, User

# scrypt with n=2**14, r=8 uses 16 MiB per hash: memory-hard, yet quick enough at sign-in.
SCRYPT = {"n": 2**14, "r": 8, "p": 1, "dklen": 32}


def hash_password(password: str, salt: bytes) -> str:
    return hashlib.scrypt(password.encode("utf-8"), salt=salt, **SCRYPT).hex()


def insert_user(
    conn: sqlite3.Connection, *, username: str, full_name: str, role: Role, password: str, now: str, demo: bool = False
) -> int:
    salt = os.urandom(16)
    cursor = conn.execute(
        "INSERT INTO users (username, full_name, role, pw_hash, pw_salt, demo, created_utc) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (username, full_name, role.value, hash_password(password, salt), salt.hex(), int(demo), now),
    )
    return cursor.lastrowid


def _user(row: sqlite3.Row) -> User:
    return User(row["id"], row["username"], row["full_name"], Role(row["role"]), bool(row["demo"]))


def check_password(conn: sqlite3.Connection, username: str, password: str) -> User | None:
    row = conn.execute("SELECT * FROM users WHERE username=? AND active=1", (username,)).fetchone()
    if row is None:
        hash_password(password, b"0" * 16)  # same work for unknown names: no user-name oracle by timing
        return None
    expected = row["pw_hash"]
    if not hmac.compare_digest(hash_password(password, bytes.fromhex(row["pw_salt"])), expected):
        return None
    return _user(row)


def find_user(conn: sqlite3.Connection, username: str) -> User | None:
    row = conn.execute("SELECT * FROM users WHERE username=?", (username,)).fetchone()
    return _user(row) if row else None


def list_users(conn: sqlite3.Connection) -> list[User]:
    return [_user(r) for r in conn.execute("SELECT * FROM users WHERE active=1 ORDER BY username")]


def count_users(conn: sqlite3.Connection) -> int:
    return conn.execute("SELECT COUNT(*) FROM users").fetchone()[0]


def holds_demo_accounts(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM users WHERE demo=1 LIMIT 1").fetchone() is not None


def is_active(conn: sqlite3.Connection, user: User) -> bool:
    row = conn.execute("SELECT active FROM users WHERE username=?", (user.username,)).fetchone()
    return bool(row and row[0])


def full_names(conn: sqlite3.Connection) -> dict[str, str]:
    """Every account's full name by user name, inactive ones included."""
    return dict(conn.execute("SELECT username, full_name FROM users").fetchall())
