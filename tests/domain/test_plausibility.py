"""Combinations of values a data manager would query: named plainly, tied to their fields, blocking completion."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from mimic_desktop.domain import rules
from mimic_desktop.domain.clock import to_iso
from mimic_desktop.domain.record import Complication, Event, Procedure
from mimic_desktop.services.simulate import baseline

SURGERY = datetime(2026, 11, 10, 8, 0, tzinfo=UTC)
NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)


def operated(**values) -> Procedure:
    """A procedure operated on 10 November 2026, consent a week and ICG a day before, discharged after 4 days."""
    usual = baseline(random.Random(2), lesions=1) | {
        "consent_date": "2026-11-03",
        "icg_given_at": to_iso(SURGERY - timedelta(hours=24)),
        "icu_days": 0,
        "hospital_stay_days": 4,
        "readmission": False,
        "icg_adverse_event": False,
    }
    proc = Procedure(id="p", study_id="MIM-01-001", centre="01", created_at="", session_id="s", values=usual | values)
    proc.events.append(Event(1, "incision", to_iso(SURGERY), to_iso(SURGERY), "u"))
    return proc


def queries(proc: Procedure, lang: str = "en") -> dict[str, tuple[str, ...]]:
    return {query.text: query.fields for query in rules.plausibility_queries(proc, NOW, lang)}


def test_a_plausible_record_raises_no_query():
    assert queries(operated()) == {}


@pytest.mark.parametrize(
    ("values", "text", "fields"),
    [
        ({"consent_date": "2026-12-24"}, "Date of consent (2026-12-24) lies in the future", ("consent_date",)),
        (
            {"consent_date": "2026-11-11"},
            "Date of consent (2026-11-11) is after the surgery (2026-11-10)",
            ("consent_date",),
        ),
        (
            {"consent_date": "2026-11-10"},
            "Date of consent (2026-11-10) is after ICG was given (2026-11-09)",
            ("consent_date", "icg_given_at"),
        ),
        (
            {"icu_days": 2, "hospital_stay_days": 1},
            "ICU stay (2 days) is longer than the hospital stay (1 days)",
            ("icu_days", "hospital_stay_days"),
        ),
        (
            {"icg_dose_mg": 10, "icg_volume_ml": 3, "icg_concentration_mg_ml": 5},
            "ICG dose (10 mg) does not match the volume and concentration given (3 mL × 5 mg/mL = 15 mg)",
            ("icg_dose_mg", "icg_volume_ml", "icg_concentration_mg_ml"),
        ),
        (
            {"icg_adverse_reaction": True, "icg_adverse_description": "Flush"},
            "Adverse reaction to ICG: yes when ICG was given, but ICG-related adverse event: no",
            ("icg_adverse_reaction", "icg_adverse_event"),
        ),
        (
            {"icg_adverse_reaction": True, "icg_adverse_event": True},
            "Adverse reaction to ICG: yes, but Description of the reaction is empty",
            ("icg_adverse_reaction", "icg_adverse_description"),
        ),
    ],
)
def test_each_implausible_combination_is_named_with_its_fields(values, text, fields):
    assert queries(operated(**values)) == {text: fields}


def test_the_icg_time_may_not_lie_in_the_future():
    given = to_iso(NOW + timedelta(hours=3))
    found = rules.plausibility_queries(operated(icg_given_at=given), NOW)
    assert [q.fields for q in found] == [("icg_given_at",)]
    assert "Time ICG was given" in found[0].text and "lies in the future" in found[0].text


def test_consent_today_in_the_study_time_zone_is_not_in_the_future():
    # 23:30 in Amsterdam on 24 November is still 24 November there, although UTC has the same day.
    late = datetime(2026, 11, 24, 22, 30, tzinfo=UTC)
    assert rules.plausibility_queries(rules.draft({"consent_date": "2026-11-24"}), late) == []
    assert rules.plausibility_queries(rules.draft({"consent_date": "2026-11-25"}), late) != []


def test_complications_are_queried_on_their_own_entry():
    proc = operated()
    proc.complications = [
        Complication("c1", 1, {"onset_date": "2026-12-01", "present_at_discharge": False}),
        Complication("c2", 2, {"onset_date": "2026-11-20", "present_at_discharge": True}),
        Complication("c3", 3, {"onset_date": "2026-11-12", "present_at_discharge": True}),
    ]
    found = rules.plausibility_queries(proc, NOW)
    assert [(q.entry_id, q.fields, q.text) for q in found] == [
        ("c1", ("onset_date",), "Complication 1: Date of onset (2026-12-01) lies in the future"),
        (
            "c2",
            ("onset_date", "present_at_discharge"),
            "Complication 2: still present at discharge, but its onset (2026-11-20) is after the discharge (2026-11-14)",
        ),
    ]


def test_every_query_blocks_completion_in_the_readers_language():
    proc = operated(consent_date="2026-12-24", icu_days=2, hospital_stay_days=1)
    missing = rules.missing_for_completion(proc, "nl", NOW)
    assert "Datum toestemming (2026-12-24) ligt in de toekomst" in missing
    assert "IC-opname (2 dagen) is langer dan de opnameduur (1 dagen)" in missing
    fixed = replace(proc, values=proc.values | {"consent_date": "2026-11-03", "icu_days": 1})
    assert not any("toekomst" in m or "IC-opname" in m for m in rules.missing_for_completion(fixed, "nl", NOW))
