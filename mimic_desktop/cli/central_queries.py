"""`mimic-central query ...` (raise, list, close, again, check, send) and `mimic-central office-key`: the trial
office's data queries to the centres and the key that signs its query files."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from ..domain import data_queries
from ..domain.clock import local_text
from ..domain.data_queries import QueryStatus
from ..domain.errors import ValidationError
from ..domain.wording import Text, say
from ..services import data_queries as queries_service
from ..services import office_key
from ..storage.central_queries import QueryRow, decode_value
from .common import reader_language


def _target(args: argparse.Namespace) -> data_queries.Target:
    chosen = [name for name in ("lesion", "complication", "event") if getattr(args, name) is not None]
    if len(chosen) > 1:
        raise ValidationError(Text("Name one target: a lesion, a complication or an event, not several."))
    kind = chosen[0] if chosen else "field"
    if kind != "event" and not args.field:
        raise ValidationError(Text("Name the field the query is about (--field NAME)."))
    return data_queries.target(kind, args.field, getattr(args, kind, None) if kind != "event" else None, args.event)


def cmd_raise(args: argparse.Namespace) -> None:
    from .central import signed_in

    store, user = signed_in(args)
    number = queries_service.raise_query(store, user, args.study_id, _target(args), args.text)
    print(
        say(
            "Query {number} raised on {study_id}; it goes out in the centre's next query file.",
            reader_language(args),
            number=number,
            study_id=args.study_id.strip().upper(),
        )
    )


def _value(text: str | None, lang: str) -> str:
    value = decode_value(text)
    return say("(empty)", lang) if value is None else str(value)


def describe(row: QueryRow, lang: str = "en") -> str:
    """One query as a tab-separated line in lang: number, centre, record, target, status, round, question, then the
    answer with the value when the question was asked and in the version that answered it."""
    parts = [
        str(row.id),
        row.centre,
        row.study_id,
        queries_service.target_of(row).text(lang),
        QueryStatus(row.status).text(lang),
        say("round {round}", lang, round=row.round),
        row.text,
        say("value then: {value}", lang, value=_value(row.value_raised, lang)),
    ]
    if row.answer_text is not None:
        parts += [
            say("answer: {answer}", lang, answer=row.answer_text),
            say("value in v{version}: {value}", lang, version=row.answer_version, value=_value(row.answer_value, lang)),
            say("answered {at} by {user}", lang, at=local_text(row.answered_utc), user=row.answered_by)
            if row.answered_utc
            else "",
        ]
    if row.status == QueryStatus.CLOSED and row.closed_utc:
        closed = say("closed {at} by {user}", lang, at=local_text(row.closed_utc), user=row.closed_by)
        parts.append(closed + (f": {row.close_reason}" if row.close_reason else ""))
    return "\t".join(part for part in parts if part)


def cmd_list(args: argparse.Namespace) -> None:
    from .central import signed_in

    store, _ = signed_in(args)
    for row in queries_service.queries(store, centre=args.centre, study_id=args.study_id, status=args.status):
        print(describe(row, reader_language(args)))


def cmd_close(args: argparse.Namespace) -> None:
    from .central import signed_in

    store, user = signed_in(args)
    row = queries_service.close(store, user, args.query_id, args.reason)
    print(say("Query {id} closed.", reader_language(args), id=row.id))


def cmd_again(args: argparse.Namespace) -> None:
    from .central import signed_in

    store, user = signed_in(args)
    row = queries_service.ask_again(store, user, args.query_id, args.text)
    print(
        say(
            "Query {id} asked again (round {round}); it goes out in the centre's next query file.",
            reader_language(args),
            id=row.id,
            round=row.round,
        )
    )


def cmd_check(args: argparse.Namespace) -> None:
    from .central import signed_in

    store, user = signed_in(args)
    raised = set(queries_service.run_checks(store, user))
    for row in queries_service.queries(store):
        if row.id in raised:
            print(describe(row, reader_language(args)))
    counted = (
        Text("{count} query raised by the automatic checks.")
        if len(raised) == 1
        else Text("{count} queries raised by the automatic checks.")
    )
    print(counted.fill(count=len(raised)).text(reader_language(args)))


def cmd_send(args: argparse.Namespace) -> None:
    from .central import signed_in

    store, user = signed_in(args)
    sent = queries_service.send(store, user, args.centre, args.out, again=args.again)
    print(sent.path)
    counted = (
        Text("{count} query for centre {centre}, signed with the trial office's key {fingerprint}.")
        if sent.count == 1
        else Text("{count} queries for centre {centre}, signed with the trial office's key {fingerprint}.")
    )
    print(
        counted.fill(count=sent.count, centre=sent.centre, fingerprint=sent.key_fingerprint).text(reader_language(args))
    )


def cmd_office_key(args: argparse.Namespace) -> None:
    from ..domain.roles import Action
    from ..services import office_accounts
    from .central import signed_in

    store, user = signed_in(args)
    office_accounts.require(store, user, Action.QUERY)  # the key that signs the office's questions is its own
    written = office_key.write_public_key(args.out)
    print(written.path)
    print(
        say(
            "The trial office's public key, fingerprint {fingerprint}: send the file to the centres and read them the"
            " fingerprint by phone; each registers it once (mimic-desktop trust-office).",
            reader_language(args),
            fingerprint=written.fingerprint,
        )
    )


def register(sub: Any) -> None:
    """Add `query` with its actions and `office-key` to mimic-central's subcommands."""
    query = sub.add_parser("query", help="the trial office's data queries to the centres", description=__doc__)
    actions = query.add_subparsers(dest="action", metavar="ACTION", required=True)

    def action(name: str, handler: Any, help_text: str) -> argparse.ArgumentParser:
        p: argparse.ArgumentParser = actions.add_parser(name, help=help_text, description=help_text)
        p.add_argument("--db", type=Path, required=True, help="the central study database file")
        p.add_argument(
            "--user", required=True, help="your user name; the password is read from MIMIC_PASSWORD or asked"
        )
        p.set_defaults(handler=handler)
        return p

    p = action("raise", cmd_raise, "ask a record's centre about one value (a data manager's work)")
    p.add_argument("study_id")
    p.add_argument("text", help="the question")
    p.add_argument("--field", help="the field's name in forms/crf.json (not for an event)")
    p.add_argument("--lesion", type=int, help="the lesion's number, for a lesion field")
    p.add_argument("--complication", type=int, help="the complication's number, for a complication field")
    p.add_argument("--event", type=int, help="the event's id, for a query on an intraoperative event")
    p = action("list", cmd_list, "list queries with their answers (all, or of a centre, a record, a status)")
    p.add_argument("--centre")
    p.add_argument("--study-id")
    p.add_argument("--status", choices=[status.value for status in QueryStatus])
    p = action("close", cmd_close, "close an answered query (an open one only with the reason it is withdrawn)")
    p.add_argument("query_id", type=int)
    p.add_argument("--reason")
    p = action("again", cmd_again, "ask an answered query again, with new words")
    p.add_argument("query_id", type=int)
    p.add_argument("text")
    action("check", cmd_check, "raise the queries the automatic checks find in the current records")
    p = action("send", cmd_send, "write a centre's signed query file: its open queries it has not been sent")
    p.add_argument("--centre", required=True)
    p.add_argument("--out", type=Path, required=True, help="the .mimicq file to write, or a folder")
    p.add_argument("--again", action="store_true", help="every open query of the centre, sent before or not")
    p = sub.add_parser(
        "office-key",
        help="write the trial office's public key for the centres (makes the key pair if needed)",
        description="write the trial office's public key for the centres (makes the key pair if needed)",
    )
    p.add_argument("--db", type=Path, required=True, help="the central study database file")
    p.add_argument("--user", required=True, help="your user name; the password is read from MIMIC_PASSWORD or asked")
    p.add_argument("--out", type=Path, required=True, help="the .pem file to write, or a folder")
    p.set_defaults(handler=cmd_office_key)
