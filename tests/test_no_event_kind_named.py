"""No module names an event kind: what an event means is declared in forms/events.json and read from there.

The walk looks where a kind would be named: compared with an event's kind, looked up in the catalogue, handed
to a recording or a timeline. Finding and column names (plane_adapted as a column of the flat tables) are the
catalogue's too, but they name a column, not an event, and are left to the catalogue's own checks.
"""

from __future__ import annotations

import ast
from pathlib import Path

from mimic_desktop.domain import forms

ROOT = Path(__file__).resolve().parents[1]
WALKED = ("mimic_desktop", "bench", "docs")
RECORDING_CALLS = {"record_event", "first_event", "add", "event"}
# A kind written into a table by SQL: among the parameters of an execute.
SQL_CALLS = {"execute", "executemany"}


def _constant(node: ast.AST) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _names_a_kind(node: ast.AST) -> list[str]:
    """String constants this node uses as an event kind."""
    if isinstance(node, ast.Compare):
        sides = [node.left, *node.comparators]
        if any(
            (isinstance(side, ast.Attribute) and side.attr == "kind") or getattr(side, "id", "") == "kind"
            for side in sides
        ):
            found = [_constant(side) for side in sides]
            for side in sides:
                if isinstance(side, ast.Set | ast.Tuple | ast.List):
                    found += [_constant(element) for element in side.elts]
            return [name for name in found if name]
    if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Call):
        called = node.value.func
        if isinstance(called, ast.Attribute) and called.attr == "events":
            return [name for name in [_constant(node.slice)] if name]
    if isinstance(node, ast.Call):
        called = node.func
        name = called.attr if isinstance(called, ast.Attribute) else getattr(called, "id", "")
        if name in RECORDING_CALLS:
            return [text for text in map(_constant, node.args) if text]
        if name in SQL_CALLS:
            parameters = [
                element for arg in node.args[1:] if isinstance(arg, ast.Tuple | ast.List) for element in arg.elts
            ]
            return [text for text in map(_constant, parameters) if text]
    if isinstance(node, ast.For) and isinstance(node.iter, ast.Tuple):
        return [text for text in map(_constant, node.iter.elts) if text]
    return []


def test_no_module_outside_forms_and_tests_names_an_event_kind():
    kinds = set(forms.events())
    named = []
    for folder in WALKED:
        for path in sorted((ROOT / folder).rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                named += [
                    f"{path.relative_to(ROOT)}:{node.lineno}: {name}" for name in _names_a_kind(node) if name in kinds
                ]
    assert named == [], "read what the event means from forms/events.json (domain/forms.py) instead"


def test_the_walk_finds_a_kind_where_one_is_named():
    source = 'if event.kind == "closure": pass\nservice.record_event(proc_id, "incision")\nforms.events()["note"]\n'
    found = [name for node in ast.walk(ast.parse(source)) for name in _names_a_kind(node)]
    assert found == ["closure", "incision", "note"]


def test_a_kind_among_the_parameters_of_sql_is_found():
    """The walk itself: a kind written by an INSERT's parameters is named, as one compared with an event's is."""
    kind = next(iter(forms.events()))
    code = f"conn.execute('INSERT INTO events (kind) VALUES (?)', ('p', {kind!r}))"
    assert [name for node in ast.walk(ast.parse(code)) for name in _names_a_kind(node)] == ["p", kind]
