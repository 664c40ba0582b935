"""record.json format version 2 names the event catalogue's version; a version-1 record, made before the catalogue
was versioned, still imports, and a record is checked against the events of the catalogue version it names."""

from __future__ import annotations

import json

from mimic_desktop.domain import forms
from mimic_desktop.exchange import record_json
from mimic_desktop.services.central_import import Outcome
from tests.support.session_files import members, with_record


def as_version_1(record: dict) -> None:
    """The record as a laptop before format version 2 wrote it: no catalogue version beside the forms'."""
    record["format_version"] = 1
    del record["form_versions"]["events"]


def test_a_record_names_the_catalogue_version_it_was_made_with(laptop):
    data = laptop.export(laptop.record(70, lesions=1)).read_bytes()
    record = json.loads(members(data)["record.json"])
    assert record["format_version"] == record_json.FORMAT_VERSION >= 2
    assert record["form_versions"]["events"] == forms.catalogue().version == 4
    assert forms.known_versions("events") == (1, 2, 3, 4)


def test_a_version_1_record_still_imports(laptop, importer, tmp_path):
    path = laptop.export(laptop.record(71, lesions=2))

    def made_before_version_2(record: dict) -> None:
        as_version_1(record)
        known = forms.event_kinds(1)  # such a laptop had none of the catalogue's later events
        record["record"]["events"] = [e for e in record["record"]["events"] if e["kind"] in known]

    old = tmp_path / "MIM-01-071-v1.mimic"
    old.write_bytes(with_record(path.read_bytes(), laptop.key_path, made_before_version_2))
    result = importer.import_file(old)
    assert result.outcome is Outcome.NEW, result.message


def test_an_event_the_named_catalogue_version_lacks_is_refused(laptop, importer, tmp_path):
    path = laptop.export(laptop.record(72, lesions=1))

    def converted_under_version_1(record: dict) -> None:
        as_version_1(record)
        first_of_no_lesion = next(e for e in record["record"]["events"][1:] if e["lesion_id"] is None)
        first_of_no_lesion["kind"] = "conversion_open"  # not an event of the catalogue's version 1

    bad = tmp_path / "MIM-01-072-v1.mimic"
    bad.write_bytes(with_record(path.read_bytes(), laptop.key_path, converted_under_version_1))
    result = importer.import_file(bad)
    assert result.outcome is Outcome.REJECTED
    assert "is a conversion_open event, which version 1 of the event catalogue" in result.message
