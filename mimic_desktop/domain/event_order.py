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
from .wording import Text, Worded, say

NEW_EVENT_ID = 0  # stands for an event not stored yet, while its place on the timeline is checked


@dataclass(frozen=True)
class Breach:
    """One event that breaks one of its ordering rules: which (event id, rule number), and in words."""

    event_id: int
    rule: int
    words: Text  # said in the reader's language when shown


def _lesion_number(proc: Procedure, lesion_id: str | None) -> str:
    lesion = next((lesion for lesion in proc.lesions + proc.removed_lesions if lesion.id == lesion_id), None)
    return str(lesion.number) if lesion else "?"


def _breach(proc: Procedure, event: Event, rule: OrderRule) -> Text | None:
    """The words for how event breaks rule on proc's live timeline, or None when it keeps it. A rule of the same
    lesion holds for each lesion the event names (one transection may hold several)."""
    if not rule.same_lesion:
        return _breach_of_lesion(proc, event, rule, None)
    # A note of no lesion, say, names none: the rule speaks of a lesion it does not have.
    found = (_breach_of_lesion(proc, event, rule, lesion_id) for lesion_id in event.lesion_ids)
    return next((words for words in found if words is not None), None)


def _breach_of_lesion(proc: Procedure, event: Event, rule: OrderRule, lesion_id: str | None) -> Text | None:
    """How event breaks rule for one lesion it names (lesion_id None: a rule of the procedure)."""
    before = [
        other
        for other in proc.live_events()
        if other.kind in rule.kinds and other.id != event.id and (lesion_id is None or lesion_id in other.lesion_ids)
    ]
    catalogue = forms.events()
    required = [catalogue[kind] for kind in rule.kinds]
    words = {
        "event": catalogue[event.kind],
        "time": local_text(event.at, seconds=True),
        "required": Worded(lambda lang: f" {say('or', lang)} ".join(kind.text(lang) for kind in required)),
        "number": _lesion_number(proc, lesion_id),
    }
    if rule.needed:
        if any(other.moment <= event.moment for other in before):
            return None
        if rule.same_lesion:
            return Text(
                "Lesion {number}: {event} at {time} needs {required} of this lesion before it: record that first, "
                "or correct a time.",
                **words,
            )
        return Text("{event} at {time} needs {required} before it: record that first, or correct a time.", **words)
    later = [other for other in before if other.moment > event.moment]
    if not later:
        return None
    earliest = min(later, key=lambda other: other.moment)
    earlier = local_text(earliest.at, seconds=True)
    if rule.same_lesion:
        return Text(
            "Lesion {number}: {event} at {time} cannot be before {required} of this lesion at {earlier}: "
            "correct one of the two times.",
            earlier=earlier,
            **words,
        )
    return Text(
        "{event} at {time} cannot be before {required} at {earlier}: correct one of the two times.",
        earlier=earlier,
        **words,
    )


def breaches(proc: Procedure) -> list[Breach]:
    """Every ordering rule that a live event of the timeline breaks, in the order of the timeline."""
    catalogue = forms.events()
    found = []
    for event in sorted(proc.live_events(), key=lambda e: (e.moment, e.id)):
        for number, rule in enumerate(catalogue[event.kind].after):
            words = _breach(proc, event, rule)
            if words is not None:
                found.append(Breach(event.id, number, words))
    return found


def with_event(
    proc: Procedure, kind: str, at: datetime, lesion_id: str | None, also_lesion_ids: tuple[str, ...] = ()
) -> Procedure:
    """The procedure as it would be with one more live event (not stored)."""
    event = Event(NEW_EVENT_ID, kind, to_iso(at), to_iso(at), "", lesion_id, also_lesion_ids=also_lesion_ids)
    return replace(proc, events=[*proc.events, event])


def check_order(before: Procedure, after: Procedure, lang: str = "en") -> None:
    """Refuse a change to the timeline that breaks an ordering rule the timeline kept before it."""
    kept = {(breach.event_id, breach.rule) for breach in breaches(before)}
    new = [breach for breach in breaches(after) if (breach.event_id, breach.rule) not in kept]
    if new:
        raise ValidationError(new[0].words, field="at", lang=lang)
