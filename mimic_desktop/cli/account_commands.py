"""`passwd` (change one's own password) and `users` (a coordinator's work on accounts)."""

from __future__ import annotations

import argparse

from ..domain.clock import local_text
from ..domain.roles import LAPTOP_ROLES, Account, Role
from ..domain.wording import say
from ..services.accounts import COMMAND_LINE, AccountService
from ..storage.connection import open_store
from .common import AddCommand, db_path, new_password, password, reader_language, signed_in_user


def cmd_passwd(args: argparse.Namespace) -> None:
    """The current password as for any command (MIMIC_PASSWORD or asked); the new one asked for or read from
    standard input. Works for an account whose password a coordinator reset."""
    store = open_store(db_path(args), create=False)
    accounts = AccountService(store)
    current = password("Current password: ")
    accounts.sign_in(args.user, current, where=COMMAND_LINE)  # a wrong one is a failed sign-in, before any prompt
    accounts.change_password(args.user, current, new_password("New password: "), where=COMMAND_LINE)
    print(say("Password of {user} changed.", reader_language(args), user=args.user.strip().lower()))


def state(account: Account, lang: str) -> str:
    """An account's state in a word or two, for the list."""
    if not account.active:
        return say("deactivated", lang)
    if account.waits_until_utc:
        until = local_text(account.waits_until_utc, seconds=True)
        return say("waits until {until} ({failed} failed)", lang, until=until, failed=account.failed_sign_ins)
    if account.must_change_password:
        return say("must change password", lang)
    return say("active", lang)


def cmd_users(args: argparse.Namespace) -> None:
    store, user = signed_in_user(args)
    accounts = AccountService(store)
    lang = reader_language(args)
    if args.action == "list":
        for account in accounts.accounts():
            print(f"{account.username}\t{account.full_name}\t{account.role.value}\t{state(account, lang)}")
        return
    if not args.username:
        raise SystemExit(f"error: users {args.action} needs the account's user name")
    name = args.username
    if args.action == "reset":
        temporary = accounts.reset_password(user, name)
        print(say("Temporary password of {name}: {password}", lang, name=name, password=temporary))
        print(say("Tell it to its owner in person; it must be changed at the next sign-in.", lang))
    elif args.action == "deactivate":
        accounts.deactivate(user, name)
        print(say("{name} is deactivated: it can no longer sign in.", lang, name=name))
    elif args.action == "reactivate":
        accounts.reactivate(user, name)
        print(say("{name} is active again.", lang, name=name))
    elif args.action == "release":
        accounts.release(user, name)
        print(say("{name} can sign in again.", lang, name=name))
    elif args.action == "set-role":
        if args.role is None:
            raise SystemExit("error: users set-role needs the new role: " + ", ".join(r.value for r in LAPTOP_ROLES))
        accounts.set_role(user, name, args.role)
        print(say("{name} is now {role}.", lang, name=name, role=Role(args.role)))


def register(command: AddCommand) -> None:
    command("passwd", cmd_passwd, "change your own password (also after a coordinator reset it)")
    p = command(
        "users",
        cmd_users,
        "list accounts; reset a password, deactivate, reactivate, release a waiting account or change a role"
        " (coordinators only)",
    )
    p.add_argument("action", choices=["list", "reset", "deactivate", "reactivate", "release", "set-role"])
    p.add_argument("username", nargs="?", default=None)
    p.add_argument("role", nargs="?", default=None, choices=[r.value for r in LAPTOP_ROLES])
