"""A lesion has one specimen finding and one re-resection outcome: a second, contradicting or not, is refused."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from mimic_desktop.domain import derive
from mimic_desktop.domain.errors import ValidationError
from tests.support.enrolment import ENROLMENT

NOW = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)


def at(minutes: int) -> datetime:
    return NOW + timedelta(minutes=minutes)


@pytest.fixture
def transected(service):
    """A lesion whose transection has ended: the specimen can be assessed."""
    proc_id = service.create("MIM-01-001", "01", ENROLMENT | {"icg_given_at": NOW - timedelta(hours=24)})
    for minutes, kind in enumerate(("incision", "lesion_found", "transection_start", "transection_end")):
        service.record_event(proc_id, kind, at=at(minutes))
    return proc_id


@pytest.mark.parametrize(
    ("first", "second", "words"),
    [
        ("specimen_fluorescent", "specimen_clear", "specimen is already recorded as Specimen side fluorescent"),
        ("specimen_clear", "specimen_fluorescent", "specimen is already recorded as Specimen side clear"),
        ("specimen_clear", "specimen_clear", "specimen is already recorded"),
        ("reresection_done", "reresection_not_feasible", "re-resection outcome is already recorded as Cavity"),
        ("reresection_not_safe", "reresection_done", "re-resection outcome is already recorded as Re-resection not"),
    ],
)
def test_a_second_finding_on_one_lesion_is_refused(service, transected, first, second, words):
    service.record_event(transected, first, at=at(10))
    with pytest.raises(ValidationError, match=words) as refused:
        service.record_event(transected, second, at=at(11))
    assert "strike that through with a reason first" in str(refused.value)
    assert [e.kind for e in service.load(transected).events].count(second) == (1 if first == second else 0)


def test_striking_the_first_finding_lets_the_other_be_recorded(service, transected):
    fluorescent = service.record_event(transected, "specimen_fluorescent", at=at(10))
    service.strike_event(fluorescent, "pressed 1 instead of 0")
    service.record_event(transected, "specimen_clear", at=at(11))
    proc = service.load(transected)
    assert derive.assess_lesion(proc, proc.current_lesion_id).specimen_fluorescent is False


def test_correcting_the_time_of_the_finding_is_not_a_second_finding(service, transected):
    clear = service.record_event(transected, "specimen_clear", at=at(10))
    service.correct_event_time(clear, at(9), "pressed late")
    proc = service.load(transected)
    assert [e.moment for e in proc.live_events() if e.kind == "specimen_clear"] == [at(9)]


def test_each_lesion_has_its_own_finding(service, transected):
    service.record_event(transected, "specimen_fluorescent", at=at(10))
    service.record_event(transected, "occult_lesion", at=at(11))
    service.record_event(transected, "transection_start", at=at(12))
    service.record_event(transected, "specimen_clear", at=at(13))
    proc = service.load(transected)
    first, second = proc.lesions
    assert derive.assess_lesion(proc, first.id).specimen_fluorescent is True
    assert derive.assess_lesion(proc, second.id).specimen_fluorescent is False
