"""The signed session files are kept, content-addressed, beside the central database, and checked again."""

from __future__ import annotations

import hashlib
import stat

from mimic_desktop.services import central_import
from mimic_desktop.services.central_import import CentralImporter, Outcome
from mimic_desktop.services.central_verify import verify_central
from mimic_desktop.storage import central as central_storage
from mimic_desktop.storage import central_archive
from mimic_desktop.storage.connection import open_store
from tests.support.office import data_manager, run_central


def test_each_imported_file_is_kept_whole_under_its_hash(laptop, central_store):
    exported = laptop.export(laptop.record(100))
    importer = CentralImporter(central_store, data_manager(central_store))
    assert importer.import_file(exported).outcome is Outcome.NEW
    assert importer.import_file(exported).outcome is Outcome.DUPLICATE
    digest = hashlib.sha256(exported.read_bytes()).hexdigest()
    kept = central_archive.path_for(central_store.path, digest)
    assert kept == central_store.path.parent / "central-session-files" / digest[:2] / f"{digest}.mimic"
    assert kept.read_bytes() == exported.read_bytes()
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600
    assert [p.name for p in kept.parent.iterdir()] == [kept.name], "no temporary file is left"


def test_verify_signatures_checks_every_kept_file_again_and_finds_a_changed_or_missing_one(
    laptop, central_store, capsys
):
    importer = CentralImporter(central_store, data_manager(central_store))
    first, second = (laptop.export(laptop.record(seed)) for seed in (101, 102))
    for path in (first, second):
        assert importer.import_file(path).outcome is Outcome.NEW
    db = central_store.path
    assert run_central("verify", "--db", db, "--signatures") == 0
    assert "intact" in capsys.readouterr().out

    kept = central_archive.path_for(db, hashlib.sha256(first.read_bytes()).hexdigest())
    changed = bytearray(kept.read_bytes())
    changed[len(changed) // 2] ^= 0xFF
    kept.write_bytes(bytes(changed))
    result = verify_central(db, signatures=True)
    assert [str(p) for p in result.problems if "archived session file was changed" in str(p)] == [
        "MIM-01-001 version 1: its archived session file was changed (its SHA-256 is not the one imported)"
    ]
    central_archive.path_for(db, hashlib.sha256(second.read_bytes()).hexdigest()).unlink()
    assert run_central("verify", "--db", db, "--signatures") == 1
    out = capsys.readouterr().out
    assert "MIM-01-002 version 1: its signed session file is missing from" in out and "Traceback" not in out


def test_sessions_imported_before_the_archive_are_named_without_failing(tmp_path, laptop, central_store, capsys):
    CentralImporter(central_store, data_manager(central_store)).import_file(laptop.export(laptop.record(103)))
    path = tmp_path / "older.sqlite"
    older = open_store(path, upgrade=False, schema=central_storage.central_migrations)
    central_storage.central_migrations.apply(older.db, stop_before="m003_accounts_and_audit_trail")
    with older.transaction() as db:
        for table in ("centre_keys", "key_registrations", "session_files", "sessions"):
            for row in central_store.conn.execute(f"SELECT * FROM {table}"):
                db.conn.execute(f"INSERT INTO {table} VALUES ({', '.join('?' * len(row))})", tuple(row))
    older.close()
    upgraded = central_import.open_existing(path)
    data_manager(upgraded)
    upgraded.close()

    result = verify_central(path, signatures=True)
    assert result.ok, result.problems
    assert [str(note) for note in result.notes] == [
        "1 session file(s) were imported before the archive of signed files existed, so their signatures cannot be "
        "checked again: MIM-01-001 version 1."
    ]
    assert run_central("verify", "--db", path, "--signatures") == 0
    assert "note: 1 session file(s) were imported before the archive" in capsys.readouterr().out


def test_an_archive_that_cannot_be_written_stops_the_import_and_stores_nothing(laptop, central_store):
    from tests.support.session_files import snapshot

    folder = central_archive.folder_for(central_store.path)
    folder.parent.mkdir(exist_ok=True)
    folder.write_text("a file where the archive folder belongs")
    before = snapshot(central_store)
    summary = CentralImporter(central_store, data_manager(central_store)).import_paths(
        [laptop.export(laptop.record(104))]
    )
    stopped = str(summary.stopped)
    assert "cannot be kept in" in stopped and "nothing was imported" in stopped
    assert snapshot(central_store) == before
