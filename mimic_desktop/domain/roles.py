"""Roles and what each may do."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from .errors import PermissionDenied
from .wording import Text


class Role(StrEnum):
    COORDINATOR = "coordinator"
    SURGEON = "surgeon"
    MONITOR = "monitor"

    def text(self, lang: str = "en") -> str:
        """The role's name as the interface shows it."""
        return ROLE_TEXT[self].text(lang)


ROLE_TEXT = {
    Role.COORDINATOR: Text("coordinator"),
    Role.SURGEON: Text("surgeon"),
    Role.MONITOR: Text("monitor"),
}


class Action(StrEnum):
    EDIT = "edit"
    SIGN = "sign"
    MANAGE_USERS = "manage_users"
    EXPORT = "export"


PERMISSIONS: dict[Role, frozenset[Action]] = {
    Role.COORDINATOR: frozenset({Action.EDIT, Action.MANAGE_USERS, Action.EXPORT}),
    Role.SURGEON: frozenset({Action.EDIT, Action.SIGN, Action.EXPORT}),
    Role.MONITOR: frozenset(),
}

REFUSALS = {
    Action.EDIT: Text("Your role ({role}) is read-only: you cannot change the record."),
    Action.SIGN: Text("Only a surgeon can sign the questionnaire; you are signed in as {role}."),
    Action.MANAGE_USERS: Text(
        "Only a coordinator can manage user accounts and study settings; you are signed in as {role}."
    ),
    Action.EXPORT: Text("Your role ({role}) cannot export records (session files, CSV, REDCap or ODM)."),
}


@dataclass(frozen=True)
class User:
    id: int
    username: str
    full_name: str
    role: Role
    demo: bool = False
    # A coordinator reset the password: the person chooses a new one before doing anything else.
    must_change_password: bool = False

    def may(self, action: Action) -> bool:
        return action in PERMISSIONS[self.role]

    def require(self, action: Action) -> None:
        if not self.may(action):
            # The role is said in the reader's language with the rest of the refusal.
            raise PermissionDenied(REFUSALS[action].fill(role=self.role))


@dataclass(frozen=True)
class Account:
    """An account as the accounts page shows it: who, their role, and the state of their sign-in."""

    username: str
    full_name: str
    role: Role
    active: bool
    demo: bool
    must_change_password: bool
    failed_sign_ins: int
    waits_until_utc: str | None
