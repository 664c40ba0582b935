"""`set-status`: whether a patient is still in the trial (withdrawn, excluded, not operated, or enrolled again)."""

from __future__ import annotations

import argparse

from ..domain.subject_status import CODES, SubjectStatus
from ..domain.wording import say
from .common import AddCommand, reader_language, signed_in


def cmd_set_status(args: argparse.Namespace) -> None:
    service = signed_in(args)
    proc = service.find(args.study_id)
    status = SubjectStatus(args.status)
    service.set_subject_status(proc.id, status, args.reason, args.date)
    changed = service.load(proc.id)
    lang = reader_language(args)
    print(
        say(
            "{study_id} is {status} since {date}; the reason is in the audit trail.",
            lang,
            study_id=changed.study_id,
            status=status.text(lang),
            date=changed.subject_status_date,
        )
    )


def register(command: AddCommand) -> None:
    p = command(
        "set-status",
        cmd_set_status,
        "set whether the patient is still in the trial, with a reason: one who is not is left out of the analysis",
    )
    p.add_argument("study_id")
    p.add_argument(
        "status", choices=CODES, help="enrolled (the default at enrolment) or why the patient left the trial"
    )
    p.add_argument("--reason", required=True, help="why, in a few words (kept with the status and in the audit trail)")
    p.add_argument("--date", default=None, help="the day it took effect, YYYY-MM-DD (default: today)")
