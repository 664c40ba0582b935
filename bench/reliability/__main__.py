"""Run every part of the reliability report and write docs/reliability.md: `python -m bench.reliability [--quick]`."""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
import traceback
from datetime import UTC, datetime
from pathlib import Path

from ..core import REPO
from .document import Part, markdown, write
from .settings import Settings

PARTS = ("durability", "storage", "backups", "importer", "tampering", "verification", "privacy", "roles")


def _isolate(scratch: Path) -> None:
    """Everything this run writes (data and config folders, the signing key, child processes) stays in scratch."""
    os.environ["MIMIC_DATA_DIR"] = str(scratch / "data")
    os.environ["MIMIC_CONFIG_DIR"] = str(scratch / "config")
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))


def run_part(name: str, settings: Settings, folder: Path) -> Part:
    """One part; an unexpected error is reported as that part failing, with its traceback on stderr."""
    import importlib

    print(f"[reliability] {name} ...", file=sys.stderr, flush=True)
    started = time.perf_counter()
    module = importlib.import_module(f"{__package__}.{name}")
    folder.mkdir(parents=True)
    try:
        part = module.run(settings, folder)
    except Exception as error:
        traceback.print_exc()
        part = Part(name, module.REQUIREMENT, f"The run failed: {type(error).__name__}: {error}", held=False)
    part.seconds = time.perf_counter() - started
    print(f"[reliability] {name}: {'held' if part.held else 'FAILED'} ({part.seconds:,.1f} s)", file=sys.stderr)
    return part


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.reliability", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="every part small (about half a minute)")
    parser.add_argument("--kills", type=int, help="SIGKILLs during recording (default 200, 2 with --quick)")
    parser.add_argument("--fuzzed", type=int, help="mutated session files (default 10,000, 300 with --quick)")
    parser.add_argument("--only", action="append", choices=PARTS, help="run only this part (repeatable)")
    parser.add_argument("--output", type=Path, default=REPO / "docs" / "reliability.md", help="the Markdown to write")
    args = parser.parse_args(argv)

    settings = Settings.make(args.quick, args.kills, args.fuzzed)
    scratch = Path(tempfile.mkdtemp(prefix="mimic-reliability-"))
    _isolate(scratch)
    started_at = datetime.now(UTC)
    started = time.perf_counter()
    try:
        parts = [run_part(name, settings, scratch / name) for name in PARTS if not args.only or name in args.only]
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    seconds = time.perf_counter() - started
    command = " ".join(["python -m bench.reliability", *(argv if argv is not None else sys.argv[1:])])
    command = command.replace(f" --output {args.output}", "")
    text = markdown(parts, command=command, started=started_at, seconds=seconds)
    write(args.output, text.replace(str(scratch), "SCRATCH"))  # the run's own temporary folder, not worth naming
    for part in parts:
        print(f"{'held  ' if part.held else 'FAILED'}  {part.title}")
    print(f"\nWritten to {args.output} ({seconds:,.0f} s).")
    return 0 if all(part.held for part in parts) else 1


if __name__ == "__main__":
    sys.exit(main())
