"""Shared plumbing for the command-line tools: opening the database, signing in, errors."""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

from ..domain import forms
from ..domain.errors import LooksLikeIdentifier, MimicError
from ..domain.roles import User
from ..domain.wording import Text, said, say
from ..services import language, paths
from ..services.accounts import COMMAND_LINE, AccountService, PasswordChangeRequired
from ..services.procedures import ProcedureService
from ..storage.connection import Store, open_store

# What a subcommand runs (its exit status, or None for 0), and the function that adds a subcommand to a
# parser: command(name, handler, help_text, user=True) -> its parser.
Handler = Callable[[argparse.Namespace], int | None]
AddCommand = Callable[..., argparse.ArgumentParser]


def add_db_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", type=Path, default=None, help="database file (default: the per-user data folder)")


def db_path(args: argparse.Namespace) -> Path:
    return args.db or paths.default_db_path()


def add_user_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--user", required=True, help="user name; the password is read from MIMIC_PASSWORD or asked")


def password(prompt: str = "Password: ") -> str:
    """The password of the person running the command: MIMIC_PASSWORD, or asked."""
    return os.environ.get("MIMIC_PASSWORD") or getpass.getpass(prompt)


def new_password(prompt: str) -> str:
    """A new account's or a changed password: typed twice at the terminal, or one line of standard input.
    Never MIMIC_PASSWORD (that is the password of whoever runs the command) and never an argument (it would
    stay in the shell's history and in the list of processes)."""
    if sys.stdin is not None and sys.stdin.isatty():
        first = getpass.getpass(prompt)
        if getpass.getpass("The same password again: ") != first:
            raise MimicError(Text("The two passwords differ; nothing was changed."))
        return first
    line = (sys.stdin.readline() if sys.stdin is not None else "").rstrip("\r\n")
    if not line:
        raise MimicError(
            Text(
                "No new password: type it at the terminal, or give it as a line on standard input; nothing was changed."
            )
        )
    return line


def signed_in_user(args: argparse.Namespace) -> tuple[Store, User]:
    """The database --db names and the --user whose password is right, who may work (no reset password waiting
    to be changed)."""
    store = open_store(db_path(args), create=False)
    if store.read_only:  # said at once: reading works, a change would be refused
        print_warnings(
            [
                Text(
                    "{path} is read-only ({why}): it can be read, but nothing can be saved in it.",
                    path=store.path,
                    why=store.read_only,
                )
            ],
            reader_language(args),
        )
    user = AccountService(store).sign_in(args.user, password(), where=COMMAND_LINE)
    if user.must_change_password:
        raise PasswordChangeRequired(
            Text(
                "The password of {name} was reset by a coordinator: choose a new one first"
                " (in the app, or with `mimic-desktop passwd --user {name}`).",
                name=user.username,
            )
        )
    return store, user


def add_keep_identifier_option(parser: argparse.ArgumentParser) -> None:
    """For a command that saves free text: text that looks like an identifier is refused unless kept with a reason."""
    parser.add_argument(
        "--keep-identifier",
        metavar="REASON",
        default=None,
        help="save free text that looks like an identifier as typed, for this reason (kept in the audit trail)",
    )


def signed_in(args: argparse.Namespace) -> ProcedureService:
    """The records of the database --db names, for the --user whose password is right (keeping free text that looks
    like an identifier when --keep-identifier gives a reason)."""
    service = ProcedureService(*signed_in_user(args))
    reason = getattr(args, "keep_identifier", None)
    return service if reason is None else service.keeping_identifiers(reason)


def print_json(data: object) -> None:
    json.dump(data, sys.stdout, indent=2, ensure_ascii=False, default=str)
    sys.stdout.write("\n")


def print_warnings(warnings: Iterable[object], lang: str) -> None:
    """Things the person should know that did not stop the command, one line each on stderr, in lang."""
    for warning in warnings:
        print(say("warning: {warning}", lang, warning=said(warning, lang)), file=sys.stderr)


def print_error(problem: object, lang: str) -> None:
    """One plain line on stderr for what stopped the command, in lang."""
    print(say("error: {problem}", lang, problem=said(problem, lang)), file=sys.stderr)


def reader_language(args: argparse.Namespace | None = None) -> str:
    """The language of what a command prints: its --lang when given, else the person's (services/language.py)."""
    return getattr(args, "lang", None) or language.person_language()


def run(handler: Callable[[argparse.Namespace], int | None], args: argparse.Namespace) -> int:
    """Run a subcommand; problems the user can fix print one plain line, not a traceback, in the reader's
    language. A --lang left out is the person's language from here on."""
    if hasattr(args, "lang") and args.lang is None:
        args.lang = language.person_language()
    try:
        forms.forms_dir()  # other form definitions than the shipped ones: refused before anything is opened
        return handler(args) or 0
    except MimicError as error:
        lang = reader_language(args)
        print_error(error, lang)
        if isinstance(error, LooksLikeIdentifier):
            hint = say(
                "Nothing was saved. To save the text as typed, run the command again with --keep-identifier REASON.",
                lang,
            )
            print(hint, file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(say("interrupted", reader_language(args)), file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
