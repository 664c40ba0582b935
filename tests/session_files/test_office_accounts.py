"""The trial office signs in, each role does what it may, and every change of central data is in the audit trail."""

from __future__ import annotations

import json
import sqlite3

import pytest

from mimic_desktop.cli import central as central_cli
from mimic_desktop.domain.errors import PermissionDenied
from mimic_desktop.domain.roles import Role
from mimic_desktop.services import central_exports, central_import, centre_keys
from mimic_desktop.services.central_import import CentralImporter, Outcome
from mimic_desktop.storage import audit
from mimic_desktop.storage import central as central_storage
from mimic_desktop.storage.connection import open_store
from tests.support.office import DATA_MANAGER, PASSWORD, data_manager, office_user, run_central


def trail(store, entity: str | None = None) -> list[dict]:
    rows = store.conn.execute(
        "SELECT username, entity, entity_id, field, new_value, reason FROM audit ORDER BY seq"
    ).fetchall()
    found = [dict(row) | {"new": audit.decode(row["new_value"])} for row in rows]
    return [row for row in found if entity is None or row["entity"] == entity]


def test_init_makes_the_first_data_manager_and_every_command_signs_in(tmp_path, laptop, monkeypatch, capsys):
    db = tmp_path / "office.sqlite"
    assert run_central("init", "--db", db) == 0
    assert f"{db} created; its first data manager is {DATA_MANAGER} (Dana Data)." in capsys.readouterr().out
    assert run_central("init", "--db", db) == 0
    assert "already a central study database with its accounts; nothing changed" in capsys.readouterr().out

    assert run_central("add-centre", "--db", db, "01", laptop.public_key_file(), password="not the password") == 2
    assert capsys.readouterr().err == "error: Wrong user name or password.\n"
    monkeypatch.delenv("MIMIC_PASSWORD", raising=False)
    with pytest.raises(SystemExit):
        central_cli.main(["list", "--db", str(db)])  # no --user
    assert "the following arguments are required: --user" in capsys.readouterr().err

    assert run_central("add-user", "--db", db, "stan", "--name", "Stan Stats", "--role", "statistician") == 0
    assert "Account stan (Stan Stats) added: statistician." in capsys.readouterr().out
    assert run_central("add-centre", "--db", db, "01", laptop.public_key_file(), user="stan") == 2
    assert "Only a data manager can register or withdraw centre keys; you are signed in as statistician." in (
        capsys.readouterr().err
    )
    with pytest.raises(SystemExit):
        run_central("add-user", "--db", db, "sam", "--name", "Sam", "--role", "surgeon")
    assert "invalid choice: 'surgeon'" in capsys.readouterr().err

    store = central_import.open_existing(db)
    failed = trail(store, "sign_in")
    assert [(row["username"], row["new"]["where"]) for row in failed] == [(DATA_MANAGER, "command line")]
    refused = trail(store, "access")
    assert [(row["username"], row["new"]["action"]) for row in refused] == [("stan", "manage_keys")]
    assert audit.verify(store.conn).ok
    store.close()


def test_a_statistician_reads_and_exports_but_neither_imports_nor_manages(laptop, central_store, tmp_path):
    exported = laptop.export(laptop.record(80))
    stan = office_user(central_store, "stan", Role.STATISTICIAN)
    ada = office_user(central_store, "ada", Role.AUDITOR)
    with pytest.raises(PermissionDenied, match="Only a data manager can import session files"):
        CentralImporter(central_store, stan)
    with pytest.raises(PermissionDenied, match="Only a data manager can register or withdraw centre keys"):
        centre_keys.register_centre(central_store, ada, "02", laptop.public_key_file())
    assert CentralImporter(central_store, data_manager(central_store)).import_file(exported).outcome is Outcome.NEW
    files = central_exports.export_as(central_store.path, stan, "csv", tmp_path / "csv")
    assert files and all(path.exists() for path in files)
    with pytest.raises(PermissionDenied, match="cannot export"):
        central_exports.export_as(central_store.path, ada, "odm", tmp_path / "odm")
    assert not (tmp_path / "odm").exists()

    refused = [(row["username"], row["new"]["action"]) for row in trail(central_store, "access")]
    assert refused == [("stan", "import"), ("ada", "manage_keys"), ("ada", "export")]
    (written,) = trail(central_store, "export")
    assert written["username"] == "stan" and written["entity_id"] == "csv"
    assert written["new"] == {"files": [str(path) for path in files], "sessions": 1}


