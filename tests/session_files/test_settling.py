"""What the trial office settles by hand: voiding a session or every session of a key (out of the report and every
export, and back), versions far ahead held back until released, and one study ID given on two laptops."""

from __future__ import annotations

import csv
import sqlite3
from pathlib import Path

import pytest

from mimic_desktop.domain.errors import NotFound, PermissionDenied, ReasonRequired, ValidationError
from mimic_desktop.domain.roles import Role
from mimic_desktop.exchange import central
from mimic_desktop.services import central_exports, central_import, central_settling, centre_keys, study_id_correction
from mimic_desktop.services.central_import import CentralImporter, Outcome
from mimic_desktop.services.central_verify import verify_central
from mimic_desktop.services.trial_report import tables_from_central
from mimic_desktop.storage import audit
from mimic_desktop.storage import central as central_storage
from mimic_desktop.storage.connection import open_store
from tests.support.office import data_manager, office_user, run_central
from tests.support.session_files import make_laptop, snapshot, with_record

LARGEST = 2**63 - 1


def in_analysis(store) -> list[str]:
    return sorted(tables_from_central(store.path).procedures["study_id"])


def exported(store, folder: Path) -> list[str]:
    """The study IDs in a central CSV export and in an ODM export of the same moment."""
    files = central_exports.export_as(store.path, data_manager(store), "csv", folder / "csv")
    table = next(f for f in files if f.name.endswith("procedures.csv"))
    with table.open(encoding="utf-8") as handle:
        in_csv = sorted(row["study_id"] for row in csv.DictReader(handle))
    [odm] = central_exports.export_as(store.path, data_manager(store), "odm", folder / "odm")
    text = odm.read_text(encoding="utf-8")
    assert all((f'SubjectKey="{study_id}"' in text) for study_id in in_csv), "ODM holds what the CSV holds"
    assert text.count("<SubjectData ") == len(in_csv)
    return in_csv


@pytest.fixture
def two_imported(laptop, importer):
    ids = [laptop.record(60), laptop.record(61)]
    for proc_id in ids:
        assert importer.import_file(laptop.export(proc_id)).outcome is Outcome.NEW
    return [laptop.service.load(proc_id).study_id for proc_id in ids]


def test_a_voided_session_is_kept_and_shown_out_of_the_report_and_every_export_and_back(
    central_store, two_imported, tmp_path
):
    kept, voided = two_imported
    dm = data_manager(central_store)
    with pytest.raises(ReasonRequired):
        central_settling.void_session(central_store, dm, voided, "  ")
    done = central_settling.void_session(central_store, dm, voided, "consent withdrawn before surgery")
    assert done.study_ids == [voided]
    assert in_analysis(central_store) == [kept]
    assert exported(central_store, tmp_path / "one") == [kept]
    shown = {row["study_id"]: row for row in central_import.imported_files(central_store)}
    assert shown[voided]["void_reason"] == "consent withdrawn before surgery" and shown[voided]["voided_utc"]
    assert shown[kept]["voided_utc"] is None
    assert verify_central(central_store.path).ok

    with pytest.raises(NotFound):
        central_settling.void_session(central_store, dm, voided, "twice")  # not in force any more
    central_settling.restore_session(central_store, dm, voided, "withdrawal was for another patient")
    assert in_analysis(central_store) == sorted([kept, voided])
    assert exported(central_store, tmp_path / "two") == sorted([kept, voided])
    trail = [
        (row["field"], row["reason"])
        for row in central_store.conn.execute("SELECT * FROM audit WHERE entity='session_void' ORDER BY seq")
    ]
    assert trail == [
        ("voided", "consent withdrawn before surgery"),
        ("restored", "withdrawal was for another patient"),
    ]
    assert verify_central(central_store.path).ok


def test_voiding_by_key_takes_every_session_imported_under_it_out_and_back(laptop, central_store, two_imported):
    dm = data_manager(central_store)
    (key,) = centre_keys.registered_keys(central_store)
    centre_keys.withdraw_key(central_store, dm, key.key_id, "laptop stolen")
    done = central_settling.void_key(central_store, dm, key.key_id, "signed with the stolen laptop's key")
    assert sorted(done.study_ids) == sorted(two_imported)
    assert in_analysis(central_store) == []
    # A session voided one by one stays voided when the key's sessions are restored.
    restored = central_settling.restore_key(central_store, dm, key.key_id, "the files were made before the theft")
    assert sorted(restored.study_ids) == sorted(two_imported)
    assert in_analysis(central_store) == sorted(two_imported)
    assert verify_central(central_store.path).ok


