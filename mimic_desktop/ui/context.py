"""What every window needs: the open store, the signed-in user, language and services."""

from __future__ import annotations

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

    def procedures(self) -> ProcedureService:
        return ProcedureService(self.store, self.signed_in())
