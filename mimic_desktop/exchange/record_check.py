"""Checking an incoming record.json before anything of it is stored: the schema, then the rules.

The check runs the published schema (record_schema) through schema_check, so that what the
importer accepts and what the document promises are one thing; then it checks what a schema cannot say: every value against its field definition,
live events that point at lesions of this record, unique numbers, and the study ID's centre.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from ..domain import forms, rules, values
from ..domain.errors import ValidationError
from ..domain.record import Procedure
from . import record_json, record_schema, schema_check


class RecordRejected(ValidationError):
    """A record.json that does not meet the schema or the rules; str() names the place and the problem."""


@cache
def _schema_check() -> schema_check.Check:
    return schema_check.compile_schema(record_schema.record_schema())


def check_record(data: Any) -> Procedure:
    """The Procedure of a parsed record.json, or RecordRejected naming the first problem."""
    problem = _schema_check()(data, "record.json")
    if problem:
        raise RecordRejected(f"The record does not match the session record schema: {problem}.")
    body = data["record"]
    if data["session_id"] != body["session_id"]:
        raise RecordRejected("The record's session_id differs from the session_id beside it.")
    try:
        rules.check_study_id(body["study_id"], body["centre"])
    except ValidationError as error:
        raise RecordRejected(str(error)) from None
    proc = record_json.record_from_dict(data)
    _normalise(proc.values, "record.values")
    lesion_ids = _children(proc.lesions, "lesions")
    _children(proc.complications, "complications")
    for index, event in enumerate(proc.events):
        # A struck event may name a lesion that was removed from the record together with it.
        if event.lesion_id is not None and event.lesion_id not in lesion_ids and not event.struck:
            raise RecordRejected(f"record.events[{index}] points at a lesion the record does not have.")
    if len({event.id for event in proc.events}) != len(proc.events):
        raise RecordRejected("Two events of the record have the same id.")
    return proc


def _children(children: list, where: str) -> set[str]:
    ids = {child.id for child in children}
    if len(ids) != len(children) or len({child.number for child in children}) != len(children):
        raise RecordRejected(f"record.{where}: two items have the same id or number.")
    for index, child in enumerate(children):
        _normalise(child.values, f"record.{where}[{index}].values")
    return ids


def _normalise(stored: dict[str, Any], where: str) -> None:
    """Check each value against its field's rules and keep it in the form the laptop stores."""
    for name, value in stored.items():
        fdef = forms.field_def(name)
        try:
            stored[name] = values.normalise(fdef, value)
        except ValidationError as error:
            raise RecordRejected(f"{where}.{name}: {error}") from None
