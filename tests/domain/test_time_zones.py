"""Calendar dates come from the study's time zone, and typed times from the machine's: the same on every machine."""

import time
from datetime import UTC, date, datetime

import pytest

from mimic_desktop.domain import derive, forms, values
from mimic_desktop.domain.clock import to_iso
from mimic_desktop.domain.record import Event, Procedure
from mimic_desktop.services.procedures import event_time

# 23:30 UTC on 24 November is 00:30 on 25 November in Amsterdam (UTC+1 in winter).
LATE_EVENING_UTC = datetime(2026, 11, 24, 23, 30, tzinfo=UTC)


@pytest.fixture(params=["UTC", "Europe/Amsterdam", "Pacific/Pago_Pago", "Pacific/Kiritimati"])
def machine_zone(request, monkeypatch):
    monkeypatch.setenv("TZ", request.param)
    time.tzset()
    yield request.param
    monkeypatch.undo()
    time.tzset()


def operated(at: datetime) -> Procedure:
    proc = Procedure(id="p", study_id="MIM-01-001", centre="01", created_at=to_iso(at), session_id="s")
    proc.events.append(Event(1, "incision", to_iso(at), to_iso(at), "u"))
    return proc


def test_the_study_zone_comes_from_the_form_definition():
    assert str(forms.study_time_zone()) == forms.crf().extras["time_zone"] == "Europe/Amsterdam"


def test_the_surgery_date_is_the_studys_calendar_day_whatever_the_machines_zone(machine_zone):
    assert derive.surgery_date(operated(LATE_EVENING_UTC)) == date(2026, 11, 25)


def test_the_90_day_window_counts_the_same_everywhere(machine_zone):
    proc = operated(LATE_EVENING_UTC)
    assert not derive.late_complication(proc, "2027-02-23")  # day 90 after 25 November
    assert derive.late_complication(proc, "2027-02-24")


def test_a_typed_time_without_zone_is_local_time_for_fields_and_events_alike(machine_zone):
    field = forms.field_def("icg_given_at")
    stored = values.normalise(field, "2026-03-01T08:00")
    expected = datetime(2026, 3, 1, 8, 0).astimezone()  # this machine's local 08:00
    assert stored == to_iso(expected) == to_iso(event_time("2026-03-01T08:00"))


def test_a_typed_time_with_its_zone_keeps_it(machine_zone):
    field = forms.field_def("icg_given_at")
    assert values.normalise(field, "2026-03-01T08:00+01:00") == to_iso(datetime(2026, 3, 1, 7, 0, tzinfo=UTC))
