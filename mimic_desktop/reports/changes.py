"""The changes made to a record with a reason, worded for the people who read the summary."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..domain import forms, values
from ..domain.wording import Text, say
from .layout import when

ENTRY_WORDS = {"lesion": Text("Lesion {n}"), "complication": Text("Complication {n}")}


@dataclass(frozen=True)
class Change:
    """One change made with a reason, as the audit trail holds it, with what it touched resolved.

    kind is "value" (a form field of the procedure, a lesion or a complication changed), "removed" (a
    lesion or a complication), "struck" (an event struck through), "time" (an event's time corrected:
    old and new are the two times), "voided" (a questionnaire signature: name is the signer, old the
    time of signing) or "exported" (a session file: new is its version). Any other kind is printed as
    stored.
    """

    at: str
    username: str
    reason: str
    kind: str
    entity: str = "procedure"
    number: int | None = None  # the lesion's or complication's number; for an event, its lesion's
    name: str = ""  # the form field, the event's kind or the signer's printed name
    old: Any = None
    new: Any = None


def value_text(fdef: forms.FieldDef | None, value: Any, lang: str) -> str:
    if value is None or value == "":
        return say("(empty)", lang)
    if fdef is None:
        return str(value)
    if fdef.type == "likert" and isinstance(value, int):
        return forms.likert_labels(lang)[value - 1]
    return values.display(fdef, value, lang)


def _event(change: Change, lang: str) -> str:
    catalogue = forms.events()
    name = catalogue[change.name].text(lang) if change.name in catalogue else change.name
    if change.number is None:
        return name
    return say("{event} (lesion {n})", lang, event=name, n=change.number)


def change_text(change: Change, lang: str = "en") -> str:
    """What changed, in a line: which lesion, complication or event (by number and time), old and new."""
    entry = ENTRY_WORDS[change.entity].fill(n=change.number).text(lang) if change.entity in ENTRY_WORDS else ""
    if change.kind == "value":
        fdef = forms.all_fields().get(change.name)
        field = fdef.text(lang) if fdef else change.name
        text = say(
            "{field}: {old} → {new}",
            lang,
            field=field,
            old=value_text(fdef, change.old, lang),
            new=value_text(fdef, change.new, lang),
        )
        return say("{entry} · {change}", lang, entry=entry, change=text) if entry else text
    if change.kind == "removed":
        removed = say("{entry} removed from the record", lang, entry=entry)
        if not change.old:
            return removed
        return say("{removed}; it held: {held}", lang, removed=removed, held=held_text(change.old, lang))
    if change.kind == "struck":
        return say(
            "Event struck through: {event} at {at}", lang, event=_event(change, lang), at=when(change.old, seconds=True)
        )
    if change.kind == "time":
        old, new = (when(moment, seconds=True) for moment in (change.old, change.new))
        return say("Time of {event} corrected: {old} → {new}", lang, event=_event(change, lang), old=old, new=new)
    if change.kind == "voided":
        return say("Questionnaire signature of {name} ({at}) voided", lang, name=change.name, at=when(change.old))
    if change.kind == "exported":
        return say("Session file version {version} exported", lang, version=change.new)
    return f"{change.entity} {change.name}: {value_text(None, change.old, lang)} → {value_text(None, change.new, lang)}"


def held_text(content: dict[str, Any], lang: str = "en") -> str:
    """What a removed lesion or complication held, field by field in the form's order, as the reader reads it."""
    fields = forms.all_fields()
    ordered = [name for name in fields if name in content] + [name for name in content if name not in fields]
    return "; ".join(
        f"{fields[name].text(lang) if name in fields else name}: {value_text(fields.get(name), content[name], lang)}"
        for name in ordered
    )
