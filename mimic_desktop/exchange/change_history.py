"""The change history a session file carries (record.json format version 2, "change_history").

The laptop's audit rows of one record, as far as they say what changed in the record: its values, its lesions and
complications, its events, its signatures (signed, voided). Each entry keeps who made the change by the account's
pseudonymous id on its laptop (never the user name, which may be a person's name), when, the old and new value, and
the reason. Refused attempts, delegations and confirmations of answers stay on the laptop.

The same entries make the ODM archive copy's audit records and signers, on the laptop and at the trial office.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from ..domain import forms
from ..domain.record import Procedure
from ..domain.wording import Text
from .odm import AuditEntry, RedactionEntry

KEY = "change_history"
ENTRIES = ("lesion", "complication")
CARRIED_ENTITIES = ("procedure", "lesion", "complication", "event", "signature")
# Columns of the record that name a laptop account rather than say something of the patient.
NOT_CARRIED = {("procedure", "surgeon_username")}

# Who the trial office names for a change its file does not say (a version-1 file, or an account not known).
REASON_NOT_CARRIED = Text("reason not carried")


def _decoded(text: str | None) -> Any:
    return None if text is None else json.loads(text)


def carried(rows: Sequence[sqlite3.Row], account_ids: Mapping[str, int]) -> list[dict[str, Any]]:
    """The entries of change_history made from the record's audit rows (oldest first); account_ids maps a user
    name to its account's id (a row by no known account carries null)."""
    entries = []
    for row in rows:
        entity, field = row["entity"], row["field"]
        if entity not in CARRIED_ENTITIES or (entity, field) in NOT_CARRIED:
            continue
        entries.append(
            {
                "seq": row["seq"],
                "at": row["at_utc"],
                "account": account_ids.get(row["username"]),
                "entity": entity,
                "entity_id": row["entity_id"],
                "field": field,
                "old": _decoded(row["old_value"]),
                "new": _decoded(row["new_value"]),
                "reason": row["reason"],
            }
        )
    return entries


# Who an ODM archive names for a change, from the account id an entry carries.
AccountOid = Callable[[int | None], str]


def audit_entries(entries: Sequence[Mapping[str, Any]], user: AccountOid) -> list[AuditEntry]:
    """The entries that changed a form's value, or removed a lesion or complication, as the ODM archive's audit
    entries (oldest first); user names the account in the file."""
    fields = {(f.scope, f.name) for f in forms.all_fields().values()}
    # Removed lesions and complications keep their numbers in the history alone.
    numbers = {e["entity_id"]: e["new"] for e in entries if e["entity"] in ENTRIES and e["field"] == "number"}
    found = []
    for entry in entries:
        scope, field = entry["entity"], entry["field"]
        if (scope, field) not in fields and not (scope in ENTRIES and field == "removed"):
            continue
        found.append(
            AuditEntry(
                at=entry["at"],
                user=user(entry["account"]),
                scope=scope,
                number=numbers.get(entry["entity_id"]) if scope != "procedure" else None,
                field=None if field == "removed" else field,
                new=entry["new"],
                old=entry["old"],
                reason=entry["reason"],
            )
        )
    return found


def redaction_entries(redactions: Sequence[Mapping[str, Any]], user: AccountOid) -> list[RedactionEntry]:
    """The redactions a record carries (record.json's "redactions"), as the ODM archive's audit records of them."""
    return [
        RedactionEntry(
            at=str(redaction["at"]),
            user=user(redaction.get("account")),
            reason=str(redaction.get("reason") or ""),
            places=len(redaction.get("places") or []),
        )
        for redaction in redactions
    ]


def signers(proc: Procedure, entries: Sequence[Mapping[str, Any]], user: AccountOid) -> dict[str, str]:
    """Each signature's account (the record's user name) -> how the ODM archive names it, from the entries that
    say who signed."""
    signed = {e["entity_id"]: e["account"] for e in entries if e["entity"] == "signature" and e["field"] == "signed"}
    return {s.username: user(signed[str(s.id)]) for s in proc.signatures if str(s.id) in signed}


def account_name(account: int | None) -> str:
    """How the trial office names the pseudonymous account behind a change."""
    return "?" if account is None else f"#{account}"


def as_audit_rows(entries: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """The carried entries in the shape of the laptop's audit rows, so that they are worded the same way
    (services.audit_history.lines_of); the account's id stands where the user name stood."""
    return [
        {
            "seq": entry["seq"],
            "at_utc": entry["at"],
            "username": account_name(entry["account"]),
            "entity": entry["entity"],
            "entity_id": entry["entity_id"],
            "field": entry["field"],
            "old_value": None if entry["old"] is None else json.dumps(entry["old"]),
            "new_value": None if entry["new"] is None else json.dumps(entry["new"]),
            "reason": entry["reason"],
        }
        for entry in entries
    ]


def schema(timestamp: dict[str, Any], text: dict[str, Any]) -> dict[str, Any]:
    """The schema of change_history (record_schema puts it in the record's schema)."""
    entry = {
        "type": "object",
        "additionalProperties": False,
        "required": ["seq", "at", "account", "entity", "entity_id", "field", "old", "new", "reason"],
        "properties": {
            "seq": {"description": "The audit row's number in the laptop's trail.", "type": "integer", "minimum": 1},
            "at": {"description": "When the change was saved (UTC).", **timestamp},
            "account": {
                "description": "The pseudonymous id of the laptop account that made it; null when none is known.",
                "type": ["integer", "null"],
                "minimum": 1,
            },
            "entity": {"type": "string", "enum": list(CARRIED_ENTITIES)},
            "entity_id": {
                "description": "The procedure's, lesion's or complication's id, or the event's or signature's number.",
                "type": "string",
            },
            "field": {"description": "The form field, or the record's own column, that changed.", "type": "string"},
            "old": {"description": "The value before (any JSON value; null when there was none)."},
            "new": {"description": "The value after (any JSON value; null when it was emptied)."},
            "reason": {"description": "Why, as typed (null when no reason was asked for).", **text},
        },
    }
    return {
        "description": "The record's changes from the laptop's audit trail, oldest first (format version 2).",
        "type": "array",
        "items": entry,
    }
