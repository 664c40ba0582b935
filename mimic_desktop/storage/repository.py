"""Reading and writing the procedure record; every write also appends its audit rows."""

from __future__ import annotations

import sqlite3
import uuid
from typing import Any

from ..domain import derive, video_time
from ..domain.record import Complication, Event, Lesion, LesionRatio, Procedure, Signature
from . import audit, row_seals
from .rowids import inserted_id

PROCEDURE_ENTITY = "procedure"


def new_id() -> str:
    return uuid.uuid4().hex


def _audit(
    conn: sqlite3.Connection,
    now: str,
    username: str,
    proc_id: str | None,
    entity: str,
    entity_id: str,
    *,
    field: str,
    old: Any,
    new: Any,
    reason: str | None = None,
) -> None:
    """The audit row of one change written here, in the same transaction as the change."""
    audit.append(
        conn,
        at_utc=now,
        username=username,
        procedure_id=proc_id,
        entity=entity,
        entity_id=entity_id,
        field=field,
        old=old,
        new=new,
        reason=reason,
    )


def insert_procedure(
    conn: sqlite3.Connection, *, study_id: str, centre: str, now: str, username: str, demo: bool
) -> str:
    proc_id = new_id()
    conn.execute(
        "INSERT INTO procedures (id, study_id, centre, session_id, status, created_utc, created_by, modified_utc, demo)"
        " VALUES (?, ?, ?, ?, 'draft', ?, ?, ?, ?)",
        (proc_id, study_id, centre, new_id(), now, username, now, int(demo)),
    )
    for field, value in (("study_id", study_id), ("centre", centre)):
        _audit(conn, now, username, proc_id, PROCEDURE_ENTITY, proc_id, field=field, old=None, new=value)
    return proc_id


def study_ids(conn: sqlite3.Connection) -> set[str]:
    return {row[0] for row in conn.execute("SELECT study_id FROM procedures")}


def study_id_taken(conn: sqlite3.Connection, study_id: str) -> bool:
    return conn.execute("SELECT 1 FROM procedures WHERE study_id = ?", (study_id,)).fetchone() is not None


def set_value(
    conn: sqlite3.Connection,
    *,
    proc_id: str,
    entity: str,
    entity_id: str,
    field: str,
    value: Any,
    now: str,
    username: str,
    reason: str | None,
) -> bool:
    """Store one field value; returns False (and writes nothing) when it did not change."""
    key = (proc_id, entity, entity_id, field)
    row = conn.execute(
        "SELECT value FROM field_values WHERE procedure_id=? AND entity=? AND entity_id=? AND field=?", key
    ).fetchone()
    old = audit.decode(row[0]) if row else None
    if old == value:
        return False
    if value is None:
        conn.execute("DELETE FROM field_values WHERE procedure_id=? AND entity=? AND entity_id=? AND field=?", key)
    else:
        conn.execute(
            "INSERT INTO field_values (procedure_id, entity, entity_id, field, value) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT (procedure_id, entity, entity_id, field) DO UPDATE SET value = excluded.value",
            (*key, audit.encode(value)),
        )
    _audit(conn, now, username, proc_id, entity, entity_id or proc_id, field=field, old=old, new=value, reason=reason)
    touch(conn, proc_id, now)
    return True


def touch(conn: sqlite3.Connection, proc_id: str, now: str) -> None:
    conn.execute("UPDATE procedures SET modified_utc=? WHERE id=?", (now, proc_id))


def set_status(conn: sqlite3.Connection, proc_id: str, status: str) -> None:
    conn.execute("UPDATE procedures SET status=? WHERE id=?", (status, proc_id))


