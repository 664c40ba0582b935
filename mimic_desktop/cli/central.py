"""`mimic-central`: the trial office's central study database (init, add-user, passwd, add-centre, withdraw-key,
set-experience, import, list, record, compare, frames, frame, report, exports, verify, backups, restore, query, office-key, gui). Every
command but gui, backups and restore signs in with --user (the password asked for or
read from MIMIC_PASSWORD); init makes the first data manager."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .. import __version__
from ..domain.clock import local_text
from ..domain.errors import MimicError
from ..domain.forms import LANGUAGES
from ..domain.private_files import restrict_new_files
from ..domain.roles import CENTRAL_ROLES, Role, User
from ..domain.wording import Text, say
from ..services import central_import, centre_keys
from ..services.accounts import COMMAND_LINE, PasswordChangeRequired
from ..services.central_import import CentralImporter
from ..services.office_accounts import office_accounts
from ..storage.connection import Store
from . import backup_commands, central_queries, central_settling
from .central_frame_commands import add_commands as add_frame_commands
from .central_records import add_commands as add_record_commands
from .common import Handler, new_password, password, reader_language, run
from .report import add_output_arguments, emit

GUI_OPTIONS = ("--db", "--lang")


def signed_in(args: argparse.Namespace) -> tuple[Store, User]:
    """The central database --db names and the --user whose password is right (MIMIC_PASSWORD, or asked)."""
    store = central_import.open_existing(args.db)
    user = office_accounts(store).sign_in(args.user, password(), where=COMMAND_LINE)
    if user.must_change_password:
        store.close()
        raise PasswordChangeRequired(
            Text(
                "The password of {name} was reset by a data manager: choose a new one first (in the window, or with "
                "`mimic-central passwd --user {name}`).",
                name=user.username,
            )
        )
    return store, user


def cmd_init(args: argparse.Namespace) -> None:
    existed = args.db.exists()
    store = central_import.init_central(args.db)
    accounts = office_accounts(store)
    if accounts.has_users():
        print(
            say(
                "{path} is already a central study database with its accounts; nothing changed.",
                reader_language(args),
                path=args.db,
            )
        )
        return
    if not (args.user and args.name):
        raise MimicError(
            Text(
                'Name the first data manager: mimic-central init --db FILE --user NAME --name "FULL NAME" '
                "(the password is asked for, or read from standard input)."
            )
        )
    chosen = new_password("Password of the data manager: ")
    user = accounts.create_user(args.user, args.name, Role.DATA_MANAGER, chosen)
    done = (
        Text("{path} now has its first data manager: {user} ({name}).")
        if existed
        else Text("{path} created; its first data manager is {user} ({name}).")
    )
    print(done.fill(path=args.db, user=user.username, name=user.full_name).text(reader_language(args)))


def cmd_add_user(args: argparse.Namespace) -> None:
    store, user = signed_in(args)
    accounts = office_accounts(store)
    made = accounts.create_user(
        args.username, args.name, args.role, new_password("Password of the new account: "), by=user
    )
    print(
        say(
            "Account {user} ({name}) added: {role}.",
            reader_language(args),
            user=made.username,
            name=made.full_name,
            role=made.role,
        )
    )


def cmd_passwd(args: argparse.Namespace) -> None:
    store = central_import.open_existing(args.db)
    accounts = office_accounts(store)
    current = password("Current password: ")
    accounts.sign_in(args.user, current, where=COMMAND_LINE)
    accounts.change_password(args.user, current, new_password("New password: "), where=COMMAND_LINE)
    print(say("Password of {user} changed.", reader_language(args), user=args.user.strip().lower()))


def cmd_add_centre(args: argparse.Namespace) -> None:
    store, user = signed_in(args)
    key, new = centre_keys.register_centre(store, user, args.centre, args.key_file, reason=args.reason)
    lang = reader_language(args)
    done = (
        Text("Key {fingerprint} of centre {centre} registered.")
        if new
        else Text("Key {fingerprint} of centre {centre} was already registered.")
    )
    print(done.fill(fingerprint=key.fingerprint, centre=key.centre).text(lang))
    print(say("Check this fingerprint with the centre by phone before importing its files.", lang))


def cmd_set_experience(args: argparse.Namespace) -> None:
    from ..services import centre_experience

    store, user = signed_in(args)
    centre_experience.set_prior_experience(store, user, args.centre, args.prior_procedures, args.reason)
    print(
        say(
            "Centre {centre}: {count} procedure(s) before the trial, counted by the learning curve of the trial "
            "report.",
            reader_language(args),
            centre=args.centre.strip(),
            count=args.prior_procedures,
        )
    )


def cmd_withdraw_key(args: argparse.Namespace) -> None:
    store, user = signed_in(args)
    key = centre_keys.withdraw_key(store, user, centre_keys.key_id_for(store, args.key), args.reason)
    kept = [
        row
        for row in central_import.imported_files(store)
        if (row["signer_fingerprint"], row["centre"]) == (key.fingerprint, key.centre)
    ]
    lang = reader_language(args)
    print(
        say(
            "Key {fingerprint} of centre {centre} withdrawn: {reason}",
            lang,
            fingerprint=key.fingerprint,
            centre=key.centre,
            reason=key.withdrawal_reason,
        )
    )
    print(
        say(
            "The {count} file(s) imported under it stay imported; new files signed with it are refused. "
            "A key registered for the wrong centre can now be registered for the right one (add-centre).",
            lang,
            count=len(kept),
        )
    )


def cmd_import(args: argparse.Namespace) -> int:
    store, user = signed_in(args)
    importer = CentralImporter(store, user)
    show = sys.stderr.isatty() and not args.quiet

    def progress(done: int, total: int, name: str) -> None:
        if show:
            print(f"\r{done}/{total} {name[:60]:<60}", end="" if done < total else "\n", file=sys.stderr)

    summary = importer.import_paths(args.paths, progress)
    lang = reader_language(args)
    print(summary.text(lang) if args.quiet else summary.full_text(lang))
    return 1 if summary.rejected or summary.stopped else 0


def cmd_list(args: argparse.Namespace) -> None:
    store, _ = signed_in(args)
    lang = reader_language(args)
    if args.keys:
        for key in centre_keys.registered_keys(store):
            withdrawn = (
                ""
                if key.withdrawn_utc is None
                else "\t"
                + say("withdrawn {at}: {reason}", lang, at=local_text(key.withdrawn_utc), reason=key.withdrawal_reason)
            )
            registered = say("registered {at}", lang, at=local_text(key.registered_utc))
            print(f"{key.centre}\t{key.fingerprint}\t{registered}{withdrawn}")
        return
    for row in central_import.imported_files(store):
        mark = say("current", lang) if row["current"] else say("superseded", lang)
        if row["held_utc"] and not row["released_utc"]:
            mark = say("held back", lang)
        if row["voided_utc"]:
            mark += " " + say(
                "(voided {at}: {reason})", lang, at=local_text(row["voided_utc"]), reason=row["void_reason"]
            )
        signer = (
            Text("signed by {fingerprint} (withdrawn since)")
            if row["signer_withdrawn_utc"]
            else Text("signed by {fingerprint}")
        )
        print(
            f"{row['study_id']}\tv{row['session_version']}\t{mark}\t{local_text(row['imported_utc'])}\t"
            f"{row['file_name']}\t{signer.fill(fingerprint=row['signer_fingerprint']).text(lang)}"
        )


def cmd_verify(args: argparse.Namespace) -> int:
    """The plain verdict: 0 when intact, 1 when something is not as the trail and the imports say."""
    from ..services.central_verify import verify_central

    signed_in(args)[0].close()
    result = verify_central(args.db, signatures=args.signatures)
    print(result.text(reader_language(args)))
    return 0 if result.ok else 1


def cmd_report(args: argparse.Namespace) -> None:
    from ..services.trial_report import central_source, tables_from_central

    signed_in(args)[0].close()
    emit(tables_from_central(args.db), central_source(args.db), args)


def cmd_gui(args: argparse.Namespace) -> int:
    from ..ui.central.app import run_central_app

    return run_central_app(args.db, lang=args.lang)


def _export(args: argparse.Namespace, kind: str, *options: object) -> None:
    """Sign in, then write the export (kept in the audit trail; refused for a role that does not export)."""
    from ..services import central_exports

    store, user = signed_in(args)
    store.close()
    lang = reader_language(args)
    written = central_exports.export_checked(args.db, user, kind, args.out, *options, lang=lang)
    print(*written.files, sep="\n")
    if written.findings:  # a warning, as on the laptop: the files are written
        print(say("Identifier check:", lang), *written.findings, sep="\n  ", file=sys.stderr)
    else:
        print(
            say("Identifier check: nothing in the free text looks like a name, a number or a date.", lang),
            file=sys.stderr,
        )


def cmd_export_csv(args: argparse.Namespace) -> None:
    _export(args, "csv")


def cmd_export_redcap(args: argparse.Namespace) -> None:
    _export(args, "redcap", args.lang)


def cmd_export_odm(args: argparse.Namespace) -> None:
    _export(args, "odm-archive" if args.audit else "odm")


def cmd_export_castor(args: argparse.Namespace) -> None:
    _export(args, "castor", args.map)


def cmd_export_dataset_json(args: argparse.Namespace) -> None:
    _export(args, "dataset-json")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="mimic-central", description="The MIMIC trial office's central study database of session files."
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    def command(name: str, handler: Handler, help_text: str, user: bool = True) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text)
        p.add_argument("--db", type=Path, required=True, help="the central study database file")
        if user:
            p.add_argument(
                "--user", required=True, help="your user name; the password is read from MIMIC_PASSWORD or asked"
            )
        p.set_defaults(handler=handler)
        return p

    p = command(
        "init",
        cmd_init,
        "create a central study database and its first data manager (the password asked for, or read from "
        "standard input)",
        user=False,
    )
    p.add_argument("--user", help="the first data manager's user name")
    p.add_argument("--name", help="the first data manager's full name")
    p = command("add-user", cmd_add_user, "add an account of the trial office (a data manager's work)")
    p.add_argument("username", help="the new account's user name")
    p.add_argument("--name", required=True, help="the person's full name")
    p.add_argument("--role", required=True, choices=[role.value for role in CENTRAL_ROLES])
    command("passwd", cmd_passwd, "change your own password (the new one asked for, or read from standard input)")
    p = command("add-centre", cmd_add_centre, "register a centre's public key file (from `mimic-desktop export-key`)")
    p.add_argument("centre", help="the two-digit centre code")
    p.add_argument("key_file", type=Path, help="the centre's public key (.pem)")
    p.add_argument("--reason", default=None, help="why a key withdrawn before is trusted again (needed then)")
    p = command(
        "withdraw-key",
        cmd_withdraw_key,
        "withdraw a registered key, with the reason (kept; files imported under it stay, new ones are refused)",
    )
    p.add_argument("key", help="the key's fingerprint (as `list --keys` prints it) or its .pem file")
    p.add_argument("--reason", required=True, help="why, for example: registered for the wrong centre")
    p = command(
        "set-experience",
        cmd_set_experience,
        "set how many ICG-guided procedures a centre did before the trial (the learning curve counts them)",
    )
    p.add_argument("--centre", required=True, help="the centre's two-digit code")
    p.add_argument("--prior-procedures", type=int, required=True, metavar="N", help="procedures before the trial")
    p.add_argument("--reason", required=True, help="why, for example: the centre's site survey")
    central_settling.register(command, signed_in)
    p = command("import", cmd_import, "import session files (.mimic) and folders holding them")
    p.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    p.add_argument("--quiet", action="store_true", help="print the summary only")
    p.add_argument("--lang", choices=LANGUAGES, default=None, help="language of the summary (default: the person's)")
    p = command("list", cmd_list, "list the imported session files (or, with --keys, the registered keys)")
    p.add_argument("--keys", action="store_true")
    p = command(
        "verify",
        cmd_verify,
        "check the audit trail, every row against it and against the stored records, and the file's integrity",
    )
    p.add_argument("--signatures", action="store_true", help="also check every archived session file's signature again")
    p.add_argument("--lang", choices=LANGUAGES, default=None, help="language of the verdict (default: the person's)")
    add_record_commands(command, signed_in)
    add_frame_commands(command, signed_in)
    backup_commands.register(command)  # the laptop's backups and restore, on the central database
    p = command("report", cmd_report, "the trial's analysis of the current sessions: a summary, JSON or a PDF")
    add_output_arguments(p)
    p = command("gui", cmd_gui, "open the trial office's window (also: mimic-central --db FILE)", user=False)
    p.add_argument("--lang", choices=LANGUAGES, default=None, help="interface language (default: as last chosen)")
    for name, handler, what in (
        ("export-csv", cmd_export_csv, "flat CSV tables with a data dictionary"),
        ("export-redcap", cmd_export_redcap, "a REDCap data dictionary and import CSV"),
        ("export-odm", cmd_export_odm, "a CDISC ODM 1.3.2 XML file"),
        ("export-castor", cmd_export_castor, "Castor EDC import files (study data and repeating data)"),
        ("export-dataset-json", cmd_export_dataset_json, "CDISC Dataset-JSON 1.1 datasets"),
    ):
        p = command(name, handler, f"write the current sessions as {what}, for statisticians")
        p.add_argument("--out", type=Path, required=True, help="the folder to write into (made when missing)")
        if name == "export-redcap":
            p.add_argument("--lang", choices=LANGUAGES, default="en", help="language of the field labels")
        if name == "export-odm":
            p.add_argument(
                "--audit",
                action="store_true",
                help="the archive copy: every change of a value with who (laptop account id), when and why, and the "
                "questionnaire's signature",
            )
        if name == "export-castor":
            p.add_argument(
                "--map", type=Path, help="an edited variable map (castor_variable_map.csv of an earlier export)"
            )
    central_queries.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0].split("=")[0] in GUI_OPTIONS:  # `mimic-central --db FILE` opens the window
        argv = ["gui", *argv]
    args = build_parser().parse_args(argv)
    restrict_new_files()  # the database, its backups, exports and reports: readable by their owner only
    return run(args.handler, args)


if __name__ == "__main__":
    sys.exit(main())
