"""PySide6 calls that return nothing, and signals, can run for hours without the interpreter aborting."""

from __future__ import annotations

import subprocess
import sys
import textwrap

# More calls than None, True and False hold references in a fresh interpreter: without the
# guard, Python 3.11 aborts with "deallocating None" (or True) long before the end.
MANY_CALLS = textwrap.dedent(
    """
    import sys
    import mimic_desktop.ui
    from PySide6.QtCore import QObject, Signal

    class Ticker(QObject):
        ticked = Signal()

    ticker = Ticker()
    ticker.ticked.connect(lambda: None)
    for _ in range(200_000):
        ticker.setObjectName("clock")
        ticker.ticked.emit()
    print("still running")
    """
)


def test_a_long_session_of_void_calls_and_signals_does_not_abort_the_interpreter():
    result = subprocess.run([sys.executable, "-c", MANY_CALLS], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "still running"