def set_procedure_column(
    conn: sqlite3.Connection,
    *,
    proc_id: str,
    column: str,
    value: Any,
    now: str,
    username: str,
    reason: str | None = None,
) -> None:
    """Change a column of the procedures table that belongs to the record (and audit it)."""
    allowed = {
        "completed_utc",
        "current_lesion_id",
        "export_version",
        "exported_utc",
        "surgeon_username",
        "subject_status",
        "subject_status_reason",
        "subject_status_date",
        "video_event_id",
        "video_shown",
    }
    if column not in allowed:
        raise ValueError(column)
    old = conn.execute(f"SELECT {column} FROM procedures WHERE id=?", (proc_id,)).fetchone()[0]
    if old == value:
        return
    conn.execute(f"UPDATE procedures SET {column}=? WHERE id=?", (value, proc_id))
    if column != "current_lesion_id":  # switching lesions is navigation, not a change to the record
        _audit(conn, now, username, proc_id, PROCEDURE_ENTITY, proc_id, field=column, old=old, new=value, reason=reason)
    else:  # ...but the row it is kept in stays sealed, so that a lesion switched behind the app's back is found
        row_seals.seal(conn, PROCEDURE_ENTITY, proc_id, at_utc=now, username=username)


def add_child(conn: sqlite3.Connection, table: str, *, proc_id: str, now: str, username: str) -> tuple[str, int]:
    """Add a lesion or complication; returns its id and number within the procedure."""
    number = conn.execute(
        f"SELECT COALESCE(MAX(number), 0) + 1 FROM {table} WHERE procedure_id=?", (proc_id,)
    ).fetchone()[0]
    child_id = new_id()
    conn.execute(
        f"INSERT INTO {table} (id, procedure_id, number, created_utc) VALUES (?, ?, ?, ?)",
        (child_id, proc_id, number, now),
    )
    entity = table.removesuffix("s")
    _audit(conn, now, username, proc_id, entity, child_id, field="number", old=None, new=number)
    touch(conn, proc_id, now)
    return child_id, number


def remove_child(
    conn: sqlite3.Connection, table: str, *, proc_id: str, child_id: str, reason: str, now: str, username: str
) -> None:
    """Take a lesion or complication out of the record: the row stays, marked with the time and the reason."""
    conn.execute(
        f"UPDATE {table} SET removed_utc=?, removed_reason=? WHERE id=? AND procedure_id=?",
        (now, reason, child_id, proc_id),
    )
    _audit(
        conn,
        now,
        username,
        proc_id,
        table.removesuffix("s"),
        child_id,
        field="removed",
        old=False,
        new=True,
        reason=reason,
    )
    touch(conn, proc_id, now)


def insert_event(
    conn: sqlite3.Connection,
    *,
    proc_id: str,
    kind: str,
    at: str,
    now: str,
    username: str,
    lesion_id: str | None,
    note: str | None,
    corrects: int | None = None,
    also_lesion_ids: tuple[str, ...] = (),
) -> int:
    """Insert one event; corrects names the struck event whose time this one corrects; also_lesion_ids the other
    lesions it names besides lesion_id (one transection or specimen holding several lesions)."""
    cursor = conn.execute(
        "INSERT INTO events (procedure_id, lesion_id, kind, at_utc, recorded_utc, username, note, also_lesion_ids)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (proc_id, lesion_id, kind, at, now, username, note, audit.also_lesions_column(also_lesion_ids)),
    )
    event_id = inserted_id(cursor)
    # The details row of every event carries its time: a corrected time is in the trail as well, with the
    # event it replaces, so that the trail can say which time was corrected to which.
    details: dict[str, str | int | list[str] | None] = {"kind": kind, "at": at, "lesion_id": lesion_id, "note": note}
    if also_lesion_ids:
        details["also_lesion_ids"] = list(also_lesion_ids)
    if corrects is not None:
        details["corrects"] = corrects
    for field, value in (("kind", kind), ("details", details)):
        _audit(conn, now, username, proc_id, "event", str(event_id), field=field, old=None, new=value)
    touch(conn, proc_id, now)
    return event_id


def strike_event(
    conn: sqlite3.Connection, *, proc_id: str, event_id: int, reason: str, now: str, username: str
) -> None:
    conn.execute("UPDATE events SET struck=1, struck_reason=? WHERE id=?", (reason, event_id))
    _audit(conn, now, username, proc_id, "event", str(event_id), field="struck", old=False, new=True, reason=reason)
    touch(conn, proc_id, now)


def procedure_id_for(
    conn: sqlite3.Connection, *, study_id: str | None = None, event_id: int | None = None
) -> str | None:
    if study_id is not None:
        row = conn.execute("SELECT id FROM procedures WHERE study_id=?", (study_id,)).fetchone()
    else:
        row = conn.execute("SELECT procedure_id FROM events WHERE id=?", (event_id,)).fetchone()
    return row[0] if row else None


