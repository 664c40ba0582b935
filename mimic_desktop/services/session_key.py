"""The key that signs this laptop's session files: made on first use, kept as a file of its own.

The private key lives in the user's configuration folder (services.paths.signing_key_path),
readable by that user only: never in the database, so never in its backups, its audit trail
or an export. Losing it loses no data. The next export makes a new key pair; the trial office
registers the new public key (`mimic-central add-centre`) and keeps the old one registered, so
files signed before still import.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..domain.errors import MimicError
from ..domain.private_files import private_folder
from ..domain.wording import Text
from ..exchange import signing_keys
from . import file_guard, paths

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey


@dataclass(frozen=True)
class PublicKeyFile:
    path: Path
    key_id: str
    fingerprint: str


def load_or_create(path: Path | None = None) -> Ed25519PrivateKey:
    """The private key at path (the per-user default when None), made and saved first if there is none."""
    path = Path(path or paths.signing_key_path())
    if not path.exists():
        _create(path)
    try:
        pem = path.read_bytes()
    except OSError as error:
        raise MimicError(
            Text("Cannot read the session-signing key {path}: {problem}.", path=path, problem=error.strerror or error)
        ) from None
    return signing_keys.private_key_from_pem(pem, str(path))


def _create(path: Path) -> None:
    """Write a new key where no other process can see half of it, and never over an existing one."""
    try:
        private_folder(path.parent)
        handle, partial = tempfile.mkstemp(dir=path.parent, prefix=".new-key-")
        try:
            os.chmod(partial, 0o600)
            with os.fdopen(handle, "wb") as stream:
                stream.write(signing_keys.private_key_pem(signing_keys.new_private_key()))
                stream.flush()
                os.fsync(stream.fileno())
            with contextlib.suppress(FileExistsError):  # another process made one first: use that one
                os.link(partial, path)
        finally:
            os.unlink(partial)
    except OSError as error:
        raise MimicError(
            Text(
                "Cannot save a session-signing key in {folder}: {problem}.",
                folder=path.parent,
                problem=error.strerror or error,
            )
        ) from None


def write_public_key(out: Path, key_path: Path | None = None, prefix: str = "mimic-centre-key") -> PublicKeyFile:
    """Write the public key the trial office registers (or, of the office's key, the one the centres register);
    makes the key pair first if needed."""
    raw = signing_keys.raw_public_key(load_or_create(key_path))
    out = Path(out)
    if out.is_dir():
        file_guard.check_folder(out)
        out = out / f"{prefix}-{signing_keys.key_id(raw)[:8]}.pem"
    file_guard.check_file(out)
    try:
        out.write_bytes(signing_keys.public_key_pem(raw))
    except OSError as error:
        raise MimicError(Text("Cannot write {path}: {problem}.", path=out, problem=error.strerror or error)) from None
    return PublicKeyFile(out, signing_keys.key_id(raw), signing_keys.fingerprint(raw))
