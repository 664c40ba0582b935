"""Accounts and signing in: the lifecycle of an account, failed sign-ins, waiting accounts, hash upgrades.

Every step is one transaction with its audit rows (storage.users writes one per changed column, the password hash
included), so the audit trail describes each account whole and `verify` finds a change made outside the app.
"""

from __future__ import annotations

import contextlib
import secrets
from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import datetime, timedelta

from ..domain import password_policy
from ..domain.clock import from_iso, local_text, to_iso, utc_now
from ..domain.errors import AuthenticationFailed, NotFound, PermissionDenied, ValidationError
from ..domain.roles import LAPTOP, PERMISSIONS, Account, Action, Office, Role, User
from ..domain.wording import Text
from ..storage import audit, password_hash, users
from ..storage.connection import Store
from ..storage.errors import StorageError
from . import access

# Where a sign-in was tried, as its audit row says.
APP = "app"
COMMAND_LINE = "command line"

# After this many wrong passwords in a row an account waits: FIRST_WAIT, doubled at each further failure.
FAILURES_BEFORE_WAIT = 5
FIRST_WAIT = timedelta(seconds=30)
LONGEST_WAIT = timedelta(hours=1)
# Temporary passwords: letters and digits that cannot be mistaken for one another when read out.
TEMPORARY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
LONGEST_USER_NAME = 64
LONGEST_FULL_NAME = 120
# Roles whose accounts sign: their full names must tell the signers apart.
SIGNING_ROLES = tuple(role for role in Role if Action.SIGN in PERMISSIONS[role])


class AccountWaits(AuthenticationFailed):
    """Too many wrong passwords in a row: the account cannot sign in until a time, or until a coordinator releases it."""


class PasswordChangeRequired(AuthenticationFailed):
    """A coordinator reset the password: the account must choose a new one before anything else."""


def wait_after(failures: int) -> timedelta:
    """How long an account waits after this many wrong passwords in a row (none below the threshold)."""
    if failures < FAILURES_BEFORE_WAIT:
        return timedelta(0)
    wait: timedelta = min(FIRST_WAIT * 2 ** (failures - FAILURES_BEFORE_WAIT), LONGEST_WAIT)
    return wait


