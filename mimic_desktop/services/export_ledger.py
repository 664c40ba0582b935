"""The highest session-file version handed out for each record, kept outside the database.

Why a file in the config folder, beside the signing key: a restored backup brings back the database as it
was, export versions included, while the trial office has already seen the later ones and refuses a second
file under a version it holds. The ledger is not in the database or its backups, so a restore does not roll
it back; it belongs to this laptop's identity towards the trial office, as the key does. (The export folder
cannot tell: a USB stick goes away, and files are copied elsewhere.) A version is written to the ledger before
its file can appear, so that no version is ever handed out twice.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from ..domain.errors import MimicError

NAME = "exported-versions.json"
MAX_BYTES = 16 * 1024 * 1024


def path_beside(key_path: Path) -> Path:
    return key_path.parent / NAME


def _read(path: Path) -> dict[str, int]:
    try:
        if path.stat().st_size > MAX_BYTES:
            return {}
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):  # missing, or damaged: the database's own counter still holds
        return {}
    if not isinstance(data, dict):
        return {}
    return {key: value for key, value in data.items() if isinstance(key, str) and type(value) is int}


def highest(path: Path, session_id: str) -> int:
    """The highest version handed out for this session (0 when none is known)."""
    return _read(path).get(session_id, 0)


def reserve(path: Path, session_id: str, version: int) -> None:
    """Note that this version is handed out, durably (written whole under a temporary name, then renamed)."""
    versions = _read(path)
    versions[session_id] = max(version, versions.get(session_id, 0))
    partial = path.with_name(path.name + ".part")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(partial, "w", encoding="utf-8") as stream:
            json.dump(versions, stream, sort_keys=True, indent=0)
            stream.flush()
            os.fsync(stream.fileno())
        partial.replace(path)
        sync_folder(path.parent)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise MimicError(
            f"Cannot note the export version in {path}: {error.strerror or error}. Nothing was exported."
        ) from None


def sync_folder(folder: Path) -> None:
    """Make a rename in this folder durable (where the system allows a folder to be synced)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
