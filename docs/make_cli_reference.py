"""Write docs/cli-reference.md from the argument parsers of `mimic-desktop` and `mimic-central`.

Run from the repository: `python docs/make_cli_reference.py`. tests/cli/test_cli_reference.py fails while the page
differs from what the parsers say, so a renamed command or option cannot leave the reference behind.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator
from pathlib import Path

HERE = Path(__file__).resolve().parent
PAGE = HERE / "cli-reference.md"
ROOT = HERE.parent
WIDTH = "100"  # argparse wraps help to the terminal's width: a fixed one, so the page is the same everywhere

HEADER = """# Command reference

Every command of `mimic-desktop` (the operating-room laptop) and `mimic-central` (the trial office's
central study database), with its options, as `--help` prints them. Generated from the argument parsers by
`python docs/make_cli_reference.py`; do not edit by hand. Examples of their use are in the
[README](../README.md#command-line).
"""


def _subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    """The parser's subcommands by name, in the order they were added."""
    for action in parser._actions:  # argparse offers no public way to walk its subcommands
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def _sections(program: str, parser: argparse.ArgumentParser) -> Iterator[str]:
    yield f"## {program}\n\n```text\n{parser.format_help().rstrip()}\n```\n"
    for name, sub in _subcommands(parser).items():
        yield f"### {program} {name}\n\n```text\n{sub.format_help().rstrip()}\n```\n"


def reference() -> str:
    """The whole page, as the parsers of this source tree describe the commands."""
    sys.path.insert(0, str(ROOT))
    try:
        from mimic_desktop.cli import central, main
    finally:
        sys.path.remove(str(ROOT))
    previous = os.environ.get("COLUMNS")
    os.environ["COLUMNS"] = WIDTH
    try:
        parts = [HEADER]
        for program, module in (("mimic-desktop", main), ("mimic-central", central)):
            parts += _sections(program, module.build_parser())
    finally:
        if previous is None:
            del os.environ["COLUMNS"]
        else:
            os.environ["COLUMNS"] = previous
    return "\n".join(parts)


if __name__ == "__main__":
    PAGE.write_text(reference(), encoding="utf-8")
    print(f"wrote {PAGE.relative_to(ROOT)}")
