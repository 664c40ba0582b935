"""Enrolment needs every eligibility answer, oral consent with its date, and what is known of the surgery."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from mimic_desktop.domain.errors import ValidationError
from mimic_desktop.services.procedures import ProcedureService
from tests.support.enrolment import ENROLMENT

NOW = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)


@pytest.fixture
def at_nine(store, coordinator):
    return ProcedureService(store, coordinator, clock=lambda: NOW)


def procedures(store) -> int:
    return store.read("SELECT COUNT(*) FROM procedures")[0][0]


def test_nothing_entered_is_refused_naming_every_missing_item(at_nine, store):
    with pytest.raises(ValidationError) as refused:
        at_nine.create("MIM-01-001", "01", {})
    message = str(refused.value)
    assert message.startswith("The patient cannot be enrolled: ")
    for label in (
        "Patient is 18 years or older",
        "Allergy to iodine or earlier reaction to ICG",
        "Oral informed consent given",
        "Date of consent",
        "Operating surgeon",
        "Approach",
        "Fluorescence imaging system",
        "Planned procedure",
    ):
        assert f"{label}: still to fill in" in message
    assert "Time ICG was given" not in message, "ICG may be given and entered later"
    assert procedures(store) == 0


@pytest.mark.parametrize(
    ("change", "named"),
    [
        ({"oral_consent": False}, "Oral informed consent given: no"),
        ({"oral_consent": None}, "Oral informed consent given: still to fill in"),
        ({"recurrence_at_treated_site": None}, "Recurrent CRLM at the site of an earlier ablation or resection: still"),
        ({"consent_date": None}, "Date of consent: still to fill in"),
        ({"consent_date": "2026-11-25"}, "Date of consent (2026-11-25) lies in the future"),
        ({"surgeon": None}, "Operating surgeon: still to fill in"),
    ],
)
def test_each_missing_or_impossible_item_is_refused_by_name(at_nine, store, change, named):
    with pytest.raises(ValidationError, match="cannot be enrolled") as refused:
        at_nine.create("MIM-01-001", "01", ENROLMENT | change)
    assert named in str(refused.value)
    assert procedures(store) == 0


def test_an_icg_time_in_the_future_is_refused_as_typed_by_name(at_nine, store):
    """Beyond a few minutes of clock skew a time in the future is refused before anything is checked or saved."""
    with pytest.raises(ValidationError, match=r"Time ICG was given: 2026-11-24 .* is in the future") as refused:
        at_nine.create("MIM-01-001", "01", ENROLMENT | {"icg_given_at": NOW + timedelta(hours=2)})
    assert refused.value.field == "icg_given_at"
    assert procedures(store) == 0


def test_enrolment_without_an_icg_time_keeps_every_value_entered(at_nine, store):
    proc = at_nine.load(at_nine.create("MIM-01-001", "01", ENROLMENT | {"icg_dose_mg": 10}))
    assert {name: proc.get(name) for name in ENROLMENT} == ENROLMENT
    assert proc.get("icg_given_at") is None and proc.get("icg_dose_mg") == 10


def test_consent_given_today_is_enough(at_nine):
    at_nine.create("MIM-01-001", "01", ENROLMENT | {"consent_date": "2026-11-24"})


def test_the_refusal_is_said_in_dutch(at_nine):
    with pytest.raises(ValidationError) as refused:
        at_nine.create("MIM-01-001", "01", ENROLMENT | {"oral_consent": False, "surgeon": None}, lang="nl")
    message = str(refused.value)
    assert message.startswith("De patiënt kan niet worden geïncludeerd: ")
    assert "Mondelinge informed consent gegeven: nee" in message
    assert "Operateur: nog in te vullen" in message
