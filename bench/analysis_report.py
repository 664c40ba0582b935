"""The trial's report on a central database of 100,000 lesions, against a bare SQL count."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from .core import Aim, Clocks, Context, Measure, Row, median, require

METHOD = """
A central database with 100,000 lesions (copies of the synthetic cohort) is filled as the import
fills it. The report the trial office runs (`mimic-central report`: opening the database,
reading its flat tables into DataFrames, the analysis) is timed on it, in this process, after a
warm-up call; the figure is the median wall-clock time, and the note gives the CPU time this
process spent (on a shared machine the difference is time spent waiting for a processor). The
baseline is one bare SQL query on the same database counting lesions by specimen fluorescence.
Quick mode uses about 2,000 lesions.
"""

REPORT = Measure(
    "analysis_report",
    "Trial report on 100,000 lesions",
    "s",
    "bare SQL count over the same database",
    Aim("< 2 s", 2.0),
)
MEASURES = (REPORT,)


LESIONS_PER_COHORT = 436  # the synthetic cohort's lesions per copy of the paper's 201 patients


def fill(path: Path, lesions: int) -> int:
    """A central database holding enough copies of the synthetic cohort for this many lesions."""
    central = require("mimic_desktop.exchange.central")
    from mimic_desktop.services.synthetic_cohort import synthetic_cohort

    store = central.open_central(path)
    try:
        with store.transaction() as db:
            for proc in synthetic_cohort(seed=1, scale=max(1, round(lesions / LESIONS_PER_COHORT))):
                central.insert_flat_rows(db.conn, proc)
        return store.conn.execute("SELECT COUNT(*) FROM lesions").fetchone()[0]
    finally:
        store.close()


def bare_count(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("SELECT specimen_fluorescent, COUNT(*) FROM lesions GROUP BY specimen_fluorescent").fetchall()
    conn.close()


def run(ctx: Context) -> list[Row]:
    require("mimic_desktop.analysis.report")
    trial_report = require("mimic_desktop.services.trial_report", "tables_from_central", "trial_report")
    path = ctx.folder("central-report") / "central.sqlite"
    lesions = fill(path, ctx.settings.report_lesions)

    def report() -> None:
        trial_report.trial_report(trial_report.tables_from_central(path), "benchmark")

    report()  # warm-up: imports of pandas and statsmodels are start-up, not the report
    bare_count(path)
    app, bare = Clocks(), Clocks()
    for _ in range(ctx.settings.repetitions):
        app.time(report)
        bare.time(lambda: bare_count(path))
    note = (
        f"median of {len(app.wall)} runs on {lesions:,} lesions, after one warm-up; "
        f"CPU time of the report {median(app.cpu):.2f} s (median)"
    )
    return [Row(REPORT, median(app.wall), median(bare.wall), note)]
