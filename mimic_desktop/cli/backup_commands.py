"""Subcommands on a database's automatic backups: backups (list them, checked) and restore (put one in place).

Both programs have them: mimic-desktop for a laptop's database, mimic-central for the central study database (the
same mechanism and checks)."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..domain.clock import local_text
from ..domain.errors import MimicError
from ..domain.wording import Text, said, say
from .common import AddCommand, db_path, reader_language

REASONS = {
    "completed": Text("a procedure was completed"),
    "daily": Text("the day's first sign-in"),
    "before-upgrade": Text("before an upgrade"),
    "after-import": Text("session files were imported"),
}


def _size(size: int) -> str:
    return f"{size / 1024:.0f} KiB" if size < 1024 * 1024 else f"{size / 1024 / 1024:.1f} MiB"


def cmd_backups(args: argparse.Namespace) -> int:
    from ..services import backups, paths

    path = db_path(args)
    lang = reader_language(args)
    found = backups.backups_of(path)
    if not found:
        print(say("There are no backups of {path} in {folder}.", lang, path=path, folder=paths.backup_dir(path)))
        return 0
    print(say("Backups of {path}, newest first (local time):", lang, path=path))
    for state in found:
        copy, checked = state.backup, state.checked
        if checked.usable:
            verdict = say("checked: whole", lang)
        else:
            problem = checked.problem or Text("no records")
            verdict = say("checked: NOT usable ({problem})", lang, problem=problem)
        reason = said(REASONS.get(copy.label, copy.label), lang)
        print(f"{local_text(copy.taken, seconds=True)}\t{reason}\t{_size(copy.size)}\t{verdict}\t{copy.path.name}")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from ..services import backups
    from ..ui import instance_lock  # QtCore only: the app's lock on the database, so that it is not in use

    path = db_path(args)
    chosen = backups.find_backup(path, args.backup)
    if path.is_dir():
        raise MimicError(Text("{path} is a folder, not a database file; nothing was restored.", path=path))
    lock = instance_lock.hold(path)  # OpenElsewhere while the app has the database open: nothing restored
    try:
        kept = backups.restore(path, chosen, why="before-restore")
    finally:
        if lock is not None:
            lock.unlock()
    lang = reader_language(args)
    print(say("The backup of {taken} is now {path}.", lang, taken=local_text(chosen.taken, seconds=True), path=path))
    if kept is not None:
        print(say("The file it replaced is kept as {kept}.", lang, kept=kept))
    return 0


def register(command: AddCommand) -> None:
    command("backups", cmd_backups, "list the database's automatic backups, each checked", user=False)
    p = command(
        "restore",
        cmd_restore,
        "put one of the database's backups in its place; the current file is kept beside it under a new name",
        user=False,
    )
    p.add_argument("backup", type=Path, help="the backup's file name (as `backups` lists it) or path")
