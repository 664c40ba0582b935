import shutil
import sqlite3
from pathlib import Path

import pytest

from mimic_desktop.services.accounts import AccountService
from mimic_desktop.services.procedures import ProcedureService
from mimic_desktop.storage import audit
from mimic_desktop.storage.connection import open_store
from mimic_desktop.storage.errors import NewerSchema, NotADatabase
from mimic_desktop.storage.migrations import known_names, migrations

V1 = Path(__file__).parents[1] / "data" / "schema_v1.sqlite"


def test_a_first_version_database_is_upgraded_and_keeps_its_data(tmp_path, monkeypatch):
    path = tmp_path / "old.sqlite"
    shutil.copy(V1, path)
    store = open_store(path)
    applied = migrations.applied_names(store.conn)
    assert applied == sorted(known_names())
    assert "signatures" in store.db.table_names()
    assert audit.verify(store.conn).ok
    coordinator = AccountService(store).create_user(
        "new.coord", "New", "coordinator", "long enough", by=AccountService(store).users()[0]
    )
    service = ProcedureService(store, coordinator)
    proc = service.find("MIM-02-001")
    assert proc.get("age") == 64 and proc.first_event("incision") is not None
    service.set_value(proc.id, "cea", 3.5)
    assert audit.check(service.store.conn).ok


def test_migrations_can_stop_before_the_second(tmp_path):
    from sqlite_utils import Database

    db = Database(tmp_path / "partial.sqlite")
    migrations.apply(db, stop_before="m002_signatures_exports_settings")
    assert "signatures" not in db.table_names() and "audit" in db.table_names()


def test_a_database_from_a_newer_version_is_refused_untouched(tmp_path):
    path = tmp_path / "newer.sqlite"
    open_store(path).close()
    conn = sqlite3.connect(path)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES ('mimic', 'm999_future', 'x')"
    )
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(NewerSchema, match="newer version of MIMIC Desktop"):
        open_store(path)
    assert path.read_bytes() == before


def test_a_file_that_is_not_a_database_is_named(tmp_path):
    path = tmp_path / "notes.sqlite"
    path.write_text("these are not the droids " * 100)
    with pytest.raises(NotADatabase, match="not a MIMIC database"):
        open_store(path)


def test_an_unrelated_sqlite_file_is_refused(tmp_path):
    path = tmp_path / "other.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE recipes (name TEXT)")
    conn.commit()
    conn.close()
    with pytest.raises(NotADatabase, match="not a MIMIC database"):
        open_store(path)


def test_the_migration_set_is_the_one_sqlite_utils_applies(tmp_path):
    from sqlite_utils import Database
    from sqlite_utils.migrations import Migrations

    from mimic_desktop.storage.migration_set import MIGRATIONS_TABLE

    assert Migrations.migrations_table == MIGRATIONS_TABLE
    db = Database(tmp_path / "fresh.sqlite")
    assert [m.name for m in migrations.sqlite_utils.pending(db)] == migrations.names()
    migrations.apply(db)
    assert (
        migrations.applied_names(db.conn) == migrations.names() == [m.name for m in migrations.sqlite_utils.applied(db)]
    )
    assert migrations.pending_names(db.conn) == []
