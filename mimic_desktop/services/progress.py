"""How long work says how far it is: progress(done, total, what), for a progress bar or nothing."""

from __future__ import annotations

from collections.abc import Callable

Progress = Callable[[int, int, str], None]


def no_progress(_done: int, _total: int, _what: str) -> None:
    """For callers that show no progress."""