class AccountService:
    def __init__(
        self, store: Store, lang: str = "en", clock: Callable[[], datetime] = utc_now, office: Office = LAPTOP
    ):
        """office: the laptop's accounts, or the trial office's (domain.roles.TRIAL_OFFICE) in a central database."""
        self.store = store
        self.lang = lang
        self.clock = clock
        self.office = office

    # -- reading ---------------------------------------------------------------------------------------
    def has_users(self) -> bool:
        return users.count_users(self.store.conn) > 0

    def is_demo_database(self) -> bool:
        """A database that holds demo accounts is the demo database: all that is recorded in it is practice."""
        return users.holds_demo_accounts(self.store.conn)

    def users(self) -> list[User]:
        """The active accounts, the ones that can sign in."""
        return users.list_users(self.store.conn)

    def accounts(self) -> list[Account]:
        """Every account, deactivated ones too, with the state of its sign-in."""
        return users.list_accounts(self.store.conn)

    def account(self, username: str) -> Account:
        found = users.find_account(self.store.conn, username.strip().lower())
        if found is None:
            raise NotFound(Text("There is no account {name}.", name=username), lang=self.lang)
        return found

    # -- new accounts ----------------------------------------------------------------------------------
    def check_new_password(self, password: str, username: str = "") -> None:
        """Refuse a password the policy does not allow, naming why (domain.password_policy)."""
        problem = password_policy.problem(password, username)
        if problem:
            raise ValidationError(problem, "password", lang=self.lang)

    def create_user(
        self, username: str, full_name: str, role: Role | str, password: str, by: User | None = None, demo: bool = False
    ) -> User:
        """Create an account; only a coordinator may, except for the very first account. An account made in the
        demo database is a demo account."""
        role = self._role_here(role)
        demo = demo or self.is_demo_database()
        username = username.strip().lower()
        full_name = " ".join(full_name.split())
        if not username or not username.replace(".", "").replace("-", "").replace("_", "").isalnum():
            raise ValidationError(
                Text("A user name may hold letters, digits, dots, dashes and underscores only."),
                "username",
                lang=self.lang,
            )
        if len(username) > LONGEST_USER_NAME:
            raise ValidationError(
                Text("A user name holds at most {n} characters.", n=LONGEST_USER_NAME), "username", lang=self.lang
            )
        if not full_name:
            raise ValidationError(
                Text("Give the person's full name: it is printed with their signature."), "full_name", lang=self.lang
            )
        if len(full_name) > LONGEST_FULL_NAME or not full_name.isprintable():
            raise ValidationError(
                Text(
                    "A full name holds at most {n} characters, without control characters: it is printed with signatures.",
                    n=LONGEST_FULL_NAME,
                ),
                "full_name",
                lang=self.lang,
            )
        self.check_new_password(password, username)
        if self.has_users():
            if by is None:
                raise ValidationError(
                    Text("Sign in as a {role} to add accounts.", role=self.office.manager), lang=self.lang
                )
            access.require(self.store, by, Action.MANAGE_USERS)
        elif role is not self.office.manager:
            raise ValidationError(
                Text("The first account must be a {role}.", role=self.office.manager), "role", lang=self.lang
            )
        if users.find_user(self.store.conn, username):
            raise ValidationError(Text("The user name {name} is taken.", name=username), "username", lang=self.lang)
        self._refuse_same_signer_name(username, full_name, role)
        stored = password_hash.make(password)
        now = to_iso(self.clock())
        with self.store.transaction() as db:
            user_id = users.insert_user(
                db.conn,
                username=username,
                full_name=full_name,
                role=role,
                stored=stored,
                now=now,
                by=by.username if by else username,
                demo=demo,
            )
        return User(user_id, username, full_name, role, demo)

    def _refuse_same_signer_name(self, username: str, full_name: str, role: Role) -> None:
        if role not in SIGNING_ROLES:
            return
        others = [name for name in users.signers_named(self.store.conn, full_name, SIGNING_ROLES) if name != username]
        if others:
            raise ValidationError(
                Text(
                    "Another account that can sign is already called {full_name} ({other}): a signature must name one person. Add what tells them apart, such as a middle initial.",
                    full_name=full_name,
                    other=others[0],
                ),
                "full_name",
                lang=self.lang,
            )

    # -- signing in ------------------------------------------------------------------------------------
    def sign_in(self, username: str, password: str, where: str = APP) -> User:
        """The account whose password this is. A wrong one is kept in the audit trail with where it was tried;
        after FAILURES_BEFORE_WAIT in a row the account waits. A right one clears the count and makes an outdated
        hash again at today's cost. The returned user may have to change the password first
        (user.must_change_password)."""
        name = username.strip().lower()
        waiting = self._waits_until(name)
        if waiting is not None:
            self._record_failure(name, where, "the account waits", count=False)
            raise AccountWaits(self._waiting_message(name), lang=self.lang)
        user = users.check_password(self.store.conn, name, password)
        if user is None:
            now_waits = self._record_failure(name, where, "wrong user name or password", count=True)
            if now_waits:
                raise AccountWaits(self._waiting_message(name), lang=self.lang)
            raise AuthenticationFailed(Text("Wrong user name or password."), lang=self.lang)
        self._after_success(name, password)
        return users.find_user(self.store.conn, name) or user

    def _waits_until(self, name: str) -> datetime | None:
        account = users.find_account(self.store.conn, name)
        if account is None or account.waits_until_utc is None:
            return None
        until = from_iso(account.waits_until_utc)
        return until if until > self.clock() else None

    def _waiting_message(self, name: str) -> Text:
        account = users.find_account(self.store.conn, name)
        assert account is not None and account.waits_until_utc is not None
        return Text(
            "After {count} wrong passwords in a row the account {name} waits until {until} before it can sign in again. A coordinator can release it sooner.",
            count=account.failed_sign_ins,
            name=name,
            until=local_text(account.waits_until_utc, seconds=True),
        )

    def _record_failure(self, name: str, where: str, what: str, count: bool) -> bool:
        """One audit row for the attempt (user name tried, time, where); for an account, its count of failures in
        a row and the time it waits until. True when the account now waits."""
        now = self.clock()
        tried = name[:100]  # what was typed, kept short: it is not an account's name
        with self.store.transaction() as db:
            audit.append(
                db.conn,
                at_utc=to_iso(now),
                username=tried,
                procedure_id=None,
                entity="sign_in",
                entity_id=tried,
                field="failed",
                old=None,
                new={"where": where, "what": what},
            )
            account = users.find_account(db.conn, name) if count else None
            if account is None:
                return False
            failures = account.failed_sign_ins + 1
            wait = wait_after(failures)
            changes: dict[str, object] = {"failed_sign_ins": failures}
            if wait:
                changes["waits_until_utc"] = to_iso(now + wait)
            users.update(db.conn, name, changes, by=tried, now=to_iso(now), reason=f"sign-in failed ({where})")
        return bool(wait)

    def _after_success(self, name: str, password: str) -> None:
        """Clear the failures; make an outdated hash again. Skipped on a database that cannot be written to now:
        the next sign-in does it."""
        account = users.find_account(self.store.conn, name)
        stored = users.stored_hash(self.store.conn, name)
        assert account is not None and stored is not None
        changes: dict[str, object] = {}
        if account.failed_sign_ins or account.waits_until_utc:
            changes |= {"failed_sign_ins": 0, "waits_until_utc": None}
        reason = "signed in"
        if password_hash.outdated(stored):
            changes |= users.password_columns(password_hash.make(password))
            reason = "signed in; the password hash made again at today's cost"
        if not changes:
            return
        with contextlib.suppress(StorageError), self.store.transaction() as db:
            users.update(db.conn, name, changes, by=name, now=to_iso(self.clock()), reason=reason)

    # -- one's own password ----------------------------------------------------------------------------
    def change_password(self, username: str, current: str, new: str, where: str = APP) -> User:
        """Change one's own password, proving it with the current one (a wrong one counts as a failed sign-in)."""
        user = self.sign_in(username, current, where)
        self.check_new_password(new, user.username)
        if new == current:
            raise ValidationError(
                Text("The new password must differ from the current one."), "password", lang=self.lang
            )
        columns = users.password_columns(password_hash.make(new))
        with self.store.transaction() as db:
            users.update(
                db.conn,
                user.username,
                columns | {"must_change_password": 0},
                by=user.username,
                now=to_iso(self.clock()),
                reason="changed the password",
            )
        return users.find_user(self.store.conn, user.username) or user

    # -- what a coordinator does to other accounts -----------------------------------------------------
    def _managed(self, by: User, username: str, own: Text | None) -> Account:
        """The account a coordinator acts on; own: the refusal when it is their own account (None: allowed)."""
        access.require(self.store, self._as_stored(by), Action.MANAGE_USERS)
        account = self.account(username)
        if own is not None and account.username == by.username:
            raise ValidationError(own, lang=self.lang)
        return account

    def _as_stored(self, by: User) -> User:
        """The acting account as the database holds it now: a role changed or an account deactivated since it
        signed in counts, not the role it had then."""
        stored = users.find_account(self.store.conn, by.username)
        if stored is None or not stored.active:
            raise PermissionDenied(Text("The account {name} is deactivated.", name=by.username), lang=self.lang)
        return replace(by, role=stored.role)

    def _change(self, by: User, username: str, changes: Mapping[str, object], reason: str) -> None:
        with self.store.transaction() as db:
            users.update(db.conn, username, changes, by=by.username, now=to_iso(self.clock()), reason=reason)

    def reset_password(self, by: User, username: str) -> str:
        """A temporary password for another account, to be changed at its next sign-in; returned to be told to its
        owner once. Releases a waiting account too."""
        account = self._managed(
            by,
            username,
            Text("Change your own password with Change my password (or `mimic-desktop passwd`), not with a reset."),
        )
        temporary = "-".join("".join(secrets.choice(TEMPORARY_ALPHABET) for _ in range(4)) for _ in range(3))
        columns = users.password_columns(password_hash.make(temporary))
        changes = columns | {"must_change_password": 1, "failed_sign_ins": 0, "waits_until_utc": None}
        self._change(by, account.username, changes, "password reset by a coordinator")
        return temporary

    def release(self, by: User, username: str) -> None:
        """Let a waiting account sign in again at once."""
        account = self._managed(by, username, None)
        self._change(by, account.username, {"failed_sign_ins": 0, "waits_until_utc": None}, "released by a coordinator")

    def deactivate(self, by: User, username: str) -> None:
        """A leaver's account: it can no longer sign in; what it recorded and signed stays theirs."""
        account = self._managed(
            by, username, Text("You cannot deactivate your own account: ask another {role}.", role=self.office.manager)
        )
        if not account.active:
            return
        self._keep_a_coordinator(account)
        self._change(by, account.username, {"active": 0}, "deactivated by a coordinator")

    def reactivate(self, by: User, username: str) -> None:
        account = self._managed(by, username, None)
        if account.active:
            raise ValidationError(Text("The account {name} is active already.", name=account.username), lang=self.lang)
        self._refuse_same_signer_name(account.username, account.full_name, account.role)
        self._change(by, account.username, {"active": 1}, "reactivated by a coordinator")

    def set_role(self, by: User, username: str, role: Role | str) -> None:
        role = self._role_here(role)
        account = self._managed(
            by, username, Text("You cannot change your own role: ask another {role}.", role=self.office.manager)
        )
        if role is account.role:
            return
        if account.role is self.office.manager:
            self._keep_a_coordinator(account)
        self._refuse_same_signer_name(account.username, account.full_name, role)
        self._change(by, account.username, {"role": role.value}, "role changed by a coordinator")

    def _role_here(self, role: Role | str) -> Role:
        """The role, when it is one of this office's accounts (a surgeon has no account at the trial office)."""
        role = Role(role)
        if role not in self.office.roles:
            here = ", ".join(r.text(self.lang) for r in self.office.roles)
            raise ValidationError(
                Text("The role {role} is not one of the accounts here ({roles}).", role=role, roles=here),
                "role",
                lang=self.lang,
            )
        return role

    def _keep_a_coordinator(self, account: Account) -> None:
        manager = self.office.manager
        if account.role is manager and users.active_with_role(self.store.conn, manager) == [account.username]:
            raise ValidationError(
                Text(
                    "{name} is the only active {role}: make another account a {role} first.",
                    name=account.username,
                    role=manager,
                ),
                lang=self.lang,
            )
