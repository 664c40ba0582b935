"""Two lesions taken out in one specimen: one transection and one specimen event name both, each lesion gets the
findings, the record carries the list, and the trial's Table 2 counts both lesions."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pandas as pd
import pytest
from reportlab.graphics.shapes import Circle

from mimic_desktop.analysis.report import compute_report
from mimic_desktop.domain import derive, forms
from mimic_desktop.domain.clock import from_iso
from mimic_desktop.domain.errors import ValidationError
from mimic_desktop.exchange import flat, record_check, record_json
from mimic_desktop.reports.timeline import timeline_drawing
from mimic_desktop.storage import audit
from tests.support.enrolment import in_surgery

PATHOLOGY = {"histology": "crlm", "margin_mm": 0.5, "r1_type": "parenchymal", "treatment": "resection"}


def _one_specimen(service) -> tuple[str, list[str]]:
    """Incision, two lesions identified, then one transection and one fluorescent specimen holding both."""
    proc_id = in_surgery(service, ("incision", "lesion_found", "lesion_found"), minutes_ago=30)
    proc = service.load(proc_id)
    first, second = (lesion.id for lesion in proc.lesions)
    start = max(from_iso(event.at) for event in proc.events)
    for minute, kind in enumerate(("transection_start", "transection_end", "specimen_fluorescent"), start=1):
        service.record_event(
            proc_id, kind, at=start + timedelta(minutes=minute), lesion_id=first, also_lesion_ids=[second]
        )
    for lesion_id in (first, second):
        service.set_values(proc_id, PATHOLOGY, entity="lesion", entity_id=lesion_id)
    return proc_id, [first, second]


def test_one_specimen_names_both_lesions_and_table_2_counts_both(service, store):
    proc_id, lesion_ids = _one_specimen(service)
    proc = service.load(proc_id)
    specimen = next(event for event in proc.events if event.kind == "specimen_fluorescent")
    assert specimen.lesion_ids == tuple(lesion_ids)
    for lesion_id in lesion_ids:
        findings = derive.assess_lesion(proc, lesion_id).findings
        assert findings["specimen_fluorescent"] is True
    rows = flat.lesion_rows(proc)
    assert [row["specimen_fluorescent"] for row in rows] == [True, True]
    assert [row["transection_minutes"] for row in rows] == [1, 1]
    # The printed chart marks the specimen on each lesion's row: one mark more than were it the first lesion's alone.
    colour = forms.events()["specimen_fluorescent"].colour[1:].lower()

    def specimen_marks(record) -> int:
        shapes = timeline_drawing(record, 400).contents
        return sum(isinstance(shape, Circle) and colour in str(shape.fillColor).lower() for shape in shapes)

    alone = replace(proc, events=[replace(event, also_lesion_ids=()) for event in proc.events])
    assert specimen_marks(proc) == specimen_marks(alone) + 1
    events = [row for row in flat.event_rows(proc) if row["event"] == "specimen_fluorescent"]
    assert [(row["lesion_number"], row["also_lesion_numbers"]) for row in events] == [(1, "2")]

    # The report counts completed records only; completing one needs the whole CRF, which is not what this is about.
    report = compute_report(
        pd.DataFrame([flat.procedure_row(proc) | {"status": "complete"}]),
        pd.DataFrame(rows),
        pd.DataFrame([], columns=[c.name for c in flat.complication_columns()]),
    )
    table_2 = report.diagnostic.contingency
    assert table_2.true_positive == 2 and table_2.fluorescent.total == 2

    # The audit trail agrees with the stored event, lesions included; a lesion taken off it behind the
    # application's back is found.
    assert audit.check(store.conn).ok
    store.conn.execute("UPDATE events SET also_lesion_ids = NULL WHERE kind = 'specimen_fluorescent'")
    found = audit.check(store.conn)
    assert not found.ok and "also_lesion_ids" in " ".join(str(problem) for problem in found.problems)


def test_the_record_carries_the_lesions_of_an_event_and_reads_back(service):
    proc_id, lesion_ids = _one_specimen(service)
    # A session file holds a completed record; completing one needs the whole CRF, which is not what this is about.
    proc = replace(service.load(proc_id), completed_at=service.load(proc_id).created_at)
    document = record_json.record_to_dict(proc, session_version=1, exported_at=proc.created_at, audit_head="0" * 64)
    shared = [event for event in document["record"]["events"] if "lesion_ids" in event]
    assert [event["kind"] for event in shared] == ["transection_start", "transection_end", "specimen_fluorescent"]
    assert all(event["lesion_ids"] == lesion_ids for event in shared)
    # Events of one lesion or none carry no list, as in every earlier record.
    assert all("lesion_ids" not in event for event in document["record"]["events"] if event["kind"] == "incision")
    again = record_check.check_record(document)
    assert [derive.assess_lesion(again, lesion_id).findings["specimen_fluorescent"] for lesion_id in lesion_ids] == [
        True,
        True,
    ]
    # A record whose event names a lesion it does not have is refused in words.
    shared[0]["lesion_ids"] = [lesion_ids[0], "f" * 32]
    with pytest.raises(record_check.RecordRejected, match="points at a lesion the record does not have"):
        record_check.check_record(document)


def test_an_event_of_one_lesion_refuses_several_and_a_lesion_named_twice(service):
    proc_id = in_surgery(service, ("incision", "lesion_found", "lesion_found"), minutes_ago=30)
    first, second = (lesion.id for lesion in service.load(proc_id).lesions)
    with pytest.raises(ValidationError, match="belongs to one lesion only"):
        service.record_event(proc_id, "ablation", lesion_id=first, also_lesion_ids=[second])
    with pytest.raises(ValidationError, match="each lesion is named once"):
        service.record_event(proc_id, "transection_start", lesion_id=first, also_lesion_ids=[first])
    service.record_event(proc_id, "transection_start", lesion_id=first, also_lesion_ids=[second])
    # The specimen finding is had once per lesion: naming a lesion that has it already is refused.
    service.record_event(proc_id, "specimen_clear", lesion_id=second)
    with pytest.raises(ValidationError, match="Lesion 2: the specimen is already recorded"):
        service.record_event(proc_id, "specimen_fluorescent", lesion_id=first, also_lesion_ids=[second])
    assert service.load(proc_id).first_event("specimen_fluorescent") is None


def test_a_corrected_time_keeps_every_lesion_the_event_named(service, store):
    proc_id, lesion_ids = _one_specimen(service)
    specimen = service.load(proc_id).first_event("specimen_fluorescent")
    assert specimen is not None
    corrected = service.correct_event_time(specimen.id, specimen.moment + timedelta(seconds=30), "logged late")
    replacement = next(event for event in service.load(proc_id).events if event.id == corrected)
    assert replacement.lesion_ids == tuple(lesion_ids) and not replacement.struck
    # Moved before the transection's start of either lesion, it is refused for that lesion.
    transection = service.load(proc_id).first_event("transection_start")
    assert transection is not None
    with pytest.raises(ValidationError, match="Lesion 1: Specimen side fluorescent"):
        service.correct_event_time(corrected, transection.moment - timedelta(minutes=1), "wrong minute")
    assert audit.check(store.conn).ok
