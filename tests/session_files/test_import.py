"""The central import: round trip, idempotence, supersession, conflicts, folders, and the flat tables."""

import json
import sqlite3
from pathlib import Path

import pytest

from mimic_desktop.domain.errors import MimicError
from mimic_desktop.exchange import central
from mimic_desktop.services import central_import, centre_keys
from mimic_desktop.services.central_import import CentralImporter, Outcome
from mimic_desktop.storage.connection import open_store
from mimic_desktop.storage.errors import NotADatabase
from tests.support.central_rows import read_rows
from tests.support.office import data_manager
from tests.support.session_files import make_laptop, members, sign_questionnaire, snapshot, with_record

from .conftest import rows_equal_source


def test_records_round_trip_into_the_flat_tables_and_re_import_changes_nothing(laptop, importer, central_store):
    ids = [laptop.record(20, lesions=1), laptop.record(21, lesions=3, complication=True), laptop.record(22)]
    sign_questionnaire(laptop, ids[1])
    files = [laptop.export(proc_id) for proc_id in ids]
    summary = importer.import_paths([laptop.out])
    assert summary.count(Outcome.NEW) == 3 and not summary.rejected
    rows_equal_source(central_store, [laptop.service.load(proc_id) for proc_id in ids])
    frames = central.frames(central_store)
    assert len(frames["lesions"]) == 6 and frames["procedures"]["questionnaire_signed"].sum() == 1
    before = snapshot(central_store)
    again = importer.import_paths(files)
    assert [r.outcome for r in again.results] == [Outcome.DUPLICATE] * 3
    assert snapshot(central_store) == before


def test_an_amended_re_export_supersedes_and_both_versions_are_kept(laptop, importer, central_store):
    proc_id = laptop.record(23)
    first = laptop.export(proc_id)
    assert importer.import_file(first).outcome is Outcome.NEW
    laptop.service.set_value(proc_id, "hospital_stay_days", 9, reason="readmitted ward stay added")
    second = laptop.export(proc_id)
    result = importer.import_file(second)
    assert result.outcome is Outcome.SUPERSEDING and "supersedes version 1" in result.message
    rows_equal_source(central_store, [laptop.service.load(proc_id)])
    kept = central_import.imported_files(central_store)
    assert [(f["session_version"], f["current"]) for f in kept] == [(1, 0), (2, 1)]
    assert read_rows(central_store.conn, "procedures")[0]["hospital_stay_days"] == 9


def test_an_older_version_arriving_late_is_kept_but_not_current(laptop, importer, central_store):
    proc_id = laptop.record(24)
    first = laptop.export(proc_id)
    laptop.service.set_value(proc_id, "icu_days", 2, reason="ICU stay was missed")
    second = laptop.export(proc_id)
    assert importer.import_file(second).outcome is Outcome.NEW
    late = importer.import_file(first)
    assert late.outcome is Outcome.OLDER and "version 2 stays current" in late.message
    assert read_rows(central_store.conn, "procedures")[0]["icu_days"] == 2
    assert [f["current"] for f in central_import.imported_files(central_store)] == [0, 1]


def test_a_second_file_claiming_an_imported_version_is_a_conflict_named_plainly(laptop, importer, central_store):
    proc_id = laptop.record(25)
    original = laptop.export(proc_id).read_bytes()
    importer.import_bytes(original, "original.mimic")
    before = snapshot(central_store)

    def other_stay(record):
        record["record"]["values"]["hospital_stay_days"] = 12

    result = importer.import_bytes(with_record(original, laptop.key_path, other_stay), "rewritten.mimic")
    assert result.outcome is Outcome.REJECTED
    assert "Version 1 of MIM-01-001 was imported before from another file (original.mimic" in result.message
    assert snapshot(central_store) == before


