"""The procedure's surgeon as an account: chosen at enrolment, typed names mapped later, delegations to sign."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from ..domain import values
from ..domain.clock import to_iso, utc_now
from ..domain.errors import NotFound, PermissionDenied, ValidationError
from ..domain.roles import Action, Role, User
from ..domain.wording import Text
from ..storage import audit, repository, users
from ..storage.connection import Store
from . import access
from .procedures import Clock, ProcedureService

MESSAGES: dict[str, Text] = {
    "map_reason": Text("the typed surgeon name {name!r} mapped to the account {username}"),
    "no_typed_name": Text("No record has the typed surgeon name {name!r} without an account."),
    "delegate_reason": Text(
        "Say why another surgeon signs for the operating surgeon: the reason stays with the delegation."
    ),
    "delegate_who": Text(
        "Only a coordinator or the operating surgeon of {study_id} can let another surgeon sign its questionnaire."
    ),
    "delegate_self": Text(
        "{username} is the operating surgeon of {study_id}: the surgeon of record signs without a delegation."
    ),
    "delegate_twice": Text("{username} may already sign the questionnaire of {study_id}."),
}


def _words(key: str, lang: str = "en", **values: object) -> str:
    return MESSAGES[key].fill(**values).text(lang)


@dataclass(frozen=True)
class TypedSurgeon:
    """A surgeon name typed into records before surgeons were accounts, and the records that hold it."""

    name: str
    study_ids: tuple[str, ...]


@dataclass(frozen=True)
class Delegation:
    id: int
    username: str
    reason: str
    granted_by: str
    granted_at: str


class SurgeonService:
    """Who the operating surgeon of a record is, and who else may sign its questionnaire."""

    def __init__(self, store: Store, user: User, clock: Clock = utc_now):
        self.store = store
        self.user = user
        self.clock = clock
        self.procedures = ProcedureService(store, user, clock)

    def surgeon_accounts(self) -> list[User]:
        """The active surgeon accounts, the choices for a record's surgeon (demo accounts only in a demo database)."""
        return [u for u in users.list_users(self.store.conn) if u.role is Role.SURGEON]

    def surgeon_account(self, username: str, lang: str = "en") -> User:
        return self.procedures.surgeon_account(username, lang)

    def assign(self, proc_id: str, username: str, reason: str | None = None, lang: str = "en") -> None:
        """Make the account the record's operating surgeon; the record's surgeon name becomes the account's name."""
        account = self.surgeon_account(username, lang)
        self.procedures.assign_surgeon(proc_id, account, reason)

    # -- names typed before surgeons were accounts --------------------------------------------------------
    def typed_names(self) -> list[TypedSurgeon]:
        """Every typed surgeon name of a record without a surgeon account, with the records holding it."""
        by_name: dict[str, list[str]] = defaultdict(list)
        for proc_id, value in repository.surgeon_names(self.store.conn):
            name = audit.decode(value)
            by_name[name].append(self.procedures.load(proc_id).study_id)
        return [TypedSurgeon(name, tuple(ids)) for name, ids in sorted(by_name.items())]

    def map_typed_name(self, name: str, username: str, lang: str = "en") -> list[str]:
        """A coordinator maps a typed name to a surgeon account on every record holding it; returns their study IDs.

        Each record is changed in its own transaction with its audit rows (the reason names the mapping), since each
        is one record's change; a locked record keeps every completion rule.
        """
        access.require(self.store, self.user, Action.MANAGE_USERS, None, self.clock)
        account = self.surgeon_account(username, lang)
        matching = [t for t in self.typed_names() if t.name == name]
        if not matching:
            raise NotFound(_words("no_typed_name", lang, name=name))
        reason = _words("map_reason", "en", name=name, username=account.username)
        for study_id in matching[0].study_ids:
            self.procedures.assign_surgeon(self.procedures.find(study_id).id, account, reason)
        return list(matching[0].study_ids)

    # -- delegations -------------------------------------------------------------------------------------
    def delegations(self, proc_id: str) -> list[Delegation]:
        return [Delegation(*row) for row in repository.delegations(self.store.conn, proc_id)]

    def delegates(self, proc_id: str) -> set[str]:
        return {d.username for d in self.delegations(proc_id)}

    def delegate(
        self, proc_id: str, username: str, reason: str, lang: str = "en", keep_identifier: str | None = None
    ) -> int:
        """Let another surgeon sign this record's questionnaire: by a coordinator or the surgeon of record, with a
        reason; audited. A reason that looks like it holds an identifier is refused (LooksLikeIdentifier) unless
        keep_identifier says why it is kept as typed (recorded in the trail with the delegation)."""
        proc = self.procedures.load(proc_id)
        if not (self.user.may(Action.MANAGE_USERS) or self.user.username == proc.surgeon_username):
            message = _words("delegate_who", lang, study_id=proc.study_id)
            access.log_refusal(self.store, self.user.username, "delegate", message, proc_id, self.clock)
            raise PermissionDenied(message)
        if not (reason and reason.strip()):
            raise ValidationError(_words("delegate_reason", lang), "reason")
        reason = values.check_reason(reason, lang)
        account = self.surgeon_account(username, lang)
        if account.username == proc.surgeon_username:
            raise ValidationError(_words("delegate_self", lang, username=account.username, study_id=proc.study_id))
        screening = self.procedures if keep_identifier is None else self.procedures.keeping_identifiers(keep_identifier)
        with self.store.transaction() as db:
            if account.username in self.delegates(proc_id):
                raise ValidationError(_words("delegate_twice", lang, username=account.username, study_id=proc.study_id))
            screening.screen(proc_id, [("reason", values.TEXT_NAMES["reason"], reason)], lang)
            return repository.insert_delegation(
                db.conn,
                proc_id=proc_id,
                username=account.username,
                reason=reason,
                now=to_iso(self.clock()),
                granted_by=self.user.username,
            )
