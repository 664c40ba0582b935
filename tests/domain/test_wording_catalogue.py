"""Every text the Qt-free layers say has its Dutch, with the same placeholders, and the fallback is English.

The messages are collected from the source itself: every call of say(...) and Text(...) in mimic_desktop,
whose first argument must be the English text written out (a message built at run time could not be
checked, nor translated).
"""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest

from mimic_desktop.domain import wording
from mimic_desktop.domain.errors import MimicError, ValidationError
from mimic_desktop.domain.shipped import shipped
from mimic_desktop.domain.wording import Text, catalogue, placeholders, said, say

PACKAGE = Path(wording.__file__).resolve().parents[1]
MESSAGE_CALLS = {"say", "Text"}


def _called_name(call: ast.Call) -> str | None:
    func = call.func
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


def message_calls() -> list[tuple[str, int, ast.expr | None]]:
    """(file, line, first argument) of every say(...) and Text(...) call in the package."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.name == "wording.py" and path.parent.name == "domain":
            continue  # the mechanism itself passes texts on
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if isinstance(node, ast.Call) and _called_name(node) in MESSAGE_CALLS:
                first = node.args[0] if node.args else None
                found.append((str(path.relative_to(PACKAGE)), node.lineno, first))
    return found


def error_classes() -> set[str]:
    """The names of MimicError and of every class of the package that derives from it."""
    bases: dict[str, set[str]] = {}
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                bases[node.name] = {b.id if isinstance(b, ast.Name) else getattr(b, "attr", "") for b in node.bases}
    found = {"MimicError"}
    while True:
        more = {name for name, parents in bases.items() if parents & found} - found
        if not more:
            return found
        found |= more


def worded_in_place() -> list[str]:
    """Errors meant for people raised with words written in place (a literal or an f-string), not a Text."""
    classes, found = error_classes(), []
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call) and node.exc.args):
                continue
            if _called_name(node.exc) in classes and isinstance(node.exc.args[0], ast.Constant | ast.JoinedStr):
                found.append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
    return found


def said_texts() -> set[str]:
    return {first.value for _file, _line, first in message_calls() if isinstance(first, ast.Constant)}


def test_the_walk_finds_the_messages_of_every_layer():
    files = {file.split("/")[0] for file, _line, _first in message_calls()}
    assert {"domain", "storage", "services", "exchange", "reports"} <= files
    assert len(said_texts()) > 200


def test_every_message_is_written_out_in_english_where_it_is_said():
    built = [f"{file}:{line}" for file, line, first in message_calls() if not isinstance(first, ast.Constant)]
    assert built == [], "say() and Text() take the English text itself, not one built at run time"
    not_text = [f"{file}:{line}" for file, line, first in message_calls() if not isinstance(first.value, str)]
    assert not_text == []


def test_no_error_meant_for_people_is_worded_in_place():
    assert len(error_classes()) > 15, "the walk finds the errors of every layer"
    assert worded_in_place() == [], "raise the error with Text('...') so that it is said in the reader's language"


def test_every_message_the_code_says_has_its_dutch():
    missing = sorted(said_texts() - set(catalogue("nl")))
    assert missing == [], "add these to resources/messages/nl.json"


def test_the_catalogue_holds_only_what_the_code_says():
    unused = sorted(set(catalogue("nl")) - said_texts())
    assert unused == [], "remove these from resources/messages/nl.json"


@pytest.mark.parametrize("english", sorted(json.loads(shipped("resources", "messages", "nl.json").read_text("utf-8"))))
def test_each_dutch_text_fills_the_same_placeholders(english):
    dutch = catalogue("nl")[english]
    assert dutch.strip(), english
    assert placeholders(dutch) == placeholders(english), english
    assert dutch == dutch.strip() and english == english.strip()


def test_the_catalogue_is_kept_sorted_and_readable():
    path = shipped("resources", "messages", "nl.json")
    entries = json.loads(path.read_text(encoding="utf-8"))
    assert list(entries) == sorted(entries, key=str.lower), "keep nl.json sorted (case-insensitively)"


def test_a_language_or_a_text_without_translation_falls_back_to_english():
    assert say("Lesion {number}", "nl", number=2) == "Laesie 2"
    assert say("Lesion {number}", "de", number=2) == "Lesion 2"
    assert say("Lesion {number}", "", number=2) == "Lesion 2"
    assert say("Lesion {number}", "../nl", number=2) == "Lesion 2", "a language is a name, never a path"
    assert say("A text nobody translated, {n}", "nl", n=3) == "A text nobody translated, 3"


def test_a_kept_text_is_said_in_the_readers_language_with_its_values():
    problem = Text("{label}: the final margin ({final:g} mm) is smaller than the initial one ({margin:g} mm).")
    text = problem.fill(label=Text("Lesion {number}", number=1), final=0.5, margin=2.0)
    assert text.text("nl") == "Laesie 1: de uiteindelijke marge (0.5 mm) is kleiner dan de eerste (2 mm)."
    assert str(text) == "Lesion 1: the final margin (0.5 mm) is smaller than the initial one (2 mm)."


def test_an_error_raised_without_a_language_is_said_in_the_one_that_shows_it():
    error = ValidationError(Text("ICG cannot be given after the incision."))
    assert str(error) == "ICG cannot be given after the incision."
    assert said(error, "nl") == "ICG kan niet na de incisie zijn toegediend."
    assert said(MimicError("plain words"), "nl") == "plain words"
    assert said(ValueError("a bug"), "nl") == "a bug"


@pytest.mark.parametrize("english", sorted(json.loads(shipped("resources", "messages", "nl.json").read_text("utf-8"))))
def test_each_text_is_said_in_dutch_with_values_of_its_kind(english):
    """Every rule, refusal and status text said in Dutch, its placeholders filled (numbers where formatted as such)."""
    values = {}
    for placeholder in placeholders(english):
        name, _, spec = placeholder.partition(":")
        values[name.partition("!")[0]] = 1234.5 if spec else Text("Lesion {number}", number=3)
    dutch, plain = say(english, "nl", **values), say(english, "en", **values)
    assert dutch and "{" not in dutch.replace("{{", ""), english
    assert ("Laesie 3" in dutch) == ("Lesion 3" in plain), "a message given as a value is said in Dutch too"