def test_two_sessions_for_one_study_id_are_refused(tmp_path, laptop, importer, central_store):
    laptop.export(laptop.record(26))
    importer.import_paths([laptop.out])
    other_folder = tmp_path / "second-laptop"
    other_folder.mkdir()
    second = make_laptop(other_folder)
    centre_keys.register_centre(central_store, data_manager(central_store), "01", second.public_key_file())
    twin = second.export(second.record(27))  # its first study ID is MIM-01-001 too
    before = snapshot(central_store)
    result = CentralImporter(central_store, data_manager(central_store)).import_file(twin)
    assert result.outcome is Outcome.REJECTED and "MIM-01-001 already belongs to another session" in result.message
    assert snapshot(central_store) == before


@pytest.mark.parametrize(
    ("centre", "study_id", "named"),
    [("07", "MIM-07-001", "centre 07"), ("01", "MIM-01-002", "study ID MIM-01-002")],
)
def test_a_newer_version_cannot_move_a_session_to_another_study_id_or_centre(
    tmp_path, laptop, importer, central_store, centre, study_id, named
):
    original = laptop.export(laptop.record(29)).read_bytes()
    importer.import_bytes(original, "MIM-01-001-v1.mimic")
    other_folder = tmp_path / "other-laptop"
    other_folder.mkdir()
    other = make_laptop(other_folder)
    centre_keys.register_centre(central_store, data_manager(central_store), centre, other.public_key_file())

    def take_over(record):
        record["session_version"] = 2
        record["record"].update(study_id=study_id, centre=centre)

    before = snapshot(central_store)
    result = CentralImporter(central_store, data_manager(central_store)).import_bytes(
        with_record(original, other.key_path, take_over), f"{study_id}-v2.mimic"
    )
    assert result.outcome is Outcome.REJECTED
    assert "belongs to MIM-01-001 of centre 01" in result.message and named in result.message
    assert snapshot(central_store) == before
    other.service.store.close()


def test_a_demo_record_and_a_key_of_another_centre_are_refused(tmp_path, laptop, importer, central_store):
    proc_id = laptop.record(28)
    data = laptop.export(proc_id).read_bytes()

    def demo(record):
        record["demo"] = True

    before = snapshot(central_store)
    result = importer.import_bytes(with_record(data, laptop.key_path, demo), "demo.mimic")
    assert result.outcome is Outcome.REJECTED and "demonstration record" in result.message
    store = central_import.init_central(tmp_path / "other-central.sqlite")
    centre_keys.register_centre(store, data_manager(store), "05", laptop.public_key_file())
    result = CentralImporter(store, data_manager(store)).import_bytes(data, "wrong-centre.mimic")
    assert result.outcome is Outcome.REJECTED and "registered for centre 05" in result.message
    assert snapshot(central_store) == before


def test_a_questionnaire_is_signed_centrally_only_when_its_hash_matches_the_answers(laptop, importer, central_store):
    signed, altered = laptop.record(38), laptop.record(39)
    for proc_id in (signed, altered):
        sign_questionnaire(laptop, proc_id)

    def other_answer(record):
        record["record"]["values"]["q_usefulness"] = 1  # the signature's hash still covers the answer 4

    data = with_record(laptop.export(altered).read_bytes(), laptop.key_path, other_answer)
    assert importer.import_file(laptop.export(signed)).outcome is Outcome.NEW
    assert importer.import_bytes(data, "MIM-01-002-v1.mimic").outcome is Outcome.NEW
    rows = read_rows(central_store.conn, "procedures")
    assert sorted((row["study_id"], row["questionnaire_signed"]) for row in rows) == [
        ("MIM-01-001", True),
        ("MIM-01-002", False),
    ]


def test_a_folder_import_reports_progress_and_a_summary_with_reasons(laptop, importer, tmp_path):
    for seed in (30, 31):
        laptop.export(laptop.record(seed))
    (laptop.out / "notes.txt").write_text("not a session file, and not named like one")
    (laptop.out / "broken.mimic").write_bytes(b"PK\x03\x04 truncated")
    nested = laptop.out / "usb" / "week2"
    nested.mkdir(parents=True)
    (nested / "copy.mimic").write_bytes((laptop.out / "MIM-01-001-v1.mimic").read_bytes())
    seen = []
    summary = importer.import_paths([laptop.out], progress=lambda done, total, name: seen.append((done, total, name)))
    assert [done for done, _, _ in seen] == [1, 2, 3, 4] and {total for _, total, _ in seen} == {4}
    text = summary.text()
    assert text.splitlines()[0] == (
        "2 imported (2 new, 0 superseding an earlier version, 0 older version(s) kept, 0 held back), 1 duplicate(s), 1 rejected."
    )
    assert "rejected" in text.splitlines()[1] and "broken.mimic: The file is not a readable ZIP archive" in text


