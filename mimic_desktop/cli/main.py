"""`mimic-desktop`: start the app, or work on a database from the command line."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path
from types import ModuleType
from typing import Any

from .. import __version__
from ..domain import video_time
from ..domain.derive import Status
from ..domain.private_files import restrict_new_files
from ..domain.record import Procedure
from ..domain.roles import LAPTOP_ROLES, Role
from ..domain.subject_status import SubjectStatus
from ..domain.wording import say
from ..exchange import flat
from ..services.accounts import AccountService
from ..services.procedures import event_time
from ..storage.connection import open_store
from . import (
    account_commands,
    backup_commands,
    data_exports,
    documents,
    fluorescence_commands,
    frame_commands,
    install_check,
    query_commands,
    record_commands,
    session_export,
    signature_commands,
    study_id_commands,
    study_settings,
    subject_commands,
    video_commands,
)
from .common import (
    Handler,
    add_db_option,
    add_keep_identifier_option,
    add_user_option,
    db_path,
    new_password,
    print_error,
    print_json,
    reader_language,
    run,
    signed_in,
    signed_in_user,
)
from .record_commands import field_values, lesion_numbers, numbered


def cmd_init(args: argparse.Namespace) -> None:
    store = open_store(db_path(args))
    accounts = AccountService(store)
    if accounts.has_users():
        print(say("{path} already has accounts; nothing changed.", reader_language(args), path=db_path(args)))
        return
    accounts.create_user(args.user, args.name, Role.COORDINATOR, new_password("Password for the first coordinator: "))
    print(say("Created {path} with coordinator {user}.", reader_language(args), path=db_path(args), user=args.user))


def cmd_add_user(args: argparse.Namespace) -> None:
    store, admin = signed_in_user(args)
    accounts = AccountService(store)
    chosen = new_password(f"Password for {args.username}: ")
    accounts.create_user(args.username, args.name, args.role, chosen, by=admin)
    print(say("Created {role} {user}.", reader_language(args), role=Role(args.role), user=args.username))


def cmd_create(args: argparse.Namespace) -> None:
    initial = field_values(args.set)
    service = signed_in(args)
    proc_id = service.create(args.study_id, args.centre, initial, surgeon=args.surgeon, lang=reader_language(args))
    print(proc_id)


def cmd_event(args: argparse.Namespace) -> None:
    service = signed_in(args)
    proc = service.find(args.study_id)
    lesion_id = None if args.lesion is None else numbered(proc, "lesion", args.lesion)
    also: list[str] = []
    if args.lesions is not None:
        # One transection or specimen holding several lesions: the first is the event's lesion.
        first, *others = (numbered(proc, "lesion", number) for number in lesion_numbers(args.lesions))
        lesion_id, also = first, others
    at = event_time(args.at) if args.at else None
    print(
        service.record_event(
            proc.id,
            args.kind,
            at=at,
            lesion_id=lesion_id,
            note=args.note,
            lang=reader_language(args),
            also_lesion_ids=also,
        )
    )


def cmd_strike(args: argparse.Namespace) -> None:
    signed_in(args).strike_event(args.event_id, args.reason)
    print(say("Event {id} struck through.", reader_language(args), id=args.event_id))


def cmd_set(args: argparse.Namespace) -> None:
    updates = field_values(args.values)
    service = signed_in(args)
    proc = service.find(args.study_id)
    changed = service.set_values(proc.id, updates, reason=args.reason, lang=reader_language(args))
    print(say("{count} value(s) changed.", reader_language(args), count=changed))


def procedure_json(proc: Procedure) -> dict[str, Any]:
    """The record with the values derived from it as the exports give them (exchange/flat.py), for the dump command."""
    derived = flat.procedure_row(proc)
    data = asdict(proc)
    positions = video_time.positions(proc)
    for event in data["events"]:  # where each event is in the video recording, as the exports give it
        event["video_time"] = video_time.exact(positions[event["id"]]) if event["id"] in positions else None
    data["derived"] = {column.name: derived[column.name] for column in flat.derived_procedure()} | {
        "lesions": _derived_by_number(flat.lesion_rows(proc), "lesion_number", flat.derived_lesion()),
        "complications": _derived_by_number(
            flat.complication_rows(proc), "complication_number", flat.DERIVED_COMPLICATION
        ),
    }
    return data


def _derived_by_number(
    rows: list[dict[str, Any]], number: str, columns: Sequence[flat.Column]
) -> dict[int, dict[str, Any]]:
    return {row[number]: {column.name: row[column.name] for column in columns} for row in rows}


def coded_text(kind: type[Status] | type[SubjectStatus], stored: str, lang: str) -> str:
    """A stored status code said in lang; a code this version does not know (a newer one's) as it is stored."""
    try:
        return kind(stored).text(lang)
    except ValueError:
        return stored


def cmd_dump(args: argparse.Namespace) -> None:
    service = signed_in(args)
    print_json(procedure_json(service.find(args.study_id)))


def cmd_list(args: argparse.Namespace) -> None:
    service = signed_in(args)
    lang = reader_language(args)
    for row in service.list(args.search or ""):
        status = coded_text(Status, row["status"], lang)
        subject = coded_text(SubjectStatus, row["subject_status"], lang)
        print(f"{row['study_id']}\t{status}\t{row['modified_utc']}\t{subject}")


def cmd_verify(args: argparse.Namespace) -> int:
    """The auditor's check: reads the database (and any backup or session file named) without changing a byte."""
    from ..services import verification

    lang = reader_language(args)
    verdict = verification.verify(db_path(args), args.against)
    if verdict.code == verification.NOT_VERIFIED and not verdict.opened:
        print_error(verdict.summary_text(lang), lang)
        return verdict.code
    for line in verdict.lines(lang):
        print(line)
    return verdict.code


def cmd_simulate(args: argparse.Namespace) -> None:
    from ..services.simulate import simulate

    store = open_store(db_path(args))

    def emit(event_id: int) -> None:
        # Printed only after record_event returned, that is after COMMIT.
        sys.stdout.write(f"{event_id}\n")
        sys.stdout.flush()

    for _ in simulate(
        store, procedures=args.procedures, lesions=args.lesions, seed=args.seed, centre=args.centre, on_event=emit
    ):
        pass


def cmd_demo(args: argparse.Namespace) -> None:
    from ..services.demo import create_demo

    path = db_path(args)
    if path.exists():
        print(
            say("{path} exists; the demo database is only made where there is none.", reader_language(args), path=path)
        )
        return
    create_demo(path)
    print(say("Demo database written to {path}.", reader_language(args), path=path))


def cmd_gui(args: argparse.Namespace) -> int:
    from ..ui.app import run_app

    return run_app(args.db, lang=args.lang)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="mimic-desktop", description="Log ICG-fluorescence-guided liver resections for the MIMIC trial."
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, handler: Handler, help_text: str, user: bool = True) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text)
        add_db_option(p)
        if user:
            add_user_option(p)
        p.set_defaults(handler=handler)
        return p

    p = command("gui", cmd_gui, "start the desktop app (the default)", user=False)
    p.add_argument("--lang", choices=["en", "nl"], default=None)
    p = command("init", cmd_init, "create a database with its first coordinator account")
    p.add_argument("--name", required=True, help="the coordinator's full name")
    p = command(
        "add-user",
        cmd_add_user,
        "add an account (coordinators only); its password is asked for, or read as a line of standard input",
    )
    p.add_argument("username")
    p.add_argument("--name", required=True)
    p.add_argument("--role", choices=[r.value for r in LAPTOP_ROLES], required=True)
    p = command("create", cmd_create, "enrol a patient: create a procedure")
    p.add_argument("study_id")
    p.add_argument("--centre", required=True)
    p.add_argument("--surgeon", default=None, help="the operating surgeon's user name (a surgeon account)")
    p.add_argument("--set", action="append", metavar="FIELD=VALUE", help="an initial value (repeatable)")
    add_keep_identifier_option(p)
    p = command("event", cmd_event, "record an intraoperative event; prints its id once saved")
    p.add_argument("study_id")
    p.add_argument("kind")
    named = p.add_mutually_exclusive_group()
    named.add_argument("--lesion", type=int, default=None, help="lesion number (default: the current lesion)")
    named.add_argument(
        "--lesions",
        default=None,
        metavar="N,N",
        help="several lesions taken out in one transection or specimen, by number (1,2); the event names each",
    )
    p.add_argument("--at", default=None, help="time (ISO 8601; default: now)")
    p.add_argument("--note", default=None)
    add_keep_identifier_option(p)
    p = command("strike", cmd_strike, "strike a wrong event through, with a reason")
    p.add_argument("event_id", type=int)
    p.add_argument("--reason", required=True)
    add_keep_identifier_option(p)
    p = command("set", cmd_set, "set procedure fields")
    p.add_argument("study_id")
    p.add_argument("values", nargs="+", metavar="FIELD=VALUE")
    p.add_argument("--reason", default=None)
    add_keep_identifier_option(p)
    p = command("dump", cmd_dump, "print a procedure, with its derived values, as JSON")
    p.add_argument("study_id")
    p = command("list", cmd_list, "list procedures")
    p.add_argument("--search", default="")
    p = command("verify", cmd_verify, "check the database and its audit trail", user=False)
    p.add_argument(
        "--against",
        type=Path,
        action="append",
        metavar="FILE",
        help="also compare the audit chain with a backup of the database or a session file exported from it",
    )
    p = command(
        "simulate", cmd_simulate, "record realistic procedures; prints each event id after its commit", user=False
    )
    p.add_argument("--procedures", type=int, default=1)
    p.add_argument("--lesions", type=int, default=3)
    p.add_argument("--seed", type=int, default=None)
    p.add_argument("--centre", default="01")
    command("demo", cmd_demo, "write the demo database", user=False)
    for module in EXTENSIONS:
        module.register(command)
    query_commands.register(sub)
    return parser


EXTENSIONS: list[ModuleType] = [
    account_commands,
    backup_commands,
    documents,
    session_export,
    data_exports,
    fluorescence_commands,
    frame_commands,
    install_check,
    record_commands,
    study_settings,
    signature_commands,
    study_id_commands,
    subject_commands,
    video_commands,
]


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or (argv[0].startswith("-") and argv[0] not in {"-h", "--help", "--version"}):
        argv = ["gui", *argv]  # the app is the default: `mimic-desktop --db FILE` opens it on that file
    args = build_parser().parse_args(argv)
    restrict_new_files()  # the database, its backups, exports and reports: readable by their owner only
    return run(args.handler, args)


if __name__ == "__main__":
    sys.exit(main())
