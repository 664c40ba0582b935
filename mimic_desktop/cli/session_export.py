"""Subcommands that send a record to the trial office: export (a signed session file) and export-key."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..domain.forms import LANGUAGES
from ..domain.wording import say
from .common import AddCommand, print_warnings, reader_language, signed_in


def cmd_export(args: argparse.Namespace) -> None:
    from ..services.export import ExportService

    service = signed_in(args)
    exporter = ExportService(service.store, service.user, service.clock)
    proc_id = service.find(args.study_id).id
    frames = exporter.preflight(proc_id, args.lang).frames
    if frames:  # said before the file is written: whether the frames leave the laptop, and their size
        print(frames, flush=True)
    result = exporter.export(proc_id, args.out, lang=args.lang)
    print_warnings(result.warnings, args.lang)
    print(result.path)
    print(
        say(
            "{study_id} version {version} (session {session}), SHA-256 {hash}, signed with key {fingerprint}.",
            args.lang,
            study_id=result.study_id,
            version=result.session_version,
            session=result.session_id,
            hash=result.file_hash,
            fingerprint=result.key_fingerprint,
        )
    )


def cmd_export_key(args: argparse.Namespace) -> None:
    from ..services.session_key import write_public_key

    written = write_public_key(args.out)
    print(written.path)
    print(
        say(
            "Public key fingerprint {fingerprint}: send the file to the trial office and read them the fingerprint "
            "by phone, so that they know the file is yours.",
            reader_language(args),
            fingerprint=written.fingerprint,
        )
    )


def register(command: AddCommand) -> None:
    p = command("export", cmd_export, "export a completed record as a signed session file (.mimic)", user=True)
    p.add_argument("study_id")
    p.add_argument("--out", type=Path, required=True, help="the file to write, or a folder (gets STUDYID-vN.mimic)")
    p.add_argument("--lang", choices=LANGUAGES, default=None, help="language of the PDFs in the file (default: yours)")
    p = command(
        "export-key",
        cmd_export_key,
        "write this laptop's public session-signing key for the trial office (makes the key pair if needed)",
        user=False,
    )
    p.add_argument("--out", type=Path, required=True, help="the .pem file to write, or a folder")