def test_a_folder_import_that_the_database_stops_reports_what_was_imported_and_what_was_not(
    laptop, importer, central_store
):
    for seed in (35, 36, 37):
        laptop.export(laptop.record(seed))
    pages = central_store.conn.execute("PRAGMA page_count").fetchone()[0]

    def fill_the_disk_after_the_first(done, _total, _name):
        if done == 1:  # the disk is full from here on: the next file cannot be stored
            central_store.conn.execute(f"PRAGMA max_page_count={pages}")

    summary = importer.import_paths([laptop.out], progress=fill_the_disk_after_the_first)
    assert [(Path(r.name).name, r.outcome) for r in summary.results] == [
        ("MIM-01-001-v1.mimic", Outcome.NEW),
        ("MIM-01-002-v1.mimic", Outcome.NOT_IMPORTED),
        ("MIM-01-003-v1.mimic", Outcome.NOT_IMPORTED),
    ]
    stopped = str(summary.stopped)
    assert "disk holding" in stopped and "is full" in stopped
    text = summary.text().splitlines()
    assert text[0].startswith("1 imported (1 new")
    assert text[1].startswith("The import stopped: The disk holding") and "2 file(s) were not imported" in text[1]
    assert text[2:] == [
        f"not imported {laptop.out / 'MIM-01-002-v1.mimic'}",
        f"not imported {laptop.out / 'MIM-01-003-v1.mimic'}",
    ]
    assert [row["study_id"] for row in central_import.imported_files(central_store)] == ["MIM-01-001"]
    central_store.conn.execute(f"PRAGMA max_page_count={2**30}")
    again = importer.import_paths([laptop.out])
    assert [r.outcome for r in again.results] == [Outcome.DUPLICATE, Outcome.NEW, Outcome.NEW]


def test_the_flat_tables_are_rebuilt_from_the_records_when_their_columns_differ(laptop, importer, central_store):
    ids = [laptop.record(32), laptop.record(33, complication=True)]
    importer.import_paths([laptop.export(proc_id) for proc_id in ids])
    path = central_store.path
    central_store.close()
    conn = sqlite3.connect(path)
    conn.execute("ALTER TABLE lesions DROP COLUMN r_status")
    conn.execute("DELETE FROM complications")
    conn.commit()
    conn.close()
    reopened = central.open_central(path, create=False)
    rows_equal_source(reopened, [laptop.service.load(proc_id) for proc_id in ids])
    reopened.close()


def test_the_laptop_and_central_databases_are_never_opened_as_each_other(laptop, central_store):
    laptop_path, central_path = laptop.service.store.path, central_store.path
    with pytest.raises(NotADatabase, match="operating-room laptop's MIMIC database, not a central study database"):
        central_import.open_existing(laptop_path)
    with pytest.raises(NotADatabase, match="is a central study database, not an operating-room laptop's"):
        open_store(central_path)
    with pytest.raises(MimicError, match="There is no central database at"):
        central_import.open_existing(central_path.with_name("missing.sqlite"))


def test_the_stored_record_is_the_signed_one_and_files_cannot_be_edited(laptop, importer, central_store):
    data = laptop.export(laptop.record(34)).read_bytes()
    importer.import_bytes(data, "one.mimic")
    stored = central_store.conn.execute("SELECT record_json FROM session_files").fetchone()[0]
    assert stored.encode() == members(data)["record.json"]
    assert json.loads(stored)["record"]["study_id"] == "MIM-01-001"
    with pytest.raises(sqlite3.IntegrityError, match="kept as they came"):
        central_store.conn.execute("DELETE FROM session_files")
