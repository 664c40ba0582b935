"""Files the app writes are its user's alone: records, backups, exports, crash reports and keys.

Where the system has Unix permissions, new files are created readable and writable by their owner only (umask 077
for the whole process, and a chmod on each file the app names, for a process started otherwise), and the folders
the app makes for itself are open to their owner only. On a system without them (Windows) the calls change nothing:
there the user's profile folders already belong to the user.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

FILE_MODE = 0o600
FOLDER_MODE = 0o700


def restrict_new_files() -> None:
    """Every file and folder this process creates from now on is its owner's alone (SQLite's -wal and -shm too)."""
    os.umask(0o077)


def make_private(path: Path | str) -> None:
    """Owner read and write only. Left as it is where that cannot be done (another owner, a read-only medium, a
    file system without permissions): the file is still written, and nothing the person did is lost for it."""
    with contextlib.suppress(OSError, NotImplementedError):
        os.chmod(path, FILE_MODE)


def private_folder(folder: Path | str) -> Path:
    """Make a folder of the app's own (data, backups, keys, crash reports) if needed; open to its owner only."""
    folder = Path(folder)
    existed = folder.is_dir()
    folder.mkdir(parents=True, exist_ok=True)
    if not existed:
        with contextlib.suppress(OSError, NotImplementedError):
            os.chmod(folder, FOLDER_MODE)
    return folder
