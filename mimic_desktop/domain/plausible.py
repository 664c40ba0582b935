"""The plausible span of every moment and number a record takes: within the study's years, not in the future,
and integers SQLite (and every program reading an export) can hold.

A time typed with the wrong year (9999 for 2026) would be stored, then break every page, PDF and export that
does arithmetic on it; a number of 2^63 or more does not fit an SQLite integer at all.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from .errors import ValidationError
from .wording import Messages, say_in

# The year the MIMIC protocol began enrolling (the trial paper: from 1 September 2018, consent some weeks before
# surgery): nothing a record holds is older.
STUDY_FIRST_DAY = date(2018, 1, 1)
# How far ahead of this laptop's clock a time may be: another machine's clock, or a minute typed ahead.
CLOCK_SKEW = timedelta(minutes=5)
# A date (consent, a complication's onset) a little ahead is kept and queried until corrected (rules.py), so
# that nothing typed is lost; more than a year ahead is a wrong year and refused.
DATE_HORIZON = timedelta(days=366)
LARGEST_INTEGER = 2**63 - 1  # SQLite's INTEGER; JSON readers in other languages stop near there too

MESSAGES: Messages = {
    "before_study": (
        "{name}: {value} is before the study began ({first}); check the year",
        "{name}: {value} ligt vóór het begin van de studie ({first}); controleer het jaar",
    ),
    "future": (
        "{name}: {value} is in the future (this computer's clock says {now}); check the date",
        "{name}: {value} ligt in de toekomst (de klok van deze computer zegt {now}); controleer de datum",
    ),
    "far_future": (
        "{name}: {value} is more than a year ahead (this computer's clock says {now}); check the year",
        "{name}: {value} ligt meer dan een jaar vooruit (de klok van deze computer zegt {now}); controleer het jaar",
    ),
    "too_large": (
        "{name}: {value} is larger than any number a record can hold",
        "{name}: {value} is groter dan welk getal een dossier ook kan bevatten",
    ),
}


def _fail(field: str, key: str, lang: str, **values: object) -> ValidationError:
    return ValidationError(say_in(MESSAGES, key, lang, **values), field=field)


def check_moment(name: str, field: str, moment: datetime, now: datetime, lang: str = "en") -> None:
    """Refuse a date and time before the study's first day or later than now (give or take the clock skew)."""
    try:
        moment = moment.astimezone()  # local time, as it is shown; a zone-less one is taken as local
        day = moment.astimezone(UTC).date()
    except OverflowError:  # the first or last day datetime knows, moved into a zone: no year a record holds
        day = date.min if moment.year < STUDY_FIRST_DAY.year else date.max
    shown = f"{moment.year:04d}-{moment:%m-%d %H:%M}"  # %Y drops the leading zeros of years below 1000
    if day < STUDY_FIRST_DAY:
        raise _fail(field, "before_study", lang, name=name, value=shown, first=STUDY_FIRST_DAY.isoformat())
    if moment > now + CLOCK_SKEW:
        raise _fail(field, "future", lang, name=name, value=shown, now=now.astimezone().strftime("%Y-%m-%d %H:%M"))


def check_day(name: str, field: str, day: date, now: datetime, lang: str = "en") -> None:
    """Refuse a date before the study's first day or more than a year ahead (nearer ones are queried)."""
    if day < STUDY_FIRST_DAY:
        raise _fail(field, "before_study", lang, name=name, value=day.isoformat(), first=STUDY_FIRST_DAY.isoformat())
    if day > (now + DATE_HORIZON).date():
        shown = f"{day.year:04d}-{day:%m-%d}"
        raise _fail(field, "far_future", lang, name=name, value=shown, now=now.astimezone().strftime("%Y-%m-%d"))


def check_integer(name: str, field: str, value: int, lang: str = "en") -> None:
    if abs(value) > LARGEST_INTEGER:
        raise _fail(field, "too_large", lang, name=name, value=value)
