"""`mimic-central record` and `mimic-central compare`: one version of a study ID's record as the trial office
received it, and what changed between two versions with who (laptop account id), when and why."""

from __future__ import annotations

import argparse
from dataclasses import asdict
from typing import TYPE_CHECKING

from ..domain.clock import local_text
from ..domain.forms import LANGUAGES
from ..domain.wording import Text
from ..services import central_record
from .common import print_json, reader_language

if TYPE_CHECKING:
    from collections.abc import Callable

    from ..domain.roles import User
    from ..storage.connection import Store

    SignIn = Callable[[argparse.Namespace], tuple[Store, User]]

WORDS = {
    "version": Text(
        "{study_id}, centre {centre}: version {version} of {count} ({state}), imported {imported} from {file}"
    ),
    "current": Text("current"),
    "superseded": Text("superseded"),
    "not_carried": Text("This file carries no change history (a file of format version 1)."),
    "compared": Text("{study_id}: version {older} against version {newer}, {count} changed value(s)"),
    "none": Text("Nothing differs between the two versions."),
    "by": Text("by laptop account {who} at {when}: {reason}"),
}


def _say(key: str, lang: str, **values: object) -> str:
    return WORDS[key].fill(**values).text(lang)


def cmd_record(args: argparse.Namespace, signed_in: SignIn) -> None:
    store, _ = signed_in(args)
    lang = reader_language(args)
    known = central_record.versions(store, args.study_id)
    version, lines = central_record.view(store, args.study_id, args.version, lang)
    if args.json:
        print_json(
            {
                "study_id": args.study_id.strip().upper(),
                "version": asdict(version),
                "lines": [asdict(line) for line in lines],
            }
        )
        return
    state = _say("current" if version.current else "superseded", lang)
    _, proc = central_record.record(store, args.study_id, version.version)
    print(
        _say(
            "version",
            lang,
            study_id=proc.study_id,
            centre=proc.centre,
            version=version.version,
            count=len(known),
            state=state,
            imported=local_text(version.imported_utc),
            file=version.file_name,
        )
    )
    if not version.carries_history:
        print(_say("not_carried", lang))
    section = None
    for line in lines:
        if line.section != section:
            section = line.section
            print(f"\n{section}")
        print(f"  {line.what}: {line.value}")


def cmd_compare(args: argparse.Namespace, signed_in: SignIn) -> None:
    store, _ = signed_in(args)
    lang = reader_language(args)
    comparison = central_record.compare(store, args.study_id, args.older, args.newer, lang)
    if args.json:
        print_json(comparison.as_json())
        return
    print(
        _say(
            "compared",
            lang,
            study_id=comparison.study_id,
            older=comparison.older,
            newer=comparison.newer,
            count=len(comparison.changes),
        )
    )
    if not comparison.changes:
        print(_say("none", lang))
    for change in comparison.changes:
        print(f"\n{change.section} / {change.what}: {change.old} -> {change.new}")
        for why in change.why:
            print(f"  {_say('by', lang, who=why.who, when=why.when, reason=why.reason) if why.who else why.reason}")


def add_commands(command: Callable[..., argparse.ArgumentParser], signed_in: SignIn) -> None:
    """The two commands, made with mimic-central's own way of making one (its --db and --user)."""
    p = command(
        "record",
        lambda args: cmd_record(args, signed_in),
        "show one version of a study ID's record as imported: every value, lesion, complication, event and signature",
    )
    p.add_argument("study_id", help="the study ID, e.g. MIM-03-017")
    p.add_argument("--version", type=int, help="the session version (default: the current one)")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument(
        "--lang", choices=LANGUAGES, default=None, help="language of the labels and values (default: the person's)"
    )
    p = command(
        "compare",
        lambda args: cmd_compare(args, signed_in),
        "list every value that differs between two versions of a study ID's record, with who, when and why",
    )
    p.add_argument("study_id", help="the study ID, e.g. MIM-03-017")
    p.add_argument("older", type=int, help="one session version")
    p.add_argument("newer", type=int, help="the other session version")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument(
        "--lang", choices=LANGUAGES, default=None, help="language of the labels and values (default: the person's)"
    )
