"""UTC timestamps: stored as ISO 8601 with offset, shown and typed in local time."""

from datetime import UTC, datetime


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


def parse_typed(text: str) -> datetime:
    """A date and time as a person types it (ISO 8601); without a zone it is this machine's local time."""
    moment = datetime.fromisoformat(text.strip())
    return moment.astimezone() if moment.tzinfo is None else moment


def local_text(text_or_moment: str | datetime, seconds: bool = False) -> str:
    """Format a stored UTC timestamp in the machine's local time zone."""
    moment = from_iso(text_or_moment) if isinstance(text_or_moment, str) else text_or_moment
    return moment.astimezone().strftime("%Y-%m-%d %H:%M:%S" if seconds else "%Y-%m-%d %H:%M")
