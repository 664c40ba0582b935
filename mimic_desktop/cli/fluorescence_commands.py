"""`mimic-desktop fluorescence ...`: the signal-to-background ratio of a near-infrared still, for scripting and
checking the figures the app shows."""

from __future__ import annotations

import argparse

from .common import AddCommand, print_json

CHANNEL_HELP = (
    "nir: a grey near-infrared frame (the default); green, red or blue: the overlay's colour in a colour frame;"
    " gray: the grey of a colour frame"
)


def cmd_measure(args: argparse.Namespace) -> None:
    from ..analysis.fluorescence import HONEST_WORDS, METHOD
    from ..services.fluorescence import measure_file

    measurement = measure_file(args.image, args.target, args.background, args.channel)
    if args.json:
        print_json(measurement.as_json())
        return
    print(f"Channel: {measurement.channel} ({HONEST_WORDS})")
    for name, figures in (("Target", measurement.target), ("Background", measurement.background)):
        print(f"{name} {figures.rect.text()}: mean {figures.mean:.2f}, SD {figures.sd:.2f} ({figures.pixels} pixels)")
    print(f"Signal-to-background ratio: {measurement.ratio:.3f} ({HONEST_WORDS}; method {METHOD})")


def add_regions(parser: argparse.ArgumentParser) -> None:
    from pathlib import Path

    parser.add_argument("--image", type=Path, required=True, help="a still of the video (PNG, JPEG, TIFF or BMP)")
    parser.add_argument("--target", required=True, metavar="X,Y,W,H", help="the target region, in pixels")
    parser.add_argument("--background", required=True, metavar="X,Y,W,H", help="the background region, in pixels")
    parser.add_argument("--channel", choices=["nir", "green", "red", "blue", "gray"], default="nir", help=CHANNEL_HELP)


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
