"""Committing one intraoperative event through ProcedureService, against a bare SQLite INSERT."""

from __future__ import annotations

import random
import sqlite3
import time
from pathlib import Path

from mimic_desktop.domain import forms
from mimic_desktop.services.procedures import ProcedureService
from mimic_desktop.services.simulate import record_procedure, simulation_user
from mimic_desktop.storage.connection import open_store

from .core import Aim, Context, Measure, Row, median, percentile

METHOD = """
Each call of `ProcedureService.record_event` is timed from the call to its return, which comes
after COMMIT: permission check, loading the record (its timeline, lesions and the procedure's
values; no event rule reads a lesion's values), the rules, the event row, its audit rows
(hash-chained), the status refresh (from the procedure row, its signatures and the events the
status depends on) and the fsync of a WAL commit with `synchronous=FULL`, in one transaction. The
events are those of whole simulated ten-lesion procedures (`services.simulate.record_procedure`),
so lesion-creating events and late events on a long record are included. The baseline inserts the
same number of rows, one `BEGIN IMMEDIATE; INSERT; COMMIT` each, into an events-shaped table of a
bare sqlite3 database with the same pragmas in the same folder, alternating with the application
procedure by procedure.
"""

MEDIAN = Measure(
    "event_median",
    "Commit one intraoperative event (median)",
    "s",
    "bare sqlite3 INSERT + COMMIT, WAL, synchronous=FULL",
)
P99 = Measure(
    "event_p99",
    "Commit one intraoperative event (99th percentile)",
    "s",
    "bare sqlite3 INSERT + COMMIT, WAL, synchronous=FULL",
    Aim("p99 ≤ 3× baseline", 3.0, on_ratio=True),
)
MEASURES = (MEDIAN, P99)


class TimedService(ProcedureService):
    """The real service; only record_event is timed, from the call to its committed return."""

    samples: list[float]

    def record_event(self, *args, **kwargs) -> int:
        start = time.perf_counter()
        event_id = super().record_event(*args, **kwargs)
        self.samples.append(time.perf_counter() - start)
        return event_id


def bare_commits(path: Path, count: int) -> list[float]:
    """The floor: one row into an events-shaped table, one durable commit each."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute(
        "CREATE TABLE IF NOT EXISTS events (id INTEGER PRIMARY KEY AUTOINCREMENT, procedure_id TEXT NOT NULL,"
        " kind TEXT NOT NULL, at_utc TEXT NOT NULL, recorded_utc TEXT NOT NULL, username TEXT NOT NULL)"
    )
    # A row of the kind the catalogue marks as a transection's start: a lesion's event, as most of a record's are.
    kind = next(kind for kind, event in forms.events().items() if event.marks == "transection_start")
    samples = []
    for number in range(count):
        start = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        conn.execute(
            "INSERT INTO events (procedure_id, kind, at_utc, recorded_utc, username) VALUES (?, ?, ?, ?, ?)",
            ("p", kind, f"2026-11-24T09:{number % 60:02d}:00Z", "2026-11-24T09:00:00Z", "u"),
        )
        conn.execute("COMMIT")
        samples.append(time.perf_counter() - start)
    conn.close()
    return samples


def run(ctx: Context) -> list[Row]:
    folder = ctx.folder("event-commit")
    store = open_store(folder / "mimic.sqlite")
    service = TimedService(store, simulation_user(store))
    service.samples = []
    baseline: list[float] = []
    rng = random.Random(2024)
    # Alternate app and baseline per procedure so that both see the same state of the disk.
    for _ in range(ctx.settings.commit_procedures):
        before = len(service.samples)
        record_procedure(service, rng, lesions=10)
        baseline += bare_commits(folder / "bare.sqlite", len(service.samples) - before)
    store.close()
    app = service.samples
    what = f"of {len(app)} events in {ctx.settings.commit_procedures} ten-lesion procedures"
    return [
        Row(MEDIAN, median(app), median(baseline), f"median {what}"),
        Row(P99, percentile(app, 0.99), percentile(baseline, 0.99), f"p99 {what}"),
    ]
