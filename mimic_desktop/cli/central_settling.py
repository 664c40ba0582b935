"""`mimic-central void`, `reinstate`, `held` and `release`: what the trial office settles by hand, with a reason
(`reinstate`, since `restore` puts a backup of the database in its place)."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from ..domain.clock import local_text
from ..domain.errors import MimicError
from ..domain.roles import User
from ..domain.wording import Text, said, say
from ..services import central_settling, centre_keys
from ..storage.connection import Store
from .common import Handler, reader_language

Command = Callable[..., argparse.ArgumentParser]
SignedIn = Callable[[argparse.Namespace], tuple[Store, User]]  # cli.central's sign-in


def register(command: Command, signed_in: SignedIn) -> None:
    def settle(step: str) -> Handler:
        def handler(args: argparse.Namespace) -> None:
            store, user = signed_in(args)
            if (args.key is None) == (args.target is None):
                raise MimicError(Text("Name either one session (its study ID or session id) or a key (--key)."))
            if args.key is not None:
                key_id = centre_keys.key_id_for(store, args.key)
                by_key = central_settling.void_key if step == "void" else central_settling.restore_key
                done = by_key(store, user, key_id, args.reason)
            else:
                one = central_settling.void_session if step == "void" else central_settling.restore_session
                done = one(store, user, args.target, args.reason)
            print(said(done.message, reader_language(args)))

        return handler

    for step, what in (
        ("void", "set a session aside with a reason (kept and shown; out of the analysis and every export)"),
        ("reinstate", "reinstate a voided session, with a reason (back in the analysis and the exports)"),
    ):
        p = command(step, settle(step), what)
        p.add_argument("target", nargs="?", help="the session's study ID, or its session id")
        p.add_argument("--key", help="every session imported under this key (its fingerprint or .pem file) instead")
        p.add_argument("--reason", required=True)

    def cmd_held(args: argparse.Namespace) -> None:
        store, _ = signed_in(args)
        lang = reader_language(args)
        for item in central_settling.held_files(store, waiting=not args.all):
            columns = [
                item.file.study_id,
                f"v{item.file.session_version}",
                say("last seen v{version}", lang, version=item.held.last_seen),
                say("held {when}", lang, when=local_text(item.held.held_utc)),
                item.file.file_name,
            ]
            if item.held.released_utc:
                when = local_text(item.held.released_utc)
                columns.append(say("released {when}: {reason}", lang, when=when, reason=item.held.release_reason))
            print("\t".join(columns))

    p = command("held", cmd_held, "list the versions held back because they were far ahead of the last one seen")
    p.add_argument("--all", action="store_true", help="released ones too")

    def cmd_release(args: argparse.Namespace) -> None:
        store, user = signed_in(args)
        done = central_settling.release(store, user, args.study_id, args.version, args.reason)
        print(said(done.message, reader_language(args)))

    p = command("release", cmd_release, "release a version held back, with a reason (the centre confirmed it)")
    p.add_argument("study_id")
    p.add_argument("version", type=int)
    p.add_argument("--reason", required=True)
