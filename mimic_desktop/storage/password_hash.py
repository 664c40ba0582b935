"""scrypt password hashes, each stored with the cost it was made with, so that the cost can rise over time."""

from __future__ import annotations

import hashlib
import hmac
import json
import os
from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class Cost:
    """scrypt's parameters: n (CPU and memory cost, a power of two), r (block size), p (parallelism)."""

    n: int
    r: int
    p: int
    dklen: int = 32

    def to_text(self) -> str:
        return json.dumps(asdict(self), sort_keys=True)

    @classmethod
    def from_text(cls, text: str) -> Cost:
        data = json.loads(text)
        return cls(int(data["n"]), int(data["r"]), int(data["p"]), int(data.get("dklen", 32)))

    def weaker_than(self, other: Cost) -> bool:
        return self.n * self.r < other.n * other.r or self.p < other.p

    def memory(self) -> int:
        """The bytes scrypt needs at this cost (128 * r * n for its table, 128 * r * p for its blocks), with room."""
        return 128 * self.r * (self.n + self.p + 2) + 1024 * 1024


# OWASP's current guidance for scrypt: N=2^17, r=8, p=1 (128 MiB a hash). Every new hash gets this cost.
CURRENT = Cost(n=2**17, r=8, p=1)
# What hashes were made with before the cost was stored beside them.
LEGACY = Cost(n=2**14, r=8, p=1)


@dataclass(frozen=True)
class StoredHash:
    """What the users table keeps of a password: hex hash, hex salt, and the cost as JSON text."""

    hash: str
    salt: str
    cost: str


def _derive(password: str, salt: bytes, cost: Cost) -> str:
    return hashlib.scrypt(
        password.encode("utf-8"), salt=salt, n=cost.n, r=cost.r, p=cost.p, dklen=cost.dklen, maxmem=cost.memory()
    ).hex()


def make(password: str) -> StoredHash:
    """A new hash at the current cost, with a new salt."""
    cost = CURRENT
    salt = os.urandom(16)
    return StoredHash(_derive(password, salt, cost), salt.hex(), cost.to_text())


def matches(password: str, stored: StoredHash) -> bool:
    cost = Cost.from_text(stored.cost)
    return hmac.compare_digest(_derive(password, bytes.fromhex(stored.salt), cost), stored.hash)


def outdated(stored: StoredHash) -> bool:
    """A hash made at a lower cost than new ones get: it is made again at the next right password."""
    return Cost.from_text(stored.cost).weaker_than(CURRENT)


def burn(password: str) -> None:
    """The work of one check, for a user name that does not exist: no user-name oracle by timing."""
    _derive(password, b"0" * 16, CURRENT)
