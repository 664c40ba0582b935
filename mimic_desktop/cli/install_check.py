"""`mimic-desktop check-install`: what hospital IT runs after installing or updating the app."""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from ..domain.wording import Text
from .common import AddCommand, reader_language


def _main_window(folder: Path) -> Text:
    from ..ui.install_check import main_window_check  # Qt loads here, so a broken Qt is a failed check

    return main_window_check(folder)


def cmd_check_install(args: argparse.Namespace) -> int:
    from ..services.install_check import check_installation, finding, verdict

    lang = reader_language(args)
    findings = []
    for result in check_installation(args.db):
        print(result.line(lang), flush=True)
        findings.append(result)
    # SQLite may hold its files a moment longer on Windows: a leftover practice folder is no failure.
    with tempfile.TemporaryDirectory(prefix="mimic-check-", ignore_cleanup_errors=True) as folder:
        result = finding("main window", lambda: _main_window(Path(folder)))
    print(result.line(lang), flush=True)
    findings.append(result)
    failed = sum(not result.ok for result in findings)
    print(verdict(failed).text(lang))
    return 1 if failed else 0


def register(command: AddCommand) -> None:
    command(
        "check-install",
        cmd_check_install,
        "check this installation: forms, PDF fonts, data folder, video (OpenCV), and the main window on a throw-away"
        " demo database",
        user=False,
    )
