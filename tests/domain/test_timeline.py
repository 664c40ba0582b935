"""The record's timeline: events in (time, id) order, struck events left out."""

from __future__ import annotations

import random

from mimic_desktop.domain.record import Event, Procedure

KINDS = ("incision", "transection_start", "transection_end", "closure")


def shuffled_record(seed: int) -> Procedure:
    """Events of a few kinds and lesions, some struck, some at the same minute, in no particular order."""
    rng = random.Random(seed)
    proc = Procedure(id="p", study_id="MIM-01-001", centre="01", created_at="", session_id="s")
    for event_id in rng.sample(range(1, 200), 60):
        at = f"2026-11-24T09:{rng.randrange(10):02d}:00+00:00"
        lesion = rng.choice([None, "a", "b"])
        proc.events.append(Event(event_id, rng.choice(KINDS), at, at, "u", lesion, struck=rng.random() < 0.3))
    return proc


def test_the_first_event_of_a_kind_is_the_earliest_live_one_with_the_lowest_id_on_a_tie():
    for seed in range(20):
        proc = shuffled_record(seed)
        timeline = proc.live_events()
        assert [(e.at, e.id) for e in timeline] == sorted((e.at, e.id) for e in proc.events if not e.struck)
        for kind in KINDS:
            assert proc.first_event(kind) is next((e for e in timeline if e.kind == kind), None)
        for lesion in ("a", "b", "c"):
            assert proc.lesion_events(lesion) == [e for e in timeline if e.lesion_id == lesion]


def test_a_struck_event_is_never_the_first():
    proc = Procedure(id="p", study_id="MIM-01-001", centre="01", created_at="", session_id="s")
    proc.events.append(Event(1, "closure", "2026-11-24T09:00:00+00:00", "", "u", struck=True))
    assert proc.first_event("closure") is None
    proc.events.append(Event(2, "closure", "2026-11-24T10:00:00+00:00", "", "u"))
    assert proc.first_event("closure").id == 2
