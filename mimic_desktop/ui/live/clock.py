"""The large clock with the time since incision and since the ICG injection."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from ...domain import derive
from ...domain.clock import from_iso, utc_now
from ...domain.record import Procedure


def duration_text(span: timedelta | None) -> str:
    if span is None:
        return "—"
    seconds = int(span.total_seconds())
    sign, seconds = ("-", -seconds) if seconds < 0 else ("", seconds)
    return f"{sign}{seconds // 3600:d}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"


class ClockPanel(QWidget):
    """Ticks every second; refresh(proc) gives it the record's incision and ICG times.

    One row: the time of day, then each interval under its caption. The sentence on the ICG interval
    (icg_note) is the screen's to place: the row stays low enough for every event button beneath it.
    """

    def __init__(self, icg_window: tuple[timedelta, timedelta], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("clockPanel")
        self.icg_window = icg_window
        self.proc: Procedure | None = None
        layout = QGridLayout(self)
        layout.setContentsMargins(8, 0, 8, 0)
        self.clock = QLabel()
        self.clock.setObjectName("bigClock")
        layout.addWidget(self.clock, 0, 0, 2, 1)
        layout.setHorizontalSpacing(18)
        layout.setVerticalSpacing(0)
        self.incision_caption = QLabel(self.tr("Since incision"))
        self.since_incision = QLabel()
        self.since_incision.setObjectName("sinceIncision")
        self.icg_caption = QLabel(self.tr("Since ICG"))
        self.since_icg = QLabel()
        self.since_icg.setObjectName("sinceIcg")
        for column, (caption, value) in enumerate(
            ((self.incision_caption, self.since_incision), (self.icg_caption, self.since_icg)), start=1
        ):
            caption.setProperty("role", "caption")
            value.setProperty("role", "timer")
            layout.addWidget(caption, 0, column)
            layout.addWidget(value, 1, column)
        self.grid = layout
        self.icg_note = QLabel()
        self.icg_note.setObjectName("icgNote")
        self.icg_note.setWordWrap(True)
        layout.setColumnStretch(3, 1)
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.tick)
        self.timer.start(1000)
        self.tick()

    def add_beside(self, widget: QWidget) -> None:
        """A widget after the intervals, in the same row (the video recording's time)."""
        self.grid.addWidget(widget, 0, 3, 2, 1, Qt.AlignmentFlag.AlignVCenter)
        self.grid.setColumnStretch(3, 0)
        self.grid.setColumnStretch(4, 1)

    def refresh(self, proc: Procedure) -> None:
        self.proc = proc
        self.tick()

    def tick(self, now: datetime | None = None) -> None:
        now = now or utc_now()
        self.clock.setText(now.astimezone().strftime("%H:%M:%S"))
        if self.proc is None:
            return
        incision = derive.incision_time(self.proc)
        end = derive.closure_time(self.proc) or now
        self.since_incision.setText(duration_text(end - incision if incision else None))
        given = self.proc.get("icg_given_at")
        self.since_icg.setText(duration_text(now - from_iso(given) if given else None))
        interval = derive.icg_interval(self.proc, now)
        in_window = derive.icg_in_window(interval, self.icg_window)
        low, high = (part.total_seconds() / 3600 for part in self.icg_window)
        if interval is None:
            note = self.tr("ICG time not recorded")
        else:
            what = self.tr("ICG to incision") if incision else self.tr("ICG to now")
            verdict = self.tr("within the protocol window") if in_window else self.tr("OUTSIDE the protocol window")
            note = f"{what}: {duration_text(interval)} — {verdict} ({low:g}–{high:g} h)"
        self.icg_note.setText(note)
        self.icg_note.setProperty("warning", in_window is False)
        self.icg_note.style().unpolish(self.icg_note)
        self.icg_note.style().polish(self.icg_note)
