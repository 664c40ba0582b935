"""The `settings` subcommand: the laptop's study settings (ICG protocol window, centre code), read and changed."""

from __future__ import annotations

import argparse

from ..domain.wording import say
from ..services.procedures import ProcedureService
from .common import AddCommand, reader_language, signed_in


def cmd_settings(args: argparse.Namespace) -> None:
    from ..services import settings, video

    service = signed_in(args)
    lang = reader_language(args)
    if args.frame_masks is not None:
        from ..services import frames

        system, _, rects = args.frame_masks.partition("=")
        chosen = [rect for rect in rects.split(";") if rect.strip()]
        masked = frames.set_masks(service.store, service.user, system.strip(), chosen)
        print(say("{count} setting(s) changed.", lang, count=int(masked)))
    if args.frames_in_session_file is not None:
        from ..services import frame_travel

        travel = frame_travel.parse_yes_no(args.frames_in_session_file)
        turned = frame_travel.set_frames_travel(service.store, service.user, travel)
        print(say("{count} setting(s) changed.", lang, count=int(turned)))
    if args.video_source is not None:
        switched = video.set_source(service.store, service.user, args.video_source)
        print(say("{count} setting(s) changed.", lang, count=int(switched)))
    if args.icg_window is not None or args.centre is not None:
        window = None if args.icg_window is None else settings.parse_icg_window(args.icg_window)
        changed = settings.change(service.store, service.user, icg_window_hours=window, centre_code=args.centre)
        print(say("{count} setting(s) changed.", lang, count=changed))
    hours = settings.icg_window_text(settings.icg_window(service.store))
    print(say("ICG window (hours from injection to incision): {hours}", lang, hours=hours))
    print(say("Centre code: {code}", lang, code=settings.centre(service.store) or say("not set", lang)))
    _print_masks(service, lang)
    _print_frames_travel(service, lang)
    if video.source(service.store):  # said only once one is set: most laptops have none
        print(say("Video source: {source}", lang, source=video.source(service.store)))


def _print_masks(service: ProcedureService, lang: str) -> None:
    from ..services import frames

    for system, rects in frames.masks(service.store).items():
        print(say("Frame masks for {system}: {rects}", lang, system=system, rects="; ".join(rects)))


def _print_frames_travel(service: ProcedureService, lang: str) -> None:
    from ..services import frame_travel

    travel = frame_travel.frames_travel(service.store)
    print(say("Frames in session files: {answer}", lang, answer=say("yes", lang) if travel else say("no", lang)))


def register(command: AddCommand) -> None:
    p = command(
        "settings",
        cmd_settings,
        "show the study settings; with options, change them (coordinators only)",
        user=True,
    )
    p.add_argument(
        "--icg-window", default=None, metavar="LOW-HIGH", help="hours from ICG injection to incision, e.g. 18-30"
    )
    p.add_argument("--centre", default=None, help="this laptop's two-digit centre code, e.g. 03")
    p.add_argument(
        "--frame-masks",
        default=None,
        metavar="SYSTEM=X,Y,W,H;...",
        help="rectangles blacked out of every frame of an imaging system before it is kept (SYSTEM= clears them)",
    )
    p.add_argument(
        "--frames-in-session-file",
        default=None,
        metavar="yes|no",
        help="whether session files carry the kept near-infrared frames' pixels (no unless set)",
    )
    p.add_argument(
        "--video-source",
        default=None,
        metavar="FILE|DEVICE",
        help="the tower's video: a capture device's number (0, 1, ...) or a video or image file; '' for none",
    )
