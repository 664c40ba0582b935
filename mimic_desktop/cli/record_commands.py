"""Subcommands that take a record to completion: lesion and complication fields, corrections, removals, complete."""

from __future__ import annotations

import argparse
import sys

from ..domain.errors import NotFound, ValidationError
from ..domain.record import Procedure
from ..domain.wording import Text, say
from ..services.procedures import SCOPES
from .common import AddCommand, add_keep_identifier_option, reader_language, signed_in


def field_values(pairs: list[str] | None) -> dict[str, str]:
    """FIELD=VALUE arguments as a dict; an argument without its field name is named in plain words."""
    values = {}
    for pair in pairs or []:
        name, equals, value = pair.partition("=")
        if not equals or not name.strip():
            raise ValidationError(
                Text(
                    "{pair!r} is not FIELD=VALUE: give the field's name, '=' and the value, for example age=64.",
                    pair=pair,
                )
            )
        values[name.strip()] = value
    return values


def numbered(proc: Procedure, entity: str, number: int) -> str:
    """The id of the record's lesion or complication with this number."""
    children = proc.lesions if entity == "lesion" else proc.complications
    found = next((child.id for child in children if child.number == number), None)
    if found is None:
        raise NotFound(
            Text("{study_id} has no {entity} {number}.", study_id=proc.study_id, entity=SCOPES[entity], number=number)
        )
    return found


def lesion_numbers(text: str) -> list[int]:
    """The lesion numbers of --lesions ("1,2"): whole numbers from 1, separated by commas."""
    parts = [part.strip() for part in text.split(",")]
    if not parts or not all(part.isdecimal() and part.isascii() and 0 < int(part) < 10_000 for part in parts):
        raise ValidationError(
            Text("--lesions takes lesion numbers separated by commas, such as 1,2; not {text!r}.", text=text),
            "lesions",
        )
    return [int(part) for part in parts]


def _set_entry(args: argparse.Namespace, entity: str) -> None:
    updates = field_values(args.values)
    service = signed_in(args)
    proc = service.find(args.study_id)
    entry_id = numbered(proc, entity, args.number)
    changed = service.set_values(
        proc.id, updates, entity=entity, entity_id=entry_id, reason=args.reason, lang=reader_language(args)
    )
    print(say("{count} value(s) changed.", reader_language(args), count=changed))


def cmd_set_lesion(args: argparse.Namespace) -> None:
    _set_entry(args, "lesion")


def cmd_set_complication(args: argparse.Namespace) -> None:
    _set_entry(args, "complication")


def cmd_add_complication(args: argparse.Namespace) -> None:
    updates = field_values(args.values)
    service = signed_in(args)
    proc = service.find(args.study_id)
    added = service.add_complication(proc.id, updates, reason=args.reason)
    number = next(c.number for c in service.load(proc.id).complications if c.id == added)
    print(
        say("Complication {number} added to {study_id}.", reader_language(args), number=number, study_id=proc.study_id)
    )


def cmd_switch_lesion(args: argparse.Namespace) -> None:
    service = signed_in(args)
    proc = service.find(args.study_id)
    service.switch_lesion(proc.id, numbered(proc, "lesion", args.number))
    print(
        say(
            "Lesion {number} is now the current lesion of {study_id}.",
            reader_language(args),
            number=args.number,
            study_id=proc.study_id,
        )
    )


def cmd_remove_lesion(args: argparse.Namespace) -> None:
    _remove_entry(args, "lesion")


def cmd_remove_complication(args: argparse.Namespace) -> None:
    _remove_entry(args, "complication")


REMOVED = {
    "lesion": Text("Lesion {number} removed from {study_id}; the reason is in the audit trail."),
    "complication": Text("Complication {number} removed from {study_id}; the reason is in the audit trail."),
}


def _remove_entry(args: argparse.Namespace, entity: str) -> None:
    service = signed_in(args)
    proc = service.find(args.study_id)
    entry_id = numbered(proc, entity, args.number)
    remove = service.remove_lesion if entity == "lesion" else service.remove_complication
    remove(proc.id, entry_id, args.reason)
    removed = REMOVED[entity].fill(number=args.number, study_id=proc.study_id)
    print(removed.text(reader_language(args)))


def cmd_redact(args: argparse.Namespace) -> None:
    """A typed text out of a record and its trail; the text from --text or, so that it stays out of the shell's
    history, one line of standard input."""
    text = args.text if args.text is not None else sys.stdin.readline().rstrip("\n")
    service = signed_in(args)
    proc = service.find(args.study_id)
    changed = service.redact(proc.id, text, args.reason)
    print(
        f"{changed} value(s) of {proc.study_id} and its audit trail now read [redacted]; the redaction is in the trail."
    )


def cmd_correct_time(args: argparse.Namespace) -> None:
    from ..services.procedures import event_time

    print(signed_in(args).correct_event_time(args.event_id, event_time(args.at), args.reason))


def cmd_complete(args: argparse.Namespace) -> None:
    service = signed_in(args)
    proc = service.find(args.study_id)
    service.complete(proc.id)
    print(
        say(
            "{study_id} is complete and locked: a change now needs a reason.",
            reader_language(args),
            study_id=proc.study_id,
        )
    )


def register(command: AddCommand) -> None:
    for entity, handler in (("lesion", cmd_set_lesion), ("complication", cmd_set_complication)):
        p = command(f"set-{entity}", handler, f"set fields of a {entity}, chosen by its number")
        p.add_argument("study_id")
        p.add_argument("number", type=int, help=f"the {entity}'s number")
        p.add_argument("values", nargs="+", metavar="FIELD=VALUE")
        p.add_argument("--reason", default=None, help="why (needed once the record is complete)")
        add_keep_identifier_option(p)
    p = command("add-complication", cmd_add_complication, "add a complication within 90 days; prints its number")
    p.add_argument("study_id")
    p.add_argument("values", nargs="+", metavar="FIELD=VALUE")
    p.add_argument("--reason", default=None, help="why (needed once the record is complete)")
    add_keep_identifier_option(p)
    p = command("switch-lesion", cmd_switch_lesion, "make another lesion the current one (events attach to it)")
    p.add_argument("study_id")
    p.add_argument("number", type=int, help="the lesion's number")
    for entity, handler in (("lesion", cmd_remove_lesion), ("complication", cmd_remove_complication)):
        p = command(
            f"remove-{entity}",
            handler,
            f"take a {entity} entered by mistake out of the record, with a reason (its number is not reused)",
        )
        p.add_argument("study_id")
        p.add_argument("number", type=int, help=f"the {entity}'s number")
        p.add_argument("--reason", required=True)
        add_keep_identifier_option(p)
    p = command(
        "correct-time",
        cmd_correct_time,
        "correct an event's time, with a reason: the old event is struck through; prints the new event's id",
    )
    p.add_argument("event_id", type=int)
    p.add_argument("--at", required=True, help="the right time (ISO 8601; without a zone: local time)")
    p.add_argument("--reason", required=True)
    add_keep_identifier_option(p)
    p = command(
        "redact",
        cmd_redact,
        "take a typed text that identifies a patient out of a record and its audit trail (coordinators), with a reason",
    )
    p.add_argument("study_id")
    p.add_argument("--text", default=None, help="the text, exactly as typed (default: one line of standard input)")
    p.add_argument("--reason", required=True)
    p = command("complete", cmd_complete, "mark a record complete and lock it (names what is missing, if anything)")
    p.add_argument("study_id")
