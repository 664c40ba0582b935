"""Redaction: a text typed into a record by mistake (a patient's name, a birth date) taken out of the database while
the audit trail keeps that it was there, and still verifies.

The chain commits to every typed value by a keyed hash (storage/audit.py, COMMITTED). Redacting a text replaces it
with "[redacted]" wherever the record holds it (its current values, its event notes, the reasons given for changes,
and every audit row that recorded it, old value or new) and deletes the key of each such audit value: the commitment
stays in the chain, the text and the means to check a guess against it go. One audit row of its own (entity
"redaction") names every value it changed and how each reads now, with who, when and why. Every reader of the
audit table then reads "[redacted]" without knowing: the History page, its PDF and CSV, the session file's change
history, the ODM audit records.

Only free text is redacted: values of fields marked free_text in forms/, event notes and reasons. A coded answer
is never touched, whatever its text.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from ..domain import forms
from . import audit, row_seals

REDACTED = audit.REDACTED
Cell = tuple[int, str, str]  # audit seq, column, what it reads now


def _free_text_fields() -> set[str]:
    return {name for name, fdef in forms.all_fields().items() if fdef.free_text}


def _without(value: Any, text: str, field: str, entity: str) -> Any:
    """The audit value with text redacted, or None when it does not hold text where free text goes."""
    if entity == "event" and field == "details" and isinstance(value, dict) and value.get("note") == text:
        return {**value, "note": REDACTED}
    if field in _free_text_fields() and entity != "event" and value == text:
        return REDACTED
    return None


def redact(conn: sqlite3.Connection, *, proc_id: str, text: str, reason: str, at_utc: str, username: str) -> list[Cell]:
    """Redact every occurrence of text in one record's free text and audit rows (inside the caller's transaction,
    with secure_delete on, so that the pages SQLite frees are overwritten); returns the audit values changed."""
    conn.execute("PRAGMA secure_delete = ON")
    exported = _exported_holding(conn, proc_id, text)
    cells: list[Cell] = []
    rows = conn.execute(
        "SELECT seq, entity, field, old_value, new_value, reason, value_keys FROM audit WHERE procedure_id = ?"
        " ORDER BY seq",
        (proc_id,),
    ).fetchall()
    for seq, entity, field, old, new, why, keys_text in rows:
        keys = json.loads(keys_text or "{}")
        changed: dict[str, str] = {}
        for column, stored in (("old_value", old), ("new_value", new)):
            if stored is None or column not in keys:
                continue
            replaced = _without(audit.decode(stored), text, field, entity)
            if replaced is not None:
                changed[column] = audit.encode(replaced) or ""
        if why == text and "reason" in keys:
            changed["reason"] = REDACTED
        if not changed:
            continue
        for column in changed:
            del keys[column]
        assignments = ", ".join(f"{column} = ?" for column in changed)
        conn.execute(
            f"UPDATE audit SET {assignments}, value_keys = ? WHERE seq = ?",
            [*changed.values(), json.dumps(keys), seq],
        )
        cells += [(seq, column, reads) for column, reads in changed.items()]
    if cells:
        _redact_data(conn, proc_id, text, at_utc=at_utc, username=username)
        audit.append_row(
            conn,
            at_utc=at_utc,
            username=username,
            procedure_id=proc_id,
            entity=audit.REDACTION_ENTITY,
            entity_id=proc_id,
            field="redacted",
            old=None,
            new={
                "cells": [list(cell) for cell in cells],
                "exported": [[*place, versions] for place, versions in sorted(exported.items())],
            },
            reason=reason,
        )
    return cells


def _redact_data(conn: sqlite3.Connection, proc_id: str, text: str, *, at_utc: str, username: str) -> None:
    """The record's own tables: free-text values, notes and reasons that are text now read "[redacted]"."""
    free = sorted(_free_text_fields())
    marks = ", ".join("?" * len(free))
    conn.execute(
        f"UPDATE field_values SET value = ? WHERE procedure_id = ? AND value = ? AND field IN ({marks})",
        [audit.encode(REDACTED), proc_id, audit.encode(text), *free],
    )
    conn.execute("UPDATE events SET note = ? WHERE procedure_id = ? AND note = ?", (REDACTED, proc_id, text))
    conn.execute(
        "UPDATE events SET struck_reason = ? WHERE procedure_id = ? AND struck_reason = ?", (REDACTED, proc_id, text)
    )
    sealed = [("lesions", "lesion", "removed_reason"), ("complications", "complication", "removed_reason")]
    sealed.append(("signatures", "signature", "void_reason"))
    for table, entity, column in sealed:
        keys = conn.execute(
            f"SELECT CAST(id AS TEXT) FROM {table} WHERE procedure_id = ? AND {column} = ?", (proc_id, text)
        ).fetchall()
        for (key,) in keys:
            conn.execute(f"UPDATE {table} SET {column} = ? WHERE id = ?", (REDACTED, key))
            row_seals.seal(conn, entity, key, at_utc=at_utc, username=username)
    conn.execute("UPDATE delegations SET reason = ? WHERE procedure_id = ? AND reason = ?", (REDACTED, proc_id, text))


