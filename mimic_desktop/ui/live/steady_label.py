"""A wrapped label as high as the longest of the texts it may show: changing its text moves nothing below it."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QLabel, QWidget

ALLOWANCE = 6  # for the style's padding round a highlighted text, which the font's measure leaves out


class SteadyLabel(QLabel):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWordWrap(True)
        self.possible: list[str] = []

    def may_show(self, texts: list[str]) -> None:
        """The texts this label may show; its height is that of the longest at its width."""
        self.possible = list(texts)
        self.updateGeometry()

    def heightForWidth(self, width: int) -> int:
        margins = self.contentsMargins()
        inner = max(width - margins.left() - margins.right() - ALLOWANCE, 1)
        bold = QFont(self.font())
        bold.setBold(True)  # a highlighted text may be set in bold, which takes more room
        tallest = max(
            metrics.boundingRect(QRect(0, 0, inner, 100000), Qt.TextFlag.TextWordWrap, text).height()
            for metrics in (self.fontMetrics(), QFontMetrics(bold))
            for text in [self.text(), *self.possible]
        )
        return max(super().heightForWidth(width), tallest + margins.top() + margins.bottom() + ALLOWANCE)
