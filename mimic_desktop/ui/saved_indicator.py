"""The status-bar word that says 'saved' only after the database has committed."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import QLabel, QWidget


class SavedIndicator(QLabel):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("savedIndicator")
        self.state = "idle"

    def _show(self, state: str, text: str) -> None:
        self.state = state
        self.setText(text)
        self.setProperty("state", state)
        self.style().unpolish(self)
        self.style().polish(self)

    def saved(self) -> None:
        self._show("saved", self.tr("✔ Saved %1").replace("%1", datetime.now().strftime("%H:%M:%S")))

    def waiting(self, count: int) -> None:
        """Actions wait for the database (another program holds it); 0: none waits any more."""
        if count:
            self._show(
                "waiting", self.tr("↻ Not saved yet: database in use, retrying (%1 waiting)").replace("%1", str(count))
            )
        else:
            self.saved()

    def failed(self, message: str) -> None:
        first_line = message.splitlines()[0] if message else ""
        self._show("failed", self.tr("✖ Not saved: %1").replace("%1", first_line))
