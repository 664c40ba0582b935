"""The trial office's accounts in a central study database: the laptop's account code with the office's roles.

A data manager imports, registers and withdraws keys and keeps the accounts; a statistician reads and exports;
an auditor reads. Each step checks the role the database holds now (not the one signed in with) and keeps a
refusal in the central audit trail before refusing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime

from ..domain.clock import utc_now
from ..domain.errors import PermissionDenied
from ..domain.roles import TRIAL_OFFICE, Action, User
from ..storage import users
from ..storage.connection import Store
from . import access
from .accounts import AccountService


def office_accounts(store: Store, lang: str = "en", clock: Callable[[], datetime] = utc_now) -> AccountService:
    """The accounts of this central database."""
    return AccountService(store, lang=lang, clock=clock, office=TRIAL_OFFICE)


def require(store: Store, by: User, action: Action) -> User:
    """The acting account as the database holds it now, when its role allows the action; otherwise the attempt is
    kept in the audit trail and PermissionDenied raised."""
    stored = users.find_account(store.conn, by.username)
    if stored is None or not stored.active:
        message = f"The account {by.username} is not an active account of this central database."
        access.log_refusal(store, by.username, action.value, message)
        raise PermissionDenied(message)
    now = replace(by, role=stored.role)
    access.require(store, now, action)
    return now
