"""Where the files shipped with the app (forms/, resources/) are: inside the bundle when frozen."""

from __future__ import annotations

import sys
from pathlib import Path


def bundled() -> bool:
    """Whether the app runs from the standalone bundle rather than from a Python installation."""
    return bool(getattr(sys, "frozen", False))


def app_root() -> Path:
    """The PyInstaller bundle's folder when the app runs frozen, else the source tree."""
    bundle = getattr(sys, "_MEIPASS", None)
    return Path(bundle) if bundle else Path(__file__).resolve().parents[2]


def shipped(*parts: str) -> Path:
    return app_root().joinpath(*parts)


def installed_at() -> Path:
    """The folder the app was installed in: the executable's when frozen, else the source tree."""
    return Path(sys.executable).resolve().parent if bundled() else app_root()
