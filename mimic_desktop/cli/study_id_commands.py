"""`mimic-desktop rename`: correct a record's study ID, with a reason."""

from __future__ import annotations

import argparse

from ..domain.wording import say
from ..services import study_id_correction
from .common import AddCommand, reader_language, signed_in


def cmd_rename(args: argparse.Namespace) -> None:
    service = signed_in(args)
    proc = service.find(args.study_id)
    lang = reader_language(args)
    new_id = study_id_correction.rename(service, proc.id, args.new_id, args.reason, lang)
    print(
        say(
            "{old} is now {new}; the correction and its reason go with every later session file of the record.",
            lang,
            old=proc.study_id,
            new=new_id,
        )
    )


def register(command: AddCommand) -> None:
    p = command(
        "rename",
        cmd_rename,
        "correct a record's study ID, with a reason (carried in every later session file to the trial office)",
    )
    p.add_argument("study_id", help="the study ID the record has now")
    p.add_argument("new_id", help="the right study ID (MIM-CC-NNN, of the record's centre)")
    p.add_argument("--reason", required=True)
