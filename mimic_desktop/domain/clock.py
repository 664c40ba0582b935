"""UTC timestamps: stored as ISO 8601 with offset, shown and typed in local time."""

import re
from datetime import UTC, date, datetime

# A date and a time to the minute at least; a time alone is read only where its day is known.
_TYPED = re.compile(
    r"(?:(?P<day>\d{4}-\d{2}-\d{2})[T ])?(?P<hour>\d{1,2})(?P<rest>:\d{2}(?::\d{2}(?:\.\d+)?)?)"
    r"(?P<zone>Z|[+-]\d{2}:?\d{2})?"
)


def utc_now() -> datetime:
    return datetime.now(UTC)


def to_iso(moment: datetime) -> str:
    if moment.tzinfo is None:
        raise ValueError("timestamps must carry a time zone")
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def from_iso(text: str) -> datetime:
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def parse_typed(text: str, day: date | None = None) -> datetime:
    """A date and time as a person types it, YYYY-MM-DD HH:MM[:SS] (ISO 8601), or a time alone on day.

    Without a zone it is this machine's local time. A date without a time, half a time or an impossible
    one raises ValueError: nothing typed is completed from another value.
    """
    match = _TYPED.fullmatch(text.strip())
    on = match and (match["day"] or (day and day.isoformat()))
    if match is None or not on:
        raise ValueError(f"not a date and time: {text!r}")
    moment = datetime.fromisoformat(f"{on}T{int(match['hour']):02d}{match['rest']}{match['zone'] or ''}")
    return moment.astimezone() if moment.tzinfo is None else moment


def local_text(text_or_moment: str | datetime, seconds: bool = False) -> str:
    """Format a stored UTC timestamp in the machine's local time zone."""
    moment = from_iso(text_or_moment) if isinstance(text_or_moment, str) else text_or_moment
    return moment.astimezone().strftime("%Y-%m-%d %H:%M:%S" if seconds else "%Y-%m-%d %H:%M")
