"""Backups under SIGKILL, restores under SIGKILL, and a database file moved or deleted while it is open."""

from __future__ import annotations

from pathlib import Path

from tests.support.backup_kills import kill_during_backups, kill_during_restores, move_under_running_store

from .document import Part, Table, count, yes_no
from .settings import Settings

REQUIREMENT = (
    "A backup is always whole: written under a temporary name, synced and checked (integrity, the app's tables, "
    "every row readable) before it gets its name, so that a kill during a copy never leaves a file offered for "
    "recovery that is partial or empty. A restore never leaves the database's path without a database and never "
    "overwrites an earlier copy. A database file moved or deleted while the app has it open is noticed before "
    "the next write: nothing further is acknowledged, and everything acknowledged is copied to safety."
)


def run(settings: Settings, folder: Path) -> Part:
    kills = settings.backup_kills
    during_backup = kill_during_backups(folder / "backup", kills)
    during_restore = kill_during_restores(folder / "restore", kills)
    moved = [move_under_running_store(folder / how, how) for how in ("moved", "deleted")]
    figures = [
        ("SIGKILLs during backups", count(during_backup.kills)),
        ("files with a backup's name left", count(during_backup.named)),
        ("of those, failing the check (partial or empty)", count(during_backup.not_whole)),
        ("temporary files left by the kills", count(during_backup.partial_left)),
        ("temporary files left once stale and the next backup taken", count(during_backup.partial_after_cleanup)),
        ("the backup offered for recovery passes every check and holds records", yes_no(during_backup.offered_usable)),
        ("SIGKILLs during restores", count(during_restore.kills)),
        ("kills after which the path held no usable database", count(during_restore.without_database)),
        ("files kept aside by restores, each under a name of its own", count(during_restore.kept)),
    ]
    table = Table(("the file was", "events acknowledged", "next write refused", "in the rescue copy", "stored after"))
    for outcome in moved:
        table.rows.append(
            (
                outcome.how,
                count(outcome.acknowledged),
                yes_no(outcome.refused),
                f"{count(outcome.rescued_events)} of {count(outcome.acknowledged)}",
                count(outcome.stored_after),
            )
        )
    done = f"""
A child process opens a laptop database (an account, a recorded two-lesion procedure and 6 MB of ballast in
its settings, so that one copy takes long enough to be hit) and takes backups one after another; it is
killed with SIGKILL at a random moment up to 0.4 s after it is ready, {kills} times. Every file with a
backup's name is then checked as the recovery offer checks it, and the temporary files the kills left are
aged past their ten-minute grace and the next backup taken. A second child restores the database's
backups over it in a loop and is killed the same way; after each kill the database's path must hold a
database that passes the same checks. Then, with a store open in this process, 25 events are recorded,
the database file (with its -wal and -shm) is moved away or deleted, and one more event is recorded.
"""
    held = during_backup.held and during_restore.held and all(outcome.held for outcome in moved)
    return Part("Backups, restores and a moved database", REQUIREMENT, done, figures, [table], held)
