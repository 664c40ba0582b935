"""Background tasks and the UI thread share the interpreter in short turns."""

from __future__ import annotations

import sys

from mimic_desktop.ui import worker
from mimic_desktop.ui.app import make_application


def test_the_application_gives_the_ui_thread_the_interpreter_back_within_a_millisecond(ui_app):
    default = sys.getswitchinterval()
    try:
        sys.setswitchinterval(0.005)
        assert make_application("en", "dark") is ui_app
        assert sys.getswitchinterval() == worker.SWITCH_INTERVAL_S == 0.001
    finally:
        sys.setswitchinterval(default)
