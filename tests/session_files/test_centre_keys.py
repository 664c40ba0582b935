"""A centre key registered by mistake, or no longer to be trusted, is withdrawn with a reason and kept."""

from __future__ import annotations

import sqlite3

import pytest

from mimic_desktop.domain.clock import local_text
from mimic_desktop.domain.errors import ReasonRequired, ValidationError
from mimic_desktop.exchange import central
from mimic_desktop.services import central_import, centre_keys
from mimic_desktop.services.central_import import CentralImporter, Outcome
from mimic_desktop.storage import central as central_storage
from mimic_desktop.storage.connection import open_store
from tests.support.office import data_manager, run_central
from tests.support.session_files import snapshot


def cli(*args) -> int:
    return run_central(*args)


def test_a_key_registered_for_the_wrong_centre_is_withdrawn_and_registered_for_the_right_one(tmp_path, laptop, capsys):
    """The laptop signs for centre 01, but the trial office registered its key for centre 05."""
    key_file = laptop.public_key_file()
    first = laptop.export(laptop.record(70))
    db = tmp_path / "office.sqlite"
    assert cli("init", "--db", db) == 0
    assert cli("add-centre", "--db", db, "05", key_file) == 0
    fingerprint = capsys.readouterr().out.split("Key ")[1].split(" of centre")[0]
    assert cli("import", "--db", db, "--quiet", first) == 1
    assert "registered for centre 05, but its record belongs to centre 01" in capsys.readouterr().out

    assert cli("add-centre", "--db", db, "01", key_file) == 2
    err = capsys.readouterr().err
    assert f"This key ({fingerprint}) is already registered for centre 05" in err and "withdraw the key" in err
    assert cli("withdraw-key", "--db", db, fingerprint, "--reason", "  ") == 2
    assert capsys.readouterr().err == "error: Say why the key is withdrawn: the reason is kept with its registration.\n"
    assert cli("withdraw-key", "--db", db, "0000 1111", "--reason", "typo") == 2
    assert "is neither a key file nor a key's fingerprint" in capsys.readouterr().err

    assert cli("withdraw-key", "--db", db, fingerprint.replace(" ", ""), "--reason", "registered for centre 05") == 0
    out = capsys.readouterr().out
    assert out.startswith(f"Key {fingerprint} of centre 05 withdrawn: registered for centre 05\n")
    assert "The 0 file(s) imported under it stay imported; new files signed with it are refused." in out
    assert cli("withdraw-key", "--db", db, key_file, "--reason", "again") == 2
    assert f"Key {fingerprint} was already withdrawn from centre 05 on " in capsys.readouterr().err

    assert cli("add-centre", "--db", db, "01", key_file) == 2
    assert "Say why it may be trusted again" in capsys.readouterr().err
    assert cli("add-centre", "--db", db, "01", key_file, "--reason", "centre 01's laptop key, checked by phone") == 0
    assert f"Key {fingerprint} of centre 01 registered." in capsys.readouterr().out
    assert cli("import", "--db", db, "--quiet", first) == 0
    assert capsys.readouterr().out.startswith("1 imported (1 new")
    assert cli("list", "--db", db, "--keys") == 0
    keys = [line.split("\t") for line in capsys.readouterr().out.splitlines()]
    assert [line[:2] for line in keys] == [["01", fingerprint], ["05", fingerprint]]
    assert len(keys[0]) == 3, "the registration for 01 is in force"
    assert keys[1][3].startswith("withdrawn ") and keys[1][3].endswith(": registered for centre 05")


