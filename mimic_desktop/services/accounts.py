"""Accounts and signing in."""

from __future__ import annotations

from ..domain.clock import to_iso, utc_now
from ..domain.errors import AuthenticationFailed, ValidationError
from ..domain.roles import Action, Role, User
from ..domain.wording import Text
from ..storage import audit, users
from ..storage.connection import Store
from . import access

MIN_PASSWORD = 8


class AccountService:
    def __init__(self, store: Store):
        self.store = store

    def has_users(self) -> bool:
        return users.count_users(self.store.conn) > 0

    def is_demo_database(self) -> bool:
        """A database that holds demo accounts is the demo database: all that is recorded in it is practice."""
        return users.holds_demo_accounts(self.store.conn)

    def create_user(
        self, username: str, full_name: str, role: Role | str, password: str, by: User | None = None, demo: bool = False
    ) -> User:
        """Create an account; only a coordinator may, except for the very first account. An account made in the
        demo database is a demo account."""
        role = Role(role)
        demo = demo or self.is_demo_database()
        username = username.strip().lower()
        if not username or not username.replace(".", "").replace("-", "").replace("_", "").isalnum():
            raise ValidationError(
                Text("A user name may hold letters, digits, dots, dashes and underscores only."), "username"
            )
        if not full_name.strip():
            raise ValidationError(Text("Give the person's full name: it is printed with their signature."), "full_name")
        if len(password) < MIN_PASSWORD:
            raise ValidationError(Text("A password needs at least {count} characters.", count=MIN_PASSWORD), "password")
        if self.has_users():
            if by is None:
                raise ValidationError(Text("Sign in as a coordinator to add accounts."))
            access.require(self.store, by, Action.MANAGE_USERS)
        elif role is not Role.COORDINATOR:
            raise ValidationError(Text("The first account must be a coordinator."), "role")
        if users.find_user(self.store.conn, username):
            raise ValidationError(Text("The user name {username!r} is taken.", username=username), "username")
        now = to_iso(utc_now())
        with self.store.transaction() as db:
            user_id = users.insert_user(
                db.conn,
                username=username,
                full_name=full_name.strip(),
                role=role,
                password=password,
                now=now,
                demo=demo,
            )
            for field, value in (("role", role.value), ("full_name", full_name.strip())):
                audit.append(
                    db.conn,
                    at_utc=now,
                    username=by.username if by else username,
                    procedure_id=None,
                    entity="user",
                    entity_id=username,
                    field=field,
                    old=None,
                    new=value,
                )
        return User(user_id, username, full_name.strip(), role, demo)

    def sign_in(self, username: str, password: str) -> User:
        user = users.check_password(self.store.conn, username.strip().lower(), password)
        if user is None:
            raise AuthenticationFailed(Text("Wrong user name or password."))
        return user

    def users(self) -> list[User]:
        return users.list_users(self.store.conn)
