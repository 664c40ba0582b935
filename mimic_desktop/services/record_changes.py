"""A record's changes made with a reason, read from its audit rows, with what each touched resolved."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ..domain.record import Procedure
from ..reports.changes import Change

if TYPE_CHECKING:
    import sqlite3

ENTRIES = ("lesion", "complication")
# One export writes its version and its time; the version's entry says it, and the time is the entry's own.
SAME_ACT = {("procedure", "exported_utc")}


def _decoded(text: str | None) -> Any:
    return None if text is None else json.loads(text)


def changes_with_reason(rows: Sequence[sqlite3.Row], proc: Procedure) -> tuple[Change, ...]:
    """Each audit row that carries a reason, as a Change naming lesions and complications by number and
    events by kind, lesion and time; a corrected time is one change from the old time to the new."""
    numbers = {
        r["entity_id"]: _decoded(r["new_value"]) for r in rows if r["entity"] in ENTRIES and r["field"] == "number"
    }
    events = {event.id: event for event in proc.events}
    corrected = {}  # struck event id -> the event that corrects its time
    for row in rows:
        if row["entity"] == "event" and row["field"] == "details":
            details = _decoded(row["new_value"])
            if details.get("corrects") is not None:
                corrected[details["corrects"]] = events[int(row["entity_id"])]
    signatures = {str(signature.id): signature for signature in proc.signatures}
    held: dict[str, dict[str, Any]] = {}  # a lesion's or complication's values as they stood, by its id
    changes = []
    for row in rows:
        if row["entity"] in ENTRIES and row["field"] not in {"number", "removed"}:
            value = _decoded(row["new_value"])
            entry = held.setdefault(row["entity_id"], {})
            if value is None:
                entry.pop(row["field"], None)
            else:
                entry[row["field"]] = value
        entity, field = row["entity"], row["field"]
        if not row["reason"] or (entity, field) in SAME_ACT:
            continue
        base = {"at": row["at_utc"], "username": row["username"], "reason": row["reason"], "entity": entity}
        old, new = _decoded(row["old_value"]), _decoded(row["new_value"])
        if entity == "event" and field == "struck":
            event = events[int(row["entity_id"])]
            lesion = numbers.get(event.lesion_id)
            if event.id in corrected:
                later = corrected[event.id]
                changes.append(Change(**base, kind="time", number=lesion, name=event.kind, old=event.at, new=later.at))
            else:
                changes.append(Change(**base, kind="struck", number=lesion, name=event.kind, old=event.at))
        elif entity in ENTRIES and field == "removed":
            content = dict(held.get(row["entity_id"], {}))
            changes.append(Change(**base, kind="removed", number=numbers.get(row["entity_id"]), old=content))
        elif entity == "procedure" and field == "export_version":
            changes.append(Change(**base, kind="exported", new=new))
        elif entity in {"procedure", *ENTRIES}:
            changes.append(
                Change(**base, kind="value", number=numbers.get(row["entity_id"]), name=field, old=old, new=new)
            )
        elif entity == "signature" and field == "voided" and row["entity_id"] in signatures:
            signature = signatures[row["entity_id"]]
            changes.append(Change(**base, kind="voided", name=signature.printed_name, old=signature.signed_at))
        else:
            changes.append(Change(**base, kind=field, name=field, old=old, new=new))
    return tuple(changes)
