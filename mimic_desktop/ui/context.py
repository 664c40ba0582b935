"""What every window needs: the open store, the signed-in user, language and services."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Signal

from ..domain.roles import User
from ..services.procedures import ProcedureService
from ..storage.connection import Store


class ContextSignals(QObject):
    user_changed = Signal()
    language_changed = Signal(str)
    record_changed = Signal(str)  # procedure id, after a committed change


@dataclass
class AppContext:
    store: Store
    user: User | None = None
    lang: str = "en"
    signals: ContextSignals = field(default_factory=ContextSignals)

    def signed_in(self) -> User:
        """The signed-in user; the screens that act for one exist only while someone is signed in."""
        if self.user is None:
            raise RuntimeError("nobody is signed in")
        return self.user

    # Why free text that looks like an identifier is saved as typed, while a change the person confirmed runs.
    identifier_reason: str | None = None

    def procedures(self, kept: str | None = None) -> ProcedureService:
        """The records, for the signed-in user; kept (or the reason of keeping_identifiers) saves free text that
        looks like an identifier as typed, with that reason."""
        service = ProcedureService(self.store, self.signed_in())
        reason = kept or self.identifier_reason
        return service if reason is None else service.keeping_identifiers(reason)

    @contextlib.contextmanager
    def keeping_identifiers(self, reason: str) -> Iterator[None]:
        """Within: every service procedures() gives keeps such text, with this reason."""
        self.identifier_reason = reason
        try:
            yield
        finally:
            self.identifier_reason = None
