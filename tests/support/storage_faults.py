"""The machine's storage problems made real, and what each does to a recorded database.

Another process holding the write lock, a full disk (SQLite's page limit, and where this
machine allows mounting, a real file system of two megabytes), a read-only file and a damaged
file. run_fault() keeps writing through the service until the fault refuses a write, then checks
that everything acknowledged is stored, the database is intact, the audit chain verifies, and
the same write succeeds once the fault is gone. The tests and `python -m bench.reliability` both
use these.
"""

from __future__ import annotations

import contextlib
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from mimic_desktop.domain.errors import MimicError
from mimic_desktop.domain.roles import User
from mimic_desktop.services.accounts import AccountService
from mimic_desktop.services.procedures import ProcedureService
from mimic_desktop.services.simulate import record_procedure
from mimic_desktop.storage import audit
from mimic_desktop.storage.connection import open_store

PASSWORD = "correct horse"
NOTE = "x" * 4000  # a long note fills a small disk in a few hundred writes
MAX_WRITES = 20_000
LATE_NOTE = "saved after the backup"

_LOCK_HOLDER = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
print("locked", flush=True)
sys.stdin.read()
conn.execute("ROLLBACK")
conn.close()
"""


def recorded_database(path: Path) -> tuple[ProcedureService, str]:
    """A database with a coordinator and one recorded two-lesion procedure."""
    store = open_store(path)
    coordinator = AccountService(store).create_user("anna.coord", "Anna Coordinator", "coordinator", PASSWORD)
    service = ProcedureService(store, coordinator)
    return service, record_procedure(service, random.Random(11), lesions=2)


def reopen(service: ProcedureService) -> ProcedureService:
    return ProcedureService(open_store(service.store.path), service.user)


def write_note(service: ProcedureService, proc_id: str) -> int:
    return service.record_event(proc_id, "note", note=NOTE, at=datetime.now(UTC))


def damaged_database(folder: Path) -> tuple[Path, str, User]:
    """A completed record (so backed up), one note saved after the backup, then the file damaged.

    The note is not in the backup: restoring cannot bring it back, and it stays in the damaged file.
    """
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "mimic.sqlite"
    service, proc_id = recorded_database(path)
    service.complete(proc_id)
    service.record_event(proc_id, "note", note=LATE_NOTE, at=datetime.now(UTC), reason="added afterwards")
    study_id = service.load(proc_id).study_id
    service.store.close()
    corrupt(path)
    return path, study_id, service.user


def corrupt(path: Path) -> None:
    """Overwrite the start of every page after the second, as a failing disk would."""
    data = bytearray(path.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    for page in range(2, len(data) // page_size):
        offset = page * page_size
        data[offset : offset + 64] = b"\xde\xad\xbe\xef" * 16
    path.write_bytes(bytes(data))


# -- the faults: each a context manager that yields the service to write through ------------------
@contextlib.contextmanager
def write_lock_held_by_another_process(service: ProcedureService) -> Iterator[ProcedureService]:
    """A second process holds BEGIN IMMEDIATE on the database until the block ends."""
    holder = subprocess.Popen(
        [sys.executable, "-c", _LOCK_HOLDER, str(service.store.path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        if holder.stdout.readline().strip() != "locked":
            raise RuntimeError("the second process did not take the write lock")
        yield service
    finally:
        holder.stdin.close()  # it rolls back and ends when its input closes
        holder.wait(timeout=60)
        holder.stdout.close()


@contextlib.contextmanager
def page_limit_reached(service: ProcedureService) -> Iterator[ProcedureService]:
    """SQLite's max_page_count set to the database's size: writes fail as on a full disk (SQLITE_FULL)."""
    pages = service.store.read("PRAGMA page_count")[0][0]
    service.store.conn.execute(f"PRAGMA max_page_count={pages}")
    try:
        yield service
    finally:
        service.store.conn.execute("PRAGMA max_page_count=4294967294")


@contextlib.contextmanager
def read_only_file(service: ProcedureService) -> Iterator[ProcedureService]:
    """The database file made read-only (immutable for root, who ignores permissions), then opened."""
    path = service.store.path
    service.store.close()
    if os.geteuid() == 0:
        subprocess.run(["chattr", "+i", str(path)], check=True)
    else:
        path.chmod(0o400)
    opened = reopen(service)
    try:
        yield opened
    finally:
        opened.store.close()
        if os.geteuid() == 0:
            subprocess.run(["chattr", "-i", str(path)], check=True)
        else:
            path.chmod(0o600)


def can_mount_small_disk() -> bool:
    """Mounting a tmpfs needs Linux and root (with the right to mount) on this machine."""
    if sys.platform != "linux" or os.geteuid() != 0 or not shutil.which("mount"):
        return False
    with tempfile.TemporaryDirectory() as probe:
        mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", probe], capture_output=True)
        if mounted.returncode != 0:
            return False
        subprocess.run(["umount", probe], check=True)
    return True


@contextlib.contextmanager
def small_disk(folder: Path, size: str = "4m") -> Iterator[Path]:
    """A real file system of `size` (tmpfs) mounted at folder for the block."""
    folder.mkdir(parents=True, exist_ok=True)
    subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)], check=True)
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=True)


@contextlib.contextmanager
def disk_filled(service: ProcedureService, ballast: Path, size: int = 2 * 1024 * 1024) -> Iterator[ProcedureService]:
    """Half the small disk taken by a ballast file, so that recording fills the rest; deleting it frees the disk.

    The ballast is larger than the write-ahead log can grow on the rest of the disk, so that once it
    is gone the log can be copied into the database file, as after a person frees space.
    """
    ballast.write_bytes(bytes(size))
    try:
        yield service
    finally:
        ballast.unlink(missing_ok=True)


# -- what a fault does --------------------------------------------------------------------------
@dataclass
class FaultOutcome:
    fault: str
    message: str  # str(error): what the error dialog shows, word for word
    error: str  # the error's class
    acknowledged: int  # writes that returned (committed) before and during the fault
    lost: int  # acknowledged writes missing afterwards
    stray: int  # rows of writes that were refused but stored anyway
    integrity: str
    chain_ok: bool
    recovers: bool  # the same write succeeds once the fault is gone

    @property
    def held(self) -> bool:
        return (
            bool(self.message)
            and "Traceback" not in self.message
            and self.lost == 0
            and self.stray == 0
            and self.integrity == "ok"
            and self.chain_ok
            and self.recovers
        )


def stored_events(path: Path) -> set[int]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return {row[0] for row in conn.execute("SELECT id FROM events")}
    finally:
        conn.close()


def database_health(path: Path) -> tuple[str, bool]:
    """integrity_check's verdict and whether the audit chain and the data agree."""
    conn = sqlite3.connect(path)
    try:
        integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
        chain_ok = audit.verify(conn).ok and not audit.cross_check(conn)
        return integrity, chain_ok
    finally:
        conn.close()


