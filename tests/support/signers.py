"""Making a surgeon the one who may sign a record: the surgeon of record, with every answer theirs."""

from __future__ import annotations

from mimic_desktop.domain.record import Signature
from mimic_desktop.domain.roles import Role, User
from mimic_desktop.services.procedures import ProcedureService
from mimic_desktop.services.signing import SigningService
from mimic_desktop.storage import users
from mimic_desktop.storage.connection import Store


def a_coordinator(store: Store) -> User:
    return next(u for u in users.list_users(store.conn) if u.role is Role.COORDINATOR)


def make_surgeon_of_record(store: Store, proc_id: str, surgeon: User) -> None:
    """A coordinator makes the surgeon's account the record's operating surgeon (with a reason, for a locked one)."""
    service = ProcedureService(store, a_coordinator(store))
    if service.load(proc_id).surgeon_username != surgeon.username:
        service.assign_surgeon(proc_id, surgeon, reason="the operating surgeon's account")


def sign_as(store: Store, surgeon: User, proc_id: str, password: str, **options) -> Signature:
    """The surgeon of record confirms the answers others entered on their word, then signs."""
    make_surgeon_of_record(store, proc_id, surgeon)
    signing = SigningService(store, surgeon)
    signing.confirm_answers(proc_id)
    return signing.sign_questionnaire(proc_id, password, **options)
