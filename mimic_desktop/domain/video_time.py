"""Where each event is in the procedure's video recording.

The laparoscopic tower records the procedure with its own clock, which starts at 0:00:00 when the recording starts
and knows nothing of the laptop's. One reading is enough to line the two up: an event of the record (the incision by
default) and the time the tower's recording showed at it. Every other event is then as far from that position as it
is from that event in theatre. An event before the recording started gets a negative position, shown with its sign
rather than hidden: it happened, only the video does not hold it.
"""

from __future__ import annotations

import re
from datetime import datetime

from .clock import from_iso
from .errors import ValidationError
from .record import Event, Procedure, VideoReference
from .values import control_characters
from .wording import Text

# The longest recording a tower's counter shows: two digits of hours.
LONGEST_MS = (99 * 3600 + 59 * 60 + 59) * 1000 + 999
# Typed as H:MM:SS (hours of one or two digits), with up to three digits of a fraction of a second.
_SHOWN = re.compile(r"(?P<h>\d{1,2}):(?P<m>\d{2}):(?P<s>\d{2})(?:[.,](?P<f>\d{1,3}))?", re.ASCII)
_TYPED_AT_MOST = 20  # longer than any reading: refused before a pattern or a number is made of it

MUST_LOOK_LIKE = Text("write it as the recording shows it, hours, minutes and seconds: H:MM:SS, such as 1:23:45")


def _refused(text: str, problem: Text, lang: str) -> ValidationError:
    message = Text("{text!r} is not a time the video recording shows: {problem}.", text=text, problem=problem)
    return ValidationError(message, field="shown", lang=lang)


def parse_shown(text: str, lang: str = "en") -> int:
    """The time a recording shows (H:MM:SS, optionally with a fraction of a second) in milliseconds, from 0:00:00 up
    to 99:59:59.999; a ValidationError whose sentence names what is wrong otherwise."""
    if len(text) > _TYPED_AT_MOST:
        raise _refused(text[:_TYPED_AT_MOST] + "…", Text("it is longer than any time a recording shows"), lang)
    if control_characters(text):
        raise _refused(text, Text("it holds invisible control characters; type it again"), lang)
    typed = text.strip()
    if typed.startswith("-"):
        raise _refused(text, Text("a recording's time is never negative; it starts at 0:00:00"), lang)
    match = _SHOWN.fullmatch(typed)
    if match is None:
        raise _refused(text, MUST_LOOK_LIKE, lang)
    minutes, seconds = int(match["m"]), int(match["s"])
    if minutes > 59 or seconds > 59:
        raise _refused(text, Text("minutes and seconds go up to 59"), lang)
    fraction = (match["f"] or "").ljust(3, "0")
    return ((int(match["h"]) * 60 + minutes) * 60 + seconds) * 1000 + int(fraction or 0)


def _parts(ms: int) -> tuple[str, int, int, int, int]:
    sign = "-" if ms < 0 else ""
    whole, fraction = divmod(abs(ms), 1000)
    hours, rest = divmod(whole, 3600)
    minutes, seconds = divmod(rest, 60)
    return sign, hours, minutes, seconds, fraction


def exact(ms: int) -> str:
    """A position as stored and exported: -H:MM:SS, with the milliseconds only where there are any."""
    sign, hours, minutes, seconds, fraction = _parts(ms)
    text = f"{sign}{hours}:{minutes:02d}:{seconds:02d}"
    return f"{text}.{fraction:03d}" if fraction else text


def shown(ms: int) -> str:
    """A position as people read it beside an event's time: whole seconds (of the time's size), a minus before a
    moment the recording had not yet started."""
    sign, hours, minutes, seconds, _ = _parts(ms)
    return f"{sign}{hours}:{minutes:02d}:{seconds:02d}"


def _between_ms(earlier: str, later: str) -> int:
    delta = from_iso(later) - from_iso(earlier)
    return (delta.days * 86_400 + delta.seconds) * 1000 + delta.microseconds // 1000


def reference_event(proc: Procedure) -> Event | None:
    """The live event the record's reference names; None without a reference, or when that event was struck (then
    the positions are not known until the reference is set again)."""
    reference = proc.video_reference
    if reference is None:
        return None
    return next((e for e in proc.events if e.id == reference.event_id and not e.struck), None)


def position_ms(proc: Procedure, event: Event) -> int | None:
    """Where this event is in the recording, in milliseconds (negative before it started); None without a reference
    in force."""
    anchor = reference_event(proc)
    if anchor is None or proc.video_reference is None:
        return None
    return proc.video_reference.shown_ms + _between_ms(anchor.at, event.at)


def position_now_ms(proc: Procedure, now: datetime) -> int | None:
    """Where the recording is at this moment (what the tower should show now); None without a reference in force."""
    anchor = reference_event(proc)
    if anchor is None or proc.video_reference is None:
        return None
    delta = now - from_iso(anchor.at)
    return proc.video_reference.shown_ms + (delta.days * 86_400 + delta.seconds) * 1000 + delta.microseconds // 1000


def positions(proc: Procedure) -> dict[int, int]:
    """Every event's position in the recording by event id, struck events too (they stay on the timeline); empty
    without a reference in force."""
    found = {}
    for event in proc.events:
        ms = position_ms(proc, event)
        if ms is not None:
            found[event.id] = ms
    return found


def shown_at(event: Event, shown_then_ms: int, then: datetime) -> int:
    """The time the recording showed at this event, from a reading taken at another moment (then): the recording runs
    on beside the theatre's clock, so the two differ by the time between them."""
    delta = then - from_iso(event.at)
    return shown_then_ms - ((delta.days * 86_400 + delta.seconds) * 1000 + delta.microseconds // 1000)


def stored(event_id: int | None, shown_text: str | None) -> VideoReference | None:
    """The reference as the record's columns hold it (the event's id, the time as `exact` wrote it); None while
    either is empty."""
    if event_id is None or shown_text is None:
        return None
    return VideoReference(int(event_id), parse_shown(shown_text))


NO_INCISION = Text(
    "{study_id} has no incision recorded yet: record the incision first, or name the event the recording's time was read at."
)
NO_SUCH_EVENT = Text("{study_id} has no event {id}: name an event of this record.")
STRUCK_EVENT = Text("Event {id} is struck through: name a live event for the video time reference.")
STARTED_AFTER = Text(
    "The recording shows {shown} now, so it started after event {event}: give the time the recording showed at an "
    "event it holds."
)
REFERENCE_STRUCK = Text(
    "The video time reference names event {event}, which is struck through: set the reference again to see where "
    "the events are in the recording."
)
