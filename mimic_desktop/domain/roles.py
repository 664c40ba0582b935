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
    # The trial office's accounts, in the central study database.
    DATA_MANAGER = "data_manager"
    STATISTICIAN = "statistician"
    AUDITOR = "auditor"

    def text(self, lang: str = "en") -> str:
        """The role's name as the interface shows it."""
        return ROLE_TEXT[self].text(lang)


ROLE_TEXT = {
    Role.COORDINATOR: Text("coordinator"),
    Role.SURGEON: Text("surgeon"),
    Role.MONITOR: Text("monitor"),
    Role.DATA_MANAGER: Text("data manager"),
    Role.STATISTICIAN: Text("statistician"),
    Role.AUDITOR: Text("auditor"),
}

# The roles of an operating-room laptop's accounts and of the trial office's.
LAPTOP_ROLES = (Role.COORDINATOR, Role.SURGEON, Role.MONITOR)
CENTRAL_ROLES = (Role.DATA_MANAGER, Role.STATISTICIAN, Role.AUDITOR)


class Action(StrEnum):
    EDIT = "edit"
    SIGN = "sign"
    MANAGE_USERS = "manage_users"
    EXPORT = "export"
    IMPORT = "import"  # session files into the central study database
    MANAGE_KEYS = "manage_keys"  # register and withdraw centre keys
    QUERY = "query"  # raise, close and send the trial office's data queries
    SETTLE = "settle"  # void and restore sessions, release versions held back, at the trial office
    REDACT = "redact"  # take a typed text that identifies a patient out of a record and its trail


PERMISSIONS: dict[Role, frozenset[Action]] = {
    Role.COORDINATOR: frozenset({Action.EDIT, Action.MANAGE_USERS, Action.EXPORT, Action.REDACT}),
    Role.SURGEON: frozenset({Action.EDIT, Action.SIGN, Action.EXPORT}),
    Role.MONITOR: frozenset(),
    Role.DATA_MANAGER: frozenset(
        {Action.IMPORT, Action.MANAGE_KEYS, Action.MANAGE_USERS, Action.EXPORT, Action.QUERY, Action.SETTLE}
    ),
    # Reads the trial's data and exports it for analysis; changes nothing.
    Role.STATISTICIAN: frozenset({Action.EXPORT}),
    Role.AUDITOR: frozenset(),
}

REFUSALS = {
    Action.EDIT: Text("Your role ({role}) is read-only: you cannot change the record."),
    Action.SIGN: Text("Only a surgeon can sign the questionnaire; you are signed in as {role}."),
    Action.MANAGE_USERS: Text(
        "Only a coordinator can manage user accounts and study settings; you are signed in as {role}."
    ),
    Action.EXPORT: Text("Your role ({role}) cannot export records (session files, CSV, REDCap or ODM)."),
    Action.IMPORT: Text("Only a data manager can import session files; you are signed in as {role}."),
    Action.MANAGE_KEYS: Text("Only a data manager can register or withdraw centre keys; you are signed in as {role}."),
    Action.QUERY: Text("Only a data manager can raise, close or send data queries; you are signed in as {role}."),
    Action.SETTLE: Text(
        "Only a data manager can void or restore sessions and release versions held back; you are signed in as {role}."
    ),
    Action.REDACT: Text("Only a coordinator can redact a text; you are signed in as {role}."),
}
# At the trial office the data manager keeps the accounts.
CENTRAL_REFUSALS = REFUSALS | {
    Action.MANAGE_USERS: Text(
        "Only a data manager can manage the trial office's accounts; you are signed in as {role}."
    ),
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
            refusals = CENTRAL_REFUSALS if self.role in CENTRAL_ROLES else REFUSALS
            # The role is said in the reader's language with the rest of the refusal.
            raise PermissionDenied(refusals[action].fill(role=self.role))


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


@dataclass(frozen=True)
class Office:
    """Where accounts live: the roles there and the one that keeps the accounts (and makes the first)."""

    manager: Role
    roles: tuple[Role, ...]


LAPTOP = Office(Role.COORDINATOR, LAPTOP_ROLES)
TRIAL_OFFICE = Office(Role.DATA_MANAGER, CENTRAL_ROLES)
