"""Whether a patient is still part of the trial: enrolled, or withdrawn, excluded or not operated, with why and when.

The status belongs to the patient, not to the form: it is not a CRF field, so that a record that leaves the
trial keeps every value entered (nothing is deleted) while the analysis leaves it out as the paper did
(Figure 1: enrolled, excluded with reasons, analysed).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from .wording import Text


class SubjectStatus(StrEnum):
    ENROLLED = "enrolled"
    WITHDRAWN = "withdrawn"
    EXCLUDED = "excluded"
    NOT_OPERATED = "not_operated"

    def text(self, lang: str = "en") -> str:
        return STATUS_TEXT[self].text(lang)

    @property
    def analysed(self) -> bool:
        """Only enrolled patients are in the trial's analysis."""
        return self is SubjectStatus.ENROLLED


STATUS_TEXT = {
    SubjectStatus.ENROLLED: Text("Enrolled"),
    SubjectStatus.WITHDRAWN: Text("Withdrawn"),
    SubjectStatus.EXCLUDED: Text("Excluded"),
    SubjectStatus.NOT_OPERATED: Text("Not operated"),
}
CODES = tuple(status.value for status in SubjectStatus)


@dataclass(frozen=True)
class StatusChange:
    """A status as it is set: the status, why, and the date it took effect (YYYY-MM-DD)."""

    status: SubjectStatus
    reason: str
    date: str


def parse_date(text: str) -> date:
    """A status date as YYYY-MM-DD; ValueError otherwise."""
    return date.fromisoformat(text.strip())


DATE_AHEAD = Text("The date of the status, {date}, lies ahead: give the day it took effect.")
DATE_BEFORE_ENROLMENT = Text("The date of the status, {date}, lies before the patient was enrolled ({enrolled}).")
BAD_DATE = Text("The date of the status, {date!r}, is not a date: write it as YYYY-MM-DD.")
SAME_STATUS = Text("{study_id} is already {status}: nothing was changed.")
REASON_NEEDED = Text("Say why the subject status changes: the reason is part of the record and the audit trail.")
