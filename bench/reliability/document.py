"""A part of the report as data, and the whole report as Markdown."""

from __future__ import annotations

import subprocess
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from mimic_desktop import __version__

from ..core import REPO
from ..report import environment


@dataclass
class Table:
    headers: tuple[str, ...]
    rows: list[tuple[str, ...]] = field(default_factory=list)


@dataclass
class Part:
    """One requirement: what was done, the figures measured, and whether it held."""

    title: str
    requirement: str
    done: str
    figures: list[tuple[str, str]] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    held: bool = True
    seconds: float = 0.0


def count(value: int) -> str:
    return f"{value:,}"


def yes_no(value: bool) -> str:
    return "yes" if value else "NO"


def _cell(text: str) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def table_lines(table: Table) -> list[str]:
    lines = ["| " + " | ".join(table.headers) + " |", "|" + "---|" * len(table.headers)]
    return lines + ["| " + " | ".join(_cell(cell) for cell in row) + " |" for row in table.rows]


def commit() -> str:
    try:
        found = subprocess.run(["git", "describe", "--always", "--dirty"], cwd=REPO, capture_output=True, text=True)
    except OSError:
        return "unknown"
    return found.stdout.strip() or "unknown"


def markdown(parts: Sequence[Part], *, command: str, started: datetime, seconds: float) -> str:
    """The whole docs/reliability.md."""
    held = sum(part.held for part in parts)
    out = [
        "# Reliability",
        "",
        f"Produced by `{command}` from the repository root; do not edit by hand. The full run is",
        "`python -m bench.reliability` (it needs the test dependencies: `pip install -e '.[test]'`);",
        "`--quick` runs every part small, as the test suite does. Each part says what was tried and what",
        "was measured in this run; the code that tries it is the tests' own (tests/support). Paths in the",
        "run's temporary folder are written SCRATCH.",
        "",
        f"Run on {started:%Y-%m-%d %H:%M} UTC, MIMIC Desktop {__version__} (commit {commit()}), "
        f"taking {seconds:,.0f} s.",
        "",
        *(f"- {name}: {value}" for name, value in environment()),
        "",
        f"**{held} of {len(parts)} requirements held.**",
        "",
        "| requirement | held | seconds |",
        "|---|---|---|",
        *(f"| [{part.title}](#{anchor(part.title)}) | {yes_no(part.held)} | {part.seconds:,.1f} |" for part in parts),
        "",
    ]
    for part in parts:
        out += [f"## {part.title}", "", f"> {part.requirement}", "", part.done.strip(), ""]
        if part.figures:
            out += ["| figure | value |", "|---|---|", *(f"| {_cell(k)} | {_cell(v)} |" for k, v in part.figures), ""]
        for table in part.tables:
            out += [*table_lines(table), ""]
    return "\n".join(out).rstrip() + "\n"


def anchor(title: str) -> str:
    """GitHub's anchor for a heading: lower case, spaces to dashes, punctuation dropped."""
    kept = "".join(ch for ch in title.lower() if ch.isalnum() or ch in " -")
    return kept.replace(" ", "-")


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
