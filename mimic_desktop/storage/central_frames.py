"""The SQL of the central index of frames: each imported file's frames (central migration m009), written in the
transaction that stores the file."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class IndexedFrame:
    file_hash: str
    session_id: str
    session_version: int
    event_id: int
    sha256: str
    size: int
    width: int
    height: int
    travelled: bool


def index(conn: sqlite3.Connection, file_hash: str, session_id: str, listed: Iterable[dict[str, Any]]) -> None:
    """Index the frames a file's record lists (its part "frames", checked already), in the caller's transaction."""
    conn.executemany(
        "INSERT INTO frames (file_hash, session_id, event_id, sha256, size, width, height, travelled)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                file_hash,
                session_id,
                item["event_id"],
                item["sha256"],
                item["size"],
                item["width"],
                item["height"],
                int(bool(item["travels"])),
            )
            for item in listed
        ],
    )


_SELECT = (
    "SELECT x.file_hash, x.session_id, f.session_version, x.event_id, x.sha256, x.size, x.width, x.height,"
    " x.travelled FROM frames x JOIN session_files f ON f.file_hash = x.file_hash"
)


def _row(row: sqlite3.Row | tuple[Any, ...]) -> IndexedFrame:
    file_hash, session_id, version, event_id, sha256, size, width, height, travelled = tuple(row)
    return IndexedFrame(file_hash, session_id, version, event_id, sha256, size, width, height, bool(travelled))


def of_file(conn: sqlite3.Connection, file_hash: str) -> list[IndexedFrame]:
    """The frames one imported file lists, by event."""
    rows = conn.execute(f"{_SELECT} WHERE x.file_hash=? ORDER BY x.event_id", (file_hash,)).fetchall()
    return [_row(row) for row in rows]


def carrying(conn: sqlite3.Connection, sha256: str) -> list[IndexedFrame]:
    """Every imported file that carried this frame's pixels, newest version first."""
    rows = conn.execute(
        f"{_SELECT} WHERE x.sha256=? AND x.travelled=1 ORDER BY f.session_version DESC", (sha256,)
    ).fetchall()
    return [_row(row) for row in rows]


def every(conn: sqlite3.Connection) -> list[IndexedFrame]:
    """Every indexed frame of every imported file."""
    return [_row(row) for row in conn.execute(f"{_SELECT} ORDER BY x.file_hash, x.event_id").fetchall()]
