"""The longest stall of the UI thread while a PDF is made and a session exported, against an idle loop."""

from __future__ import annotations

import random

from mimic_desktop.services.simulate import record_procedure

from . import workspace
from .core import Aim, Context, Measure, Row, require, run_child

METHOD = """
A fresh offscreen process opens the application's main window on a completed ten-lesion record
and starts a `QTimer` that ticks every 5 ms on the UI thread. After the window has settled, it
does what a person does on the record's Documents page: saves the procedure summary as a PDF
(`DocumentsPage.print_to`) and exports the session file (`services.export.export_in_background`,
the export with its two PDFs, signature and database note, on a connection of its own). Both run
as the window's background tasks (`MainWindow.run_task`, a `QThreadPool`), at the same time. The
figure is the longest gap between two ticks from the start of that work until both results
have arrived on the UI thread, the longest over all processes; each process must have written
both files. One unmeasured process runs first. The baseline process shows a bare `QMainWindow` and lets the same timer tick, with
nothing else to do, for as long as the application's work took.
"""

STALL = Measure(
    "ui_stall",
    "Longest UI-thread stall during PDF and export",
    "s",
    "same 5 ms timer on an idle event loop",
    Aim("< 100 ms", 0.1),
)
MEASURES = (STALL,)


def completed_record(ctx: Context) -> str:
    """A ten-lesion record marked complete (and so locked), as a record is when it is exported."""

    def make() -> str:
        laptop = workspace.local(ctx)
        proc_id = record_procedure(laptop.service, random.Random(110), lesions=10)
        laptop.service.complete(proc_id)
        return proc_id

    return ctx.shared("completed-10", make)


def run(ctx: Context) -> list[Row]:
    require("mimic_desktop.ui.main_window")
    require("mimic_desktop.services.export", "export_in_background")
    laptop = workspace.local(ctx)
    proc_id = completed_record(ctx)
    # One unmeasured process first: the disk cache and compiled modules, as after the app's first use.
    run_child(
        "bench.stall_child", "app", str(laptop.path), proc_id, str(ctx.folder("stall-warm-up")), workdir=ctx.workdir
    )
    app, idle, work = [], [], []
    for number in range(max(3, ctx.settings.repetitions // 3)):
        folder = ctx.folder(f"stall-{number}")
        result = run_child("bench.stall_child", "app", str(laptop.path), proc_id, str(folder), workdir=ctx.workdir)
        if result.data["failures"] or len(result.data["files"]) != 2:
            raise RuntimeError(f"the summary and the session file were not both written: {result.data}")
        app.append(result.data["longest_gap"])
        work.append(result.data["work_seconds"])
        idle.append(
            run_child("bench.stall_child", "idle", str(result.data["work_seconds"]), workdir=ctx.workdir).data[
                "longest_gap"
            ]
        )
    what = f"longest gap over {len(app)} processes; the work took {min(work):.2f} to {max(work):.2f} s"
    return [Row(STALL, max(app), max(idle), what)]
