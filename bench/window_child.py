"""A fresh process that opens a main window and reports once its event loop runs.

`python -m bench.window_child bare` opens a bare PySide6 QMainWindow; `app DB [PROCEDURE_ID]`
opens MIMIC Desktop's main window on the database (and the procedure). Both report, at the first
turn of the event loop after the window was shown, their peak resident memory.
"""

from __future__ import annotations

import resource
import sys
from pathlib import Path

from .child import report_to_parent

WINDOW_SIZE = (1280, 800)


def peak_rss_bytes() -> int:
    """This program's peak resident memory.

    On Linux getrusage's figure keeps the larger of this program's peak and the memory of the
    parent it was started from (the process before exec), so the kernel's high-water mark of this
    program's own memory, VmHWM, is read instead.
    """
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024  # in kB
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


def open_main_window(db: str, proc_id: str | None = None):
    """MIMIC Desktop's main window, signed in as the simulation account, on the procedure if given.

    Returns the QApplication and the shown window, as the app's own start makes them.
    """
    from mimic_desktop.services.accounts import AccountService
    from mimic_desktop.services.simulate import SIMULATION_USER, simulation_password
    from mimic_desktop.storage.connection import open_store
    from mimic_desktop.ui.app import make_application
    from mimic_desktop.ui.context import AppContext
    from mimic_desktop.ui.main_window import MainWindow
    from mimic_desktop.ui.preferences import Preferences

    application = make_application("en", "dark")
    store = open_store(Path(db), create=False)
    user = AccountService(store).sign_in(SIMULATION_USER, simulation_password())
    # Preferences beside the benchmark's database, so no user's own settings are read or changed.
    window = MainWindow(AppContext(store, user), Preferences(Path(db).parent / "interface"))
    window.resize(*WINDOW_SIZE)
    if proc_id:
        window.open_procedure(proc_id)
    window.show()
    return application, window


def app(db: str, proc_id: str | None = None) -> int:
    from PySide6.QtCore import QTimer

    application, _window = open_main_window(db, proc_id)
    QTimer.singleShot(0, lambda: ready(application))
    return application.exec()


def main(argv: list[str]) -> int:
    if argv[0] == "bare":
        return bare()
    if argv[0] == "app":
        return app(*argv[1:])
    raise SystemExit(f"unknown mode {argv[0]!r}")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
