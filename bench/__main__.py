"""Run the benchmark suite: `python -m bench` (full) or `python -m bench --quick`, from the repository root."""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
import traceback
from pathlib import Path
from types import ModuleType

from . import report
from .core import REPO, Context, NotAvailable, Row, Settings


def suite() -> list[ModuleType]:
    """The benchmarks in the order of the table; each has MEASURES, METHOD and run(ctx)."""
    from . import analysis_report, central_import, event_commit, memory, pdf_summary, startup, ui_stall

    return [startup, event_commit, pdf_summary, central_import, analysis_report, memory, ui_stall]


def run_benchmark(module: ModuleType, ctx: Context) -> tuple[list[Row], bool]:
    """Its rows, and whether it ran without an error; a missing component fills its rows with why."""
    name = module.__name__.rsplit(".", 1)[-1]
    print(f"[bench] {name} ...", file=sys.stderr, flush=True)
    start = time.perf_counter()
    try:
        rows = module.run(ctx)
    except NotAvailable as missing:
        print(f"[bench] {name} not available: {missing}", file=sys.stderr, flush=True)
        return [Row(m, status="not available", note=str(missing)) for m in module.MEASURES], True
    except Exception as error:
        traceback.print_exc()
        rows = [Row(m, status="failed", note=f"{type(error).__name__}: {error}") for m in module.MEASURES]
        return rows, False
    print(f"[bench] {name} done in {time.perf_counter() - start:.1f} s", file=sys.stderr, flush=True)
    return rows, True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="small sizes and few repetitions (about a minute)")
    parser.add_argument("--files", type=int, help="session files for the central import (default 10,000)")
    parser.add_argument("--only", action="append", help="run only this benchmark module (repeatable)")
    parser.add_argument(
        "--output", type=Path, default=REPO / "docs" / "benchmarks.md", help="where to write the Markdown report"
    )
    parser.add_argument("--keep", action="store_true", help="keep the scratch folder and print where it is")
    args = parser.parse_args(argv)

    settings = Settings.make(args.quick, args.files)
    modules = [m for m in suite() if not args.only or m.__name__.rsplit(".", 1)[-1] in args.only]
    load = os.getloadavg()  # other work on the machine shows in every wall-clock figure
    workdir = Path(tempfile.mkdtemp(prefix="mimic-bench-"))
    ctx = Context(settings, workdir)
    start = time.perf_counter()
    rows: list[Row] = []
    healthy = True
    try:
        for module in modules:
            module_rows, ok = run_benchmark(module, ctx)
            rows += module_rows
            healthy &= ok
    finally:
        if args.keep:
            print(f"[bench] scratch folder kept: {workdir}", file=sys.stderr)
        else:
            shutil.rmtree(workdir, ignore_errors=True)
    seconds = time.perf_counter() - start

    print(report.table(rows))
    command = "python -m bench" + (" --quick" if args.quick else "") + (f" --files {args.files}" if args.files else "")
    methods = [((m.__doc__ or "").strip().splitlines()[0].rstrip("."), m.METHOD) for m in modules]
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(
        report.markdown(rows, command=command, seconds=seconds, methods=methods, load=load), encoding="utf-8"
    )
    print(f"\nWritten to {args.output} ({seconds:.0f} s).")
    return 0 if healthy else 1


if __name__ == "__main__":
    sys.exit(main())
