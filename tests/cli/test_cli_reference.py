"""docs/cli-reference.md says what the argument parsers say: a renamed command or option fails here until the page
is generated again."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

SCRIPT = Path(__file__).resolve().parents[2] / "docs" / "make_cli_reference.py"


def generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_cli_reference", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_command_reference_is_the_one_the_parsers_generate():
    make = generator()
    assert make.PAGE.read_text(encoding="utf-8") == make.reference(), "run python docs/make_cli_reference.py"


def test_the_reference_names_every_command_of_both_programs_and_their_options():
    page = generator().reference()
    for heading in ("### mimic-desktop export-odm", "### mimic-central withdraw-key", "### mimic-desktop settings"):
        assert heading in page
    assert "--icg-window" in page and "--reason REASON" in page
