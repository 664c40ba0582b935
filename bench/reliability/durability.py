"""SIGKILL during recording: nothing acknowledged is lost, the database and its audit chain stay whole."""

from __future__ import annotations

import sys
from pathlib import Path

from tests.support.faults import KillReport, kill_loop

from .document import Part, count
from .settings import Settings

REQUIREMENT = (
    "Killing the app with SIGKILL at random moments during `simulate` loses no acknowledged event: at least 200 "
    "kills in the long run; after each, the database passes integrity_check and the audit chain verifies."
)


def _every_tenth(report: KillReport) -> None:
    if report.kills % 10 == 0:
        print(
            f"[reliability]   {report.kills} kills, {len(report.acknowledged):,} events acknowledged", file=sys.stderr
        )


def run(settings: Settings, folder: Path) -> Part:
    report = kill_loop(folder / "kill.sqlite", kills=settings.kills, seed=1000, progress=_every_tenth)
    held = not report.problems and report.lost == 0 and report.integrity_ok == report.chain_ok == report.kills
    done = f"""
`mimic-desktop simulate` records procedures into one database and prints each event id only after its
commit returned. A fresh process is started {count(settings.kills)} times and killed with SIGKILL after a
random 0.8 to 2.5 s; after each kill every printed id is looked up in the database, `PRAGMA integrity_check`
runs, and the audit chain is verified and checked against the data (`audit.verify`, `audit.cross_check`).
The next process carries on in the same database.
"""
    figures = [
        ("kills", count(report.kills)),
        ("events acknowledged (printed after commit)", count(len(report.acknowledged))),
        ("events stored at the end (some committed just before a kill, not yet printed)", count(report.stored_events)),
        ("kills that came before the process had recorded anything", count(report.before_first_event)),
        ("acknowledged events lost", count(report.lost)),
        ("integrity_check ok after a kill", f"{count(report.integrity_ok)} of {count(report.kills)}"),
        ("audit chain verified after a kill", f"{count(report.chain_ok)} of {count(report.kills)}"),
        ("time recording, killing and checking", f"{report.seconds:,.0f} s"),
    ]
    figures += [("problem", problem) for problem in report.problems[:10]]
    return Part("Killing the app", REQUIREMENT, done, figures, held=held)
