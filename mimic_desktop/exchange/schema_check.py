"""A JSON Schema validator for the keywords record_schema uses, compiled once into plain functions.

The importer checks every record against the published schema, thousands of records a
minute; a general validator is several times slower than this, and the schema uses a small
set of keywords (draft 2020-12 meanings). A keyword this module does not know is refused when
the schema is compiled, so the published schema can never promise a check the importer skips.
Formats are asserted, not just annotated: "date" is YYYY-MM-DD, "date-time" carries a zone.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import Any

from ..domain.clock import from_iso

Check = Callable[[Any, str], "str | None"]  # a problem in words (starting with where), or None

_JSON_TYPES: dict[str, tuple[type, ...]] = {
    "object": (dict,),
    "array": (list,),
    "string": (str,),
    "integer": (int,),
    "number": (int, float),
    "boolean": (bool,),
    "null": (type(None),),
}
_ANNOTATIONS = frozenset({"$schema", "$id", "title", "description", "$defs", "required", "additionalProperties"})
_ZONE = re.compile(r"(Z|[+-]\d{2}:\d{2})$")


def compile_schema(root: dict[str, Any]) -> Check:
    """The check of instances against root; ValueError for a keyword it does not know."""
    definitions: dict[str, Check] = {}

    def node(schema: dict[str, Any]) -> Check:
        checks = [
            _keyword(key, rule, schema, node, definitions) for key, rule in schema.items() if key not in _ANNOTATIONS
        ]

        def check(value: Any, where: str) -> str | None:
            for one in checks:
                problem = one(value, where)
                if problem:
                    return problem
            return None

        return check

    for name, sub in root.get("$defs", {}).items():
        definitions[name] = node(sub)
    return node(root)


def _keyword(
    key: str, rule: Any, schema: dict[str, Any], node: Callable[[Any], Check], definitions: dict[str, Check]
) -> Check:
    if key == "$ref":
        name = rule.removeprefix("#/$defs/")
        return lambda value, where: definitions[name](value, where)
    if key == "properties":
        return _properties(schema, {name: node(sub) for name, sub in rule.items()})
    if key == "items":
        return _items(node(rule))
    if key == "type":
        return _type(rule if isinstance(rule, list) else [rule])
    if key in _SIMPLE:
        return _SIMPLE[key](rule)
    raise ValueError(f"schema_check does not know the schema keyword {key!r}")


def _type(names: list[str]) -> Check:
    allowed = tuple(kind for name in names for kind in _JSON_TYPES[name])
    refuse_bool = "boolean" not in names  # True is an int to Python, not to JSON
    text = " or ".join(names)

    def check(value: Any, where: str) -> str | None:
        if isinstance(value, allowed) and not (refuse_bool and isinstance(value, bool)):
            return None
        return f"{where}: expected {text}"

    return check


def _properties(schema: dict[str, Any], subs: dict[str, Check]) -> Check:
    required = tuple(schema.get("required", ()))
    closed = schema.get("additionalProperties") is False

    def check(value: Any, where: str) -> str | None:
        if not isinstance(value, dict):
            return None
        for name in required:
            if name not in value:
                return f"{where}: {name} is missing"
        if closed and not value.keys() <= subs.keys():
            return f"{where}: unexpected key {sorted(value.keys() - subs.keys())[0]!r}"
        for name, item in value.items():
            sub = subs.get(name)
            problem = sub and sub(item, f"{where}.{name}")
            if problem:
                return problem
        return None

    return check


def _items(sub: Check) -> Check:
    def check(value: Any, where: str) -> str | None:
        if isinstance(value, list):
            for index, item in enumerate(value):
                problem = sub(item, f"{where}[{index}]")
                if problem:
                    return problem
        return None

    return check


def _const(rule: Any) -> Check:
    return lambda value, where: (
        None if value == rule and type(value) is type(rule) else f"{where}: must be {rule!r}, not {value!r}"
    )


def _enum(rule: list[Any]) -> Check:
    # Compared with the type, so that true is not the version 1 and "1" not the number.
    allowed = frozenset((type(item), item) for item in rule)
    if not all(type(item) in (str, int) for item in rule):
        raise ValueError("schema_check knows enums of strings and integers only")
    return lambda value, where: (
        None if type(value) in (str, int) and (type(value), value) in allowed else f"{where}: {value!r} is not allowed"
    )


def _pattern(rule: str) -> Check:
    compiled = re.compile(rule)
    return lambda value, where: (
        None
        if not isinstance(value, str) or compiled.search(value)
        else f"{where}: {value!r} does not have the expected form"
    )


def _format(rule: str) -> Check:
    if rule not in {"date", "date-time"}:
        raise ValueError(f"schema_check does not know the format {rule!r}")
    what = "date" if rule == "date" else "date and time with a time zone"

    def check(value: Any, where: str) -> str | None:
        if not isinstance(value, str) or _format_ok(value, rule):
            return None
        return f"{where}: {value!r} is not a {what}"

    return check


def _format_ok(value: str, rule: str) -> bool:
    try:
        if rule == "date":
            return len(value) == 10 and date.fromisoformat(value).isoformat() == value
        return len(value) > 10 and value[10] == "T" and bool(_ZONE.search(value)) and from_iso(value) is not None
    except ValueError:
        return False


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


_SIMPLE: dict[str, Callable[[Any], Check]] = {
    "const": _const,
    "enum": _enum,
    "pattern": _pattern,
    "format": _format,
    "minimum": lambda rule: (
        lambda value, where: f"{where}: {value} is below {rule:g}" if _number(value) and value < rule else None
    ),
    "maximum": lambda rule: (
        lambda value, where: f"{where}: {value} is above {rule:g}" if _number(value) and value > rule else None
    ),
    "maxLength": lambda rule: (
        lambda value, where: (
            f"{where}: longer than {rule} characters" if isinstance(value, str) and len(value) > rule else None
        )
    ),
    "minItems": lambda rule: (
        lambda value, where: (
            f"{where}: needs at least {rule} item(s)" if isinstance(value, list) and len(value) < rule else None
        )
    ),
    "uniqueItems": lambda rule: (
        lambda value, where: (
            f"{where}: an item appears twice"
            if rule and isinstance(value, list) and len({repr(item) for item in value}) != len(value)
            else None
        )
    ),
}