def test_files_imported_under_a_withdrawn_key_stay_and_new_ones_are_refused(laptop, central_store, capsys):
    importer = CentralImporter(central_store, data_manager(central_store))
    kept = laptop.export(laptop.record(71))
    assert importer.import_file(kept).outcome is Outcome.NEW
    later = laptop.export(laptop.record(72))
    (key,) = centre_keys.registered_keys(central_store)
    with pytest.raises(ReasonRequired):
        centre_keys.withdraw_key(central_store, data_manager(central_store), key.key_id, "")
    withdrawn = centre_keys.withdraw_key(
        central_store, data_manager(central_store), key.key_id, " laptop stolen from the clinic "
    )
    assert (withdrawn.centre, withdrawn.withdrawal_reason) == ("01", "laptop stolen from the clinic")
    assert centre_keys.registered_keys(central_store) == [withdrawn]

    (row,) = central_import.imported_files(central_store)
    assert (row["study_id"], row["current"], row["signer_fingerprint"]) == ("MIM-01-001", 1, key.fingerprint)
    assert row["signer_withdrawn_utc"] == withdrawn.withdrawn_utc
    assert central.frames(central_store)["procedures"]["study_id"].tolist() == ["MIM-01-001"]
    assert cli("list", "--db", central_store.path) == 0
    listed = capsys.readouterr().out.split("\t")
    assert listed[-1] == f"signed by {key.fingerprint} (withdrawn since)\n"

    before = snapshot(central_store)
    result = CentralImporter(central_store, data_manager(central_store)).import_file(later)
    assert result.outcome is Outcome.REJECTED
    assert result.message == (
        f"The file is signed with key {key.fingerprint}, whose registration for centre 01 the trial office "
        f"withdrew on {local_text(withdrawn.withdrawn_utc)} (laptop stolen from the clinic). New files signed "
        "with a withdrawn key are refused: once centre 01's key is registered, import the file again."
    )
    assert snapshot(central_store) == before
    assert CentralImporter(central_store, data_manager(central_store)).import_file(kept).outcome is Outcome.DUPLICATE

    with pytest.raises(ReasonRequired, match=r"was withdrawn from centre 01 on .* Say why it may be trusted again"):
        centre_keys.register_centre(central_store, data_manager(central_store), "01", laptop.public_key_file())
    assert snapshot(central_store) == before, "a withdrawn key is not registered again without a reason"
    again, new = centre_keys.register_centre(
        central_store, data_manager(central_store), "01", laptop.public_key_file(), reason="laptop found, key kept"
    )
    assert new and again.in_force
    registered = [
        row for row in central_store.conn.execute("SELECT field, reason FROM audit WHERE entity='key_registration'")
    ]
    assert [tuple(row) for row in registered][-1] == ("registered", "laptop found, key kept")
    assert CentralImporter(central_store, data_manager(central_store)).import_file(later).outcome is Outcome.NEW
    rows = central_import.imported_files(central_store)
    assert [r["signer_withdrawn_utc"] is None for r in rows] == [False, True], "each file names its registration"


def test_a_registration_is_withdrawn_once_and_never_removed(central_store):
    (key,) = centre_keys.registered_keys(central_store)
    centre_keys.withdraw_key(central_store, data_manager(central_store), key.key_id, "wrong centre")
    with pytest.raises(ValidationError, match="was already withdrawn from centre 01"):
        centre_keys.withdraw_key(central_store, data_manager(central_store), key.key_id, "twice")
    conn = central_store.conn
    for sql in (
        "UPDATE key_registrations SET withdrawn_utc = NULL, withdrawal_reason = NULL",
        "UPDATE key_registrations SET centre = '03'",
        "DELETE FROM key_registrations",
        "DELETE FROM centre_keys",
        "UPDATE centre_keys SET public_key = x'00'",
    ):
        with pytest.raises(sqlite3.IntegrityError):
            conn.execute(sql)
    assert centre_keys.registered_keys(central_store)[0].withdrawal_reason == "wrong centre"


def test_a_central_database_from_before_withdrawals_keeps_its_keys_and_files(tmp_path, laptop, central_store):
    """Its keys become registrations in force, and the files imported under them still name them."""
    CentralImporter(central_store, data_manager(central_store)).import_file(laptop.export(laptop.record(73)))
    (key,) = centre_keys.registered_keys(central_store)
    path = tmp_path / "older.sqlite"
    older = open_store(path, upgrade=False, schema=central_storage.central_migrations)
    central_storage.central_migrations.apply(older.db, stop_before="m002_key_registrations")
    with older.transaction() as db:
        db.conn.execute(
            "INSERT INTO centre_keys (key_id, public_key, centre, registered_utc, source) VALUES (?, ?, ?, ?, ?)",
            (key.key_id, key.public_key, "01", key.registered_utc, "centre.pem"),
        )
        for table in ("session_files", "sessions"):
            for row in central_store.conn.execute(f"SELECT * FROM {table}"):
                db.conn.execute(f"INSERT INTO {table} VALUES ({', '.join('?' * len(row))})", tuple(row))
    older.close()

    upgraded = central_import.open_existing(path)
    assert centre_keys.registered_keys(upgraded) == [key]
    assert [r[1] for r in upgraded.conn.execute("PRAGMA table_info(centre_keys)")] == ["key_id", "public_key"]
    assert central_import.imported_files(upgraded) == central_import.imported_files(central_store)
    assert central.frames(upgraded)["lesions"].equals(central.frames(central_store)["lesions"])
    assert (
        CentralImporter(upgraded, data_manager(upgraded)).import_file(laptop.export(laptop.record(74))).outcome
        is Outcome.NEW
    )
    upgraded.close()
