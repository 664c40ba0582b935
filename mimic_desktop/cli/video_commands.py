"""`video-time`: line the tower's video recording up with the record's timeline, and list where each event is in it."""

from __future__ import annotations

import argparse
from typing import Any

from ..domain import forms, video_time
from ..domain.clock import local_text
from ..domain.errors import ValidationError
from ..domain.record import Procedure
from ..domain.wording import Text, say
from .common import AddCommand, print_json, reader_language, signed_in

SHOWN_NEEDED = Text(
    "--event and --at-incision say where the recording's time was read: give that time with --shown H:MM:SS."
)


def cmd_video_time(args: argparse.Namespace) -> None:
    service = signed_in(args)
    lang = reader_language(args)
    proc = service.find(args.study_id)
    if args.shown is None and (args.event is not None or args.at_incision):
        raise ValidationError(SHOWN_NEEDED, "shown", lang=lang)
    if args.shown is not None:
        reference = service.set_video_reference(proc.id, args.shown, event_id=args.event, reason=args.reason, lang=lang)
        proc = service.load(proc.id)
        if not args.json:
            print(
                say(
                    "The video recording of {study_id} showed {shown} at event {event}.",
                    lang,
                    study_id=proc.study_id,
                    shown=reference.shown,
                    event=reference.event_id,
                )
            )
    if args.json:
        print_json(listing(proc))
        return
    if args.shown is None:
        _print_events(proc, lang)


def listing(proc: Procedure) -> dict[str, Any]:
    """The reference and every event with its position in the recording (None without a reference in force)."""
    positions = video_time.positions(proc)
    reference = proc.video_reference
    return {
        "study_id": proc.study_id,
        "video_reference": None
        if reference is None
        else {"event_id": reference.event_id, "shown": reference.shown, "in_force": bool(positions)},
        "events": [
            {
                "id": event.id,
                "kind": event.kind,
                "at": event.at,
                "struck": event.struck,
                "video_time": video_time.exact(positions[event.id]) if event.id in positions else None,
            }
            for event in sorted(proc.events, key=lambda e: (e.at, e.id))
        ],
    }


def _print_events(proc: Procedure, lang: str) -> None:
    reference = proc.video_reference
    positions = video_time.positions(proc)
    if reference is None:
        print(say("{study_id} has no video time reference yet.", lang, study_id=proc.study_id))
    elif not positions:
        print(video_time.REFERENCE_STRUCK.fill(event=reference.event_id).text(lang))
    catalogue = forms.events()
    for event in sorted(proc.events, key=lambda e: (e.at, e.id)):
        name = catalogue[event.kind].text(lang) if event.kind in catalogue else event.kind
        struck = " " + say("(event struck through)", lang) if event.struck else ""
        where = video_time.shown(positions[event.id]) if event.id in positions else ""
        print(f"{event.id}\t{local_text(event.at, seconds=True)}\t{where}\t{name}{struck}")


def register(command: AddCommand) -> None:
    p = command(
        "video-time",
        cmd_video_time,
        "set the time the tower's video recording showed at an event (the incision by default), so that every event "
        "has its position in the recording; without --shown, list each event's position",
    )
    p.add_argument("study_id")
    where = p.add_mutually_exclusive_group()
    where.add_argument("--event", type=int, default=None, help="the id of the live event the time was read at")
    where.add_argument(
        "--at-incision", action="store_true", help="the time was read at the incision (the default without --event)"
    )
    p.add_argument("--shown", default=None, help="the time the recording showed then, H:MM:SS (a fraction allowed)")
    p.add_argument("--reason", default=None, help="why (needed once the record is complete)")
    p.add_argument("--json", action="store_true", help="print the reference and every event's position as JSON")
