"""The trial office's own signing key, for its query files: kept as the laptop's session-signing key is.

Made once on first use, a file of its own in the user's configuration folder readable by that user only (never in
the central database, its backups or its trail); its public half is exported for the centres, which register it
once (`mimic-desktop trust-office KEYFILE`). The key code is the session key's (services/session_key.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..exchange import signing_keys
from . import paths, session_key
from .session_key import PublicKeyFile

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey


def load_or_create(path: Path | None = None) -> Ed25519PrivateKey:
    """The office's private key at path (the per-user default when None), made first if there is none."""
    return session_key.load_or_create(path or paths.office_signing_key_path())


def fingerprint(key: Ed25519PrivateKey) -> str:
    return signing_keys.fingerprint(signing_keys.raw_public_key(key))


def write_public_key(out: Path, key_path: Path | None = None) -> PublicKeyFile:
    """Write the office's public key for the centres (a .pem file, or one named after the key in a folder)."""
    return session_key.write_public_key(out, key_path or paths.office_signing_key_path(), prefix="mimic-office-key")
