"""A laptop's redaction applied at the trial office: which texts an earlier version held, that version's record
without them, and its archived signed file rewritten without them.

The session file that carries a redaction ("redactions" in record.json, docs/session-file.md) names the places a text
stood, never the text. The trial office finds the text itself by setting the earlier version's change history beside
the carrier's: an entry of the same audit seq that reads "[redacted]" in the carrier and something else in the earlier
version, at a place the redaction names, held the text. The record is then searched as a whole: every string that
is exactly such a text reads "[redacted]" (a redaction takes whole texts only, as on the laptop).

The archived file keeps its signed manifest and signature (so that what was signed can still be shown to be genuine);
its record.json is the redacted record and its two PDFs, which printed the text, are removed (empty members).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from ..domain.errors import MimicError
from ..domain.wording import Text
from ..storage.audit import REDACTED
from . import change_history, session_file

KEY = "redactions"
PDFS = (session_file.SUMMARY, session_file.QUESTIONNAIRE)
Place = tuple[str, str, str]  # entity, its id, field


def carried(document: dict[str, Any]) -> list[dict[str, Any]]:
    """The redactions a record document carries (none for a record of format version 1)."""
    found = document.get(KEY)
    return found if isinstance(found, list) else []


def places(redactions: Iterable[dict[str, Any]]) -> set[Place]:
    return {
        (str(place["entity"]), str(place["entity_id"]), str(place["field"]))
        for redaction in redactions
        for place in redaction.get("places", [])
    }


def texts_held(earlier: dict[str, Any], carrier: dict[str, Any]) -> set[str]:
    """The texts the earlier version holds that the carrier's redactions took out (empty when it holds none)."""
    named = places(carried(carrier))
    if not named:
        return set()
    now = {entry.get("seq"): entry for entry in carrier.get(change_history.KEY) or []}
    found: set[str] = set()
    for entry in earlier.get(change_history.KEY) or []:
        later = now.get(entry.get("seq"))
        if (
            later is None
            or (str(entry.get("entity")), str(entry.get("entity_id")), str(entry.get("field"))) not in named
        ):
            continue
        for part in ("old", "new", "reason"):
            found |= _taken(entry.get(part), later.get(part))
    # A record without a change history (format version 1): its current values at the places named.
    found |= _current_values(earlier, carrier, named)
    return {text for text in found if text.strip() and text != REDACTED}


def _taken(before: Any, after: Any) -> set[str]:
    """The strings before held where after reads "[redacted]" (an event's details are a dictionary of parts)."""
    if isinstance(before, str) and after == REDACTED and before != REDACTED:
        return {before}
    if isinstance(before, dict) and isinstance(after, dict):
        return {text for key in before for text in _taken(before[key], after.get(key))}
    return set()


def _current_values(earlier: dict[str, Any], carrier: dict[str, Any], named: set[Place]) -> set[str]:
    found: set[str] = set()
    for entity, entity_id, field in named:
        found |= _taken(_at(earlier, entity, entity_id, field), _at(carrier, entity, entity_id, field))
    return found


def _at(document: dict[str, Any], entity: str, entity_id: str, field: str) -> Any:
    """What a record holds at a place a redaction names: a value of the procedure, a lesion or a complication, or an
    event's note and struck reason (as the event's details)."""
    record = document.get("record") or {}
    if entity == "procedure":
        return (record.get("values") or {}).get(field)
    collections = {"lesion": "lesions", "complication": "complications"}
    if entity in collections:
        for item in record.get(collections[entity]) or []:
            if str(item.get("id")) == entity_id:
                return (item.get("values") or {}).get(field)
    if entity == "event":
        for event in record.get("events") or []:
            if str(event.get("id")) == entity_id:
                return {"note": event.get("note"), "struck_reason": event.get("struck_reason")}
    return None


def without(value: Any, texts: set[str]) -> Any:
    """value with every string that is exactly one of texts reading "[redacted]", at any depth."""
    if isinstance(value, str):
        return REDACTED if value in texts else value
    if isinstance(value, list):
        return [without(item, texts) for item in value]
    if isinstance(value, dict):
        return {key: without(item, texts) for key, item in value.items()}
    return value


def redacted_record(record_text: str, texts: set[str]) -> str:
    """The stored record JSON without the texts, written as the laptop writes record.json (canonical JSON); the same
    text when it holds none of them."""
    document = json.loads(record_text)
    changed = without(document, texts)
    if changed == document:
        return record_text
    return session_file.canonical_json(changed).decode("ascii")


def redacted_archive(data: bytes, record_text: str) -> bytes:
    """The archived signed file rewritten: record.json is record_text, the PDFs are removed, the signed manifest and
    its signature stay as they came (they hold hashes, never the text)."""
    members = session_file.members_of(data)
    members[session_file.RECORD] = record_text.encode("utf-8")
    for name in PDFS:
        members[name] = b""
    return session_file.container(members)


def signed_original(data: bytes, public_key: bytes | None, record_sha256: str) -> Text | MimicError | None:
    """Why a redacted archive file is not what was signed beyond its redaction, or None when it is: its signature still
    verifies its manifest under the registered key, the manifest names the record as first imported (by its SHA-256),
    and the PDFs are removed rather than changed."""
    from . import signing_keys

    try:
        members = session_file.members_of(data)
    except session_file.SessionFileRejected as problem:
        return problem
    signature = members[session_file.SIGNATURE]
    if public_key is None or signature[:32] != public_key:
        return Text("its signature is not by the key it was imported under")
    if not signing_keys.verify(public_key, signature[32:], members[session_file.MANIFEST]):
        return Text("its signature does not match its manifest")
    try:
        manifest = json.loads(members[session_file.MANIFEST])
        listed = {item["name"]: item["sha256"] for item in manifest["members"]}
    except (ValueError, KeyError, TypeError):
        return Text("its manifest cannot be read")
    if listed.get(session_file.RECORD) != record_sha256:
        return Text("its signed manifest does not name the record it was imported with")
    if any(members[name] for name in PDFS):
        return Text("its PDFs are there, where the redaction removed them")
    return None
