"""The order of the intraoperative events, as forms/events.json declares it ("after" of each event).

A recorded event and a corrected time are checked alike: the timeline as it would be after the change may
break no rule that the timeline before it kept. A rule an older record already broke is not held against
an unrelated change, so a record made before a rule was declared can still be completed.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from . import forms
from .clock import local_text, to_iso
from .errors import ValidationError
from .forms import OrderRule
from .record import Event, Procedure
from .wording import Messages, say_in

NEW_EVENT_ID = 0  # stands for an event not stored yet, while its place on the timeline is checked

MESSAGES: Messages = {
    "needed": (
        "{event} at {time} needs {required} before it: record that first, or correct a time.",
        "{event} om {time} vraagt eerst {required}: leg dat eerst vast, of corrigeer een tijd.",
    ),
    "needed_lesion": (
        "Lesion {number}: {event} at {time} needs {required} of this lesion before it: record that first, "
        "or correct a time.",
        "Laesie {number}: {event} om {time} vraagt eerst {required} van deze laesie: leg dat eerst vast, "
        "of corrigeer een tijd.",
    ),
    "not_before": (
        "{event} at {time} cannot be before {required} at {earlier}: correct one of the two times.",
        "{event} om {time} kan niet vóór {required} om {earlier} liggen: corrigeer een van beide tijden.",
    ),
    "not_before_lesion": (
        "Lesion {number}: {event} at {time} cannot be before {required} of this lesion at {earlier}: "
        "correct one of the two times.",
        "Laesie {number}: {event} om {time} kan niet vóór {required} van deze laesie om {earlier} liggen: "
        "corrigeer een van beide tijden.",
    ),
    "or": (" or ", " of "),
}


@dataclass(frozen=True)
class Breach:
    """One event that breaks one of its ordering rules: which (event id, rule number), and in words."""

    event_id: int
    rule: int
    text: str


def _lesion_number(proc: Procedure, lesion_id: str | None) -> str:
    lesion = next((lesion for lesion in proc.lesions + proc.removed_lesions if lesion.id == lesion_id), None)
    return str(lesion.number) if lesion else "?"


def _breach(proc: Procedure, event: Event, rule: OrderRule, lang: str) -> str | None:
    """The words for how event breaks rule on proc's live timeline, or None when it keeps it."""
    if rule.same_lesion and event.lesion_id is None:
        return None  # a note of no lesion, say: the rule speaks of a lesion it does not have
    before = [
        other
        for other in proc.live_events()
        if other.kind in rule.kinds
        and other.id != event.id
        and (not rule.same_lesion or other.lesion_id == event.lesion_id)
    ]
    catalogue = forms.events()
    words = {
        "event": catalogue[event.kind].text(lang),
        "time": local_text(event.at, seconds=True),
        "required": say_in(MESSAGES, "or", lang).join(catalogue[kind].text(lang) for kind in rule.kinds),
        "number": _lesion_number(proc, event.lesion_id),
    }
    suffix = "_lesion" if rule.same_lesion else ""
    if rule.needed:
        if any(other.moment <= event.moment for other in before):
            return None
        return say_in(MESSAGES, "needed" + suffix, lang, **words)
    later = [other for other in before if other.moment > event.moment]
    if not later:
        return None
    earliest = min(later, key=lambda other: other.moment)
    return say_in(MESSAGES, "not_before" + suffix, lang, earlier=local_text(earliest.at, seconds=True), **words)


def breaches(proc: Procedure, lang: str = "en") -> list[Breach]:
    """Every ordering rule that a live event of the timeline breaks, in the order of the timeline."""
    catalogue = forms.events()
    found = []
    for event in sorted(proc.live_events(), key=lambda e: (e.moment, e.id)):
        for number, rule in enumerate(catalogue[event.kind].after):
            text = _breach(proc, event, rule, lang)
            if text is not None:
                found.append(Breach(event.id, number, text))
    return found


def with_event(proc: Procedure, kind: str, at: datetime, lesion_id: str | None) -> Procedure:
    """The procedure as it would be with one more live event (not stored)."""
    event = Event(NEW_EVENT_ID, kind, to_iso(at), to_iso(at), "", lesion_id)
    return replace(proc, events=[*proc.events, event])


def check_order(before: Procedure, after: Procedure, lang: str = "en") -> None:
    """Refuse a change to the timeline that breaks an ordering rule the timeline kept before it."""
    kept = {(breach.event_id, breach.rule) for breach in breaches(before, lang)}
    new = [breach for breach in breaches(after, lang) if (breach.event_id, breach.rule) not in kept]
    if new:
        raise ValidationError(new[0].text, field="at")
