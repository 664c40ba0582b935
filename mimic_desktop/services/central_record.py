"""A study ID's record as the trial office received it: every version, what one version holds, and what changed
between two versions, with who (the laptop account's pseudonymous id), when and why.

The versions are the imported session files' records (storage.central keeps each one as it came). Why a value
changed comes from the change history the newer file carries (exchange.change_history, record format version 2):
the entries made after the older version was exported. A file of format version 1 carries none; its changes are
still shown, with "reason not carried".
"""

from __future__ import annotations

import hashlib
import json
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from ..domain import forms
from ..domain.clock import from_iso, local_text
from ..domain.errors import MimicError, NotFound, ValidationError
from ..domain.private_files import make_private
from ..domain.record import Procedure
from ..domain.wording import Text
from ..exchange import change_history, record_json, session_file
from ..reports.changes import value_text
from ..storage import central as central_storage
from ..storage import central_archive
from ..storage.connection import Store
from .audit_history import WORDS as HISTORY_WORDS

WORDS: dict[str, Text] = {
    "record": Text("Record"),
    "events": Text("Events"),
    "signatures": Text("Signatures"),
    "event_value": Text("{kind} at {at}"),
    "lesion_of": Text("lesion {n}"),
    "struck": Text("struck through: {reason}"),
    "signed": Text("{name}, {meaning}, signed {at}"),
    "voided": Text("voided {at}: {reason}"),
    "no_entry": Text("no entry in the carried history"),
}

# The documents a session file brings beside its record, by the name the window and the copies use.
DOCUMENTS = {"summary": session_file.SUMMARY, "questionnaire": session_file.QUESTIONNAIRE}


@dataclass(frozen=True)
class Version:
    """One imported file of the record."""

    version: int
    file_hash: str
    exported_utc: str
    imported_utc: str
    file_name: str
    current: bool
    carries_history: bool


@dataclass(frozen=True)
class ViewLine:
    """One value of a version: the section it is in (the record, a lesion, a complication, the events, the
    signatures), what it is, and the value as the screens show it."""

    section: str
    what: str
    value: str


@dataclass(frozen=True)
class Why:
    """One entry of the carried history behind a change: who (laptop account id), when and why."""

    who: str
    at_utc: str
    when: str  # local time
    reason: str


@dataclass(frozen=True)
class ChangedValue:
    section: str
    what: str
    old: str
    new: str
    why: tuple[Why, ...]


@dataclass(frozen=True)
class Comparison:
    study_id: str
    centre: str
    older: int
    newer: int
    history_carried: bool  # False: the newer file is of format version 1
    changes: tuple[ChangedValue, ...]

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


def versions(store: Store, study_id: str) -> list[Version]:
    """Every imported version of the study ID's record, oldest first; NotFound when none was imported."""
    rows = central_storage.record_versions(store.conn, study_id.strip().upper())
    if not rows:
        raise NotFound(Text("No session of {study_id} has been imported.", study_id=study_id))
    return [
        Version(
            version=row["session_version"],
            file_hash=row["file_hash"],
            exported_utc=row["exported_utc"],
            imported_utc=row["imported_utc"],
            file_name=row["file_name"],
            current=bool(row["current"]),
            carries_history=change_history.KEY in json.loads(row["record_json"]),
        )
        for row in rows
    ]


def _document(store: Store, study_id: str, version: int | None) -> tuple[Version, dict[str, Any]]:
    known = versions(store, study_id)
    chosen = next((v for v in known if v.current), known[-1]) if version is None else None
    if version is not None:
        chosen = next((v for v in known if v.version == version), None)
        if chosen is None:
            raise NotFound(
                Text(
                    "{study_id} has no version {version}; imported: {versions}.",
                    study_id=study_id,
                    version=version,
                    versions=", ".join(str(v.version) for v in known),
                )
            )
    assert chosen is not None
    return chosen, json.loads(central_storage.record_json_of(store.conn, chosen.file_hash))


