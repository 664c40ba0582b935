"""The `settings` subcommand: the laptop's study settings (ICG protocol window, centre code), read and changed."""

from __future__ import annotations

import argparse

from ..domain.wording import say
from .common import AddCommand, reader_language, signed_in


def cmd_settings(args: argparse.Namespace) -> None:
    from ..services import settings

    service = signed_in(args)
    lang = reader_language(args)
    if args.icg_window is not None or args.centre is not None:
        window = None if args.icg_window is None else settings.parse_icg_window(args.icg_window)
        changed = settings.change(service.store, service.user, icg_window_hours=window, centre_code=args.centre)
        print(say("{count} setting(s) changed.", lang, count=changed))
    hours = settings.icg_window_text(settings.icg_window(service.store))
    print(say("ICG window (hours from injection to incision): {hours}", lang, hours=hours))
    print(say("Centre code: {code}", lang, code=settings.centre(service.store) or say("not set", lang)))


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
