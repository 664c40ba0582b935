"""Subcommands that export records for statisticians and other systems: export-csv, export-redcap, export-odm,
export-castor, export-dataset-json."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from ..domain.errors import ValidationError
from ..domain.forms import LANGUAGES
from ..domain.wording import Text
from .common import AddCommand, Handler, print_warnings, reader_language, signed_in

if TYPE_CHECKING:
    from ..services.data_exports import Exported


def _study_ids(args: argparse.Namespace) -> list[str] | None:
    if bool(args.study_ids) == args.all:
        raise ValidationError(Text("Name the study IDs to export, or give --all for every procedure (not both)."))
    return None if args.all else args.study_ids


def _print(exported: Exported, args: argparse.Namespace) -> None:
    for path in exported.paths:
        print(path)
    print_warnings(exported.warnings, reader_language(args))


def cmd_export_csv(args: argparse.Namespace) -> None:
    from ..services.data_exports import export_csv

    study_ids = _study_ids(args)
    _print(export_csv(signed_in(args), study_ids, args.out, lang=reader_language(args)), args)


def cmd_export_redcap(args: argparse.Namespace) -> None:
    from ..services.data_exports import export_redcap

    study_ids = _study_ids(args)
    _print(export_redcap(signed_in(args), study_ids, args.out, lang=args.lang), args)


def cmd_export_odm(args: argparse.Namespace) -> None:
    from ..services.data_exports import export_odm

    study_ids = _study_ids(args)
    _print(export_odm(signed_in(args), study_ids, args.out, with_audit=args.audit, lang=reader_language(args)), args)


def cmd_export_castor(args: argparse.Namespace) -> None:
    from ..services.data_exports import export_castor

    study_ids = _study_ids(args)
    _print(export_castor(signed_in(args), study_ids, args.out, args.map, lang=reader_language(args)), args)


def cmd_export_dataset_json(args: argparse.Namespace) -> None:
    from ..services.data_exports import export_dataset_json

    study_ids = _study_ids(args)
    _print(export_dataset_json(signed_in(args), study_ids, args.out, lang=reader_language(args)), args)


def register(command: AddCommand) -> None:
    def exporter(name: str, handler: Handler, help_text: str, out_help: str) -> argparse.ArgumentParser:
        p = command(name, handler, help_text, user=True)
        p.add_argument("study_ids", nargs="*", metavar="STUDY_ID", help="the procedures to export")
        p.add_argument("--all", action="store_true", help="export every procedure in the database")
        p.add_argument("--out", type=Path, required=True, help=out_help)
        return p

    exporter(
        "export-csv",
        cmd_export_csv,
        "write flat CSV tables (procedures, lesions, complications) with a data dictionary",
        "the folder to write into (made when missing)",
    )
    p = exporter(
        "export-redcap",
        cmd_export_redcap,
        "write a REDCap data dictionary and a matching import CSV",
        "the folder to write into (made when missing)",
    )
    p.add_argument("--lang", choices=LANGUAGES, default="en", help="language of the field labels")
    p = exporter("export-odm", cmd_export_odm, "write a CDISC ODM 1.3.2 XML file", "the XML file to write")
    p.add_argument(
        "--audit",
        action="store_true",
        help="the archive copy: every change of a value with who (by account id), when and why, and the signature",
    )
    p = exporter(
        "export-castor",
        cmd_export_castor,
        "write Castor EDC import files (study data, lesions and complications as repeating data)",
        "the folder to write into (made when missing)",
    )
    p.add_argument("--map", type=Path, help="an edited variable map (castor_variable_map.csv of an earlier export)")
    exporter(
        "export-dataset-json",
        cmd_export_dataset_json,
        "write the flat tables as CDISC Dataset-JSON 1.1",
        "the folder to write into (made when missing)",
    )