def test_a_voided_session_stays_out_when_a_newer_version_arrives(laptop, importer, central_store):
    proc_id = laptop.record(62)
    study_id = laptop.service.load(proc_id).study_id
    importer.import_file(laptop.export(proc_id))
    central_settling.void_session(central_store, data_manager(central_store), study_id, "not eligible")
    laptop.service.set_value(proc_id, "icu_days", 1, reason="ICU day missed")
    assert importer.import_file(laptop.export(proc_id)).outcome is Outcome.SUPERSEDING
    assert in_analysis(central_store) == []
    assert verify_central(central_store.path).ok


def test_a_void_with_a_reason_past_the_limit_is_refused_and_changes_nothing(central_store, two_imported):
    from mimic_desktop.domain.values import REASON_LIMIT

    before = snapshot(central_store)
    with pytest.raises(ValidationError, match=f"at most {REASON_LIMIT:,} characters"):
        central_settling.void_session(central_store, data_manager(central_store), two_imported[0], "x" * 100_000)
    assert snapshot(central_store) == before
    assert central_settling.voids(central_store) == []


def test_only_a_data_manager_settles_and_a_refusal_is_kept(central_store, two_imported):
    statistician = office_user(central_store, "stan", Role.STATISTICIAN)
    before = snapshot(central_store)
    with pytest.raises(PermissionDenied, match="Only a data manager can void or restore sessions"):
        central_settling.void_session(central_store, statistician, two_imported[0], "why not")
    assert snapshot(central_store) == before
    refusals = central_store.conn.execute("SELECT COUNT(*) FROM audit WHERE field='refused'").fetchone()[0]
    assert refusals == 1


def test_voids_and_holds_are_kept_as_made(central_store, two_imported):
    central_settling.void_session(central_store, data_manager(central_store), two_imported[0], "duplicate")
    conn = central_store.conn
    for sql in ("DELETE FROM session_voids", "UPDATE session_voids SET reason = 'other'"):
        with pytest.raises(sqlite3.IntegrityError):
            conn.execute(sql)
    conn.execute("DROP TRIGGER session_voids_restored_once")
    conn.execute("UPDATE session_voids SET reason = 'changed behind the application'")
    assert any("void" in str(problem) for problem in central_storage.trail_problems(conn))


# -- version bounds -------------------------------------------------------------------------------------
def forged(path: Path, key_path: Path, version: int, name: str) -> Path:
    """The file re-signed with the centre's key as another version (what a stolen key can make)."""

    def bump(record: dict) -> None:
        record["session_version"] = version

    target = path.with_name(name)
    target.write_bytes(with_record(path.read_bytes(), key_path, bump))
    return target


def test_a_version_far_ahead_is_held_back_until_a_data_manager_releases_it(laptop, importer, central_store):
    proc_id = laptop.record(63)
    first = laptop.export(proc_id)
    assert importer.import_file(first).outcome is Outcome.NEW
    runaway = forged(first, laptop.key_path, LARGEST, "runaway.mimic")
    held = importer.import_file(runaway)
    assert held.outcome is Outcome.HELD and "held back" in held.message and str(LARGEST) in held.message
    rows = central_import.imported_files(central_store)
    assert [(r["session_version"], r["current"], bool(r["held_utc"])) for r in rows] == [
        (1, 1, False),
        (LARGEST, 0, True),
    ]
    # The real exports go on becoming current meanwhile.
    laptop.service.set_value(proc_id, "icu_days", 3, reason="ICU stay corrected")
    assert importer.import_file(laptop.export(proc_id)).outcome is Outcome.SUPERSEDING
    assert central.frames(central_store)["procedures"]["icu_days"].tolist() == [3]
    [waiting] = central_settling.held_files(central_store)
    assert waiting.file.session_version == LARGEST and waiting.held.last_seen == 1

    study_id = laptop.service.load(proc_id).study_id
    dm = data_manager(central_store)
    with pytest.raises(ReasonRequired):
        central_settling.release(central_store, dm, study_id, LARGEST, "")
    done = central_settling.release(central_store, dm, study_id, LARGEST, "centre confirmed the version by phone")
    assert "now current" in str(done.message)
    assert central_settling.held_files(central_store) == []
    assert central_storage.current_file(central_store.conn, study_id=study_id).session_version == LARGEST
    with pytest.raises(NotFound):
        central_settling.release(central_store, dm, study_id, LARGEST, "again")
    assert verify_central(central_store.path).ok


