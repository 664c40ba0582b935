"""The signed session files a central study database imported, kept as they came, beside it.

Each file is kept once, named by the SHA-256 of its bytes (the file_hash of its session_files row), in
`NAME-session-files/ab/abcdef….mimic` beside the database file NAME.sqlite. A file is written under a temporary
name, flushed to the disk, then renamed: a file in the archive is always whole. It is written before the
transaction that stores its row, so that a stored row never lacks its file; a file whose import was then rolled
back stays, harmless, as the same bytes would be kept again at the next import.

A laptop's redaction rewrites a kept file (rewrite): it keeps its name, the hash it was imported with, and its
database row records the hash of its new bytes (services/central_redaction.py).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from pathlib import Path

from ..domain.private_files import make_private, private_folder
from ..domain.wording import Text
from .errors import StorageError

SUFFIX = ".mimic"


def folder_for(db_path: Path) -> Path:
    db_path = Path(db_path)
    return db_path.parent / f"{db_path.stem}-session-files"


def path_for(db_path: Path, file_hash: str) -> Path:
    return folder_for(db_path) / file_hash[:2] / f"{file_hash}{SUFFIX}"


def keep(db_path: Path, data: bytes, file_hash: str) -> Path:
    """Keep the file's bytes under their hash (once: a whole file already there is left as it is)."""
    target = path_for(db_path, file_hash)
    if target.is_file() and hashlib.sha256(target.read_bytes()).hexdigest() == file_hash:
        return target
    return _write(db_path, target, data)


def rewrite(db_path: Path, file_hash: str, data: bytes) -> Path:
    """Replace a kept file, still named by the hash it was imported with, by data (a redaction's rewrite of it): the
    new file is written whole, then renamed over the old one, so that the archive never holds a half-written file."""
    return _write(db_path, path_for(db_path, file_hash), data)


def _write(db_path: Path, target: Path, data: bytes) -> Path:
    try:
        folder = private_folder(target.parent)
        private_folder(folder_for(db_path))
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=".incoming-", suffix=SUFFIX)
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
                out.flush()
                os.fsync(out.fileno())
            make_private(temporary)
            os.replace(temporary, target)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            raise
        _sync_folder(folder)
    except OSError as error:
        raise StorageError(
            Text(
                "The session file cannot be kept in {folder} ({problem}): nothing was imported. Free space there or "
                "make the folder writable, then import again.",
                folder=folder_for(db_path),
                problem=error.strerror or error,
            )
        ) from None
    return target


def read(db_path: Path, file_hash: str) -> bytes | None:
    """The archived file's bytes, None when it is not there."""
    try:
        return path_for(db_path, file_hash).read_bytes()
    except FileNotFoundError:
        return None


def _sync_folder(folder: Path) -> None:
    """The rename itself reaches the disk (where the system lets a folder be opened)."""
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
