"""Where each event is in the video recording: the reading parsed strictly, every event mapped from it, an event
before the recording started shown with its minus sign."""

from __future__ import annotations

import pytest

from mimic_desktop.domain import video_time
from mimic_desktop.domain.errors import ValidationError
from mimic_desktop.domain.record import Event, Procedure, VideoReference


def _event(event_id: int, at: str, struck: bool = False) -> Event:
    return Event(event_id, "kind", at, at, "anna", struck=struck)


def _procedure(reference: VideoReference | None, *events: Event) -> Procedure:
    return Procedure(
        "p", "MIM-01-001", "01", "2026-11-24T08:00:00Z", "s", events=list(events), video_reference=reference
    )


@pytest.mark.parametrize(
    ("typed", "ms"),
    [
        ("0:00:00", 0),
        ("1:23:45", (3600 + 23 * 60 + 45) * 1000),
        (" 01:23:45 ", (3600 + 23 * 60 + 45) * 1000),
        ("0:00:01.5", 1500),
        ("0:00:01,25", 1250),
        ("0:00:01.007", 1007),
        ("99:59:59", video_time.LONGEST_MS - 999),
        ("99:59:59.999", video_time.LONGEST_MS),
    ],
)
def test_a_reading_is_taken_as_the_tower_shows_it(typed, ms):
    assert video_time.parse_shown(typed) == ms


@pytest.mark.parametrize(
    ("typed", "named"),
    [
        ("-0:00:05", "never negative"),
        ("1:2x:45", "H:MM:SS"),
        ("abc", "H:MM:SS"),
        ("", "H:MM:SS"),
        ("1:60:00", "up to 59"),
        ("1:00:60", "up to 59"),
        ("100:00:00", "H:MM:SS"),
        (str(2**63), "H:MM:SS"),
        ("9223372036854775808:00:00", "longer than any time"),
        ("1:00:00\x07", "control characters"),
        ("=1:00:00", "H:MM:SS"),
        ("1:00:00.1234", "H:MM:SS"),
        ("٣:00:00", "H:MM:SS"),
    ],
)
def test_a_reading_that_is_no_time_of_a_recording_is_refused_in_a_sentence_naming_why(typed, named):
    with pytest.raises(ValidationError) as refused:
        video_time.parse_shown(typed)
    assert named in str(refused.value)
    assert "is not a time the video recording shows" in str(refused.value)


def test_a_refusal_is_said_in_dutch_too():
    with pytest.raises(ValidationError) as refused:
        video_time.parse_shown("-0:00:05", "nl")
    assert "video-opname" in str(refused.value)


def test_every_event_is_mapped_from_the_reference_and_one_before_the_recording_is_negative():
    before = _event(1, "2026-11-24T08:59:00Z")
    incision = _event(2, "2026-11-24T09:00:00Z")
    later = _event(3, "2026-11-24T10:01:02.250000Z")
    proc = _procedure(VideoReference(2, 30_000), before, incision, later)
    found = video_time.positions(proc)
    assert found == {1: -30_000, 2: 30_000, 3: 30_000 + (3600 + 62) * 1000 + 250}
    assert video_time.shown(found[1]) == "-0:00:30"
    assert video_time.shown(found[3]) == "1:01:32"
    assert video_time.exact(found[3]) == "1:01:32.250"
    assert video_time.exact(found[1]) == "-0:00:30"


def test_without_a_reference_or_with_its_event_struck_no_position_is_claimed():
    incision = _event(2, "2026-11-24T09:00:00Z", struck=True)
    assert video_time.positions(_procedure(None, incision)) == {}
    assert video_time.positions(_procedure(VideoReference(2, 0), incision)) == {}
    assert video_time.positions(_procedure(VideoReference(9, 0), _event(2, "2026-11-24T09:00:00Z"))) == {}


def test_a_reading_taken_later_is_turned_into_the_time_shown_at_the_event():
    from datetime import UTC, datetime

    incision = _event(2, "2026-11-24T09:00:00Z")
    then = datetime(2026, 11, 24, 9, 10, 0, 500_000, tzinfo=UTC)
    assert video_time.shown_at(incision, 15 * 60 * 1000, then) == 5 * 60 * 1000 - 500


def test_where_the_recording_is_now_runs_on_from_the_reference():
    from datetime import UTC, datetime

    incision = _event(2, "2026-11-24T09:00:00Z")
    proc = _procedure(VideoReference(2, 30_000), incision)
    now = datetime(2026, 11, 24, 9, 45, 10, tzinfo=UTC)
    assert video_time.shown(video_time.position_now_ms(proc, now)) == "0:45:40"
    assert video_time.position_now_ms(_procedure(None, incision), now) is None
