"""The trial office's accounts in a test's central database: a data manager made on first need."""

from __future__ import annotations

from mimic_desktop.domain.roles import Role, User
from mimic_desktop.services.office_accounts import office_accounts
from mimic_desktop.storage.connection import Store

DATA_MANAGER = "dana.dm"
PASSWORD = "office password 2026"


def data_manager(store: Store) -> User:
    """The data manager of this central database (the first account, made now if there is none)."""
    accounts = office_accounts(store)
    if not accounts.has_users():
        accounts.create_user(DATA_MANAGER, "Dana Data", Role.DATA_MANAGER, PASSWORD)
    return accounts.sign_in(DATA_MANAGER, PASSWORD)


def office_user(store: Store, username: str, role: Role) -> User:
    """Another account of the trial office (a statistician, an auditor), made by the data manager."""
    accounts = office_accounts(store)
    accounts.create_user(username, username.title(), role, PASSWORD, by=data_manager(store))
    return accounts.sign_in(username, PASSWORD)


# Commands that sign nobody in: the window asks, and a damaged database's backups are reached without it.
WITHOUT_SIGN_IN = {"gui", "backups", "restore"}


def run_central(*args: object, user: str = DATA_MANAGER, password: str = PASSWORD) -> int:
    """`mimic-central ARGS` in this process, signed in as user (MIMIC_PASSWORD for the time of the command); init
    makes the data manager, its password given on standard input."""
    import io
    import os
    import sys

    from mimic_desktop.cli import central as central_cli

    argv = [str(a) for a in args]
    if argv and argv[0] == "init":
        argv += ["--user", DATA_MANAGER, "--name", "Dana Data"]
    elif argv and argv[0] not in WITHOUT_SIGN_IN and not argv[0].startswith("--") and "--user" not in argv:
        argv[1:1] = ["--user", user]
    saved_env, saved_stdin = os.environ.get("MIMIC_PASSWORD"), sys.stdin
    os.environ["MIMIC_PASSWORD"] = password
    sys.stdin = io.StringIO(password + "\n")
    try:
        return central_cli.main(argv)
    finally:
        sys.stdin = saved_stdin
        if saved_env is None:
            del os.environ["MIMIC_PASSWORD"]
        else:
            os.environ["MIMIC_PASSWORD"] = saved_env
