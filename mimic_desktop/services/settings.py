"""Study settings kept in the database: the ICG protocol window and the laptop's centre code.

Everyone reads them; only a coordinator changes them, and every change is an audit row.
"""

from __future__ import annotations

from datetime import timedelta

from ..domain import derive, rules
from ..domain.clock import to_iso, utc_now
from ..domain.errors import ValidationError
from ..domain.roles import Action, User
from ..domain.wording import Text
from ..storage import repository
from ..storage.connection import Store
from . import access
from .procedures import Clock

ICG_WINDOW_KEY = "icg_window_hours"
CENTRE_KEY = "centre"
LONGEST_ICG_WINDOW_HOURS = 14 * 24  # ICG is given 1 to 14 days before surgery at the most


def icg_window(store: Store) -> tuple[timedelta, timedelta]:
    """The accepted ICG-to-incision interval; the protocol's 'about 24 h' unless changed."""
    text = repository.get_setting(store.conn, ICG_WINDOW_KEY)
    if not text:
        return derive.DEFAULT_ICG_WINDOW
    low, high = parse_icg_window(text)
    return timedelta(hours=low), timedelta(hours=high)


def icg_window_text(window: tuple[timedelta, timedelta]) -> str:
    """The window as hours from injection to incision, "18-30", as it is typed and stored."""
    low, high = (limit.total_seconds() / 3600 for limit in window)
    return f"{low:g}-{high:g}"


def parse_icg_window(text: str) -> tuple[float, float]:
    """Hours from injection to incision typed as LOW-HIGH ("18-30"); a plain ValidationError otherwise."""
    low, dash, high = text.strip().partition("-")
    try:
        hours = float(low), float(high)
    except ValueError:
        hours = None
    if not dash or hours is None:
        raise ValidationError(
            Text(
                "{text!r} is not an ICG window: give the hours from injection to incision as LOW-HIGH, such as 18-30.",
                text=text,
            ),
            "icg_window",
        )
    return hours


def centre(store: Store) -> str | None:
    return repository.get_setting(store.conn, CENTRE_KEY)


def change(
    store: Store,
    user: User,
    *,
    icg_window_hours: tuple[float, float] | None = None,
    centre_code: str | None = None,
    clock: Clock = utc_now,
) -> int:
    """Change the settings given (a coordinator only), in one transaction; returns how many changed."""
    access.require(store, user, Action.MANAGE_USERS, clock=clock)
    wanted = {}
    if icg_window_hours is not None:
        low, high = icg_window_hours
        if not 0 <= low < high <= LONGEST_ICG_WINDOW_HOURS:
            raise ValidationError(
                Text("The ICG window must run from a lower to a higher number of hours, within 14 days."), "icg_window"
            )
        wanted[ICG_WINDOW_KEY] = icg_window_text((timedelta(hours=low), timedelta(hours=high)))
    if centre_code is not None:
        wanted[CENTRE_KEY] = rules.check_centre(centre_code)
    now = to_iso(clock())
    changed = 0
    with store.transaction() as db:
        for key, value in wanted.items():
            changed += repository.change_setting(db.conn, key, value, now=now, username=user.username)
    return changed
