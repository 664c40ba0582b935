"""Each centre's ICG-guided liver procedures before the trial: a setting of the central study database.

The paper counted the two centres that had used ICG fluorescence before as experienced from their first
trial procedure; the learning curve does the same with this setting (analysis/learning.py). A data
manager sets it, with a reason, and the audit trail keeps every value it had.
"""

from __future__ import annotations

from ..domain import rules
from ..domain.clock import to_iso, utc_now
from ..domain.errors import ReasonRequired, ValidationError
from ..domain.roles import Action, User
from ..domain.wording import Text
from ..storage import central
from ..storage.connection import Store
from . import office_accounts
from .procedures import Clock

MOST = 100_000  # more procedures than any centre did before the trial: a typing slip


def set_prior_experience(
    store: Store, by: User, centre: str, prior_procedures: int, reason: str, clock: Clock = utc_now
) -> None:
    """Set how many procedures a centre did before the trial; one transaction with its audit row."""
    office_accounts.require(store, by, Action.MANAGE_KEYS)
    code = rules.check_centre(centre)
    if isinstance(prior_procedures, bool) or not isinstance(prior_procedures, int):
        raise ValidationError(Text("The prior procedures of a centre are a whole number."), field="prior_procedures")
    if not 0 <= prior_procedures <= MOST:
        raise ValidationError(
            Text(
                "A centre's prior procedures are between 0 and {most}, not {given}.",
                most=MOST,
                given=prior_procedures,
            ),
            field="prior_procedures",
        )
    why = (reason or "").strip()
    if not why:
        raise ReasonRequired(Text("Say why the centre's prior experience is set (for example, its site survey)."))
    with store.transaction() as db:
        central.set_centre_experience(db.conn, code, prior_procedures, by=by.username, now=to_iso(clock()), reason=why)


def prior_experience(store: Store) -> dict[str, int]:
    """Procedures before the trial by centre code; a centre not listed had none."""
    return central.centre_experience(store.conn)
