"""Checking an incoming record.json before anything of it is stored: the schema, then the rules.

The check runs the published schema (record_schema) with a small validator for the keywords
that schema uses, so that what the importer accepts and what the document promises are one
thing; then it checks what a schema cannot say: every value against its field definition,
events that point at lesions of this record, unique numbers, and the study ID's centre.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache
from typing import Any

from ..domain import forms, rules, values
from ..domain.clock import from_iso
from ..domain.errors import ValidationError
from ..domain.record import Procedure
from . import record_json, record_schema

_JSON_TYPES: dict[str, tuple[type, ...]] = {
    "object": (dict,),
    "array": (list,),
    "string": (str,),
    "integer": (int,),
    "number": (int, float),
    "boolean": (bool,),
    "null": (type(None),),
}
_ANNOTATIONS = {"$schema", "$id", "title", "description", "$defs"}


class RecordRejected(ValidationError):
    """A record.json that does not meet the schema or the rules; str() names the place and the problem."""


@cache
def _schema() -> dict[str, Any]:
    return record_schema.record_schema()


@cache
def _pattern(text: str) -> re.Pattern[str]:
    return re.compile(text)


def _is_type(value: Any, name: str) -> bool:
    if isinstance(value, bool) and name in {"integer", "number"}:
        return False
    return isinstance(value, _JSON_TYPES[name])


def _format_ok(value: str, name: str) -> bool:
    try:
        if name == "date":
            return len(value) == 10 and date.fromisoformat(value).isoformat() == value
        return len(value) > 10 and from_iso(value) is not None and value[10] == "T" and _has_zone(value)
    except ValueError:
        return False


def _has_zone(text: str) -> bool:
    return text.endswith("Z") or bool(re.search(r"[+-]\d{2}:\d{2}$", text))


def conforms(instance: Any, schema: dict[str, Any], root: dict[str, Any], where: str = "record.json") -> str | None:
    """The first way instance breaks schema, in words, or None; knows the keywords record_schema uses."""
    if "$ref" in schema:
        name = schema["$ref"].removeprefix("#/$defs/")
        return conforms(instance, root["$defs"][name], root, where)
    for keyword, rule in schema.items():
        problem = _keyword(keyword, rule, instance, schema, root, where)
        if problem:
            return problem
    return None


def _keyword(keyword: str, rule: Any, instance: Any, schema: dict, root: dict, where: str) -> str | None:
    if keyword in _ANNOTATIONS or keyword in {"properties", "required"}:
        return _properties(instance, schema, root, where) if keyword == "properties" else None
    if keyword == "type":
        names = rule if isinstance(rule, list) else [rule]
        return None if any(_is_type(instance, n) for n in names) else f"{where}: expected {' or '.join(names)}"
    if keyword == "const":
        same = instance == rule and type(instance) is type(rule)
        return None if same else f"{where}: must be {rule!r}, not {instance!r}"
    if keyword == "enum":
        return None if instance in rule and not isinstance(instance, bool) else f"{where}: {instance!r} is not allowed"
    if keyword == "additionalProperties":
        extra = sorted(set(instance) - set(schema.get("properties", {}))) if isinstance(instance, dict) else []
        return f"{where}: unexpected key {extra[0]!r}" if extra and rule is False else None
    if keyword == "items":
        if isinstance(instance, list):
            for index, item in enumerate(instance):
                problem = conforms(item, rule, root, f"{where}[{index}]")
                if problem:
                    return problem
        return None
    if keyword == "pattern":
        matches = not isinstance(instance, str) or _pattern(rule).search(instance)
        return None if matches else f"{where}: {instance!r} does not have the expected form"
    if keyword == "format":
        if not isinstance(instance, str) or _format_ok(instance, rule):
            return None
        return f"{where}: {instance!r} is not a {'date and time with a time zone' if rule == 'date-time' else 'date'}"
    return _limit(keyword, rule, instance, where)


def _limit(keyword: str, rule: Any, instance: Any, where: str) -> str | None:
    if keyword == "minimum":
        return f"{where}: {instance} is below {rule:g}" if _is_type(instance, "number") and instance < rule else None
    if keyword == "maximum":
        return f"{where}: {instance} is above {rule:g}" if _is_type(instance, "number") and instance > rule else None
    if keyword == "maxLength":
        too_long = isinstance(instance, str) and len(instance) > rule
        return f"{where}: longer than {rule} characters" if too_long else None
    if keyword == "minItems":
        return (
            f"{where}: needs at least {rule} item(s)" if isinstance(instance, list) and len(instance) < rule else None
        )
    if keyword == "uniqueItems":
        repeated = isinstance(instance, list) and rule and len(set(map(repr, instance))) != len(instance)
        return f"{where}: an item appears twice" if repeated else None
    raise ValueError(f"record_check does not know the schema keyword {keyword!r}")


def _properties(instance: Any, schema: dict, root: dict, where: str) -> str | None:
    if not isinstance(instance, dict):
        return None
    for name in schema.get("required", ()):
        if name not in instance:
            return f"{where}: {name} is missing"
    for name, sub in schema["properties"].items():
        if name in instance:
            problem = conforms(instance[name], sub, root, f"{where}.{name}")
            if problem:
                return problem
    return None


def check_record(data: Any) -> Procedure:
    """The Procedure of a parsed record.json, or RecordRejected naming the first problem."""
    problem = conforms(data, _schema(), _schema())
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
        if event.lesion_id is not None and event.lesion_id not in lesion_ids:
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
