"""`mimic-desktop trust-office KEYFILE` and `mimic-desktop queries import|list|answer`: the trial office's data
queries on this laptop."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from ..domain.clock import local_text
from ..domain.errors import MimicError
from ..domain.wording import Text, said, say
from ..exchange import query_file
from .common import add_db_option, add_user_option, print_error, reader_language, signed_in


def cmd_trust_office(args: argparse.Namespace) -> None:
    from ..services import query_answers

    service = signed_in(args)
    fingerprint, changed = query_answers.trust_office(service.store, service.user, args.key_file)
    lang = reader_language(args)
    if changed:
        print(say("The trial office's key {fingerprint} registered.", lang, fingerprint=fingerprint))
    else:
        print(say("The trial office's key {fingerprint} was registered already.", lang, fingerprint=fingerprint))
    print(say("Check this fingerprint with the trial office by phone: query files signed with it are accepted.", lang))


def cmd_import(args: argparse.Namespace) -> int:
    from ..services import query_answers

    service = signed_in(args)
    lang = reader_language(args)
    path = Path(args.file)
    files = sorted(path.rglob(f"*{query_file.SUFFIX}")) if path.is_dir() else [path]
    if not files:
        raise MimicError(Text("{folder} holds no query files (.mimicq): nothing was imported.", folder=path))
    refused = 0
    for each in files:
        # One refused file (damaged, altered, another centre's) leaves the others of a folder to be imported.
        try:
            result = query_answers.import_file(service.store, service.user, each)
        except MimicError as error:
            if len(files) == 1:
                raise
            refused += 1
            print_error(error, lang)
            continue
        print(f"{each.name}: {said(result.text(), lang)}")
        for study_id in sorted(set(result.elsewhere)):
            print(say("not on this laptop: {study_id}", lang, study_id=study_id))
    return 2 if refused else 0


def cmd_list(args: argparse.Namespace) -> None:
    from ..services import query_answers

    service = signed_in(args)
    lang = reader_language(args)
    for query in query_answers.queries(service.store, args.study_id, open_only=args.open):
        proc = service.load(query.procedure_id)
        value = query_answers.current_value(proc, query)
        parts = [
            str(query.id),
            proc.study_id,
            query_answers.target_of(query).text(lang),
            say("answered", lang) if query.answer_text else say("open", lang),
            say("round {round}", lang, round=query.round),
            query.text,
            say("value now: {value}", lang, value=Text("(empty)") if value is None else value),
            say("asked {at} by {user}", lang, at=local_text(query.raised_utc), user=query.raised_by),
        ]
        if query.answer_text:
            parts.append(say("answer: {answer}", lang, answer=query.answer_text))
        print("\t".join(parts))


def cmd_answer(args: argparse.Namespace) -> None:
    from ..services import query_answers

    service = signed_in(args)
    lang = reader_language(args)
    query_answers.answer(service, args.query_id, args.text, value=args.value, reason=args.reason, lang=lang)
    if args.value is None:
        print(say("Query {id} answered; the record's next session file carries the answer.", lang, id=args.query_id))
    else:
        print(
            say(
                "Query {id} answered and the value corrected; the record's next session file carries the answer.",
                lang,
                id=args.query_id,
            )
        )


def register(sub: Any) -> None:
    """Add `trust-office` and `queries` with its actions to mimic-desktop's subcommands."""
    p = sub.add_parser(
        "trust-office",
        help="register the trial office's public key, once (a coordinator's work)",
        description="register the trial office's public key, once (a coordinator's work)",
    )
    add_db_option(p)
    add_user_option(p)
    p.add_argument("key_file", type=Path, help="the office's public key (.pem, from `mimic-central office-key`)")
    p.set_defaults(handler=cmd_trust_office)
    queries = sub.add_parser(
        "queries", help="the trial office's data queries: import, list, answer", description=__doc__
    )
    actions = queries.add_subparsers(dest="action", metavar="ACTION", required=True)

    def action(name: str, handler: Any, help_text: str) -> argparse.ArgumentParser:
        p: argparse.ArgumentParser = actions.add_parser(name, help=help_text, description=help_text)
        add_db_option(p)
        add_user_option(p)
        p.set_defaults(handler=handler)
        return p

    p = action("import", cmd_import, "import a query file from the trial office (.mimicq), or those in a folder")
    p.add_argument(
        "file", type=Path, help="a query file, or a folder: each refused file is named, the others are imported"
    )
    p = action("list", cmd_list, "list the queries received (of one record when named)")
    p.add_argument("study_id", nargs="?")
    p.add_argument("--open", action="store_true", help="only those not answered yet")
    p = action("answer", cmd_answer, "answer a query in words; with --value, correct the value (with --reason)")
    p.add_argument("query_id", type=int)
    p.add_argument("text", help="the answer")
    p.add_argument("--value", help="the corrected value of the field the query is about")
    p.add_argument("--reason", help="why the value changes (needed on a completed record)")
