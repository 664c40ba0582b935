"""`mimic-desktop fluorescence ...`: the signal-to-background ratio of a near-infrared still, for scripting and
checking the figures the app shows."""

from __future__ import annotations

import argparse

from ..domain.wording import Text, decimal, say
from .common import AddCommand, add_user_option, print_json, reader_language

CHANNEL_HELP = (
    "nir: a grey near-infrared frame (the default); green, red or blue: the overlay's colour in a colour frame;"
    " gray: the grey of a colour frame"
)


def cmd_measure(args: argparse.Namespace) -> None:
    from ..analysis.fluorescence import HONEST_TEXT, METHOD
    from ..domain.frame_channels import CHANNEL_WORDS
    from ..services.fluorescence import measure_file

    measurement = measure_file(args.image, args.target, args.background, args.channel)
    if args.json:
        print_json(measurement.as_json())
        return
    lang = reader_language(args)
    honest = HONEST_TEXT.text(lang)
    print(say("Channel: {channel} ({honest})", lang, channel=CHANNEL_WORDS[measurement.channel], honest=honest))
    for region, figures in ((Text("Target"), measurement.target), (Text("Background"), measurement.background)):
        print(
            say(
                "{region} {rect}: mean {mean}, SD {sd} ({pixels} pixels)",
                lang,
                region=region.text(lang),
                rect=figures.rect.text(),
                mean=decimal(figures.mean, 2, lang),
                sd=decimal(figures.sd, 2, lang),
                pixels=figures.pixels,
            )
        )
    print(
        say(
            "Signal-to-background ratio: {ratio} ({honest}; method {method})",
            lang,
            ratio=decimal(measurement.ratio, 3, lang),
            honest=honest,
            method=METHOD,
        )
    )


def cmd_set(args: argparse.Namespace) -> None:
    from ..analysis.fluorescence import HONEST_TEXT
    from ..domain.frame_channels import CHANNEL_WORDS
    from ..services import frames
    from .common import signed_in

    service = signed_in(args)
    measurement_id, measurement = frames.set_measurement(
        service,
        args.study_id,
        args.lesion,
        args.frame,
        args.target,
        args.background,
        args.channel,
        reason=args.reason,
    )
    if args.json:
        print_json({"id": measurement_id, **measurement.as_json()})
        return
    lang = reader_language(args)
    print(
        say(
            "Measurement {id} of lesion {lesion} on frame {frame} stored: SBR {ratio} on the {channel} channel"
            " ({honest}).",
            lang,
            id=measurement_id,
            lesion=args.lesion,
            frame=args.frame,
            ratio=decimal(measurement.ratio, 3, lang),
            channel=CHANNEL_WORDS[measurement.channel],
            honest=HONEST_TEXT.text(lang),
        )
    )


def cmd_list(args: argparse.Namespace) -> None:
    from ..services import frames
    from .common import signed_in

    service = signed_in(args)
    print_json([m.as_json() for m in frames.measurements(service, service.find(args.study_id).id)])


def add_regions(parser: argparse.ArgumentParser) -> None:
    from pathlib import Path

    parser.add_argument("--image", type=Path, required=True, help="a still of the video (PNG, JPEG, TIFF or BMP)")
    parser.add_argument("--target", required=True, metavar="X,Y,W,H", help="the target region, in pixels")
    parser.add_argument("--background", required=True, metavar="X,Y,W,H", help="the background region, in pixels")
    parser.add_argument("--channel", choices=["nir", "green", "red", "blue", "gray"], default="nir", help=CHANNEL_HELP)


def _db_and_user(parser: argparse.ArgumentParser) -> None:
    from pathlib import Path

    # SUPPRESS: a --db given before the action (on `fluorescence`) is not overwritten by this one's default.
    parser.add_argument(
        "--db", type=Path, default=argparse.SUPPRESS, help="database file (default: the per-user data folder)"
    )
    add_user_option(parser)


def register(command: AddCommand) -> None:
    p = command(
        "fluorescence",
        cmd_measure,  # each action sets its own handler; an action is required
        "measure the fluorescence of a near-infrared still (uncalibrated, relative to this frame)",
        user=False,
    )
    sub = p.add_subparsers(dest="fluorescence_command", metavar="ACTION", required=True)
    m = sub.add_parser(
        "measure",
        help="print mean and spread of intensity in a target and a background region and their ratio (SBR)",
        description="Print mean and spread of intensity in a target and a background region of an image and their"
        " ratio (signal-to-background ratio), uncalibrated, relative to this frame.",
    )
    add_regions(m)
    m.add_argument("--json", action="store_true", help="print the figures as JSON")
    m.set_defaults(handler=cmd_measure)
    s = sub.add_parser(
        "set",
        help="measure a lesion on a kept frame and store the figures with the regions, channel and method",
        description="Measure a lesion's fluorescence on a frame kept with the record and store it (audited).",
    )
    s.add_argument("study_id")
    s.add_argument("lesion", type=int, help="the lesion's number")
    s.add_argument("--frame", type=int, required=True, help="the kept frame's id (see `frames`)")
    s.add_argument("--target", required=True, metavar="X,Y,W,H", help="the target region, in pixels")
    s.add_argument("--background", required=True, metavar="X,Y,W,H", help="the background region, in pixels")
    s.add_argument("--channel", choices=["nir", "green", "red", "blue", "gray"], default="nir", help=CHANNEL_HELP)
    s.add_argument("--reason", default=None, help="why (needed once the record is complete)")
    s.add_argument("--json", action="store_true", help="print the figures as JSON")
    _db_and_user(s)
    s.set_defaults(handler=cmd_set)
    ls = sub.add_parser(
        "list",
        help="print a record's stored measurements as JSON",
        description="Print a record's stored fluorescence measurements as JSON.",
    )
    ls.add_argument("study_id")
    _db_and_user(ls)
    ls.set_defaults(handler=cmd_list)