Place = tuple[str, str, str, str]  # entity, its id, field, part (value, note or reason)


def _place(entity: str, entity_id: str, field: str, part: str, proc_id: str) -> Place:
    return (entity, entity_id or proc_id, field, part)


def _exported_holding(conn: sqlite3.Connection, proc_id: str, text: str) -> dict[Place, list[int]]:
    """For each place that held text, the session versions exported while it did (read from the trail in order,
    before the redaction): the trial office redacts those versions, and no other."""
    holding: dict[Place, bool] = {}
    versions: dict[Place, set[int]] = {}
    free = _free_text_fields()
    for entity, entity_id, field, new, why in conn.execute(
        "SELECT entity, entity_id, field, new_value, reason FROM audit WHERE procedure_id = ? ORDER BY seq", (proc_id,)
    ).fetchall():
        value = audit.decode(new)
        if (entity, field) == ("procedure", "export_version"):
            for place, holds in holding.items():
                if holds:
                    versions.setdefault(place, set()).add(int(value))
            continue
        if entity == "event" and field == "details" and isinstance(value, dict):
            holding[_place(entity, entity_id, field, "note", proc_id)] = value.get("note") == text
        elif entity != "event" and field in free:
            holding[_place(entity, entity_id, field, "value", proc_id)] = value == text
        if why == text:  # a reason stays with what it was given for
            holding[_place(entity, entity_id, field, "reason", proc_id)] = True
    return {place: sorted(found) for place, found in versions.items()}


def redactions(conn: sqlite3.Connection, proc_id: str) -> list[dict[str, Any]]:
    """The record's redactions as a session file carries them: who (the account's id, never a name), when, why, and each place a text was taken
    out of (entity, its id, the field, and whether a value, an event's note or a reason) with the session versions exported
    while it held the text, never the text."""
    from .users import account_ids

    ids = account_ids(conn)
    found = []
    for at_utc, username, reason, new in conn.execute(
        "SELECT at_utc, username, reason, new_value FROM audit WHERE procedure_id = ? AND entity = ? ORDER BY seq",
        (proc_id, audit.REDACTION_ENTITY),
    ).fetchall():
        details = audit.decode(new) or {}
        exported = {tuple(entry[:4]): entry[4] for entry in details.get("exported", [])}
        places = set()
        for seq, column, _ in details.get("cells", []):
            row = conn.execute("SELECT entity, entity_id, field FROM audit WHERE seq = ?", (seq,)).fetchone()
            if row is None:
                continue
            entity, entity_id, field = row[0], row[1], row[2]
            part = "reason" if column == "reason" else "note" if (entity, field) == ("event", "details") else "value"
            places.add((entity, entity_id or proc_id, field, part))
        found.append(
            {
                "at": at_utc,
                "account": ids.get(username),
                "reason": reason or "",
                "places": [
                    dict(zip(("entity", "entity_id", "field", "part"), place, strict=True))
                    | {"versions": exported.get(place, [])}
                    for place in sorted(places)
                ],
            }
        )
    return found


def scrub(conn: sqlite3.Connection) -> bool:
    """After a redaction committed: rewrite the database file without free pages (VACUUM) and empty the write-ahead
    log into it, so that the redacted text is in none of its bytes. False when another connection's read kept part
    of the log (the text may stay in the log file until the next checkpoint)."""
    conn.execute("VACUUM")
    busy, _, _ = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    return not busy
