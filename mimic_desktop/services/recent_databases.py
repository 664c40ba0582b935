"""The databases this user has opened in the app, and when: so that a missing one is said to be missing.

Kept in the per-user config folder (not beside the database: that is what may have gone). Without it a
database moved to another folder, or a USB stick not plugged in, would look like a first start.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from datetime import datetime
from pathlib import Path

from ..domain.clock import from_iso, to_iso, utc_now
from . import paths

FILE_NAME = "recent-databases.json"
KEEP = 50


def _file() -> Path:
    return paths.config_dir() / FILE_NAME


def _key(path: Path) -> str:
    return str(Path(os.path.abspath(path)))


def _read() -> dict[str, str]:
    try:
        data = json.loads(_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}


def last_used(path: Path) -> datetime | None:
    """When this user last opened the database at path in the app, or None if never (as far as is known)."""
    found = _read().get(_key(path))
    if found is None:
        return None
    try:
        return from_iso(found)
    except ValueError:
        return None


def remember(path: Path, now: datetime | None = None) -> None:
    """Note that the database at path was opened now; a failure to note it never stops the app."""
    known = _read()
    known[_key(path)] = to_iso(now or utc_now())
    newest = dict(sorted(known.items(), key=lambda item: item[1], reverse=True)[:KEEP])
    with contextlib.suppress(OSError):
        folder = _file().parent
        folder.mkdir(parents=True, exist_ok=True)
        handle, partial = tempfile.mkstemp(dir=folder, prefix=".recent-", suffix=".json")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as stream:
                json.dump(newest, stream, indent=1)
            os.replace(partial, _file())
        finally:
            with contextlib.suppress(OSError):
                os.unlink(partial)
