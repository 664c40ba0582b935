"""Subcommands around the surgeon and the audit trail: audit, surgeons, map-surgeon, delegate, confirm-answers."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..domain.forms import LANGUAGES
from ..domain.wording import say
from .common import AddCommand, add_keep_identifier_option, print_json, reader_language, signed_in


def cmd_audit(args: argparse.Namespace) -> None:
    """Every audit row of one record, worded as the History view shows it, refused attempts apart."""
    from ..services import audit_history

    service = signed_in(args)
    proc = service.find(args.study_id)
    lines = audit_history.history(service.store, proc, args.lang)
    lines = audit_history.matching(lines, person=args.person or "", kind=args.kind or "", text=args.text or "")
    if args.csv:
        print(audit_history.write_csv(lines, args.csv))
        return
    if args.pdf:
        print(audit_history.write_pdf(proc, lines, args.pdf, args.lang))
        return
    if args.json:
        print_json({"study_id": proc.study_id, "entries": audit_history.as_json(lines)})
        return
    for title, part in (("", [x for x in lines if not x.refused]), ("refused", [x for x in lines if x.refused])):
        if title:
            print(f"\n{audit_history.kind_text('refused', args.lang)}:")
        for line in part:
            reason = f"\t{line.reason}" if line.reason else ""
            print(f"{line.seq}\t{line.when}\t{line.who}\t{line.what}\t{line.old} → {line.new}{reason}")


def cmd_surgeons(args: argparse.Namespace) -> None:
    """The surgeon accounts, and the typed surgeon names still waiting to be mapped to one."""
    from ..services.surgeons import SurgeonService

    service = signed_in(args)
    surgeons = SurgeonService(service.store, service.user)
    for account in surgeons.surgeon_accounts():
        print(f"account\t{account.username}\t{account.full_name}")
    for typed in surgeons.typed_names():
        print(f"typed\t{typed.name}\t{', '.join(typed.study_ids)}")


def cmd_map_surgeon(args: argparse.Namespace) -> None:
    from ..services.surgeons import SurgeonService

    service = signed_in(args)
    mapped = SurgeonService(service.store, service.user).map_typed_name(args.name, args.account)
    print(
        say(
            "{name!r} is now the account {account} on {count} record(s): {study_ids}.",
            reader_language(args),
            name=args.name,
            account=args.account,
            count=len(mapped),
            study_ids=", ".join(mapped),
        )
    )


def cmd_set_surgeon(args: argparse.Namespace) -> None:
    from ..services.surgeons import SurgeonService

    service = signed_in(args)
    proc = service.find(args.study_id)
    SurgeonService(service.store, service.user).assign(proc.id, args.account, reason=args.reason)
    print(
        say(
            "The operating surgeon of {study_id} is the account {account}.",
            reader_language(args),
            study_id=proc.study_id,
            account=args.account,
        )
    )


def cmd_delegate(args: argparse.Namespace) -> None:
    from ..services.surgeons import SurgeonService

    service = signed_in(args)
    proc = service.find(args.study_id)
    SurgeonService(service.store, service.user).delegate(
        proc.id, args.account, args.reason, keep_identifier=args.keep_identifier
    )
    print(
        say(
            "{account} may sign the questionnaire of {study_id}.",
            reader_language(args),
            account=args.account,
            study_id=proc.study_id,
        )
    )


def cmd_confirm_answers(args: argparse.Namespace) -> None:
    """The surgeon confirms, answer by answer, what someone else entered on their word."""
    from ..services.signing import SigningService

    service = signed_in(args)
    proc = service.find(args.study_id)
    signing = SigningService(service.store, service.user)
    lang = reader_language(args)
    if args.list:
        for source in signing.answers(proc.id).values():
            if source.confirmed_by:
                confirmed = say("confirmed by {user}", lang, user=source.confirmed_by)
            else:
                confirmed = say("not confirmed", lang)
            entered = say("entered by {user}", lang, user=source.entered_by)
            print(f"{source.field}\t{source.value}\t{entered}\t{confirmed}")
        return
    count = signing.confirm_answers(proc.id, args.fields or None)
    print(say("{count} answer(s) confirmed.", lang, count=count))


def register(command: AddCommand) -> None:
    p = command("audit", cmd_audit, "print a record's audit trail as a monitor reads it", user=True)
    p.add_argument("study_id")
    p.add_argument("--json", action="store_true", help="as JSON")
    p.add_argument("--csv", type=Path, default=None, help="write it to this CSV file instead")
    p.add_argument("--pdf", type=Path, default=None, help="write it to this PDF file instead")
    p.add_argument("--person", default=None, help="only the entries of this user name")
    p.add_argument("--kind", default=None, help="only entries of this kind (value, event, signature, refused, ...)")
    p.add_argument("--text", default=None, help="only entries holding this text")
    p.add_argument(
        "--lang",
        choices=LANGUAGES,
        default=None,
        help="language (default: yours: the app's setting, else the system's)",
    )
    command("surgeons", cmd_surgeons, "list surgeon accounts and typed surgeon names not yet mapped", user=True)
    p = command("map-surgeon", cmd_map_surgeon, "map a typed surgeon name to a surgeon account (coordinators)")
    p.add_argument("name", help="the surgeon name as typed in the records")
    p.add_argument("account", help="the surgeon's user name")
    p = command("set-surgeon", cmd_set_surgeon, "make a surgeon account a record's operating surgeon")
    p.add_argument("study_id")
    p.add_argument("account")
    p.add_argument("--reason", default=None, help="needed when the record is locked")
    p = command("delegate", cmd_delegate, "let another surgeon sign a record's questionnaire, with a reason")
    p.add_argument("study_id")
    p.add_argument("account", help="the surgeon who may sign")
    p.add_argument("--reason", required=True)
    add_keep_identifier_option(p)
    p = command("confirm-answers", cmd_confirm_answers, "confirm questionnaire answers entered on your word")
    p.add_argument("study_id")
    p.add_argument("fields", nargs="*", help="the questions to confirm (default: every one not yet yours)")
    p.add_argument("--list", action="store_true", help="show who entered and confirmed each answer")
