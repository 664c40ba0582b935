"""The trial's report on a central database of 100,000 lesions, against a bare SQL count."""

from __future__ import annotations

from .core import Aim, Context, Measure, Row, require

METHOD = """
A central database with 100,000 lesions is filled from session records. The report the trial
office runs (`mimic-central report`) is timed on it, in this process, after a warm-up call. The
baseline is one bare SQL query on the same database counting lesions by specimen fluorescence.
"""

REPORT = Measure(
    "analysis_report",
    "Trial report on 100,000 lesions",
    "s",
    "bare SQL count over the same database",
    Aim("< 2 s", 2.0),
)
MEASURES = (REPORT,)


def run(ctx: Context) -> list[Row]:
    require("mimic_desktop.exchange.central")
    require("mimic_desktop.analysis.report")
    raise NotImplementedError
