"""A database from before surgeons were accounts upgrades: its typed surgeon names wait for a coordinator's mapping."""

import shutil
from pathlib import Path

from mimic_desktop.services.accounts import AccountService
from mimic_desktop.services.procedures import ProcedureService
from mimic_desktop.services.surgeons import SurgeonService
from mimic_desktop.storage import audit
from mimic_desktop.storage.connection import open_store
from mimic_desktop.storage.migrations import migrations

V1 = Path(__file__).parents[1] / "data" / "schema_v1.sqlite"
BEFORE = "m004_surgeon_accounts_and_delegations"


def test_an_older_database_gains_surgeon_accounts_and_keeps_its_typed_names(tmp_path):
    from sqlite_utils import Database

    path = tmp_path / "older.sqlite"
    shutil.copy(V1, path)
    migrations.apply(Database(path), stop_before=BEFORE)
    store = open_store(path)  # the upgrade: a backup first, then the new migration
    assert BEFORE in migrations.applied_names(store.conn)
    assert "delegations" in store.db.table_names()
    assert audit.check(store.conn).ok
    accounts = AccountService(store)
    old = accounts.users()[0]
    coordinator = accounts.create_user("new.coord", "New Coordinator", "coordinator", "long enough", by=old)
    surgeon = accounts.create_user("sam.surgeon", "Sam Snijder", "surgeon", "steady hands 42", by=coordinator)
    service = ProcedureService(store, coordinator)
    service.set_value(service.find("MIM-02-001").id, "surgeon", "Dr. S.", reason="typed before the upgrade")
    proc = service.find("MIM-02-001")
    assert proc.surgeon_username is None and proc.get("surgeon") == "Dr. S."
    surgeons = SurgeonService(store, coordinator)
    assert [(t.name, t.study_ids) for t in surgeons.typed_names()] == [("Dr. S.", ("MIM-02-001",))]
    assert surgeons.map_typed_name("Dr. S.", "sam.surgeon") == ["MIM-02-001"]
    proc = service.find("MIM-02-001")
    assert (proc.surgeon_username, proc.get("surgeon")) == (surgeon.username, "Sam Snijder")
    assert surgeons.typed_names() == []
    assert audit.check(store.conn).ok
    store.close()
