"""`attach-frame` and `frames`: near-infrared stills kept with a record's events."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..domain.wording import say
from .common import AddCommand, print_json, reader_language, signed_in


def cmd_attach_frame(args: argparse.Namespace) -> None:
    from ..services import frames

    service = signed_in(args)
    frame_id = frames.attach_frame(service, args.study_id, args.event_id, args.image, reason=args.reason)
    kept = next(frame for frame in frames.kept_frames(service, args.study_id) if frame.id == frame_id)
    print(
        say(
            "Frame {frame} kept with event {event} ({size:,} bytes, SHA-256 {sha256}).",
            reader_language(args),
            frame=frame_id,
            event=args.event_id,
            size=kept.size,
            sha256=kept.sha256,
        )
    )


def cmd_frames(args: argparse.Namespace) -> None:
    from ..services import frames

    kept = frames.kept_frames(signed_in(args), args.study_id)
    if args.json:
        print_json([frame.as_json() for frame in kept])
        return
    lang = reader_language(args)
    if not kept:
        print(say("No frames are kept with the events of {study_id}.", lang, study_id=args.study_id))
    for frame in kept:
        struck = " " + say("(event struck through)", lang) if frame.struck else ""
        event = say("event {id} {kind}", lang, id=frame.event_id, kind=frame.event_kind)
        print(f"{frame.id}\t{event}{struck}\t{frame.event_at}\t{frame.size}\t{frame.sha256}")


def register(command: AddCommand) -> None:
    p = command(
        "attach-frame",
        cmd_attach_frame,
        "keep a still of the video (an image file) with an event of the record, masked as the study settings say",
    )
    p.add_argument("study_id")
    p.add_argument("event_id", type=int)
    p.add_argument("--image", type=Path, required=True, help="the still (PNG, JPEG, TIFF or BMP)")
    p.add_argument("--reason", default=None, help="why (needed once the record is complete)")
    p = command("frames", cmd_frames, "list the frames kept with a record's events (event, time, size, hash)")
    p.add_argument("study_id")
    p.add_argument("--json", action="store_true", help="print the list as JSON")
