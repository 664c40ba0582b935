"""A database from before an event could name several lesions upgrades: its events read as they did, each naming
one lesion or none, the trail still verifies, and an event recorded afterwards names several lesions."""

import shutil
from pathlib import Path

from mimic_desktop.services.accounts import AccountService
from mimic_desktop.services.procedures import ProcedureService
from mimic_desktop.storage import audit
from mimic_desktop.storage.connection import open_store
from mimic_desktop.storage.migrations import migrations

V1 = Path(__file__).parents[1] / "data" / "schema_v1.sqlite"
MIGRATION = "m012_event_lesions"


def test_an_older_database_reads_its_events_as_before_and_takes_shared_ones_afterwards(tmp_path):
    from sqlite_utils import Database

    path = tmp_path / "older.sqlite"
    shutil.copy(V1, path)
    migrations.apply(Database(path), stop_before=MIGRATION)
    before = Database(path).conn
    assert MIGRATION not in migrations.applied_names(before)
    old_events = before.execute("SELECT id, lesion_id FROM events ORDER BY id").fetchall()
    assert old_events
    store = open_store(path)  # the upgrade
    assert MIGRATION in migrations.applied_names(store.conn)
    assert audit.check(store.conn).ok
    accounts = AccountService(store)
    coordinator = accounts.create_user(
        "new.coord", "New Coordinator", "coordinator", "long enough", by=accounts.users()[0]
    )
    service = ProcedureService(store, coordinator)
    proc = service.find("MIM-02-001")
    assert [(event.id, event.lesion_id) for event in sorted(proc.events, key=lambda e: e.id)] == old_events
    assert all(event.also_lesion_ids == () for event in proc.events)
    for _ in range(2):
        service.record_event(proc.id, "lesion_found")
    first, second = (lesion.id for lesion in service.load(proc.id).lesions[-2:])
    service.record_event(proc.id, "transection_start", lesion_id=first, also_lesion_ids=[second])
    shared = service.load(proc.id).first_event("transection_start")
    assert shared is not None and shared.lesion_ids == (first, second)
    assert audit.check(store.conn).ok
