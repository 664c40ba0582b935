"""The bar that says which actions wait for the database, and lets the user give up on them."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget

from ...services.write_queue import Write


class WaitingBar(QFrame):
    """Hidden while nothing waits; emits give_up_requested() when its button is pressed."""

    give_up_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("waitingBar")
        row = QHBoxLayout(self)
        row.setContentsMargins(6, 2, 6, 2)
        self.text = QLabel()
        self.text.setObjectName("waitingText")
        # One line, cut at the bar's end rather than widening the window; the tooltip and the timeline list every action.
        self.text.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        row.addWidget(self.text, 1)
        self.give_up = QPushButton(self.tr("Give up on these…"))
        self.give_up.setObjectName("giveUpWaiting")
        self.give_up.clicked.connect(self.give_up_requested)
        row.addWidget(self.give_up)
        self.hide()

    def show_waiting(self, waiting: list[Write]) -> None:
        self.setVisible(bool(waiting))
        if not waiting:
            return
        listed = "; ".join(f"{write.moment.astimezone():%H:%M:%S} {write.what}" for write in waiting)
        text = (
            self.tr("Not saved yet: the database is in use by another program, retrying. Waiting (%1): %2")
            .replace("%1", str(len(waiting)))
            .replace("%2", listed)
        )
        self.text.setText(text)
        self.text.setToolTip(text)
