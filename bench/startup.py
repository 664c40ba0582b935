"""Start-up to an interactive main window, against a bare PySide6 QMainWindow."""

from __future__ import annotations

from mimic_desktop.storage import password_hash

from . import workspace
from .core import Aim, Context, Measure, Row, median, require, run_child, timed

METHOD = """
Each start is a fresh `python` process, offscreen (`QT_QPA_PLATFORM=offscreen`), timed by the
parent from spawning it to the line the child prints at the first turn of its event loop after
the main window was shown: interpreter start, imports, opening the database, the password check
(scrypt, as the sign-in dialog runs it; the typing is a person's time, not the application's),
building and showing the window with the procedure list. The baseline child shows a bare
`QMainWindow` of the same size. Both children import only what they report with, and read
compiled bytecode as an installed application does; one unmeasured start of each comes first.
Starts alternate between the two; the median is reported, and the note adds the CPU time each
child used up to its exit (on a shared machine, wall-clock time also holds waiting for a
processor) and the time of the password check alone (`storage.password_hash.make` at the product's cost, timed in
the parent), the part of the start no bare window has.

Where the extra time goes, profiled with `python -X importtime` and cProfile on the same child (one
run each, 2026-11-25): importing the application's modules about 90 ms, most of it PySide6 setting
up the widget and enum types the main window uses that a bare window never touches (QtGui alone
15 ms); signing in about 50 ms, nearly all of it the scrypt password check; building the window
25 ms and showing it 10 ms. The live screen, the record pages, the wizard and the dialogs already
load only when first opened, and pandas, reportlab and statsmodels are not imported at start. What
remains is Qt's own set-up and the password's protection, so the aim stays missed rather than
weakening the password hash.
"""

STARTUP = Measure(
    "startup",
    "Start-up to an interactive main window",
    "s",
    "bare PySide6 QMainWindow in a fresh process",
    Aim("≤ 1.5× baseline", 1.5, on_ratio=True),
)
MEASURES = (STARTUP,)


def run(ctx: Context) -> list[Row]:
    require("mimic_desktop.ui.main_window")
    laptop = workspace.local(ctx)
    workspace.procedure(ctx, 10)
    app_args = ("app", str(laptop.path))
    app, bare = [], []
    run_child("bench.window_child", "bare", workdir=ctx.workdir)  # warm the disk cache for both
    run_child("bench.window_child", *app_args, workdir=ctx.workdir)
    for _ in range(ctx.settings.repetitions):
        bare.append(run_child("bench.window_child", "bare", workdir=ctx.workdir))
        app.append(run_child("bench.window_child", *app_args, workdir=ctx.workdir))
    check = median([timed(lambda: password_hash.make("a password")) for _ in range(ctx.settings.repetitions)])
    note = (
        f"median of {len(app)} fresh processes each, after one warm-up; CPU time to exit (median): "
        f"MIMIC {median([r.cpu_seconds for r in app]) * 1000:.0f} ms, "
        f"baseline {median([r.cpu_seconds for r in bare]) * 1000:.0f} ms; "
        f"the password check alone (scrypt, as at sign-in) {check * 1000:.0f} ms"
    )
    return [Row(STARTUP, median([r.seconds for r in app]), median([r.seconds for r in bare]), note)]