def load_procedure(conn: sqlite3.Connection, proc_id: str, *, child_values: bool = True) -> Procedure | None:
    """The whole record; child_values=False leaves out the values of its lesions and complications.

    The event rules read the timeline, the lesions' numbers and the procedure's own values only,
    so recording an event need not decode every lesion's pathology.
    """
    proc = _procedure_row(conn, proc_id)
    if proc is None:
        return None
    children = _load_children(conn, proc)
    _load_values(conn, proc, children if child_values else None)
    _load_events(conn, proc)
    _load_signatures(conn, proc)
    _load_fluorescence(conn, proc)
    return proc


def _load_fluorescence(conn: sqlite3.Connection, proc: Procedure) -> None:
    """The measurements of the record's lesions on frames of events still live: one on the frame of a finding
    struck through since measures a call the record no longer makes (the session file leaves it out too)."""
    from .frames import frames_of, measurements_of

    lesions = {lesion.id for lesion in proc.lesions}
    live = {frame.id for frame in frames_of(conn, proc.id) if not frame.event_struck}
    proc.fluorescence = [
        LesionRatio(row.lesion_id, row.finding, row.sbr, row.channel, row.method, row.measured_utc)
        for row in measurements_of(conn, proc.id)
        if row.lesion_id in lesions and row.frame_id in live
    ]


def refresh_status(conn: sqlite3.Connection, proc_id: str) -> None:
    """Store the record's derived status, from what it depends on: the row, the signatures, the events of
    derive.status_events()."""
    status = derived_status(conn, proc_id)
    if status is not None:
        set_status(conn, proc_id, status)


def derived_status(conn: sqlite3.Connection, proc_id: str) -> str | None:
    """The status the record's row, events and signatures give it (what its stored status must be)."""
    proc = _procedure_row(conn, proc_id)
    if proc is None:
        return None
    _load_events(conn, proc, derive.status_events())
    _load_signatures(conn, proc)
    return derive.status(proc).value


# Columns are read by position: a record load runs on every click in theatre.
def _procedure_row(conn: sqlite3.Connection, proc_id: str) -> Procedure | None:
    query = (
        "SELECT id, study_id, centre, created_utc, session_id, completed_utc, export_version, exported_utc,"
        " modified_utc, current_lesion_id, demo, surgeon_username, subject_status, subject_status_reason,"
        " subject_status_date, {video} FROM procedures WHERE id=?"
    )
    try:
        row = conn.execute(query.format(video="video_event_id, video_shown"), (proc_id,)).fetchone()
    except sqlite3.OperationalError:
        # verify reads an older database (a backup from before m013) as it is: it has no video reference.
        if _has_column(conn, "procedures", "video_event_id"):
            raise
        row = conn.execute(query.format(video="NULL, NULL"), (proc_id,)).fetchone()
    if row is None:
        return None
    return Procedure(
        id=row[0],
        study_id=row[1],
        centre=row[2],
        created_at=row[3],
        session_id=row[4],
        completed_at=row[5],
        export_version=row[6],
        exported_at=row[7],
        modified_at=row[8],
        current_lesion_id=row[9],
        demo=bool(row[10]),
        surgeon_username=row[11],
        subject_status=row[12],
        subject_status_reason=row[13],
        subject_status_date=row[14],
        video_reference=video_time.stored(row[15], row[16]),
    )


def _load_children(conn: sqlite3.Connection, proc: Procedure) -> dict[tuple[str, str], dict[str, Any]]:
    """Lesions and complications in number order; returns their value dicts by (entity, id) to fill.

    Removed ones are left out of the record; removed lesions are listed apart (without values),
    so that the struck events that identified them can still name them.
    """
    children: dict[tuple[str, str], dict[str, Any]] = {}
    query = "SELECT id, number, removed_utc IS NOT NULL FROM {} WHERE procedure_id=? ORDER BY number"
    for child_id, number, removed in conn.execute(query.format("lesions"), (proc.id,)):
        lesion = Lesion(child_id, number)
        if removed:
            proc.removed_lesions.append(lesion)
        else:
            proc.lesions.append(lesion)
            children[("lesion", child_id)] = lesion.values
    for child_id, number, removed in conn.execute(query.format("complications"), (proc.id,)):
        if not removed:
            complication = Complication(child_id, number)
            proc.complications.append(complication)
            children[("complication", child_id)] = complication.values
    return children