def test_a_held_first_version_of_a_new_session_is_shown_and_released(laptop, importer, central_store):
    proc_id = laptop.record(64)
    eleventh = forged(laptop.export(proc_id), laptop.key_path, 11, "eleventh.mimic")
    result = importer.import_file(eleventh)
    assert result.outcome is Outcome.HELD
    assert in_analysis(central_store) == []
    [row] = central_import.imported_files(central_store)
    assert row["held_utc"] and not row["current"]
    study_id = laptop.service.load(proc_id).study_id
    central_settling.release(central_store, data_manager(central_store), study_id, 11, "ten exports lost in the post")
    assert in_analysis(central_store) == [study_id]


def test_a_lost_intermediate_version_does_not_block_the_record(laptop, importer, central_store):
    proc_id = laptop.record(65)
    importer.import_file(laptop.export(proc_id))
    laptop.service.set_value(proc_id, "icu_days", 1, reason="first correction")
    laptop.export(proc_id)  # version 2: on a USB stick that never arrived
    laptop.service.set_value(proc_id, "icu_days", 2, reason="second correction")
    third = laptop.export(proc_id)
    result = importer.import_file(third)
    assert result.outcome is Outcome.SUPERSEDING and "supersedes version 1" in result.message
    assert central.frames(central_store)["procedures"]["icu_days"].tolist() == [2]


# -- one study ID on two laptops of one centre -------------------------------------------------------------
@pytest.fixture
def second_laptop(tmp_path, central_store):
    (tmp_path / "second").mkdir()
    other = make_laptop(tmp_path / "second")
    centre_keys.register_centre(central_store, data_manager(central_store), "01", other.public_key_file())
    yield other
    other.service.store.close()


def both_enrolled(laptop, second_laptop, importer) -> tuple[str, str, Path]:
    first, second = laptop.record(66), second_laptop.record(67)
    study_id = laptop.service.load(first).study_id
    assert second_laptop.service.load(second).study_id == study_id, "both laptops gave the same study ID"
    assert importer.import_file(laptop.export(first)).outcome is Outcome.NEW
    refused = importer.import_file(second_laptop.export(second))
    assert refused.outcome is Outcome.REJECTED and "two records for one study ID" in refused.message
    assert "void the other session" in refused.message
    return study_id, second, second_laptop.out


def test_two_laptops_one_study_id_the_other_record_voided(laptop, second_laptop, importer, central_store):
    study_id, second, _ = both_enrolled(laptop, second_laptop, importer)
    first_session = laptop.service.load(laptop.service.find(study_id).id).session_id
    dm = data_manager(central_store)
    central_settling.void_session(central_store, dm, study_id, "the second laptop's record is the patient's")
    assert importer.import_file(second_laptop.export(second)).outcome is Outcome.NEW
    assert in_analysis(central_store) == [study_id]
    current = central_storage.current_file(central_store.conn, study_id=study_id)
    assert current.session_id == second_laptop.service.load(second).session_id
    # The voided one cannot come back while the other holds the study ID.
    with pytest.raises(central_settling.Refused, match="two records for one study ID"):
        central_settling.restore_session(central_store, dm, first_session, "changed my mind")
    assert verify_central(central_store.path).ok


def test_two_laptops_one_study_id_the_other_renamed_on_its_laptop(laptop, second_laptop, importer, central_store):
    study_id, second, _ = both_enrolled(laptop, second_laptop, importer)
    study_id_correction.rename(second_laptop.service, second, "MIM-01-060", "same ID given on the first laptop")
    result = importer.import_file(second_laptop.export(second))
    assert result.outcome is Outcome.NEW
    assert in_analysis(central_store) == sorted([study_id, "MIM-01-060"])
    assert verify_central(central_store.path).ok


