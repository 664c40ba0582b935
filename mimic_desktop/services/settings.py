"""Study settings kept in the database: the ICG protocol window and the laptop's centre code."""

from __future__ import annotations

from datetime import timedelta

from ..domain import derive, rules
from ..domain.clock import to_iso, utc_now
from ..domain.errors import ValidationError
from ..domain.roles import Action, User
from ..storage import audit, repository
from ..storage.connection import Store
from . import access

ICG_WINDOW_KEY = "icg_window_hours"
CENTRE_KEY = "centre"


def icg_window(store: Store) -> tuple[timedelta, timedelta]:
    """The accepted ICG-to-incision interval; the protocol's 'about 24 h' unless changed."""
    text = repository.get_setting(store.conn, ICG_WINDOW_KEY)
    if not text:
        return derive.DEFAULT_ICG_WINDOW
    low, high = (float(part) for part in text.split("-"))
    return timedelta(hours=low), timedelta(hours=high)


def set_icg_window(store: Store, user: User, low_hours: float, high_hours: float) -> None:
    access.require(store, user, Action.MANAGE_USERS)
    if not 0 <= low_hours < high_hours <= 14 * 24:
        raise ValidationError("The ICG window must run from a lower to a higher number of hours, within 14 days.")
    _put(store, user, ICG_WINDOW_KEY, f"{low_hours:g}-{high_hours:g}")


def centre(store: Store) -> str | None:
    return repository.get_setting(store.conn, CENTRE_KEY)


def set_centre(store: Store, user: User, code: str) -> None:
    access.require(store, user, Action.MANAGE_USERS)
    _put(store, user, CENTRE_KEY, rules.check_centre(code))


def _put(store: Store, user: User, key: str, value: str) -> None:
    now = to_iso(utc_now())
    with store.transaction() as db:
        old = repository.get_setting(db.conn, key)
        repository.put_setting(db.conn, key, value)
        audit.append(
            db.conn,
            at_utc=now,
            username=user.username,
            procedure_id=None,
            entity="setting",
            entity_id=key,
            field="value",
            old=old,
            new=value,
        )
