"""Peak memory with a fifty-lesion procedure open, against a bare PySide6 QMainWindow."""

from __future__ import annotations

from . import workspace
from .core import Aim, Context, Measure, Row, median, require, run_child

METHOD = """
A fresh offscreen process opens the application's main window on a finished record with fifty
lesions (recorded through the service layer) and, at the first turn of the event loop after the
window was shown, reports its peak resident set size: on Linux the kernel's high-water mark of
the program (`VmHWM` in /proc/self/status), because `getrusage`'s `ru_maxrss` of a freshly
started program also holds the memory of the parent it was started from; elsewhere `ru_maxrss`.
The baseline process shows a bare `QMainWindow` of the same size. Median of the repetitions
(quick mode: a ten-lesion record).
"""

MEMORY = Measure(
    "memory",
    "Peak memory with a 50-lesion procedure open",
    "bytes",
    "bare PySide6 QMainWindow in a fresh process",
    Aim("< 300 MB", 300 * 2**20),
)
MEASURES = (MEMORY,)


def run(ctx: Context) -> list[Row]:
    require("mimic_desktop.ui.main_window")
    lesions = ctx.settings.memory_lesions
    laptop = workspace.local(ctx)
    proc_id = workspace.procedure(ctx, lesions)
    repetitions = max(3, ctx.settings.repetitions // 3)
    app, bare = [], []
    for _ in range(repetitions):
        bare.append(run_child("bench.window_child", "bare", workdir=ctx.workdir).data["peak_rss"])
        app.append(
            run_child("bench.window_child", "app", str(laptop.path), proc_id, workdir=ctx.workdir).data["peak_rss"]
        )
    note = f"median peak resident memory of {repetitions} processes, {lesions} lesions"
    return [Row(MEMORY, median(app), median(bare), note)]
