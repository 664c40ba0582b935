"""Whose the questionnaire's answers are: who entered each one and who confirmed it, read from the audit trail."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from . import forms

# The audit row of a surgeon confirming an answer someone else entered on their word.
CONFIRMED_ENTITY = "answer"
CONFIRMED_FIELD = "confirmed"


@dataclass(frozen=True)
class AnswerSource:
    """One answer as it stands: its value, who entered it and when, and who confirmed that value (if anyone)."""

    field: str
    value: Any
    entered_by: str
    entered_at: str
    confirmed_by: str | None = None
    confirmed_at: str | None = None

    def belongs_to(self, username: str) -> bool:
        """Whether the answer is this surgeon's: entered by them, or confirmed by them after it was entered."""
        return username in (self.entered_by, self.confirmed_by)


def questionnaire_fields() -> list[str]:
    return [f.name for f in forms.questionnaire().fields()]


def _decoded(text: str | None) -> Any:
    return None if text is None else json.loads(text)


def answer_sources(rows: Iterable[Any]) -> dict[str, AnswerSource]:
    """The source of every answered question, from one record's audit rows in their order.

    A change to an answer makes a new entry and drops an earlier confirmation; a confirmation counts only for the
    value it confirmed.
    """
    names = set(questionnaire_fields())
    sources: dict[str, AnswerSource] = {}
    for row in rows:
        entity, field = row["entity"], row["field"]
        if entity == "procedure" and field in names:
            value = _decoded(row["new_value"])
            if value is None:
                sources.pop(field, None)
            else:
                sources[field] = AnswerSource(field, value, row["username"], row["at_utc"])
        elif entity == CONFIRMED_ENTITY and field == CONFIRMED_FIELD and row["entity_id"] in sources:
            current = sources[row["entity_id"]]
            if _decoded(row["new_value"]) == current.value:
                sources[row["entity_id"]] = AnswerSource(
                    current.field, current.value, current.entered_by, current.entered_at, row["username"], row["at_utc"]
                )
    return sources
