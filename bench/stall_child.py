"""A fresh process that watches its UI thread with a 5 ms timer while background work runs.

`python -m bench.stall_child idle SECONDS` lets the event loop idle for that long (the baseline);
`python -m bench.stall_child app DB PROCEDURE_ID FOLDER` opens the main window on the procedure
and has the application make its PDF summary and export its session file in the background.
Both report the longest gap between two ticks while the work ran.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable

from .child import report_to_parent

TICK_MS = 5
SETTLE_MS = 300  # let the window finish its first layout and paint before watching

Work = Callable[[Callable[[], None]], None]  # starts the work; calls its argument when done


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

    def done() -> None:
        state["watching"] = False
        report_to_parent(
            {
                "longest_gap": max(gaps, default=0.0),
                "ticks": len(gaps),
                "work_seconds": time.perf_counter() - state["began"],
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
    return watch(lambda done: QTimer.singleShot(round(seconds * 1000), done))


def main(argv: list[str]) -> int:
    if argv[0] == "idle":
        return idle(float(argv[1]))
    raise SystemExit(f"unknown mode {argv[0]!r}")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
