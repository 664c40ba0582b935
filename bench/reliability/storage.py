"""The machine's storage problems, and a damaged database found at start with its newest backup restored."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from mimic_desktop.services.procedures import ProcedureService
from mimic_desktop.storage import audit, backup
from mimic_desktop.storage.connection import open_store
from mimic_desktop.ui import app as app_module
from mimic_desktop.ui.preferences import Preferences
from tests.support.modal_answers import ModalAnswers, press, sign_in_with
from tests.support.storage_faults import (
    LATE_NOTE,
    PASSWORD,
    FaultOutcome,
    can_mount_small_disk,
    damaged_database,
    disk_filled,
    page_limit_reached,
    read_only_file,
    recorded_database,
    run_fault,
    small_disk,
    write_lock_held_by_another_process,
)

from .document import Part, Table, count, yes_no
from .settings import Settings

REQUIREMENT = (
    "A full disk, a read-only file, a locked database (another process holding a write lock) and a corrupted "
    "database file each give a clear message and lose nothing committed. A corrupted database is detected at "
    "start, and the newest automatic backup (SQLite backup API, taken when a procedure is completed and once "
    "a day) is offered and restored."
)
YES, NO, OK = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No, QMessageBox.StandardButton.Ok
V1 = Path(__file__).resolve().parents[2] / "tests" / "data" / "schema_v1.sqlite"


def faults(folder: Path) -> list[FaultOutcome | str]:
    """Each fault on its own recorded database; a fault this machine cannot make is a sentence instead."""
    made: list[FaultOutcome | str] = []
    plain = (
        ("another process holds the write lock", write_lock_held_by_another_process),
        ("disk full (SQLite's page limit reached)", page_limit_reached),
        ("read-only database file", read_only_file),
    )
    for number, (name, fault) in enumerate(plain):
        service, proc_id = recorded_database(folder / f"fault-{number}.sqlite")
        made.append(run_fault(name, service, proc_id, fault))
    if can_mount_small_disk():
        with small_disk(folder / "small-disk") as mounted:
            service, proc_id = recorded_database(mounted / "mimic.sqlite")
            name = "disk full (a real 4 MB file system)"
            made.append(run_fault(name, service, proc_id, lambda svc: disk_filled(svc, mounted / "ballast")))
    else:
        made.append("disk full (a real 4 MB file system): not run here; mounting one needs root on Linux")
    return made


def fault_table(made: list[FaultOutcome | str]) -> Table:
    table = Table(
        (
            "fault",
            "message shown",
            "writes acknowledged",
            "lost",
            "refused but stored",
            "integrity",
            "chain",
            "works again",
        )
    )
    for outcome in made:
        if isinstance(outcome, str):
            table.rows.append((outcome, "-", "-", "-", "-", "-", "-", "-"))
            continue
        table.rows.append(
            (
                f"{outcome.fault} ({outcome.error})",
                outcome.message,
                count(outcome.acknowledged),
                count(outcome.lost),
                count(outcome.stray),
                outcome.integrity,
                yes_no(outcome.chain_ok),
                yes_no(outcome.recovers),
            )
        )
    return table


sign_in = sign_in_with(PASSWORD)


def corruption(folder: Path) -> tuple[list[tuple[str, str]], bool]:
    """At start, through the app's own dialogs: the offer, the restore, declining, and no backup at all."""
    figures: list[tuple[str, str]] = []
    path, study_id, user = damaged_database(folder / "restore")
    answers = {"restoreOffer": press(YES), "backupRestored": press(OK), "signIn": sign_in}
    with ModalAnswers(answers) as seen:
        store = app_module.open_database(path)
        window = app_module.start_session(store, "en", Preferences(folder / "config"))
    service = ProcedureService(store, user)
    proc = service.find(study_id)
    restored = proc.locked and len(proc.lesions) == 2 and audit.check(store.conn).ok
    late = sum(event.note == LATE_NOTE for event in proc.events)
    kept = list(path.parent.glob("mimic.sqlite.damaged-????????T??????"))
    daily = [copy.label for copy in backup.list_backups(path)].count("daily")
    window.close()
    store.close()
    figures += [
        ("damaged file detected at start, backup offered", yes_no("restoreOffer" in seen.names())),
        ("the offer, as shown", seen.text("restoreOffer")),
        ("after Yes", seen.text("backupRestored")),
        ("restored record: completed, both lesions, audit chain verified", yes_no(restored)),
        (
            "an entry saved after the newest backup",
            f"{count(late)} of 1 in the restored database, as the offer warns; it stays in the kept damaged file",
        ),
        ("damaged file kept beside it", yes_no(len(kept) == 1)),
        ("the day's backup taken after signing in to the restored database", yes_no(daily == 1)),
    ]
    declined_path = damaged_database(folder / "declined")[0]
    before = declined_path.read_bytes()
    with ModalAnswers({"restoreOffer": press(NO)}):
        declined = app_module.open_database(declined_path)
    unchanged = declined is None and declined_path.read_bytes() == before
    figures.append(("after No: nothing opened, the file unchanged, no copy made", yes_no(unchanged)))
    lost_path = damaged_database(folder / "no-backup")[0]
    for copy in backup.list_backups(lost_path):
        copy.path.unlink()
    with ModalAnswers({"errorDialog": press(OK)}) as seen_none:
        nothing = app_module.open_database(lost_path)
    figures.append(("without an intact backup, as shown", seen_none.text("errorDialog")))
    held = restored and late == 0 and len(kept) == 1 and daily == 1 and unchanged and nothing is None
    return figures, held


