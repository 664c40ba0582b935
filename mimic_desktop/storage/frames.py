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
    reason: str | None = None,
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
        reason=reason,
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


# -- fluorescence measured on kept frames ----------------------------------------------------------------------

MEASUREMENT = "measurement"
MEASURED = (
    "finding",
    "channel",
    "target",
    "background",
    "target_mean",
    "target_sd",
    "background_mean",
    "background_sd",
    "sbr",
    "method",
)


@dataclass(frozen=True)
class MeasurementRow:
    id: int
    procedure_id: str
    lesion_id: str
    frame_id: int
    finding: str
    channel: str
    target: str
    background: str
    target_mean: float
    target_sd: float
    background_mean: float
    background_sd: float
    sbr: float
    method: str
    measured_utc: str
    username: str


def put_measurement(
    conn: sqlite3.Connection,
    *,
    proc_id: str,
    lesion_id: str,
    frame_id: int,
    figures: dict[str, str | float],
    now: str,
    username: str,
    reason: str | None,
) -> int:
    """Store (or replace) the measurement of a lesion on a frame, with its audit row: the figures before and
    after."""
    old = conn.execute(
        f"SELECT id, {', '.join(MEASURED)} FROM fluorescence WHERE lesion_id=? AND frame_id=?", (lesion_id, frame_id)
    ).fetchone()
    new = {name: figures[name] for name in MEASURED}
    if old is None:
        cursor = conn.execute(
            f"INSERT INTO fluorescence (procedure_id, lesion_id, frame_id, {', '.join(MEASURED)}, measured_utc,"
            f" username) VALUES (?, ?, ?, {', '.join('?' for _ in MEASURED)}, ?, ?)",
            (proc_id, lesion_id, frame_id, *new.values(), now, username),
        )
        measurement_id, before = inserted_id(cursor), None
    else:
        measurement_id = int(old[0])
        before = dict(zip(MEASURED, tuple(old)[1:], strict=True))
        conn.execute(
            f"UPDATE fluorescence SET {', '.join(f'{name}=?' for name in MEASURED)}, measured_utc=?, username=?"
            " WHERE id=?",
            (*new.values(), now, username, measurement_id),
        )
    audit.append(
        conn,
        at_utc=now,
        username=username,
        procedure_id=proc_id,
        entity=MEASUREMENT,
        entity_id=str(measurement_id),
        field="figures",
        old=before,
        new={"lesion_id": lesion_id, "frame": frame_id, **new},
        reason=reason,
    )
    return measurement_id


def measurements_of(conn: sqlite3.Connection, proc_id: str) -> list[MeasurementRow]:
    rows = conn.execute(
        "SELECT id, procedure_id, lesion_id, frame_id, finding, channel, target, background, target_mean, target_sd,"
        " background_mean, background_sd, sbr, method, measured_utc, username FROM fluorescence"
        " WHERE procedure_id=? ORDER BY id",
        (proc_id,),
    ).fetchall()
    return [MeasurementRow(*tuple(row)) for row in rows]