def run_fault(
    name: str,
    service: ProcedureService,
    proc_id: str,
    fault: Callable[[ProcedureService], contextlib.AbstractContextManager[ProcedureService]],
) -> FaultOutcome:
    """Write notes until the fault refuses one, then check what is stored and that writing works again."""
    path = service.store.path
    earlier = stored_events(path)
    acknowledged = {write_note(service, proc_id)}
    refusal: MimicError | None = None
    with fault(service) as faulty:
        for _ in range(MAX_WRITES):
            try:
                acknowledged.add(write_note(faulty, proc_id))
            except MimicError as error:
                refusal = error
                break
    if refusal is None:
        raise RuntimeError(f"{name}: {MAX_WRITES} writes went through; the fault was not felt")
    service.store.close()
    stored = stored_events(path) - earlier
    integrity, chain_ok = database_health(path)
    fresh = reopen(service)
    try:
        recovers = write_note(fresh, proc_id) > 0
    except MimicError:
        recovers = False
    finally:
        fresh.store.close()
    return FaultOutcome(
        fault=name,
        message=str(refusal),
        error=type(refusal).__name__,
        acknowledged=len(acknowledged),
        lost=len(acknowledged - stored),
        stray=len(stored - acknowledged),
        integrity=integrity,
        chain_ok=chain_ok,
        recovers=recovers,
    )
