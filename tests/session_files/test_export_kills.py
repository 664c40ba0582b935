"""A record reads as exported only once its session file is in place: SIGKILL around the rename, and a
backup restored after exports, never leave the trial office a version it refuses or a record marked exported
without its file."""

from __future__ import annotations

import signal
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from mimic_desktop.services.accounts import AccountService
from mimic_desktop.services.backups import take_backup
from mimic_desktop.services.central_import import Outcome
from mimic_desktop.services.export import ExportService
from mimic_desktop.services.procedures import ProcedureService
from mimic_desktop.storage import backup
from mimic_desktop.storage.connection import open_store

REPO = Path(__file__).resolve().parents[2]

# The export in a process of its own, killed (SIGKILL) just before or just after the file gets its name.
EXPORT_KILLED = """
import os, signal, sys
from pathlib import Path
from mimic_desktop.services.accounts import AccountService
from mimic_desktop.services.export import ExportService
from mimic_desktop.storage.connection import open_store

db, key, out, study_id, when = sys.argv[1:]
real_replace = Path.replace

def replace(self, target):
    if self.name.endswith(".mimic.part"):
        if when == "before":
            os.kill(os.getpid(), signal.SIGKILL)
        real_replace(self, target)
        os.kill(os.getpid(), signal.SIGKILL)
    return real_replace(self, target)

Path.replace = replace
store = open_store(db, create=False)
user = AccountService(store).sign_in("anna.coord", "correct horse")
exporter = ExportService(store, user, key_path=Path(key))
exporter.export(exporter.procedures.find(study_id).id, Path(out))
"""


def export_killed(laptop, proc_id: str, when: str) -> None:
    study_id = laptop.service.load(proc_id).study_id
    store = laptop.service.store
    args = [store.path, laptop.key_path, laptop.out, study_id, when]
    result = subprocess.run([sys.executable, "-c", EXPORT_KILLED, *map(str, args)], cwd=REPO, timeout=120)
    assert result.returncode == -signal.SIGKILL


@pytest.mark.parametrize("when", ["before", "after"])
def test_a_kill_around_the_rename_never_leaves_a_record_marked_without_its_file(laptop, importer, when):
    proc_id = laptop.record(40)
    export_killed(laptop, proc_id, when)
    names = sorted(path.name for path in laptop.out.iterdir())
    assert names == (["MIM-01-001-v1.mimic.part"] if when == "before" else ["MIM-01-001-v1.mimic"])
    assert laptop.service.load(proc_id).export_version == 0, "not marked exported: the commit never came"

    again = laptop.export(proc_id)
    assert again.name == "MIM-01-001-v2.mimic", "version 1 was handed out once already"
    assert not list(laptop.out.glob("*.part")), "what the killed export left half written is cleaned up"
    assert laptop.service.load(proc_id).export_version == 2
    summary = importer.import_paths([laptop.out])
    whole = list(laptop.out.glob("*.mimic"))  # v2 alone, or v1 (in place, never marked) and v2
    assert not summary.rejected and summary.count(Outcome.NEW, Outcome.SUPERSEDING, Outcome.OLDER) == len(whole)


def test_after_a_backup_is_restored_exports_continue_the_versions_the_trial_office_has_seen(laptop, importer):
    proc_id = laptop.record(41)
    laptop.export(proc_id)
    kept = take_backup(laptop.service.store, "test")
    laptop.service.set_value(proc_id, "icu_days", 2, reason="ICU stay corrected")
    laptop.export(proc_id)
    assert not importer.import_paths([laptop.out]).rejected
    path = laptop.service.store.path
    laptop.service.store.close()
    backup.restore(kept, path, datetime.now(UTC))

    store = open_store(path, create=False)
    user = AccountService(store).sign_in("anna.coord", "correct horse")
    assert ProcedureService(store, user).load(proc_id).export_version == 1, "the restored database is behind"
    third = ExportService(store, user, key_path=laptop.key_path).export(proc_id, laptop.out)
    store.close()
    assert third.session_version == 3
    summary = importer.import_paths([third.path])
    assert not summary.rejected, summary.text()
    assert summary.count(Outcome.SUPERSEDING) == 1
