"""The live screen's place for a short notice that asks for nothing: it never blocks a key."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

LINES = 2  # a refusal in the narrow record column needs two lines; more would take the timeline's rows


class NoticeLine(QLabel):
    """Always LINES lines high, empty or not, so that a notice appearing or going moves nothing.

    say(text, tone) shows a notice ("info" or "refused"); clear() empties the place. A notice longer than
    the place is cut; its whole text is the tooltip and the accessible description.
    """

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("liveNotice")
        self.setAccessibleName(self.tr("Notice"))
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        # As wide as the column gives it, never wider, and of a height that does not follow its text.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.setProperty("tone", "none")

    def hasHeightForWidth(self) -> bool:
        return False

    def sizeHint(self) -> QSize:
        margins = self.contentsMargins()
        return QSize(0, LINES * self.fontMetrics().lineSpacing() + margins.top() + margins.bottom() + 4)

    def minimumSizeHint(self) -> QSize:
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
