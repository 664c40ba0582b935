"""How people read a public key's identity aloud: the first digits of its key id, in groups of four."""

from __future__ import annotations

FINGERPRINT_DIGITS = 32  # of the key id (the SHA-256 of the raw key, in hex)


def id_fingerprint(known_id: str) -> str:
    """The fingerprint of the key with this key id."""
    digits = known_id[:FINGERPRINT_DIGITS]
    return " ".join(digits[i : i + 4] for i in range(0, len(digits), 4))
