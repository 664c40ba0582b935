"""The coordinator's live screen: every intraoperative action is one call on ProcedureService."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

from ...domain import derive, forms, rules
from ...domain.errors import MimicError
from ...domain.record import Event, Procedure
from ...domain.roles import Action
from .. import dialogs
from ..context import AppContext
from .clock import ClockPanel
from .event_buttons import EventButtons
from .lesion_cards import LesionCards
from .lesion_panel import LesionPanel
from .timeline import Timeline

LESION_KEYS = 9  # Alt+1 .. Alt+9 make lesion 1 .. 9 current


class LiveScreen(QWidget):
    """Emits committed() after each change has been committed, failed(message) when it was not saved."""

    committed = Signal()
    failed = Signal(str)

    def __init__(
        self, context: AppContext, proc_id: str, icg_window: tuple[timedelta, timedelta], parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.context = context
        self.proc_id = proc_id
        self.proc: Procedure = context.procedures().load(proc_id)
        self.setObjectName("liveScreen")
        lang = context.lang
        outer = QVBoxLayout(self)
        outer.setContentsMargins(6, 6, 6, 6)
        self.heading = QLabel()
        self.heading.setObjectName("liveHeading")
        outer.addWidget(self.heading)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        outer.addWidget(splitter, 1)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.clock = ClockPanel(icg_window)
        left_layout.addWidget(self.clock)
        self.buttons = EventButtons(lang, shortcut_scope=self)
        self.buttons.triggered.connect(self.log)
        left_layout.addWidget(self.buttons, 1)
        splitter.addWidget(left)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        self.cards = LesionCards(lang)
        self.cards.switch_requested.connect(self.switch_lesion)
        right_layout.addWidget(self.cards)
        self.lesion_panel = LesionPanel(lang)
        self.lesion_panel.save_requested.connect(self.save_lesion)
        self.lesion_panel.problem.connect(lambda message: dialogs.show_error(self, message))
        right_layout.addWidget(self.lesion_panel, 2)
        self.timeline = Timeline(lang)
        self.timeline.strike_requested.connect(self.strike)
        self.timeline.correct_requested.connect(self.correct)
        right_layout.addWidget(self.timeline, 3)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 11)
        splitter.setStretchFactor(1, 9)
        left.setMinimumWidth(680)

        for number in range(1, LESION_KEYS + 1):
            shortcut = QShortcut(QKeySequence(f"Alt+{number}"), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(lambda number=number: self.isVisible() and self.switch_to_number(number))
        self.refresh()

    # -- showing ---------------------------------------------------------------------------
    @property
    def editable(self) -> bool:
        user = self.context.user
        return bool(user and user.may(Action.EDIT)) and not self.proc.locked

    def refresh(self) -> None:
        self.proc = self.context.procedures().load(self.proc_id)
        proc, lang = self.proc, self.context.lang
        ended = derive.closure_time(proc) is not None
        status = derive.status(proc).text(lang)
        heading = f"{proc.study_id} · {status}"
        if ended:
            heading += " · " + self.tr("Surgery has ended: complete the record in the Record tab.")
        self.heading.setText(heading)
        self.clock.refresh(proc)
        current = next((lesion for lesion in proc.lesions if lesion.id == proc.current_lesion_id), None)
        self.buttons.set_available(current is not None, ended, self.editable)
        self.cards.refresh(proc)
        self.lesion_panel.show_lesion(current, self.editable)
        self.timeline.refresh(proc, self.editable)

    # -- acting ----------------------------------------------------------------------------
    def _act(self, action: Callable[[], Any], flush: bool = True) -> bool:
        """Run one service call; say saved only once it returned (it returns after COMMIT)."""
        if flush:
            self.lesion_panel.flush()
        try:
            action()
        except MimicError as error:
            self.failed.emit(str(error))
            dialogs.show_error(self, error)
            self.refresh()
            return False
        self.refresh()
        self.committed.emit()
        self.context.signals.record_changed.emit(self.proc_id)
        return True

    def log(self, kind: str) -> None:
        note = None
        if kind == "note":
            note = dialogs.ask_text(self, forms.events()[kind].text(self.context.lang), self.tr("Note"))
            if note is None:
                return
        self._act(lambda: self.context.procedures().record_event(self.proc_id, kind, note=note))

    def switch_lesion(self, lesion_id: str) -> None:
        self._act(lambda: self.context.procedures().switch_lesion(self.proc_id, lesion_id))

    def switch_to_number(self, number: int) -> None:
        lesion = next((lesion for lesion in self.proc.lesions if lesion.number == number), None)
        if lesion is not None:
            self.switch_lesion(lesion.id)

    def save_lesion(self, lesion_id: str, values: dict) -> None:
        self._act(
            lambda: self.context.procedures().set_values(self.proc_id, values, entity="lesion", entity_id=lesion_id),
            flush=False,
        )

    def _event(self, event_id: int) -> Event:
        return next(e for e in self.proc.events if e.id == event_id)

    def _event_text(self, event_id: int) -> str:
        event = self._event(event_id)
        name = forms.events()[event.kind].text(self.context.lang)
        return f"{event.moment.astimezone():%H:%M:%S} {name}"

    def strike(self, event_id: int) -> None:
        prompt = self.tr("Why is this event wrong? It stays visible, struck through, with your reason.")
        prompt += "\n" + self._event_text(event_id)
        lesion = rules.lesion_removed_with(self.proc, self._event(event_id))
        if lesion is not None:
            prompt += "\n\n" + self.tr(
                "Lesion %1 will be removed from the record with it, with the same reason. Its number is not used again."
            ).replace("%1", str(lesion.number))
        reason = dialogs.ask_text(self, self.tr("Strike through"), prompt)
        if reason is not None:
            self._act(lambda: self.context.procedures().strike_event(event_id, reason))

    def correct(self, event_id: int) -> None:
        event = self._event(event_id)
        dialog = dialogs.CorrectTimeDialog(self._event_text(event_id), event.moment, self)
        accepted = dialog.exec()
        moment, reason = dialog.moment(), dialog.reason.text().strip()
        dialog.deleteLater()
        if accepted:
            self._act(lambda: self.context.procedures().correct_event_time(event_id, moment, reason))
