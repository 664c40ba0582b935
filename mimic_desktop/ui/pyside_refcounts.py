"""A guard against PySide6 6.12 on Python 3.11 dropping references to None, True and False.

Every call of a PySide method that returns nothing gives back one reference to None that it
never took, and every Signal.emit() one to True. From Python 3.12 on these objects are immortal
and the slip is harmless; on 3.11 the count of None reaches zero after a few thousand calls (a
few minutes of the live screen) and the interpreter aborts with "deallocating None". Adding a
reserve no program can spend to their counts makes them immortal on 3.11 as well, as 3.12 does.
"""

from __future__ import annotations

import ctypes
import sys

RESERVE = 1 << 40  # a million calls a second would spend it in twelve days


def make_singletons_immortal() -> None:
    """Give None, True and False the reserve on Pythons before 3.12 (the UI package does, on import)."""
    if sys.version_info >= (3, 12):
        return
    for singleton in (None, True, False):
        # The reference count is the first field of every object in CPython's release builds.
        ctypes.c_ssize_t.from_address(id(singleton)).value += RESERVE
