"""The changes made to a record with a reason, worded for the people who read the summary."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..domain import forms, values
from .layout import when
from .wording import word

ENTRY_WORDS = {"lesion": "lesion_n", "complication": "complication_n"}


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
        return word("change_empty", lang)
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
    return word("event_of_lesion", lang, event=name, n=change.number)


def change_text(change: Change, lang: str = "en") -> str:
    """What changed, in a line: which lesion, complication or event (by number and time), old and new."""
    entry = word(ENTRY_WORDS[change.entity], lang, n=change.number) if change.entity in ENTRY_WORDS else ""
    if change.kind == "value":
        fdef = forms.all_fields().get(change.name)
        field = fdef.text(lang) if fdef else change.name
        text = word(
            "change_value",
            lang,
            field=field,
            old=value_text(fdef, change.old, lang),
            new=value_text(fdef, change.new, lang),
        )
        return word("change_in", lang, entry=entry, change=text) if entry else text
    if change.kind == "removed":
        removed = word("change_removed", lang, entry=entry)
        return word("change_held", lang, removed=removed, held=held_text(change.old, lang)) if change.old else removed
    if change.kind == "struck":
        return word("change_struck", lang, event=_event(change, lang), at=when(change.old, seconds=True))
    if change.kind == "time":
        old, new = (when(moment, seconds=True) for moment in (change.old, change.new))
        return word("change_time", lang, event=_event(change, lang), old=old, new=new)
    if change.kind == "voided":
        return word("change_voided", lang, name=change.name, at=when(change.old))
    if change.kind == "exported":
        return word("change_exported", lang, version=change.new)
    return f"{change.entity} {change.name}: {value_text(None, change.old, lang)} → {value_text(None, change.new, lang)}"


def held_text(content: dict[str, Any], lang: str = "en") -> str:
    """What a removed lesion or complication held, field by field in the form's order, as the reader reads it."""
    fields = forms.all_fields()
    ordered = [name for name in fields if name in content] + [name for name in content if name not in fields]
    return "; ".join(
        f"{fields[name].text(lang) if name in fields else name}: {value_text(fields.get(name), content[name], lang)}"
        for name in ordered
    )
