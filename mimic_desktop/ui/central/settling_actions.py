"""The Sessions page's steps that settle what arrived, each asking why first (without blocking the window): void or
restore the chosen session, release the chosen version held back, void or restore every session of the chosen key."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QBoxLayout, QLabel, QPushButton, QWidget

from ...domain.errors import MimicError
from ...domain.roles import Action, User
from ...services import central_settling
from ...services.central_settling import Settled
from ...services.centre_keys import CentreKey
from ...storage.connection import Store
from ..dialogs import TextPrompt
from ..i18n import arg, said
from .widgets import action_button

Row = dict[str, Any]


class SettlingActions(QObject):
    """Buttons for the chosen file's session and the chosen key; done() after each step that changed something.
    What a step did, or why it was refused, is said in message (in the window's language)."""

    def __init__(
        self,
        store: Store,
        user: User,
        chosen_file: Callable[[], Row | None],
        chosen_key: Callable[[], CentreKey | None],
        message: QLabel,
        done: Callable[[], None],
        page: QWidget,
    ):
        super().__init__(page)
        self.page = page
        self.store, self.user = store, user
        self.chosen_file, self.chosen_key = chosen_file, chosen_key
        self.message, self.done = message, done
        self.prompt: TextPrompt | None = None

    def file_buttons(self, bar: QBoxLayout) -> None:
        self.void_button = action_button(
            bar, "mdi6.cancel", self.tr("Void the session…"), "voidSession", self.void_session
        )
        self.restore_button = action_button(
            bar, "mdi6.restore", self.tr("Restore the session…"), "restoreSession", self.restore_session
        )
        self.release_button = action_button(
            bar, "mdi6.check-decagram-outline", self.tr("Release the version…"), "releaseVersion", self.release
        )

    def key_buttons(self, bar: QBoxLayout) -> None:
        self.void_key_button = action_button(
            bar, "mdi6.key-alert-outline", self.tr("Void the key's sessions…"), "voidKeySessions", self.void_key
        )
        self.restore_key_button = action_button(
            bar, "mdi6.key-chain", self.tr("Restore the key's sessions…"), "restoreKeySessions", self.restore_key
        )

    def enable(self) -> None:
        """Offer what the chosen file and key allow, and only to a role that settles."""
        may = self.user.may(Action.SETTLE)
        row, key = self.chosen_file(), self.chosen_key()
        voided = bool(row and row["voided_utc"])
        waiting = bool(row and row["held_utc"] and not row["released_utc"])
        buttons: list[tuple[QPushButton, bool]] = [
            (self.void_button, row is not None and not voided),
            (self.restore_button, voided),
            (self.release_button, waiting),
            (self.void_key_button, key is not None),
            (self.restore_key_button, key is not None),
        ]
        for button, allowed in buttons:
            button.setEnabled(may and allowed)

    # -- the steps -------------------------------------------------------------------------------------
    def void_session(self) -> TextPrompt | None:
        row = self.chosen_file()
        if row is None:
            return None
        text = self.tr(
            "Void the session of %1? It is kept and shown here with the reason, and left out of the report and every "
            "export until it is restored. Why is it voided?"
        )
        session = row["session_id"]
        return self._ask(
            "voidSessionPrompt",
            self.tr("Void the session"),
            arg(text, row["session_study_id"]),
            lambda reason: central_settling.void_session(self.store, self.user, session, reason),
        )

    def restore_session(self) -> TextPrompt | None:
        row = self.chosen_file()
        if row is None:
            return None
        text = self.tr("Restore the session of %1, voided for: %2? Why is it restored?")
        session = row["session_id"]
        return self._ask(
            "restoreSessionPrompt",
            self.tr("Restore the session"),
            arg(text, row["session_study_id"], row["void_reason"]),
            lambda reason: central_settling.restore_session(self.store, self.user, session, reason),
        )

    def release(self) -> TextPrompt | None:
        row = self.chosen_file()
        if row is None:
            return None
        text = self.tr(
            "Version %1 of %2 was held back: it is far ahead of the last version seen. Release it once the centre has "
            "confirmed it; it becomes current when it is the newest. Why is it released?"
        )
        study_id, version = row["study_id"], row["session_version"]
        return self._ask(
            "releaseVersionPrompt",
            self.tr("Release the version"),
            arg(text, version, study_id),
            lambda reason: central_settling.release(self.store, self.user, study_id, version, reason),
        )

    def void_key(self) -> TextPrompt | None:
        key = self.chosen_key()
        if key is None:
            return None
        text = self.tr(
            "Void every session with a file imported under key %1 of centre %2 (a stolen key's, say)? They are kept "
            "and shown, and left out of the report and every export until restored. Why are they voided?"
        )
        return self._ask(
            "voidKeyPrompt",
            self.tr("Void the key's sessions"),
            arg(text, key.fingerprint, key.centre),
            lambda reason: central_settling.void_key(self.store, self.user, key.key_id, reason),
        )

    def restore_key(self) -> TextPrompt | None:
        key = self.chosen_key()
        if key is None:
            return None
        text = self.tr("Restore the sessions voided with key %1 of centre %2? Why are they restored?")
        return self._ask(
            "restoreKeyPrompt",
            self.tr("Restore the key's sessions"),
            arg(text, key.fingerprint, key.centre),
            lambda reason: central_settling.restore_key(self.store, self.user, key.key_id, reason),
        )

    def _ask(self, name: str, title: str, text: str, step: Callable[[str], Settled]) -> TextPrompt:
        prompt = TextPrompt(title, text, self.page)
        prompt.setObjectName(name)
        prompt.accepted.connect(lambda: self._take(step, prompt.text.text()))
        prompt.finished.connect(prompt.deleteLater)
        prompt.open()
        self.prompt = prompt
        return prompt

    def _take(self, step: Callable[[str], Settled], reason: str) -> None:
        try:
            settled = step(reason)
        except MimicError as error:
            self.message.setText(said(error))
        else:
            self.message.setText(said(settled.message))
        self.done()
