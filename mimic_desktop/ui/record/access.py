"""The procedure the record pages show, and the one way they change it: a service call, with a reason if asked."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from ...domain.errors import LooksLikeIdentifier, MimicError, ReasonRequired
from ...domain.record import Procedure
from ...domain.roles import Action
from ...domain.rules import Query
from ...services import query_answers
from ...services import settings as study_settings
from ...services.procedures import ProcedureService
from ...services.signing import SignatureCheck, check_signature
from .. import dialogs
from ..context import AppContext
from ..i18n import said
from ..identifier_check import ask_keep_reason

# A change is a service call that takes the reason for the change (None when none is needed).
Change = Callable[[str | None], Any]


class Rewrite(Exception):
    """The person chose to rewrite free text that looks like an identifier: nothing was saved."""


class RecordAccess(QObject):
    """Emits saved() after each committed change and failed(message) when one was not saved."""

    saved = Signal()
    failed = Signal(str)

    def __init__(self, context: AppContext, proc_id: str, parent: QObject | None = None):
        super().__init__(parent)
        self.context = context
        self.proc_id = proc_id
        self.proc: Procedure = self.service().load(proc_id)

    @property
    def lang(self) -> str:
        return self.context.lang

    @property
    def editable(self) -> bool:
        """Whether the signed-in user may change records at all (a monitor may not)."""
        user = self.context.user
        return bool(user and user.may(Action.EDIT))

    def service(self) -> ProcedureService:
        return self.context.procedures()

    def reload(self) -> Procedure:
        self.proc = self.service().load(self.proc_id)
        return self.proc

    def signature(self) -> SignatureCheck:
        return check_signature(self.context.store, self.proc)

    def change(self, parent: QWidget, act: Change, voids_signature: bool = False, first_answers: bool = False) -> bool:
        """Run one change of the record; when it is locked or its questionnaire signed, ask why first.

        Asking first keeps the audit trail's refusals for real ones (a change tried without a reason). The first
        answers of a locked record's questionnaire (first_answers) need none.
        """
        reason = None
        locked = self.proc.locked and not first_answers
        if locked or (voids_signature and self.proc.valid_signature() is not None):
            reason = self._ask_reason(parent, self._why(voids_signature))
            if reason is None:
                return False
        try:
            try:
                self._keeping(parent, reason, act)
            except ReasonRequired as refusal:
                if reason is not None:
                    raise
                # Locked or signed elsewhere since this page read the record: ask now, and try once more.
                reason = self._ask_reason(parent, str(refusal))
                if reason is None:
                    return False
                self._keeping(parent, reason, act)
        except Rewrite:
            self.failed.emit(self.tr("not saved: rewrite the text"))
            return False
        except MimicError as error:
            return self._refused(parent, error)
        self.announce()
        return True

    def run(self, parent: QWidget, action: Callable[[], Any]) -> bool:
        """Run one service call that takes no reason (completing, signing); a refusal is shown in its words."""
        try:
            action()
        except Rewrite:
            self.failed.emit(self.tr("not saved: rewrite the text"))
            return False
        except MimicError as error:
            return self._refused(parent, error)
        self.announce()
        return True

    def with_reason(self, parent: QWidget, title: str, prompt: str, act: Callable[[str], Any]) -> bool:
        """Ask why first, then run a service call that always keeps its reason (a removal)."""
        typed = dialogs.ask_typed(parent, title, prompt)
        return typed is not None and self.run(parent, lambda: self._keeping(parent, typed, act))

    def _ask_reason(self, parent: QWidget, why: str) -> dialogs.Typed | None:
        typed = dialogs.ask_typed(parent, self.tr("Reason for the change"), why)
        if typed is None:
            self.failed.emit(self.tr("no reason was given"))
        return typed

    def _keeping(self, parent: QWidget, reason: dialogs.Typed | None, act: Callable[[Any], Any]) -> None:
        """Run act with the reason's text, keeping what the person chose to keep as typed. Free text that the service
        finds looks like an identifier (a field of the form) is said, and kept only with a reason given now; Rewrite
        when the person chooses to rewrite it."""
        text = None if reason is None else reason.text
        kept = None if reason is None else reason.kept
        try:
            with self._kept(kept):
                act(text)
        except LooksLikeIdentifier as warning:
            if kept is not None:
                raise
            kept = ask_keep_reason(parent, said(warning))
            if kept is None:
                raise Rewrite from None
            with self._kept(kept):
                act(text)

    def _kept(self, kept: str | None) -> contextlib.AbstractContextManager[None]:
        return contextlib.nullcontext() if kept is None else self.context.keeping_identifiers(kept)

    def _refused(self, parent: QWidget, error: MimicError) -> bool:
        self.failed.emit(said(error))
        dialogs.show_error(parent, error)
        return False

    def announce(self) -> None:
        """Tell the window and the live screen that a change was committed."""
        self.saved.emit()
        self.context.signals.record_changed.emit(self.proc_id)

    def _why(self, voids_signature: bool) -> str:
        """Why a reason is asked for, in words: the record is locked, or a signed answer changes."""
        lines = []
        if self.proc.locked:
            lines.append(
                self.tr("%1 is complete and locked. Say why it changes: the reason is kept with the change.").replace(
                    "%1", self.proc.study_id
                )
            )
        if voids_signature and self.proc.valid_signature() is not None:
            lines.append(
                self.tr(
                    "The questionnaire is signed. Say why an answer changes: the signature will be voided, "
                    "and the surgeon signs again."
                )
            )
        return "\n\n".join(lines)

    def office_notes(self) -> list[Query]:
        """The trial office's unanswered queries on the record's fields, to be shown beside them."""
        return query_answers.field_notes(self.context.store, self.proc, self.lang)

    def icg_window(self) -> tuple[timedelta, timedelta]:
        return study_settings.icg_window(self.context.store)
