"""A database from before subject status upgrades: every record it holds is an enrolled patient's, and a status set
afterwards is sealed and audited like every other column of the record."""

import shutil
from pathlib import Path

from mimic_desktop.domain.subject_status import SubjectStatus
from mimic_desktop.services.accounts import AccountService
from mimic_desktop.services.procedures import ProcedureService
from mimic_desktop.services.verification import INTACT, verify
from mimic_desktop.storage import audit
from mimic_desktop.storage.connection import open_store
from mimic_desktop.storage.migrations import migrations

V1 = Path(__file__).parents[1] / "data" / "schema_v1.sqlite"
MIGRATION = "m007_subject_status"


def test_an_older_database_holds_enrolled_patients_and_takes_a_status_afterwards(tmp_path):
    from sqlite_utils import Database

    path = tmp_path / "older.sqlite"
    shutil.copy(V1, path)
    migrations.apply(Database(path), stop_before=MIGRATION)
    assert MIGRATION not in migrations.applied_names(Database(path).conn)
    store = open_store(path)  # the upgrade
    assert MIGRATION in migrations.applied_names(store.conn)
    assert audit.check(store.conn).ok
    accounts = AccountService(store)
    old = accounts.users()[0]
    coordinator = accounts.create_user("new.coord", "New Coordinator", "coordinator", "long enough", by=old)
    service = ProcedureService(store, coordinator)
    rows = service.list()
    assert rows and {row["subject_status"] for row in rows} == {"enrolled"}
    proc = service.find("MIM-02-001")
    assert (proc.subject_status, proc.subject_status_reason, proc.subject_status_date) == ("enrolled", None, None)
    service.set_subject_status(proc.id, SubjectStatus.WITHDRAWN, "consent withdrawn by phone", "2026-01-05")
    proc = service.find("MIM-02-001")
    assert (proc.subject_status, proc.subject_status_date) == ("withdrawn", "2026-01-05")
    assert audit.check(store.conn).ok
    store.close()
    verdict = verify(path)
    assert verdict.code == INTACT, verdict.lines()
