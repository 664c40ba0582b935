"""A fresh process that opens a main window and reports once its event loop runs.

`python -m bench.window_child bare` opens a bare PySide6 QMainWindow; `app DB [PROCEDURE_ID]`
opens MIMIC Desktop's main window on the database (and the procedure). Both report, at the first
turn of the event loop after the window was shown, their peak resident memory.
"""

from __future__ import annotations

import resource
import sys

from .core import report_to_parent

WINDOW_SIZE = (1280, 800)


def peak_rss_bytes() -> int:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024  # Linux counts kilobytes


def ready(app) -> None:
    report_to_parent({"peak_rss": peak_rss_bytes()})
    app.quit()


def bare() -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setWindowTitle("Baseline")
    window.resize(*WINDOW_SIZE)
    window.show()
    QTimer.singleShot(0, lambda: ready(app))
    return app.exec()


def main(argv: list[str]) -> int:
    if argv[0] == "bare":
        return bare()
    raise SystemExit(f"unknown mode {argv[0]!r}")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
