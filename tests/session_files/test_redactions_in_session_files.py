"""A redaction goes to the trial office in the next session file (record.json format version 2, "redactions"):
who, when, why and where, never the text; the file imports, and a version-1 record still does."""

import json

from mimic_desktop.exchange import record_json
from mimic_desktop.services.central_import import Outcome
from tests.support.session_files import members, with_record

IDENTIFYING = "Mr. Jan Jansen (born 12-03-1961, hospital no. 1234567)"


def test_the_next_session_file_carries_the_redaction_and_not_the_text(laptop, importer):
    proc_id = laptop.record(31, complication=True)
    keeping = laptop.service.keeping_identifiers("dictated")
    complication = laptop.service.load(proc_id).complications[0].id
    keeping.set_values(
        proc_id, {"description": IDENTIFYING}, entity="complication", entity_id=complication, reason="as reported"
    )
    first = laptop.export(proc_id)
    assert b"Jansen" in members(first.read_bytes())[record_json_name()]
    assert importer.import_file(first).outcome is Outcome.NEW
    laptop.service.redact(proc_id, IDENTIFYING, "the patient's name, typed by mistake")
    second = laptop.export(proc_id)
    data = second.read_bytes()
    body = members(data)[record_json_name()]
    assert b"Jansen" not in body and b"1234567" not in body
    document = json.loads(body)
    assert document["format_version"] >= 2
    [redaction] = document["redactions"]
    assert redaction["account"] == laptop.service.user.id  # an id, never a name
    assert redaction["reason"] == "the patient's name, typed by mistake"
    place = {"entity": "complication", "entity_id": complication, "field": "description", "part": "value"}
    assert place | {"versions": [1]} in redaction["places"]  # the first file held it, the trial office redacts it
    assert importer.import_file(second).outcome is Outcome.SUPERSEDING


def test_a_version_1_record_is_still_imported(laptop, importer):
    proc_id = laptop.record(32)
    path = laptop.export(proc_id)

    def as_version_1(document: dict) -> None:
        document["format_version"] = 1
        document.pop("redactions", None)

    older = path.with_name("older.mimic")
    older.write_bytes(with_record(path.read_bytes(), laptop.key_path, as_version_1))
    assert 1 in record_json.SUPPORTED_VERSIONS
    assert importer.import_file(older).outcome is Outcome.NEW


def record_json_name() -> str:
    from mimic_desktop.exchange import session_file

    return session_file.RECORD