def _load_values(
    conn: sqlite3.Connection, proc: Procedure, children: dict[tuple[str, str], dict[str, Any]] | None
) -> None:
    """The procedure's values, and those of the children given (None: the procedure's alone)."""
    sql = "SELECT entity, entity_id, field, value FROM field_values WHERE procedure_id=?"
    params: tuple[str, ...] = (proc.id,)
    if children is None:
        sql, params = sql + " AND entity=?", (proc.id, PROCEDURE_ENTITY)
    for entity, entity_id, field, value in conn.execute(sql, params):
        if entity == PROCEDURE_ENTITY:
            proc.values[field] = audit.decode(value)
        elif children is not None and (entity, entity_id) in children:
            children[(entity, entity_id)][field] = audit.decode(value)


def _has_column(conn: sqlite3.Connection, table: str, column: str) -> bool:
    return any(row[1] == column for row in conn.execute(f"PRAGMA table_info({table})"))


def _load_events(conn: sqlite3.Connection, proc: Procedure, kinds: tuple[str, ...] | None = None) -> None:
    """The record's events in time order; only those of these kinds when given."""
    only = f" AND kind IN ({', '.join('?' * len(kinds))})" if kinds else ""
    # verify reads an older database as it is, without upgrading it: before m012 no event named several lesions.
    also = "also_lesion_ids" if _has_column(conn, "events", "also_lesion_ids") else "NULL"
    for row in conn.execute(
        f"SELECT id, kind, at_utc, recorded_utc, username, lesion_id, note, struck, struck_reason, {also}"
        f" FROM events WHERE procedure_id=?{only} ORDER BY at_utc, id",
        (proc.id, *(kinds or ())),
    ):
        event_id, kind, at, recorded, username, lesion_id, note, struck, struck_reason, also = row
        proc.events.append(
            Event(
                event_id,
                kind,
                at,
                recorded,
                username,
                lesion_id,
                note,
                bool(struck),
                struck_reason,
                audit.also_lesions_from_column(also),
            )
        )


def _load_signatures(conn: sqlite3.Connection, proc: Procedure) -> None:
    for row in conn.execute(
        "SELECT id, form, username, printed_name, meaning, signed_utc, content_hash, voided_utc, void_reason"
        " FROM signatures WHERE procedure_id=? ORDER BY id",
        (proc.id,),
    ):
        proc.signatures.append(Signature(*row))


def _contains_pattern(text: str) -> str:
    """A LIKE pattern (with ESCAPE '\\') matching values that contain text as typed: % and _ are themselves."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def list_procedures(conn: sqlite3.Connection, search: str = "") -> list[sqlite3.Row]:
    return conn.execute(
        "SELECT id, study_id, centre, status, created_utc, modified_utc, demo, export_version, subject_status"
        " FROM procedures "
        "WHERE study_id LIKE ? ESCAPE '\\' ORDER BY modified_utc DESC",
        (_contains_pattern(search.strip().upper()),),
    ).fetchall()


def insert_signature(
    conn: sqlite3.Connection,
    *,
    proc_id: str,
    form: str,
    username: str,
    printed_name: str,
    meaning: str,
    now: str,
    content_hash: str,
) -> int:
    cursor = conn.execute(
        "INSERT INTO signatures (procedure_id, form, username, printed_name, meaning, signed_utc, content_hash)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        (proc_id, form, username, printed_name, meaning, now, content_hash),
    )
    _audit(
        conn,
        now,
        username,
        proc_id,
        "signature",
        str(cursor.lastrowid),
        field="signed",
        old=None,
        new={"form": form, "meaning": meaning, "content_hash": content_hash, "printed_name": printed_name},
    )
    touch(conn, proc_id, now)
    return inserted_id(cursor)


def void_signature(
    conn: sqlite3.Connection, *, proc_id: str, signature_id: int, reason: str, now: str, username: str
) -> None:
    conn.execute("UPDATE signatures SET voided_utc=?, void_reason=? WHERE id=?", (now, reason, signature_id))
    _audit(
        conn, now, username, proc_id, "signature", str(signature_id), field="voided", old=False, new=True, reason=reason
    )


def insert_delegation(
    conn: sqlite3.Connection, *, proc_id: str, username: str, reason: str, now: str, granted_by: str
) -> int:
    """Let another surgeon sign this record's questionnaire, with the reason (and its audit row)."""
    cursor = conn.execute(
        "INSERT INTO delegations (procedure_id, username, reason, granted_by, granted_utc) VALUES (?, ?, ?, ?, ?)",
        (proc_id, username, reason, granted_by, now),
    )
    _audit(
        conn,
        now,
        granted_by,
        proc_id,
        "delegation",
        str(cursor.lastrowid),
        field="granted",
        old=None,
        new={"username": username},
        reason=reason,
    )
    # Not a change to the record (its session file does not carry delegations): modified_utc stays.
    return int(cursor.lastrowid or 0)