def backups_taken(folder: Path) -> tuple[Table, bool]:
    """Each moment a backup is due, and the checked copy it left."""
    folder.mkdir(parents=True)
    service, proc_id = recorded_database(folder / "completed.sqlite")
    service.complete(proc_id)
    completed = backup.list_backups(service.store.path)
    service.store.close()
    service, _ = recorded_database(folder / "daily.sqlite")
    for _ in range(2):  # two starts on one day: one backup
        with ModalAnswers({"signIn": sign_in}):
            app_module.start_session(service.store, "en", Preferences(folder / "config")).close()
    daily = backup.list_backups(service.store.path)
    service.store.close()
    old = folder / "old.sqlite"
    shutil.copy(V1, old)
    open_store(old).close()
    upgraded = backup.list_backups(old)
    table = Table(("when", "backups taken", "label", "passes integrity_check"))
    rows = [
        ("a procedure is completed", completed),
        ("the first sign-in of the day (signed in twice that day)", daily),
        ("an older database is opened and upgraded", upgraded),
    ]
    held = True
    for when, copies in rows:
        ok = len(copies) == 1 and backup.is_intact(copies[0].path)
        held &= ok
        table.rows.append((when, count(len(copies)), copies[0].label if copies else "-", yes_no(ok)))
    return table, held


def run(settings: Settings, folder: Path) -> Part:
    app_module.make_application("en", "dark")
    made = faults(folder / "faults")
    corruption_figures, corruption_held = corruption(folder / "corruption")
    backup_table, backups_held = backups_taken(folder / "backups")
    held = all(isinstance(o, str) or o.held for o in made) and corruption_held and backups_held
    done = """
Each fault is made real on a database holding a recorded two-lesion procedure: a second process takes
`BEGIN IMMEDIATE` and keeps it; SQLite's `max_page_count` is set to the file's size; the file is made
immutable (`chattr +i`, or read-only permissions for a user other than root) before it is opened; and,
where this machine allows mounting, the database lives on a 4 MB tmpfs whose last free megabytes fill
up. Notes of 4,000 characters are written through `ProcedureService` until the fault refuses one; then
every acknowledged write is looked up, integrity_check and the audit chain run, the fault is removed
(the lock released, space freed, the file writable again) and the same write is tried once more. The
message is the error's text, which the app's error dialog shows word for word (the live-screen test
clicks an event button during a lock and a read-only file and reads that dialog).

A damaged database is made by overwriting the start of every page after the second. It is then opened
through the app's start (`ui/app.py`) with its real dialogs, answered as a person would: Yes to the offer,
then signing in; No to the offer; and a damaged file whose backups are gone.
"""
    figures = corruption_figures
    return Part(
        "Storage faults and damaged databases", REQUIREMENT, done, figures, [fault_table(made), backup_table], held
    )
