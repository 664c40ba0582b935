"""`report`: the trial's analysis as JSON, a PDF or a short summary, from CSV files or the synthetic cohort.

`register(command)` adds the subcommand to a command line whose `command(name, handler, help, user=...)`
makes subparsers (as mimic-desktop's does); `main(argv)` runs it on its own:
`python -m mimic_desktop.cli.report --synthetic --json`. A caller that has the three tables already
(the central database) prints them with `emit(tables, source, args)`.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ..domain.errors import MimicError
from ..domain.forms import LANGUAGES
from ..domain.wording import Text, say
from .common import AddCommand, reader_language, run

if TYPE_CHECKING:
    from ..services.trial_report import Tables


def add_output_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--json", action="store_true", help="print the whole report as JSON (keys: docs/trial-report.md)"
    )
    parser.add_argument("--pdf", type=Path, metavar="FILE", help="write the report as a PDF")
    parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        default=None,
        help="language of the PDF and the summary (default: yours; the JSON is English)",
    )


def add_arguments(parser: argparse.ArgumentParser) -> None:
    source = parser.add_mutually_exclusive_group()
    source.add_argument(
        "--csv", type=Path, metavar="FOLDER", help="read procedures.csv, lesions.csv, complications.csv"
    )
    source.add_argument("--synthetic", action="store_true", help="the synthetic cohort that matches the MIMIC paper")
    parser.add_argument("--seed", type=int, default=1, help="seed of the synthetic cohort (default 1)")
    parser.add_argument("--scale", type=int, default=1, help="copies of the 201-patient synthetic cohort (default 1)")
    add_output_arguments(parser)


def emit(tables: Tables, source: str, args: argparse.Namespace) -> None:
    """Compute the report from the tables and print or write it as the arguments ask."""
    from ..services.trial_report import report_json, summary_text, trial_report, write_report_pdf

    report = trial_report(tables, source)
    lang = reader_language(args)
    if args.pdf:
        written = write_report_pdf(report, args.pdf, lang)
        if not args.json:
            print(say("Trial report written to {path}.", lang, path=written))
    if args.json:
        sys.stdout.write(report_json(report) + "\n")
    elif not args.pdf:
        print(summary_text(report, lang))


def cmd_report(args: argparse.Namespace) -> None:
    from ..services import trial_report

    if args.csv:
        tables, source = trial_report.tables_from_csv(args.csv), f"CSV files in {args.csv}"
    elif args.synthetic:
        tables = trial_report.synthetic_tables(args.seed, args.scale)
        source = f"synthetic cohort, seed {args.seed}, scale {args.scale}"
    else:
        raise MimicError(Text("Say which data to report on: --csv FOLDER or --synthetic."))
    emit(tables, source, args)


def register(command: AddCommand) -> None:
    p = command("report", cmd_report, "the trial's analysis: JSON, PDF or a summary", user=False)
    add_arguments(p)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="mimic-report", description="The MIMIC trial's analysis.")
    add_arguments(parser)
    return run(cmd_report, parser.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
