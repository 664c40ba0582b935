"""The SQL of near-infrared stills kept with events: one frame to an event, written with its audit row."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from . import audit
from .rowids import inserted_id

ENTITY = "frame"


@dataclass(frozen=True)
class FrameRow:
    id: int
    procedure_id: str
    event_id: int
    event_kind: str
    event_at_utc: str
    event_struck: bool
    kept_utc: str
    username: str
    media_type: str
    width: int
    height: int
    size: int
    sha256: str
    masks: str


_COLUMNS = (
    "f.id, f.procedure_id, f.event_id, e.kind, e.at_utc, e.struck, f.kept_utc, f.username, f.media_type,"
    " f.width, f.height, f.size, f.sha256, f.masks"
)


def _row(values: sqlite3.Row | tuple[object, ...]) -> FrameRow:
    (fid, proc, event, kind, at, struck, kept, user, media, width, height, size, sha, masks) = tuple(values)
    return FrameRow(
        int(str(fid)),
        str(proc),
        int(str(event)),
        str(kind),
        str(at),
        bool(struck),
        str(kept),
        str(user),
        str(media),
        int(str(width)),
        int(str(height)),
        int(str(size)),
        str(sha),
        str(masks),
    )


def insert_frame(
    conn: sqlite3.Connection,
    *,
    proc_id: str,
    event_id: int,
    media_type: str,
    width: int,
    height: int,
    data: bytes,
    sha256: str,
    masks: str,
    now: str,
    username: str,
) -> int:
    """Keep a frame for an event, and its audit row (the hash, size and masks; never the pixels), in the
    caller's transaction."""
    cursor = conn.execute(
        "INSERT INTO frames (procedure_id, event_id, kept_utc, username, media_type, width, height, size, sha256,"
        " masks, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (proc_id, event_id, now, username, media_type, width, height, len(data), sha256, masks, data),
    )
    frame_id = inserted_id(cursor)
    details = {
        "event": event_id,
        "sha256": sha256,
        "size": len(data),
        "media_type": media_type,
        "width": width,
        "height": height,
        "masks": masks,
    }
    audit.append(
        conn,
        at_utc=now,
        username=username,
        procedure_id=proc_id,
        entity=ENTITY,
        entity_id=str(frame_id),
        field="kept",
        old=None,
        new=details,
        reason=None,
    )
    return frame_id


def frame_of_event(conn: sqlite3.Connection, event_id: int) -> int | None:
    row = conn.execute("SELECT id FROM frames WHERE event_id=?", (event_id,)).fetchone()
    return None if row is None else int(row[0])


def bytes_kept(conn: sqlite3.Connection, proc_id: str) -> int:
    return int(conn.execute("SELECT COALESCE(SUM(size), 0) FROM frames WHERE procedure_id=?", (proc_id,)).fetchone()[0])


def frames_of(conn: sqlite3.Connection, proc_id: str) -> list[FrameRow]:
    rows = conn.execute(
        f"SELECT {_COLUMNS} FROM frames f JOIN events e ON e.id = f.event_id WHERE f.procedure_id=?"
        " ORDER BY e.at_utc, f.id",
        (proc_id,),
    ).fetchall()
    return [_row(row) for row in rows]


def frame(conn: sqlite3.Connection, frame_id: int) -> FrameRow | None:
    row = conn.execute(
        f"SELECT {_COLUMNS} FROM frames f JOIN events e ON e.id = f.event_id WHERE f.id=?", (frame_id,)
    ).fetchone()
    return None if row is None else _row(row)


def frame_data(conn: sqlite3.Connection, frame_id: int) -> bytes | None:
    row = conn.execute("SELECT data FROM frames WHERE id=?", (frame_id,)).fetchone()
    return None if row is None else bytes(row[0])


def event_of(conn: sqlite3.Connection, event_id: int) -> tuple[str, bool] | None:
    """The procedure an event belongs to and whether it is struck through (None for a number no row can have)."""
    if not 0 < event_id < 2**63:  # beyond SQLite's integers: no such event, rather than an OverflowError
        return None
    row = conn.execute("SELECT procedure_id, struck FROM events WHERE id=?", (event_id,)).fetchone()
    return None if row is None else (str(row[0]), bool(row[1]))
