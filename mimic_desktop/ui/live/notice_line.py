"""One line on the live screen for a short notice that asks for nothing: it never blocks a key."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget


class NoticeLine(QLabel):
    """Always one line high, empty or not, so that a notice appearing moves nothing on the screen.

    say(text, tone) shows a notice ("info" or "refused"); clear() empties the line.
    """

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("liveNotice")
        self.setAccessibleName(self.tr("Notice"))
        # As wide as the column gives it, never wider: a long notice is cut, and its whole text is the tooltip.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.setProperty("tone", "none")

    def sizeHint(self):
        hint = super().sizeHint()
        hint.setHeight(self.fontMetrics().height() + self.contentsMargins().top() + self.contentsMargins().bottom() + 4)
        return hint

    def minimumSizeHint(self):
        return self.sizeHint()

    def say(self, text: str, tone: str = "info") -> None:
        self.setText(text)
        self.setToolTip(text)
        self.setAccessibleDescription(text)
        self._tone(tone)

    def clear(self) -> None:
        super().clear()
        self.setToolTip("")
        self.setAccessibleDescription("")
        self._tone("none")

    def _tone(self, tone: str) -> None:
        self.setProperty("tone", tone)
        self.style().unpolish(self)
        self.style().polish(self)
