"""The central window's background work: each task kept alive until it reports, its error shown in words."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from .. import dialogs
from ..worker import Task, run_in_background


class BackgroundWork(QObject):
    """Runs tasks in QThreadPool; busy(bool) tells the window when to show its progress bar."""

    busy = Signal(bool)

    def __init__(self, window: QWidget):
        super().__init__(window)
        self.window = window
        self.running: set[Task] = set()

    def run(
        self,
        task: Task,
        on_done: Callable[[Any], None],
        on_failed: Callable[[BaseException], None] | None = None,
    ) -> Task:
        """on_done(result) on success; on a failure the error dialog, then on_failed(error) to tidy the page."""
        self.running.add(task)
        self.busy.emit(True)

        def settle() -> None:
            self.running.discard(task)
            if not self.running:
                self.busy.emit(False)

        def done(result: Any) -> None:
            settle()
            on_done(result)

        def failed(error: BaseException) -> None:
            settle()
            if on_failed is not None:
                on_failed(error)
            dialogs.show_error(self.window, error)

        task.signals.finished.connect(done)
        task.signals.failed.connect(failed)
        return run_in_background(task)
