"""SIGKILL during a backup and during a restore, and a database moved or deleted under a running store.

Shared by the tests and the reliability report (bench/reliability/backups.py). Each kill is a real
SIGKILL of a child process that takes backups (or restores one) in a loop; what it left behind is
then read as the app would read it.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from mimic_desktop.domain.clock import to_iso, utc_now
from mimic_desktop.services import backups
from mimic_desktop.services.accounts import AccountService
from mimic_desktop.services.procedures import ProcedureService
from mimic_desktop.services.simulate import record_procedure
from mimic_desktop.storage import backup, repository
from mimic_desktop.storage.connection import open_store
from mimic_desktop.storage.errors import DatabaseMoved

PASSWORD = "correct horse"
# Ballast in the settings table, so that one copy takes long enough for a kill to land inside it.
BALLAST_BYTES = 6 * 1024 * 1024


def filled_database(path: Path, ballast: int = BALLAST_BYTES) -> Path:
    """A laptop database with an account, a recorded procedure and ballast; closed again."""
    store = open_store(path)
    coordinator = AccountService(store).create_user("anna.coord", "Anna Coordinator", "coordinator", PASSWORD)
    record_procedure(ProcedureService(store, coordinator), random.Random(5), lesions=2)
    with store.transaction() as db:  # a setting changed as the application changes one: in the audit trail
        repository.change_setting(db.conn, "ballast", "x" * ballast, now=to_iso(utc_now()), username="anna.coord")
    store.close()
    return path


def backup_loop(path: str) -> None:
    """The child: take backups of the database one after another, each named a second after the last."""
    store = open_store(Path(path), create=False)
    start = utc_now()
    print("ready", flush=True)
    for number in range(10_000):
        backup.take(store.conn, store.path, "daily", start + timedelta(seconds=number))
        print(number, flush=True)


def restore_loop(path: str) -> None:
    """The child: put the database's backups in its place, one after another."""
    db = Path(path)
    found = backup.list_backups(db)
    start = utc_now()
    print("ready", flush=True)
    for number in range(10_000):
        backup.restore(found[number % len(found)].path, db, start + timedelta(seconds=number), "before-restore")
        print(number, flush=True)


def _kill_child(function: str, path: Path, delay: float) -> int:
    """Run function(path) in a child, SIGKILL it delay seconds after it is ready; how many rounds it finished."""
    code = f"import sys; from tests.support.backup_kills import {function}; {function}(sys.argv[1])"
    child = subprocess.Popen([sys.executable, "-c", code, str(path)], stdout=subprocess.PIPE, text=True)
    assert child.stdout.readline().strip() == "ready"
    time.sleep(delay)
    child.send_signal(signal.SIGKILL)
    child.wait()
    finished = len(child.stdout.read().split())
    child.stdout.close()
    return finished


@dataclass(frozen=True)
class BackupKills:
    kills: int
    named: int  # files with a backup's name left
    not_whole: int  # of those, failing the check (must be 0)
    offered_usable: bool  # the backup offered for recovery passes every check and holds records
    partial_left: int  # temporary files left by the kills
    partial_after_cleanup: int  # left once they are stale and the next backup has been taken

    @property
    def held(self) -> bool:
        return self.not_whole == 0 and self.offered_usable and self.partial_after_cleanup == 0


def kill_during_backups(folder: Path, kills: int, seed: int = 1) -> BackupKills:
    rng = random.Random(seed)
    db = filled_database(folder / "mimic.sqlite")
    for _ in range(kills):
        _kill_child("backup_loop", db, rng.uniform(0.0, 0.4))
    named = backup.list_backups(db)
    not_whole = sum(not backup.check(copy.path).ok for copy in named)
    offered = backups.newest_backup(db)
    partials = list(backup.folder_for(db).glob("*" + backup.PARTIAL_SUFFIX))
    for partial in partials:  # as they are after STALE_PARTIAL_SECONDS
        old = time.time() - backup.STALE_PARTIAL_SECONDS - 60
        os.utime(partial, (old, old))
    store = open_store(db, create=False)
    backups.take_backup(store, "daily", utc_now() + timedelta(days=1))
    store.close()
    left = list(backup.folder_for(db).glob("*" + backup.PARTIAL_SUFFIX))
    usable = offered is not None and backup.check(offered.path).usable
    return BackupKills(kills, len(named), not_whole, usable, len(partials), len(left))


@dataclass(frozen=True)
class RestoreKills:
    kills: int
    without_database: int  # kills after which the path held no database, or one failing the check (must be 0)
    kept: int  # files kept aside by the restores that ran
    kept_names_unique: bool

    @property
    def held(self) -> bool:
        return self.without_database == 0 and self.kept_names_unique


def kill_during_restores(folder: Path, kills: int, seed: int = 2) -> RestoreKills:
    rng = random.Random(seed)
    db = filled_database(folder / "mimic.sqlite")
    store = open_store(db, create=False)
    backups.take_backup(store, "daily", utc_now() - timedelta(hours=2))
    backups.take_backup(store, "completed", utc_now() - timedelta(hours=1))
    store.close()
    missing = 0
    finished = 0
    for _ in range(kills):
        finished += _kill_child("restore_loop", db, rng.uniform(0.0, 0.4))
        if not db.exists() or not backup.check(db).usable:
            missing += 1
    kept = [path for path in db.parent.iterdir() if ".before-restore-" in path.name and "-wal" not in path.name]
    kept = [path for path in kept if not path.name.endswith("-shm")]
    return RestoreKills(kills, missing, len(kept), len(kept) >= finished)


@dataclass(frozen=True)
class MovedFile:
    how: str  # "moved" or "deleted"
    acknowledged: int  # events whose commit returned before the file went
    refused: bool  # the write after it was refused with DatabaseMoved
    rescued_in: Path | None
    rescued_events: int  # of the acknowledged events, how many the rescue copy holds
    stored_after: int  # events stored after the refusal anywhere (must be 0)

    @property
    def held(self) -> bool:
        return self.refused and self.rescued_events == self.acknowledged and self.stored_after == 0


def move_under_running_store(folder: Path, how: str, events: int = 25) -> MovedFile:
    """Record events, move (or delete) the database file with the store open, then try one more."""
    folder.mkdir(parents=True, exist_ok=True)
    db = filled_database(folder / "mimic.sqlite", ballast=0)
    store = open_store(db, create=False)
    service = ProcedureService(store, AccountService(store).sign_in("anna.coord", PASSWORD))
    proc_id = service.list()[0]["id"]
    acknowledged = [service.record_event(proc_id, "note", note=f"note {n}") for n in range(events)]
    if how == "moved":
        for side in ("", "-wal", "-shm"):
            source = db.with_name(db.name + side)
            if source.exists():
                source.rename(folder / f"moved-away.sqlite{side}")
    else:
        for side in ("", "-wal", "-shm"):
            db.with_name(db.name + side).unlink(missing_ok=True)
    refused = False
    try:
        service.record_event(proc_id, "note", note="after the file went")
    except DatabaseMoved:
        refused = True
    rescued = store.rescued
    store.close()
    held_events = 0
    if rescued is not None:
        copy = open_store(rescued, create=False)
        ids = {event.id for event in repository.load_procedure(copy.conn, proc_id).events}
        notes = [event.note for event in repository.load_procedure(copy.conn, proc_id).events]
        copy.close()
        held_events = sum(event_id in ids for event_id in acknowledged)
        after = notes.count("after the file went")
    else:
        after = 0
    return MovedFile(how, len(acknowledged), refused, rescued, held_events, after)
