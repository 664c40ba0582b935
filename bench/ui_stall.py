"""The longest stall of the UI thread while a PDF is made and a session exported, against an idle loop."""

from __future__ import annotations

from . import workspace
from .core import Aim, Context, Measure, Row, median, require, run_child

METHOD = """
A fresh offscreen process opens the application's main window on a finished ten-lesion record
and starts a `QTimer` that ticks every 5 ms on the UI thread. After the window has settled, the
application makes the PDF summary and exports the session file the way its window does, on its
background task; the figure is the longest gap between two ticks from the start of that work to
its result arriving on the UI thread, the longest over all repetitions. The baseline process
shows a bare `QMainWindow` and lets the same timer tick, with nothing else to do, for as long as
the application's work took.
"""

STALL = Measure(
    "ui_stall",
    "Longest UI-thread stall during PDF and export",
    "s",
    "same 5 ms timer on an idle event loop",
    Aim("< 100 ms", 0.1),
)
MEASURES = (STALL,)


def run(ctx: Context) -> list[Row]:
    require("mimic_desktop.ui.main_window")
    require("mimic_desktop.services.documents", "write_summary_pdf")
    require("mimic_desktop.services.export")
    require("bench.stall_child", "app")  # the child that exports the way the window does
    laptop = workspace.local(ctx)
    proc_id = workspace.procedure(ctx, 10)
    folder = ctx.folder("stall")
    app, idle, work = [], [], []
    for _ in range(max(3, ctx.settings.repetitions // 3)):
        result = run_child("bench.stall_child", "app", str(laptop.path), proc_id, str(folder), workdir=ctx.workdir)
        app.append(result.data["longest_gap"])
        work.append(result.data["work_seconds"])
        idle.append(
            run_child("bench.stall_child", "idle", str(result.data["work_seconds"]), workdir=ctx.workdir).data[
                "longest_gap"
            ]
        )
    what = f"longest gap over {len(app)} processes; the work took {median(work):.2f} s (median)"
    return [Row(STALL, max(app), max(idle), what)]
