"""The frame kept on demand (`still`, event catalogue version 4) travels as any event: a record made under version 4
with one imports, and a record that names version 3 may not hold one."""

from __future__ import annotations

import json
import random

from mimic_desktop.domain import forms
from mimic_desktop.services import frames
from mimic_desktop.services.central_import import Outcome
from mimic_desktop.services.simulate import record_procedure
from tests.support import frames as synthetic
from tests.support.session_files import finish, members, with_record


def test_a_record_with_a_frame_kept_on_demand_imports(laptop, importer):
    assert forms.catalogue().version == 4 and "still" not in forms.event_kinds(3)
    proc_id = record_procedure(laptop.service, random.Random(80), lesions=1)
    event_id, _frame_id = frames.record_event_with_frame(laptop.service, proc_id, "still", synthetic.nir_frame())
    finish(laptop.service, proc_id)
    path = laptop.export(proc_id)
    record = json.loads(members(path.read_bytes())["record.json"])
    assert [e["kind"] for e in record["record"]["events"] if e["id"] == event_id] == ["still"]
    result = importer.import_file(path)
    assert result.outcome is Outcome.NEW, result.message


def test_a_record_of_catalogue_version_3_may_not_hold_one(laptop, importer, tmp_path):
    path = laptop.export(laptop.record(81, lesions=1))

    def made_under_version_3(record: dict) -> None:
        record["form_versions"]["events"] = 3
        first_of_no_lesion = next(e for e in record["record"]["events"][1:] if e["lesion_id"] is None)
        first_of_no_lesion["kind"] = "still"

    old = tmp_path / "MIM-01-081-v3.mimic"
    old.write_bytes(with_record(path.read_bytes(), laptop.key_path, made_under_version_3))
    result = importer.import_file(old)
    assert result.outcome is Outcome.REJECTED
    assert "is a still event, which version 3 of the event catalogue" in result.message
