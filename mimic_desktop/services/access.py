"""Role checks that leave a trace: every refused attempt becomes an audit row before it is refused."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from ..domain.clock import to_iso, utc_now
from ..domain.errors import PermissionDenied
from ..domain.roles import Action, User
from ..storage import audit
from ..storage.connection import Store


def log_refusal(
    store: Store,
    username: str,
    action: str,
    message: str,
    procedure_id: str | None = None,
    clock: Callable[[], datetime] = utc_now,
) -> None:
    """Keep an attempt that was turned down (wrong role, locked record, wrong password) in the trail."""
    with store.transaction() as db:
        audit.append(
            db.conn,
            at_utc=to_iso(clock()),
            username=username,
            procedure_id=procedure_id,
            entity="access",
            entity_id=username,
            field="refused",
            old=None,
            new={"action": action, "message": message},
        )


def require(
    store: Store,
    user: User,
    action: Action,
    procedure_id: str | None = None,
    clock: Callable[[], datetime] = utc_now,
) -> None:
    """Refuse an action the user's role does not allow, after logging the attempt."""
    try:
        user.require(action)
    except PermissionDenied as refusal:
        log_refusal(store, user.username, action.value, str(refusal), procedure_id, clock)
        raise
