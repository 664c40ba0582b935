"""Long work off the UI thread: run a function in QThreadPool and get its result by signal."""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

# Background tasks run Python too, and only one thread runs Python at a time: a thread that waits
# asks for the interpreter after this long. Python's default of 5 ms, with two tasks running,
# left the UI thread waiting for tens of milliseconds at a time.
SWITCH_INTERVAL_S = 0.001


class TaskSignals(QObject):
    finished = Signal(object)  # the function's return value
    failed = Signal(object)  # the exception
    progress = Signal(int, int, str)  # done, total, what


class Task(QRunnable):
    """Runs fn(*args, progress=emit, **kwargs) when fn accepts progress, else fn(*args, **kwargs)."""

    def __init__(self, fn: Callable[..., Any], *args: Any, with_progress: bool = False, **kwargs: Any):
        super().__init__()
        self.fn, self.args, self.kwargs = fn, args, kwargs
        self.with_progress = with_progress
        self.signals = TaskSignals()

    def run(self) -> None:
        try:
            if self.with_progress:
                self.kwargs["progress"] = lambda done, total, what="": self.signals.progress.emit(done, total, what)
            result = self.fn(*self.args, **self.kwargs)
        except Exception as error:  # handed to the UI thread, which decides how to show it
            error.formatted_traceback = traceback.format_exc()  # type: ignore[attr-defined]  # read by the crash report
            self.signals.failed.emit(error)
        else:
            self.signals.finished.emit(result)


def run_in_background(task: Task) -> Task:
    QThreadPool.globalInstance().start(task)
    return task


def share_the_interpreter_with_the_ui() -> None:
    """Let the UI thread take the interpreter back quickly from background tasks (once, at start)."""
    sys.setswitchinterval(SWITCH_INTERVAL_S)
