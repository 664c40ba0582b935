"""The README's command-line examples run as written, in order, on a fresh folder: a renamed command, option or
field fails here, naming the README line and what the command said.

Every ```sh block whose commands are `.venv/bin/mimic-desktop` or `.venv/bin/mimic-central` is an example; each
of its commands must end with exit status 0. `.venv/bin/` stands for this interpreter's installation of the
two programs (run through the tests' launcher, so that new password hashes are cheap); `MIMIC_PASSWORD=...` for
the test's password, which is also each command's standard input, where it asks for a new password or a
signature's; /media/usb for a folder standing in for the stick.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"
PASSWORD = "correct horse battery"
CHANGED_PASSWORD = "staple gun 2026 spring"  # what `passwd` is given: a new password must differ from the old
PROGRAM_PREFIX = ".venv/bin/"
USB_STICK = "/media/usb"
ASSIGNMENT = re.compile(r"[A-Z_]+=\S*")


@dataclass(frozen=True)
class Example:
    line: int  # where the command starts in the README
    text: str  # as written, continuation lines joined
    environment: dict[str, str]
    argv: list[str]


def _programs() -> dict[str, str]:
    """Each console script of pyproject.toml and the module whose main() it runs."""
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
    return {name: target.split(":")[0] for name, target in scripts.items()}


def _commands(block: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The block's commands with their first line number: continuation lines joined, comments left out."""
    commands: list[tuple[int, str]] = []
    pending: tuple[int, str] | None = None
    for number, raw in block:
        line = raw.rstrip()
        if pending is None and (not line.strip() or line.lstrip().startswith("#")):
            continue
        start, text = pending or (number, "")
        text += line.removesuffix("\\")
        pending = (start, text + " ") if line.endswith("\\") else None
        if pending is None:
            commands.append((start, text))
    return commands


def readme_examples() -> list[Example]:
    lines = README.read_text(encoding="utf-8").splitlines()
    blocks: list[list[tuple[int, str]]] = []
    inside: list[tuple[int, str]] | None = None
    for number, line in enumerate(lines, start=1):
        if inside is None and line.strip() == "```sh":
            inside = []
        elif inside is not None and line.strip() == "```":
            blocks.append(inside)
            inside = None
        elif inside is not None:
            inside.append((number, line))
    examples = []
    for block in blocks:
        parsed = []
        for number, text in _commands(block):
            words = shlex.split(text, comments=True)
            assignments = {}
            while words and ASSIGNMENT.fullmatch(words[0]):
                name, value = words.pop(0).split("=", 1)
                assignments[name] = PASSWORD if name == "MIMIC_PASSWORD" else value
            parsed.append(Example(number, text.strip(), assignments, words))
        if not parsed or not _is_example(parsed[0]):
            continue  # a block of other commands (setting up, building): not a command-line example
        strays = [example for example in parsed if not _is_example(example)]
        assert not strays, f"README line {strays[0].line}: not a program's command, in a block of examples"
        examples += parsed
    return examples


def _is_example(example: Example) -> bool:
    return bool(example.argv) and example.argv[0].startswith(PROGRAM_PREFIX + "mimic-")


def _program(example: Example, programs: dict[str, str]) -> str:
    program = example.argv[0].removeprefix(PROGRAM_PREFIX)
    assert program in programs, f"README line {example.line}: {program} is not a program of pyproject.toml"
    return programs[program]


def _argv(example: Example, usb: Path) -> list[str]:
    rest = [str(usb) if word == USB_STICK else word for word in example.argv[1:]]
    return [sys.executable, "-m", "tests.support.cheap_cli", *rest]


def test_the_readme_has_command_line_examples_of_both_programs():
    programs = {example.argv[0] for example in readme_examples()}
    assert programs == {".venv/bin/mimic-desktop", ".venv/bin/mimic-central"}


def test_every_readme_example_runs_as_written_in_order(tmp_path):
    programs = _programs()
    usb = tmp_path / "usb"
    usb.mkdir()
    environment = os.environ | {"MIMIC_PASSWORD": PASSWORD, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    examples = readme_examples()
    assert len(examples) > 20, "the README's examples were not found"
    for example in examples:
        done = subprocess.run(
            _argv(example, usb),
            cwd=tmp_path,
            env=environment | example.environment | {"MIMIC_PROGRAM": _program(example, programs)},
            input=(CHANGED_PASSWORD if "passwd" in example.argv[1:2] else PASSWORD) + "\n",
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert done.returncode == 0, (
            f"README line {example.line} failed (exit status {done.returncode}):\n  {example.text}\n"
            f"{done.stderr.strip() or done.stdout.strip()}"
        )
        assert "Traceback" not in done.stderr, f"README line {example.line}:\n{done.stderr}"
    assert (usb / "MIM-03-001-v1.mimic").is_file(), "the session file went to the stick"
