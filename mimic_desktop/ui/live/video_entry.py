"""The live screen's line for the video recording's time: closed, it says the reference; opened on purpose (a click
or its key), it takes the time the tower's screen shows now.

Why a line that opens rather than a field always there: a field that took the keys by itself would swallow the event
keys mid-surgery. Closed, it takes no focus at all; open, it claims every plain key until Enter or Escape, as the
lesion fields do, and gives the keys back to the events after.
"""

from __future__ import annotations

from datetime import datetime
from typing import cast

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QWidget

from ...domain import forms, video_time
from ...domain.clock import utc_now
from ...domain.record import Procedure
from ..icons import icon

VIDEO_KEY = "F4"  # opens the line; Enter saves, Escape leaves the reference as it was


class VideoEntry(QWidget):
    """entered(text, moment): the time typed and the moment the line was opened (when the coordinator read it);
    closed(): Enter or Escape closed the line, so the keys go back to the events."""

    entered = Signal(str, datetime)
    closed = Signal()

    def __init__(self, lang: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.lang = lang
        self.setObjectName("videoEntry")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.button = QPushButton(icon("mdi6.filmstrip"), "")
        self.button.setObjectName("videoTimeButton")
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the event keys stay with the live screen
        self.button.clicked.connect(self.open)
        layout.addWidget(self.button)
        self.line = QLineEdit()
        self.line.setObjectName("videoTimeLine")
        self.line.setPlaceholderText(self.tr("H:MM:SS shown now"))
        self.line.setAccessibleName(self.tr("Time the video recording shows now"))
        self.line.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # never reached by Tab from the event buttons
        self.line.setMaxLength(24)
        self.line.installEventFilter(self)
        self.line.hide()
        self.line.setEnabled(False)  # closed, no focus reaches it
        layout.addWidget(self.line)
        self.opened_at: datetime | None = None
        self.proc: Procedure | None = None
        self.show_reference(None)

    def show_reference(self, proc: Procedure | None, editable: bool = True) -> None:
        """The button: the reference's time, short (the events' column keeps its narrowest width); what it means in
        its tooltip and accessible name."""
        text = self.tr("Video")
        meaning = self.tr("Video time: not set")
        anchor = video_time.reference_event(proc) if proc is not None else None
        if proc is not None and proc.video_reference is not None:
            if anchor is None:
                text = self.tr("Video") + " !"
                meaning = self.tr("Video time: its event is struck through, set it again")
            else:
                catalogue = forms.events()
                name = catalogue[anchor.kind].text(self.lang) if anchor.kind in catalogue else anchor.kind
                at_anchor = video_time.shown(proc.video_reference.shown_ms)
                meaning = self.tr("Video %1 at %2").replace("%1", at_anchor).replace("%2", name)
                text = self._now_text(proc) or at_anchor
        how = self.tr("Type the time the tower's video recording shows now (H:MM:SS)")
        self.proc = proc
        self.button.setText(text)  # the key is in the tooltip: the clock row has no room to spare
        self.button.setToolTip(f"{meaning}. {how} [{VIDEO_KEY}]")
        self.button.setAccessibleName(meaning)
        self.button.setEnabled(editable)

    @staticmethod
    def _now_text(proc: Procedure) -> str | None:
        now = video_time.position_now_ms(proc, utc_now())
        return None if now is None else video_time.shown(now)

    def tick(self) -> None:
        """Beside the clock, where the recording is now: what the tower should be showing, to compare at a glance."""
        if self.proc is not None and (now := self._now_text(self.proc)) is not None:
            self.button.setText(now)

    @property
    def is_open(self) -> bool:
        return self.line.isVisible()

    def open(self) -> None:
        """Take the time shown now: the moment is kept from here, whenever Enter is pressed."""
        if not self.button.isEnabled():
            return
        self.opened_at = utc_now()
        self.line.clear()
        self.button.hide()
        self.line.setEnabled(True)
        self.line.show()
        self.line.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def close_line(self) -> None:
        if not self.line.isVisible():
            return
        self.line.hide()
        self.line.setEnabled(False)
        self.button.show()
        self.opened_at = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """While open, the line claims every plain key (no event key fires); Enter saves, Escape cancels."""
        if watched is self.line and event.type() == QEvent.Type.FocusOut:
            self.close_line()  # left open without the keys, it would hide the reference: nothing typed is saved
            return False
        if watched is not self.line or event.type() not in {QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress}:
            return super().eventFilter(watched, event)
        key = cast(QKeyEvent, event)  # both kinds are key events
        modifiers = key.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
        if event.type() == QEvent.Type.ShortcutOverride:
            if not modifiers:
                event.accept()
            return False
        if key.key() in {Qt.Key.Key_Return, Qt.Key.Key_Enter}:
            moment = self.opened_at or utc_now()
            typed = self.line.text()
            self.close_line()
            self.closed.emit()
            self.entered.emit(typed, moment)
            return True
        if key.key() == Qt.Key.Key_Escape:
            self.close_line()
            self.closed.emit()
            return True
        return False
