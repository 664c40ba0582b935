"""The subject status travels in record.json (format version 2) into the central flat tables; a version-1 record,
which has no status, still imports as an enrolled patient's; a status outside its codes is refused."""

from mimic_desktop.domain.subject_status import SubjectStatus
from mimic_desktop.exchange import record_json
from mimic_desktop.services.central_import import Outcome
from tests.support.central_rows import read_rows
from tests.support.session_files import snapshot, with_record

from .conftest import rows_equal_source


def test_a_withdrawn_patient_reaches_the_flat_tables_with_reason_and_date(laptop, importer, central_store):
    proc_id = laptop.record(40)
    laptop.service.set_subject_status(proc_id, SubjectStatus.WITHDRAWN, "withdrew consent after surgery")
    day = laptop.service.load(proc_id).subject_status_date
    result = importer.import_file(laptop.export(proc_id))
    assert result.outcome is Outcome.NEW, result
    rows_equal_source(central_store, [laptop.service.load(proc_id)])
    (row,) = read_rows(central_store.conn, "procedures")
    assert (row["subject_status"], row["subject_status_reason"], row["subject_status_date"]) == (
        "withdrawn",
        "withdrew consent after surgery",
        day,
    )


def test_a_version_1_record_imports_as_an_enrolled_patient_with_detected_by_alone(laptop, importer, central_store):
    proc_id = laptop.record(41)
    exported = laptop.export(proc_id).read_bytes()

    def as_version_1(record: dict) -> None:
        """As a laptop before this release wrote it: record format 1, CRF version 1 (no modalities, no two-stage)."""
        assert record["format_version"] == record_json.FORMAT_VERSION >= 2
        record["format_version"] = 1
        del record["subject_status"]
        record["form_versions"]["crf"] = 1
        for lesion in record["record"]["lesions"]:
            lesion["values"].pop("seen_with", None)
            lesion["values"].pop("two_stage", None)

    result = importer.import_bytes(with_record(exported, laptop.key_path, as_version_1), "v1.mimic")
    assert result.outcome is Outcome.NEW, result
    (row,) = read_rows(central_store.conn, "procedures")
    assert (row["subject_status"], row["subject_status_reason"]) == ("enrolled", None)
    lesions = read_rows(central_store.conn, "lesions")
    assert lesions and all(lesion["seen_with"] is None and lesion["detected_by"] for lesion in lesions)


def test_a_status_outside_its_codes_is_rejected_and_changes_nothing(laptop, importer, central_store):
    exported = laptop.export(laptop.record(42)).read_bytes()
    before = snapshot(central_store)

    def cancelled(record: dict) -> None:
        record["subject_status"] = {"status": "cancelled", "reason": "=HYPERLINK(1)", "date": "2026-01-02"}

    result = importer.import_bytes(with_record(exported, laptop.key_path, cancelled), "cancelled.mimic")
    assert result.outcome is Outcome.REJECTED and "cancelled" in result.message, result
    assert snapshot(central_store) == before
