"""Ed25519 keys for session files: the centre's private key, and public keys as the trial office registers them.

A public key is known by its key id, the SHA-256 of its 32 raw bytes in hex; people compare
the shorter fingerprint (the first 32 hex digits in groups of four) over the phone.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from ..domain.errors import MimicError
from ..domain.fingerprints import FINGERPRINT_DIGITS as FINGERPRINT_DIGITS  # part of this module's interface
from ..domain.fingerprints import id_fingerprint as id_fingerprint
from ..domain.wording import Text

PUBLIC_KEY_BYTES = 32
SIGNATURE_BYTES = 64
MAX_KEY_FILE_BYTES = 16 * 1024


class KeyFileError(MimicError):
    """A key file that cannot be read as the key it should hold."""


def new_private_key() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.generate()


def private_key_pem(key: Ed25519PrivateKey) -> bytes:
    """PKCS#8 PEM, unencrypted: the file's permissions and the user's account protect it."""
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )


def _load(load: Callable[[bytes], object], pem: bytes, unreadable: Text) -> object:
    try:
        return load(pem)
    except (ValueError, TypeError, UnsupportedAlgorithm):
        raise KeyFileError(unreadable) from None


def private_key_from_pem(pem: bytes, source: str) -> Ed25519PrivateKey:
    key = _load(
        lambda data: serialization.load_pem_private_key(data, password=None),
        pem,
        Text("{source} is not a readable session-signing key (damaged, or protected by a password).", source=source),
    )
    if not isinstance(key, Ed25519PrivateKey):
        raise KeyFileError(
            Text(
                "{source} holds another kind of key than the Ed25519 key session files are signed with.", source=source
            )
        )
    return key


def raw_public_key(key: Ed25519PrivateKey) -> bytes:
    return key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def public_key_pem(raw: bytes) -> bytes:
    """The public key as the file the trial office registers (PEM SubjectPublicKeyInfo)."""
    key = Ed25519PublicKey.from_public_bytes(raw)
    return key.public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)


def public_key_from_pem(pem: bytes, source: str, written_by: str = "mimic-desktop export-key") -> bytes:
    """The 32 raw bytes of the Ed25519 public key in a PEM file (written by that command); KeyFileError for anything
    else."""
    if len(pem) > MAX_KEY_FILE_BYTES:
        raise KeyFileError(Text("{source} is too large to be a public key file.", source=source))
    key = _load(
        serialization.load_pem_public_key,
        pem,
        Text(
            "{source} is not a public key file (expected the PEM file written by `{command}`).",
            source=source,
            command=written_by,
        ),
    )
    if not isinstance(key, Ed25519PublicKey):
        raise KeyFileError(
            Text("{source} holds another kind of public key than the Ed25519 key of a MIMIC centre.", source=source)
        )
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def key_id(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def fingerprint(raw: bytes) -> str:
    return id_fingerprint(key_id(raw))


def sign(key: Ed25519PrivateKey, message: bytes) -> bytes:
    return key.sign(message)


def verify(raw: bytes, signature: bytes, message: bytes) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(raw).verify(signature, message)
    except (InvalidSignature, ValueError):
        return False
    return True
