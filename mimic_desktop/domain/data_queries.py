"""Data queries: a question the trial office asks a centre about one value of a record, and the checks that raise
some by themselves.

A query names its target by what never changes across versions of a record: the study ID, the field, the
lesion's or complication's number, the event's id. The trial office keeps the query and its answer; the
centre sees it beside the field and answers in words, correcting the value with a reason when it was wrong.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from . import derive, forms, plausible
from .errors import ValidationError
from .record import Entry, Procedure
from .wording import Text, say

# The trial records complications up to this many days after surgery (the paper's 90-day follow-up).
FOLLOW_UP_DAYS = 90
# The margin below which a resection is R1 (the protocol's 1 mm).
R1_BELOW_MM = 1


class TargetKind(StrEnum):
    FIELD = "field"  # a field of the procedure
    LESION = "lesion"  # a field of one lesion, by its number
    COMPLICATION = "complication"  # a field of one complication, by its number
    EVENT = "event"  # one intraoperative event, by its id


# The forms' scope of the fields each kind of target names.
SCOPES = {TargetKind.FIELD: "procedure", TargetKind.LESION: "lesion", TargetKind.COMPLICATION: "complication"}


class QueryStatus(StrEnum):
    OPEN = "open"
    ANSWERED = "answered"
    CLOSED = "closed"

    def text(self, lang: str = "en") -> str:
        return {
            QueryStatus.OPEN: say("open", lang),
            QueryStatus.ANSWERED: say("answered", lang),
            QueryStatus.CLOSED: say("closed", lang),
        }[self]


@dataclass(frozen=True)
class Target:
    """What a query is about."""

    kind: TargetKind
    field: str | None = None
    number: int | None = None  # the lesion's or complication's number
    event_id: int | None = None

    def as_dict(self) -> dict[str, Any]:
        return {"kind": self.kind.value, "field": self.field, "number": self.number, "event_id": self.event_id}

    def text(self, lang: str = "en") -> str:
        """What a person reads: "lesion 1, Margin (mm)", "event 7"."""
        if self.kind is TargetKind.EVENT:
            return say("event {id}", lang, id=self.event_id)
        label = forms.field_def(self.field).text(lang) if self.field in forms.all_fields() else str(self.field)
        if self.kind is TargetKind.LESION:
            return say("lesion {number}, {field}", lang, number=self.number, field=label)
        if self.kind is TargetKind.COMPLICATION:
            return say("complication {number}, {field}", lang, number=self.number, field=label)
        return label


def fields_of(kind: TargetKind) -> list[forms.FieldDef]:
    """The fields a query of this kind may be about, in the forms' order; none for an event."""
    scope = SCOPES.get(kind)
    return [] if scope is None else [f for f in forms.all_fields().values() if f.scope == scope]


def target(kind: str, field: str | None = None, number: int | None = None, event_id: int | None = None) -> Target:
    """A target checked against the forms: a field of the kind's scope, a number for a lesion or complication, an
    event id for an event; ValidationError naming what is wrong."""
    try:
        chosen = TargetKind(kind)
    except ValueError:
        raise ValidationError(
            Text("{kind!r} is not a kind of query target (field, lesion, complication or event).", kind=kind)
        ) from None
    if chosen is TargetKind.EVENT:
        if not _counted(event_id):
            raise ValidationError(Text("A query on an event names the event's id (a number from 1)."))
        return Target(chosen, event_id=event_id)
    scope = SCOPES[chosen]
    known = forms.all_fields().get(field or "")
    if known is None or known.scope != scope:
        raise ValidationError(Text("{field!r} is not a field of the {scope} form.", field=field, scope=scope), "field")
    if chosen is TargetKind.FIELD:
        return Target(chosen, field=field)
    if not _counted(number):
        raise ValidationError(Text("A query on a lesion or complication names its number (from 1)."))
    return Target(chosen, field=field, number=number)


def _counted(number: object) -> bool:
    """A number from 1 that a record can hold."""
    return isinstance(number, int) and not isinstance(number, bool) and 1 <= number <= plausible.LARGEST_INTEGER


def target_from_dict(data: Any) -> Target:
    """The target as a query file or the database holds it; ValidationError for anything else."""
    if not isinstance(data, dict) or set(data) != {"kind", "field", "number", "event_id"}:
        raise ValidationError(Text("A query's target must name its kind, field, number and event id."))
    return target(data["kind"], data["field"], data["number"], data["event_id"])


def _numbered(entries: list[Any], number: int | None) -> Entry | None:
    return next((entry for entry in entries if entry.number == number), None)


def exists(proc: Procedure, aim: Target) -> bool:
    """Whether the record has what the target names (a removed lesion or a struck event does not count)."""
    if aim.kind is TargetKind.LESION:
        return _numbered(proc.lesions, aim.number) is not None
    if aim.kind is TargetKind.COMPLICATION:
        return _numbered(proc.complications, aim.number) is not None
    if aim.kind is TargetKind.EVENT:
        return any(event.id == aim.event_id for event in proc.events)
    return True


def value_of(proc: Procedure, aim: Target) -> Any:
    """The target's value in this version of the record (None when empty or absent): shown beside the question."""
    if aim.kind is TargetKind.FIELD:
        return proc.get(aim.field or "")
    if aim.kind is TargetKind.EVENT:
        event = next((e for e in proc.events if e.id == aim.event_id), None)
        if event is None:
            return None
        return {"kind": event.kind, "at": event.at, "struck": event.struck}
    entries = proc.lesions if aim.kind is TargetKind.LESION else proc.complications
    entry = _numbered(entries, aim.number)
    return None if entry is None else entry.get(aim.field or "")


@dataclass(frozen=True)
class Finding:
    """What an automatic check would ask: its target, its words and the check's name."""

    target: Target
    text: Text
    check: str


def automatic_findings(proc: Procedure) -> list[Finding]:
    """What the automatic checks find in one record: a margin under 1 mm without the R1 type, a complication that
    began more than 90 days after surgery."""
    found = []
    for lesion in proc.lesions:
        margin = lesion.get("margin_mm")
        if margin is not None and margin < R1_BELOW_MM and not lesion.get("r1_type"):
            found.append(
                Finding(
                    Target(TargetKind.LESION, "r1_type", lesion.number),
                    Text(
                        "Lesion {number} has a margin of {margin} mm (R1), but whether the R1 was vascular or "
                        "parenchymal is not recorded.",
                        number=lesion.number,
                        margin=margin,
                    ),
                    "margin_without_r1_type",
                )
            )
    for complication in proc.complications:
        days = derive.days_after_surgery(proc, complication.get("onset_date"))
        if days is not None and days > FOLLOW_UP_DAYS:
            found.append(
                Finding(
                    Target(TargetKind.COMPLICATION, "onset_date", complication.number),
                    Text(
                        "Complication {number} began {days} days after surgery, after the {limit} days the trial "
                        "records: is the date right, and does it belong in the record?",
                        number=complication.number,
                        days=days,
                        limit=FOLLOW_UP_DAYS,
                    ),
                    "complication_after_follow_up",
                )
            )
    return found
