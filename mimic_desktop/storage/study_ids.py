"""Correcting a record's study ID: the procedures row and its audit row, the only place a correction is kept."""

from __future__ import annotations

import sqlite3

from ..domain.study_id_corrections import StudyIdCorrection
from . import audit
from .repository import PROCEDURE_ENTITY, touch


def rename(conn: sqlite3.Connection, proc_id: str, new_id: str, *, reason: str, now: str, username: str) -> None:
    """Give the record another study ID, with its audit row (which is what corrections() reads); inside the
    caller's transaction."""
    old = conn.execute("SELECT study_id FROM procedures WHERE id=?", (proc_id,)).fetchone()[0]
    conn.execute("UPDATE procedures SET study_id=? WHERE id=?", (new_id, proc_id))
    touch(conn, proc_id, now)
    audit.append(
        conn,
        at_utc=now,
        username=username,
        procedure_id=proc_id,
        entity=PROCEDURE_ENTITY,
        entity_id=proc_id,
        field="study_id",
        old=old,
        new=new_id,
        reason=reason,
    )


def corrections(conn: sqlite3.Connection, proc_id: str) -> list[StudyIdCorrection]:
    """Every correction of the record's study ID, oldest first (the study ID given at enrolment has no old value),
    each naming its account by id, never by user name (which may be a person's name)."""
    rows = conn.execute(
        "SELECT a.old_value, a.new_value, a.reason, a.at_utc, u.id FROM audit a LEFT JOIN users u"
        " ON u.username = a.username WHERE a.procedure_id=? AND a.entity=? AND a.entity_id=? AND a.field='study_id'"
        " AND a.old_value IS NOT NULL ORDER BY a.seq",
        (proc_id, PROCEDURE_ENTITY, proc_id),
    )
    return [
        StudyIdCorrection(audit.decode(old), audit.decode(new), reason or "", at, by)
        for old, new, reason, at, by in rows.fetchall()
    ]
