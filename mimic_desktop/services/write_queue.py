"""Writes that wait for the database: kept in memory, in order, with the moment of the user's action.

Another program holding the database's write lock is a passing state: the live screen keeps each
action that could not get the lock and tries again, in the order the actions were taken, until
each one commits or the user gives up on the ones still waiting.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from ..domain.errors import MimicError
from ..storage.errors import DatabaseLocked


@dataclass
class Write:
    """One user action: what it is in words, when it was taken, and the service call that stores it."""

    what: str
    moment: datetime
    run: Callable[[], Any]
    lesion_values: tuple[str, dict[str, Any]] | None = None  # (lesion id, values) for a lesion's typed values


@dataclass
class Outcome:
    """What one attempt did: the writes committed, and those refused for good (with the refusal)."""

    committed: list[Write] = field(default_factory=list)
    refused: list[tuple[Write, MimicError]] = field(default_factory=list)


class WriteQueue:
    """Runs writes in order; one that meets the lock waits, and every later one waits behind it."""

    def __init__(self) -> None:
        self._waiting: deque[Write] = deque()

    @property
    def waiting(self) -> list[Write]:
        return list(self._waiting)

    def submit(self, write: Write) -> Outcome:
        """Run this write after any still waiting; it waits too while the database is in use."""
        self._waiting.append(write)
        return self.retry()

    def retry(self) -> Outcome:
        """Run the waiting writes in order until one meets the lock again."""
        outcome = Outcome()
        while self._waiting:
            write = self._waiting[0]
            try:
                write.run()
            except DatabaseLocked:
                break
            except MimicError as refusal:  # a rule or a storage fault that waiting does not cure
                outcome.refused.append((write, refusal))
            except BaseException:
                self._waiting.popleft()  # a bug: not tried again and again
                raise
            else:
                outcome.committed.append(write)
            self._waiting.popleft()
        return outcome

    def give_up(self) -> list[Write]:
        """Drop every waiting write (the user's choice); returns them, for saying what was not stored."""
        dropped = list(self._waiting)
        self._waiting.clear()
        return dropped
