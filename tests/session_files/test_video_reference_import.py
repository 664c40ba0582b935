"""The video time reference travels in record.json format version 3 through a real signed session file into the
central database, where the flat events table gives each event's video_time; a version-2 file without one still
imports, and a reference that contradicts its record is refused and changes nothing."""

from __future__ import annotations

import csv
import json

import pytest

from mimic_desktop.domain import forms
from mimic_desktop.exchange import record_json, session_file
from mimic_desktop.services.central_import import Outcome
from tests.support.session_files import members, snapshot, with_record

from .conftest import rows_equal_source


def _referenced(laptop, number: int) -> str:
    proc_id = laptop.record(number, lesions=1)
    incision = laptop.service.load(proc_id).first_event(forms.marking("surgery_start").kind)
    laptop.service.set_video_reference(
        proc_id, "0:07:05.250", event_id=incision.id, reason="read off the recording after surgery"
    )
    return proc_id


def _central_events(central_store, tmp_path) -> list[dict[str, str]]:
    """The events table of the trial office's CSV export, read back."""
    from mimic_desktop.services.central_exports import export_csv

    written = export_csv(central_store.path, tmp_path / "export")
    (events,) = [path for path in written if path.name.endswith("events.csv")]
    with events.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_each_event_reaches_the_central_exports_with_its_position(laptop, importer, central_store, tmp_path):
    proc_id = _referenced(laptop, 80)
    path = laptop.export(proc_id)
    record = json.loads(members(path.read_bytes())[session_file.RECORD])
    assert record["format_version"] == 3
    incision = laptop.service.load(proc_id).first_event(forms.marking("surgery_start").kind)
    assert record[record_json.VIDEO_REFERENCE] == {"event_id": incision.id, "shown": "0:07:05.250"}
    result = importer.import_file(path)
    assert result.outcome is Outcome.NEW, result
    rows_equal_source(central_store, [laptop.service.load(proc_id)])
    # The central database keeps the record, not a flat events table: its exports make the events from it.
    events = {int(row["event_id"]): row for row in _central_events(central_store, tmp_path)}
    assert events[incision.id]["video_time"] == "0:07:05.250"
    assert all(row["video_time"] for row in events.values()), "every event has its position"


def test_a_version_2_file_without_a_reference_still_imports_with_empty_positions(
    laptop, importer, central_store, tmp_path
):
    exported = laptop.export(laptop.record(81, lesions=1)).read_bytes()
    record = json.loads(members(exported)[session_file.RECORD])
    assert record_json.VIDEO_REFERENCE not in record

    def as_version_2(document: dict) -> None:
        document["format_version"] = 2

    result = importer.import_bytes(with_record(exported, laptop.key_path, as_version_2), "v2.mimic")
    assert result.outcome is Outcome.NEW, result
    assert {row["video_time"] for row in _central_events(central_store, tmp_path)} == {""}


@pytest.mark.parametrize(
    ("reference", "named"),
    [
        ({"event_id": 999_999, "shown": "0:01:00"}, "999999"),
        ({"event_id": 1, "shown": "-0:01:00"}, "shown"),
        ({"event_id": 1, "shown": "1:99:00"}, "shown"),
        ({"event_id": 2**63, "shown": "0:01:00"}, ""),
        ({"event_id": "1", "shown": "0:01:00"}, "event_id"),
        ({"event_id": 1, "shown": "=1+1"}, "shown"),
        ({"event_id": 1}, "shown"),
    ],
)
def test_a_reference_that_contradicts_its_record_is_refused(laptop, importer, central_store, reference, named):
    exported = laptop.export(laptop.record(82, lesions=1)).read_bytes()
    before = snapshot(central_store)

    def hostile(document: dict) -> None:
        document[record_json.VIDEO_REFERENCE] = reference

    result = importer.import_bytes(with_record(exported, laptop.key_path, hostile), "hostile.mimic")
    assert result.outcome is Outcome.REJECTED, result
    assert named in result.message
    assert "Traceback" not in result.message
    assert snapshot(central_store) == before


def test_a_version_2_file_may_not_carry_a_reference(laptop, importer, central_store):
    """The part belongs to version 3: a file that says version 2 and carries it was not made by a laptop."""
    exported = laptop.export(_referenced(laptop, 83)).read_bytes()

    def mislabelled(document: dict) -> None:
        document["format_version"] = 2

    result = importer.import_bytes(with_record(exported, laptop.key_path, mislabelled), "mislabelled.mimic")
    assert result.outcome is Outcome.REJECTED, result