def test_every_change_of_central_data_leaves_its_audit_rows(laptop, central_store, tmp_path):
    dana = data_manager(central_store)
    importer = CentralImporter(central_store, dana)
    first = laptop.export(laptop.record(81))
    assert importer.import_file(first).outcome is Outcome.NEW
    assert importer.import_file(first).outcome is Outcome.DUPLICATE
    damaged = tmp_path / "damaged.mimic"
    damaged.write_bytes(first.read_bytes()[:-40])
    assert importer.import_file(damaged).outcome is Outcome.REJECTED
    assert importer.import_file(tmp_path / "gone.mimic").outcome is Outcome.REJECTED
    (key,) = centre_keys.registered_keys(central_store)
    centre_keys.withdraw_key(central_store, dana, key.key_id, "laptop stolen")

    results = [(row["new"]["file_name"], row["new"]["outcome"]) for row in trail(central_store, "import")]
    assert results == [
        (first.name, "new"),
        (first.name, "duplicate"),
        ("damaged.mimic", "rejected"),
        ("gone.mimic", "rejected"),
    ]
    assert trail(central_store, "import")[-1]["entity_id"] == "(not read)"
    stored = central_import.imported_files(central_store)[0]
    (kept,) = trail(central_store, "session_file")
    assert kept["entity_id"] == stored["file_hash"] and kept["username"] == DATA_MANAGER
    record_json = central_store.conn.execute("SELECT record_json FROM session_files").fetchone()[0]
    assert kept["new"]["record_sha256"] == central_storage.record_sha256(record_json)
    (current,) = trail(central_store, "session")
    assert current["new"]["current_file_hash"] == stored["file_hash"]
    registration = trail(central_store, "key_registration")
    assert [row["field"] for row in registration] == ["registered", "withdrawn"]
    assert registration[1]["new"]["reason"] == "laptop stolen" and registration[1]["username"] == DATA_MANAGER
    assert [row["entity"] for row in trail(central_store, "centre_key")] == ["centre_key"]
    assert audit.verify(central_store.conn).ok
    with pytest.raises(sqlite3.IntegrityError):
        central_store.conn.execute("DELETE FROM audit")


def test_an_older_central_database_gets_accounts_and_its_rows_recorded_as_before_the_trail(
    tmp_path, laptop, central_store
):
    CentralImporter(central_store, data_manager(central_store)).import_file(laptop.export(laptop.record(82)))
    path = tmp_path / "older.sqlite"
    older = open_store(path, upgrade=False, schema=central_storage.central_migrations)
    central_storage.central_migrations.apply(older.db, stop_before="m003_accounts_and_audit_trail")
    with older.transaction() as db:
        for table in ("centre_keys", "key_registrations", "session_files", "sessions"):
            for row in central_store.conn.execute(f"SELECT * FROM {table}"):
                db.conn.execute(f"INSERT INTO {table} VALUES ({', '.join('?' * len(row))})", tuple(row))
    older.close()

    upgraded = central_import.open_existing(path)
    before = [row for row in trail(upgraded) if row["username"] == central_storage.BEFORE_THE_TRAIL]
    assert [row["entity"] for row in before] == ["centre_key", "key_registration", "session_file", "session"]
    assert trail(central_store, "session_file")[0]["new"] == before[2]["new"] | {"archived": True}
    assert audit.verify(upgraded.conn).ok
    assert list((tmp_path / "backups").glob("older*before-upgrade*")), "a checked copy was kept before upgrading"
    with pytest.raises(PermissionDenied):
        CentralImporter(upgraded, data_manager(central_store))  # an account of another database
    upgraded.close()


def test_the_first_account_of_the_office_is_a_data_manager(tmp_path):
    from mimic_desktop.domain.errors import ValidationError
    from mimic_desktop.services.office_accounts import office_accounts

    store = central_import.init_central(tmp_path / "office.sqlite")
    accounts = office_accounts(store)
    with pytest.raises(ValidationError, match="The first account must be a data manager"):
        accounts.create_user("stan", "Stan Stats", Role.STATISTICIAN, PASSWORD)
    with pytest.raises(ValidationError, match="The role coordinator is not one of the accounts here"):
        accounts.create_user("cora", "Cora Coord", Role.COORDINATOR, PASSWORD)
    assert json.loads(json.dumps(accounts.accounts(), default=str)) == []
    store.close()