def delegations(conn: sqlite3.Connection, proc_id: str) -> list[sqlite3.Row]:
    return conn.execute(
        "SELECT id, username, reason, granted_by, granted_utc FROM delegations WHERE procedure_id=? ORDER BY id",
        (proc_id,),
    ).fetchall()


def confirm_answer(conn: sqlite3.Connection, *, proc_id: str, field: str, value: Any, now: str, username: str) -> None:
    """The surgeon confirms an answer someone else entered on their word: an audit row holding the value confirmed."""
    _audit(conn, now, username, proc_id, "answer", field, field="confirmed", old=None, new=value)


def keep_identifier(
    conn: sqlite3.Connection, *, proc_id: str, where: str, kinds: list[str], reason: str, now: str, username: str
) -> None:
    """Text that looks like it holds an identifier was saved as typed: an audit row says where, what it looked like
    and the reason given, beside the audit row of the text itself."""
    _audit(
        conn,
        now,
        username,
        proc_id,
        "identifier",
        proc_id,
        field="kept",
        old=None,
        new={"in": where, "kinds": kinds},
        reason=reason,
    )


def surgeon_of_record(conn: sqlite3.Connection, proc_id: str) -> tuple[str, str | None, str | None] | None:
    """(study ID, surgeon account, typed surgeon name) of one record, read without loading the record."""
    row = conn.execute(
        "SELECT p.study_id, p.surgeon_username, v.value FROM procedures p LEFT JOIN field_values v"
        " ON v.procedure_id = p.id AND v.entity = 'procedure' AND v.field = 'surgeon' WHERE p.id = ?",
        (proc_id,),
    ).fetchone()
    return None if row is None else (row[0], row[1], audit.decode(row[2]))


def surgeon_names(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    """(procedure id, typed surgeon name) of every record whose surgeon is not yet an account."""
    return conn.execute(
        "SELECT p.id, v.value FROM procedures p JOIN field_values v ON v.procedure_id = p.id"
        " AND v.entity = 'procedure' AND v.field = 'surgeon' WHERE p.surgeon_username IS NULL ORDER BY p.study_id"
    ).fetchall()


def audit_rows(conn: sqlite3.Connection, proc_id: str | None = None) -> list[sqlite3.Row]:
    if proc_id is None:
        return conn.execute("SELECT * FROM audit ORDER BY seq").fetchall()
    return conn.execute("SELECT * FROM audit WHERE procedure_id=? ORDER BY seq", (proc_id,)).fetchall()


def get_setting(conn: sqlite3.Connection, key: str) -> str | None:
    row = conn.execute("SELECT value FROM settings WHERE key=?", (key,)).fetchone()
    return row[0] if row else None


def put_setting(conn: sqlite3.Connection, key: str, value: str) -> None:
    """Store a setting; one people change is audited (and so sealed) by change_setting."""
    conn.execute(
        "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value=excluded.value",
        (key, value),
    )


def change_setting(conn: sqlite3.Connection, key: str, value: str, *, now: str, username: str) -> bool:
    """A study setting a person changes (and its audit row); returns False when it did not change."""
    old = get_setting(conn, key)
    if old == value:
        return False
    put_setting(conn, key, value)
    _audit(conn, now, username, None, "setting", key, field="value", old=old, new=value)
    return True
