"""A fresh process that watches its UI thread with a 5 ms timer while background work runs.

`python -m bench.stall_child idle SECONDS` lets the event loop of a bare window idle for that long
(the baseline); `python -m bench.stall_child app DB PROCEDURE_ID FOLDER` opens the main window
on the (completed) procedure and, as a person would, prints its summary from the Documents page
and exports its session file, both through the window's background tasks (MainWindow.run_task).
Both report the longest gap between two ticks while the work ran.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

from .child import report_to_parent

TICK_MS = 5
SETTLE_MS = 300  # let the window finish its first layout and paint before watching

Done = Callable[[dict], None]
Work = Callable[[Done], None]  # starts the work; calls its argument, with what to report, when done


def watch(start_work: Work) -> int:
    """Run the event loop, tick every 5 ms, and report the longest gap while the work runs."""
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    gaps: list[float] = []
    state = {"last": time.perf_counter(), "watching": False, "began": 0.0}

    def tick() -> None:
        now = time.perf_counter()
        if state["watching"]:
            gaps.append(now - state["last"])
        state["last"] = now

    def done(extra: dict) -> None:
        tick()  # the gap up to the moment the result arrived counts too
        state["watching"] = False
        report_to_parent(
            {
                "longest_gap": max(gaps, default=0.0),
                "ticks": len(gaps),
                "work_seconds": time.perf_counter() - state["began"],
                **extra,
            }
        )
        app.quit()

    def begin() -> None:
        state["watching"] = True
        state["began"] = state["last"] = time.perf_counter()
        start_work(done)

    timer = QTimer()
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.setInterval(TICK_MS)
    timer.timeout.connect(tick)
    timer.start()
    QTimer.singleShot(SETTLE_MS, begin)
    return app.exec()


def idle(seconds: float) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])  # noqa: F841 - the event loop watch() runs belongs to it
    window = QMainWindow()
    window.resize(1280, 800)
    window.show()
    return watch(lambda done: QTimer.singleShot(round(seconds * 1000), lambda: done({})))


def app(db: str, proc_id: str, folder: str) -> int:
    """The summary from the Documents page and the session-file export, as background tasks of the window."""
    from PySide6.QtCore import QTimer

    from mimic_desktop.ui import dialogs

    from .window_child import open_main_window

    _application, window = open_main_window(db, proc_id)
    out = Path(folder)
    summary = out / "summary.pdf"
    failures: list[str] = []
    # A failed task would open a modal error dialog, which nobody closes here: note it instead.
    dialogs.show_error = lambda _parent, error, *_args, **_kwargs: failures.append(str(error))

    # The person opens the record's Documents page first; the watch begins with the click on Save.
    window.tabs.setCurrentWidget(window.record)
    page = window.record.show_page("documents")

    def start(done: Done) -> None:
        page.print_to(summary)
        page.session_export.export_to(out)  # as the Export button does, page refresh included
        poll = QTimer(window)
        poll.setInterval(TICK_MS)

        def check() -> None:
            if not window.tasks:  # both results have arrived on the UI thread
                poll.stop()
                files = [path for path in (summary, *out.glob("*.mimic")) if path.is_file()]
                done({"files": [str(path) for path in files], "failures": failures})

        poll.timeout.connect(check)
        poll.start()

    return watch(start)


def main(argv: list[str]) -> int:
    if argv[0] == "idle":
        return idle(float(argv[1]))
    if argv[0] == "app":
        return app(*argv[1:])
    raise SystemExit(f"unknown mode {argv[0]!r}")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
