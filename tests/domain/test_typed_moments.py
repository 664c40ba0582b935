"""A typed date and time is read whole or not at all: nothing is completed from elsewhere."""

from datetime import date, datetime, timedelta, timezone

import pytest

from mimic_desktop.domain import forms, values
from mimic_desktop.domain.clock import parse_typed, to_iso
from mimic_desktop.domain.errors import ValidationError

DAY = date(2026, 11, 24)


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("2026-11-21 09:30:07", datetime(2026, 11, 21, 9, 30, 7)),
        ("2026-11-21T09:30", datetime(2026, 11, 21, 9, 30)),
        ("  2026-11-21 9:05  ", datetime(2026, 11, 21, 9, 5)),
        ("14:02:59", datetime(2026, 11, 24, 14, 2, 59)),
        ("7:15", datetime(2026, 11, 24, 7, 15)),
    ],
)
def test_a_whole_date_and_time_or_a_time_on_the_given_day_is_read_as_local_time(typed, meant):
    assert parse_typed(typed, DAY) == meant.astimezone()


def test_a_zone_typed_with_the_time_is_kept():
    assert parse_typed("2026-11-21 09:30+02:00") == datetime(2026, 11, 21, 9, 30, tzinfo=timezone(timedelta(hours=2)))


@pytest.mark.parametrize(
    "typed", ["2026-11-21", "2026-11-21 09", "2026-11-21 09:3", "2026-02-30 09:30", "24:00", "9.30", "", "now"]
)
def test_a_partial_or_impossible_moment_is_refused(typed):
    with pytest.raises(ValueError):
        parse_typed(typed, DAY)


def test_a_time_alone_is_refused_where_no_day_is_known():
    with pytest.raises(ValueError):
        parse_typed("09:30")


def test_a_field_names_itself_and_the_shape_it_expects_in_both_languages():
    field = forms.field_def("icg_given_at")
    with pytest.raises(ValidationError, match=r"^Time ICG was given: '2026-11-21' is not a date and time \(YYYY"):
        values.normalise(field, "2026-11-21")
    with pytest.raises(ValidationError, match=r"^Tijdstip ICG-toediening: '9:3' is geen datum en tijd \(JJJJ"):
        values.normalise(field, "9:3", "nl")
    assert values.normalise(field, "2026-11-21 09:30:07") == to_iso(datetime(2026, 11, 21, 9, 30, 7).astimezone())