# -- the command line and an older database ------------------------------------------------------------------
def test_the_command_line_voids_restores_lists_and_releases(laptop, importer, central_store, capsys):
    proc_id = laptop.record(68)
    first = laptop.export(proc_id)
    importer.import_file(first)
    study_id = laptop.service.load(proc_id).study_id
    db = central_store.path
    assert run_central("void", "--db", db, study_id, "--reason", "not eligible") == 0
    assert f"{study_id} is voided." in capsys.readouterr().out
    assert run_central("list", "--db", db) == 0
    assert "(voided " in capsys.readouterr().out
    assert run_central("reinstate", "--db", db, study_id, "--reason", "eligible after all") == 0
    assert run_central("void", "--db", db, "--reason", "nothing named") == 2
    assert "Name either one session" in capsys.readouterr().err
    (key,) = centre_keys.registered_keys(central_store)
    assert run_central("void", "--db", db, "--key", key.fingerprint, "--reason", "stolen") == 0
    assert "1 session(s) imported under key" in capsys.readouterr().out
    assert run_central("reinstate", "--db", db, "--key", key.fingerprint, "--reason", "found again") == 0
    importer.import_file(forged(first, laptop.key_path, LARGEST, "runaway.mimic"))
    capsys.readouterr()
    assert run_central("held", "--db", db) == 0
    assert f"{study_id}\tv{LARGEST}\tlast seen v1" in capsys.readouterr().out
    assert run_central("release", "--db", db, study_id, str(LARGEST), "--reason", "confirmed") == 0
    assert "is now current" in capsys.readouterr().out
    assert run_central("release", "--db", db, study_id, "0", "--reason", "nothing") == 2
    err = capsys.readouterr().err
    assert "No version 0" in err and "Traceback" not in err


def test_an_older_central_database_migrates_and_keeps_its_sessions(tmp_path, laptop, central_store):
    CentralImporter(central_store, data_manager(central_store)).import_file(laptop.export(laptop.record(69)))
    path = tmp_path / "older.sqlite"
    older = open_store(path, upgrade=False, schema=central_storage.central_migrations)
    central_storage.central_migrations.apply(older.db, stop_before="m005_voids_and_held_versions")
    with older.transaction() as db:
        tables = ("centre_keys", "key_registrations", "session_files", "sessions", "users", "audit")
        for table in tables:
            for row in central_store.conn.execute(f"SELECT * FROM {table}"):
                db.conn.execute(f"INSERT INTO {table} VALUES ({', '.join('?' * len(row))})", tuple(row))
    assert "UNIQUE" in older.conn.execute("SELECT sql FROM sqlite_master WHERE name='sessions'").fetchone()[0]
    older.close()
    upgraded = central_import.open_existing(path)
    assert [tuple(r) for r in upgraded.conn.execute("SELECT * FROM sessions")] == [
        tuple(r) for r in central_store.conn.execute("SELECT * FROM sessions")
    ]
    assert "UNIQUE" not in upgraded.conn.execute("SELECT sql FROM sqlite_master WHERE name='sessions'").fetchone()[0]
    assert audit.verify(upgraded.conn).ok and central_storage.trail_problems(upgraded.conn) == []
    with pytest.raises(sqlite3.IntegrityError):
        upgraded.conn.execute("DELETE FROM sessions")
    assert len(central.current_records(upgraded.conn)) == 1
    upgraded.close()


@pytest.mark.parametrize(
    ("target", "version", "reason", "refusal"),
    [
        ('=HYPERLINK("x")', None, "spreadsheet", NotFound),
        ("MIM-01-999", None, "no such patient", NotFound),
        ("0" * 32, None, "no such session", NotFound),
        (None, 0, "no version 0", NotFound),
        (None, -1, "negative", NotFound),
        (None, 2**63, "past SQLite's integers", NotFound),
        (None, LARGEST, "never held", NotFound),
        ("MIM-01-001", None, "pasted\x07bell", ValidationError),
    ],
)
def test_settling_refuses_what_names_nothing_in_words_and_changes_nothing(
    central_store, two_imported, target, version, reason, refusal
):
    dm = data_manager(central_store)
    before = snapshot(central_store)
    with pytest.raises(refusal) as refused:
        if version is None:
            central_settling.void_session(central_store, dm, target, reason)
        else:
            central_settling.release(central_store, dm, two_imported[0], version, reason)
    assert str(refused.value) and "Traceback" not in str(refused.value)
    assert snapshot(central_store) == before
