"""Shared plumbing for the command-line tools: opening the database, signing in, errors."""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path

from ..domain.errors import MimicError
from ..domain.wording import said
from ..services import paths
from ..services.accounts import AccountService
from ..services.procedures import ProcedureService
from ..storage.connection import open_store


def add_db_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", type=Path, default=None, help="database file (default: the per-user data folder)")


def db_path(args: argparse.Namespace) -> Path:
    return args.db or paths.default_db_path()


def add_user_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--user", required=True, help="user name; the password is read from MIMIC_PASSWORD or asked")


def password(prompt: str = "Password: ") -> str:
    return os.environ.get("MIMIC_PASSWORD") or getpass.getpass(prompt)


def signed_in(args: argparse.Namespace) -> ProcedureService:
    """The records of the database --db names, for the --user whose password is right."""
    store = open_store(db_path(args), create=False)
    user = AccountService(store).sign_in(args.user, password())
    return ProcedureService(store, user)


def print_json(data) -> None:
    json.dump(data, sys.stdout, indent=2, ensure_ascii=False, default=str)
    sys.stdout.write("\n")


def print_warnings(warnings) -> None:
    """Things the person should know that did not stop the command, one line each on stderr."""
    for warning in warnings:
        print(f"warning: {warning}", file=sys.stderr)


def run(handler: Callable[[argparse.Namespace], int | None], args: argparse.Namespace) -> int:
    """Run a subcommand; problems the user can fix print one plain line, not a traceback, in the language of the
    subcommand's --lang where it has one (English otherwise)."""
    try:
        return handler(args) or 0
    except MimicError as error:
        print(f"error: {said(error, getattr(args, 'lang', None) or 'en')}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