def record(store: Store, study_id: str, version: int | None = None) -> tuple[Version, Procedure]:
    """The record of one version (the current one when version is None)."""
    chosen, document = _document(store, study_id, version)
    return chosen, record_json.record_from_dict(document)


# -- what a version holds ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class _Item:
    section: str
    what: str
    value: str
    matches: tuple[tuple[str, str, str | None], ...]  # (entity, entity_id, field or None for any field)


def _items(proc: Procedure, lang: str) -> dict[tuple[str, ...], _Item]:
    """Every value of the record, keyed so that the same value of two versions has the same key."""
    fields = forms.all_fields()
    words = {key: WORDS[key].text(lang) for key in ("record", "events", "signatures")}

    def label(name: str) -> str:
        return fields[name].text(lang) if name in fields else name

    def shown(name: str, value: Any) -> str:
        return value_text(fields.get(name), value, lang)

    items: dict[tuple[str, ...], _Item] = {}
    for name in _ordered(proc.values):
        items[("procedure", name)] = _Item(
            words["record"], label(name), shown(name, proc.values[name]), (("procedure", proc.id, name),)
        )
    numbers = {lesion.id: lesion.number for lesion in proc.lesions}
    for entity, children in (("lesion", proc.lesions), ("complication", proc.complications)):
        for child in children:
            section = HISTORY_WORDS[f"{entity}_n"].fill(n=child.number).text(lang)
            for name in _ordered(child.values):
                items[(entity, child.id, name)] = _Item(
                    section,
                    label(name),
                    shown(name, child.values[name]),
                    ((entity, child.id, name), (entity, child.id, "removed"), (entity, child.id, "number")),
                )
    catalogue = forms.events()
    for event in proc.events:
        kind = catalogue[event.kind].text(lang) if event.kind in catalogue else event.kind
        value = WORDS["event_value"].fill(kind=kind, at=local_text(event.at, seconds=True)).text(lang)
        if event.lesion_id is not None:
            named = ", ".join(str(numbers.get(lesion_id, "?")) for lesion_id in event.lesion_ids)
            value += f" ({WORDS['lesion_of'].fill(n=named).text(lang)})"
        if event.note:
            value += f"; {event.note}"
        if event.struck:
            value += f"; {WORDS['struck'].fill(reason=event.struck_reason or '').text(lang)}"
        what = HISTORY_WORDS["event_n"].fill(n=event.id, kind=kind).text(lang)
        items[("event", str(event.id))] = _Item(words["events"], what, value, (("event", str(event.id), None),))
    for signature in proc.signatures:
        value = (
            WORDS["signed"]
            .fill(name=signature.printed_name, meaning=signature.meaning, at=local_text(signature.signed_at))
            .text(lang)
        )
        if signature.voided_at:
            voided = WORDS["voided"].fill(at=local_text(signature.voided_at), reason=signature.void_reason or "")
            value += f"; {voided.text(lang)}"
        matches = (("signature", str(signature.id), None),)
        items[("signature", str(signature.id))] = _Item(words["signatures"], signature.form, value, matches)
    return items


def _ordered(values: dict[str, Any]) -> list[str]:
    """The names in the forms' order, any the forms no longer have after them."""
    fields = forms.all_fields()
    return [name for name in fields if name in values] + sorted(name for name in values if name not in fields)


def view(store: Store, study_id: str, version: int | None = None, lang: str = "en") -> tuple[Version, list[ViewLine]]:
    """Every value, lesion, complication, event and signature of one version, as the reader reads them."""
    chosen, proc = record(store, study_id, version)
    return chosen, [ViewLine(item.section, item.what, item.value) for item in _items(proc, lang).values()]


