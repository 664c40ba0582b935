"""`mimic-central frames` and `mimic-central frame`: the near-infrared frames of a study ID's record that the trial
office holds, listed from the index, and one written out from the checked archived copy."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from ..domain.wording import say
from .common import print_json, reader_language

if TYPE_CHECKING:
    from collections.abc import Callable

    from ..domain.roles import User
    from ..storage.connection import Store

    SignIn = Callable[[argparse.Namespace], tuple[Store, User]]


def cmd_frames(args: argparse.Namespace, signed_in: SignIn) -> None:
    from ..services import central_frames

    store, _ = signed_in(args)
    lang = reader_language(args)
    found = central_frames.frames(store, args.study_id)
    if args.json:
        print_json([frame.as_json() for frame in found])
        return
    if not found:
        print(say("No imported version of {study_id} lists a frame.", lang, study_id=args.study_id.strip().upper()))
    for frame in found:
        where = say("travelled", lang) if frame.travelled else say("stayed at the centre", lang)
        print(
            say(
                "version {version}, event {event} ({kind}): {sha256}, {size:,} bytes, {width}x{height}, {where}",
                lang,
                version=frame.version,
                event=frame.event_id,
                kind=frame.event_kind or "?",
                sha256=frame.sha256,
                size=frame.size,
                width=frame.width,
                height=frame.height,
                where=where,
            )
        )


def cmd_frame(args: argparse.Namespace, signed_in: SignIn) -> None:
    from ..services import central_frames

    store, _ = signed_in(args)
    print(central_frames.write_frame(store, args.study_id, args.sha256, args.out))


def add_commands(command: Callable[..., argparse.ArgumentParser], signed_in: SignIn) -> None:
    """The two commands, made with mimic-central's own way of making one (its --db and --user)."""
    p = command(
        "frames",
        lambda args: cmd_frames(args, signed_in),
        "list the near-infrared frames each imported version of a study ID's record lists, and which travelled",
    )
    p.add_argument("study_id", help="the study ID, e.g. MIM-03-017")
    p.add_argument("--json", action="store_true", help="print JSON")
    p = command(
        "frame",
        lambda args: cmd_frame(args, signed_in),
        "write one frame that travelled (a PNG, as the centre kept it) from the checked archived session file",
    )
    p.add_argument("study_id", help="the study ID, e.g. MIM-03-017")
    p.add_argument("sha256", help="the frame's SHA-256, as `frames` lists it")
    p.add_argument("--out", type=Path, required=True, help="the .png file to write")
