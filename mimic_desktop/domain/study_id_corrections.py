"""A study ID typed wrong at enrolment and corrected later, with a reason: the record keeps every correction so
that the trial office can tell the corrected record from another patient's."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class StudyIdCorrection:
    """One correction: from which study ID to which, why, when (UTC) and by which laptop account (its id number on
    that laptop, pseudonymous; None when the account is not known)."""

    from_id: str
    to_id: str
    reason: str
    at: str
    by: int | None

    def as_json(self) -> dict[str, Any]:
        return {"from": self.from_id, "to": self.to_id, "reason": self.reason, "when": self.at, "by": self.by}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> StudyIdCorrection:
        return cls(data["from"], data["to"], data["reason"], data["when"], data["by"])


def earlier_ids(corrections: Iterable[StudyIdCorrection], study_id: str) -> list[str]:
    """The study IDs the record had before it became study_id, newest first, following the corrections back."""
    by_target = {c.to_id: c for c in corrections}
    found: list[str] = []
    current = study_id
    while current in by_target and by_target[current].from_id not in found and by_target[current].from_id != study_id:
        current = by_target[current].from_id
        found.append(current)
    return found