# -- what changed between two versions ---------------------------------------------------------------------------
def compare(store: Store, study_id: str, older: int, newer: int, lang: str = "en") -> Comparison:
    """Every value that differs between two versions, each with the carried history entries behind it."""
    if older == newer:
        raise ValidationError(Text("Name two different versions to compare."))
    older, newer = min(older, newer), max(older, newer)
    (_, old_doc), (_, new_doc) = _document(store, study_id, older), _document(store, study_id, newer)
    old_proc, new_proc = record_json.record_from_dict(old_doc), record_json.record_from_dict(new_doc)
    before, after = _items(old_proc, lang), _items(new_proc, lang)
    carried = new_doc.get(change_history.KEY)
    since = from_iso(old_doc["exported_at"])
    entries = [e for e in carried or [] if from_iso(e["at"]) > since]
    empty = HISTORY_WORDS["empty"].text(lang)
    gone = HISTORY_WORDS["gone"].text(lang)
    changes = []
    for key in [*before, *(k for k in after if k not in before)]:
        old, new = before.get(key), after.get(key)
        if old is not None and new is not None and old.value == new.value:
            continue
        item = new or old
        assert item is not None
        if new is None and key[0] in {"lesion", "complication"} and not any(k[:2] == key[:2] for k in after):
            new_text = gone  # the whole lesion or complication went
        else:
            new_text = new.value if new else empty
        changes.append(
            ChangedValue(
                item.section, item.what, old.value if old else empty, new_text, _why(item, entries, carried, lang)
            )
        )
    return Comparison(
        study_id=new_proc.study_id,
        centre=new_proc.centre,
        older=older,
        newer=newer,
        history_carried=carried is not None,
        changes=tuple(changes),
    )


def _why(item: _Item, entries: list[dict[str, Any]], carried: Any, lang: str) -> tuple[Why, ...]:
    if carried is None:
        return (Why("", "", "", change_history.REASON_NOT_CARRIED.text(lang)),)
    found = [
        entry
        for entry in entries
        if any(
            entry["entity"] == entity and entry["entity_id"] == entity_id and field in {None, entry["field"]}
            for entity, entity_id, field in item.matches
        )
    ]
    if not found:
        return (Why("", "", "", WORDS["no_entry"].text(lang)),) if item.matches else ()
    return tuple(
        Why(
            change_history.account_name(entry["account"]),
            entry["at"],
            local_text(entry["at"], seconds=True),
            entry["reason"] or "",
        )
        for entry in found
    )


# -- the PDFs each version brought ---------------------------------------------------------------------------------
def document_copy(store: Store, study_id: str, version: int, document: str) -> Path:
    """A copy, in a private folder of its own, of the summary or questionnaire PDF (document: a key of DOCUMENTS)
    that this version's signed file brought: whoever opens it may change it, never the archive's own file."""
    chosen, _ = _document(store, study_id, version)
    data = central_archive.read(store.path, chosen.file_hash)
    if data is None:
        raise NotFound(
            Text(
                "The signed file of {study_id} version {version} is not in the archive beside the database (it was "
                "imported before the archive was kept, or the file was removed): its PDFs cannot be shown.",
                study_id=study_id,
                version=version,
            )
        )
    redacted = central_storage.redactions_of_files(store.conn).get(chosen.file_hash) or {}
    digest = hashlib.sha256(data).hexdigest()
    if digest != chosen.file_hash and digest != redacted.get("archived_sha256"):
        raise ValidationError(
            Text(
                "The archived file of {study_id} version {version} is not the one imported: run `mimic-central "
                "verify --signatures`.",
                study_id=study_id,
                version=version,
            )
        )
    pdf = session_file.unverified_member(data, DOCUMENTS[document])
    if not pdf and redacted:
        raise NotFound(
            Text(
                "The PDFs of {study_id} version {version} were removed from the archive when a redaction sent by the "
                "centre took a text typed by mistake out of this version (see docs/data-protection.md).",
                study_id=study_id,
                version=version,
            )
        )
    try:
        folder = Path(tempfile.mkdtemp(prefix="mimic-central-"))  # made readable by its owner only
        target = folder / f"{study_id.strip().upper()}-v{version}-{document}.pdf"
        target.write_bytes(pdf)
    except OSError as error:
        raise MimicError(
            Text(
                "The PDF cannot be copied into the temporary folder to be opened ({problem}).",
                problem=error.strerror or error,
            )
        ) from None
    make_private(target)
    return target
