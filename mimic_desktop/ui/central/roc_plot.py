"""The ROC curve of specimen fluorescence for R1, drawn with QPainter (PySide6-Essentials has no QtCharts)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette, QPen, QPolygonF
from PySide6.QtWidgets import QWidget

from .. import themes

TICKS = (0.0, 0.2, 0.4, 0.6, 0.8, 1.0)
LEFT, RIGHT, TOP, BOTTOM = 58.0, 14.0, 34.0, 50.0
SIZE = 360  # pixels: beside the accuracy table on a 1366 x 768 screen


class RocPlot(QWidget):
    """The curve through [1 - specificity, sensitivity] points, the chance diagonal, and the area as caption."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("rocPlot")
        self.setFixedSize(SIZE, SIZE)
        self.points: list[tuple[float, float]] = []
        self.caption = ""

    def set_curve(self, points: Sequence[Sequence[float]], caption: str) -> None:
        self.points = [(float(x), float(y)) for x, y in points]
        self.caption = caption
        self.setAccessibleDescription(caption)
        self.update()

    def plot_area(self) -> QRectF:
        """The square of the unit plane, as large as the widget allows."""
        side = max(10.0, min(self.width() - LEFT - RIGHT, self.height() - TOP - BOTTOM))
        return QRectF(LEFT, TOP, side, side)

    def to_pixel(self, x: float, y: float) -> QPointF:
        area = self.plot_area()
        return QPointF(area.left() + x * area.width(), area.bottom() - y * area.height())

    def paintEvent(self, _event: QPaintEvent) -> None:
        colours = themes.chart_colours()
        ink = self.palette().color(QPalette.ColorRole.WindowText)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        area = self.plot_area()
        metrics = painter.fontMetrics()
        painter.setPen(QPen(colours["grid"], 1))
        for tick in TICKS[1:-1]:
            painter.drawLine(self.to_pixel(tick, 0), self.to_pixel(tick, 1))
            painter.drawLine(self.to_pixel(0, tick), self.to_pixel(1, tick))
        painter.setPen(QPen(ink, 1))
        painter.drawRect(area)
        for tick in TICKS:
            label = f"{tick:.1f}"
            below = self.to_pixel(tick, 0)
            painter.drawText(
                QRectF(below.x() - 20, area.bottom() + 4, 40, metrics.height()), Qt.AlignmentFlag.AlignHCenter, label
            )
            beside = self.to_pixel(0, tick)
            painter.drawText(
                QRectF(area.left() - 44, beside.y() - metrics.height() / 2, 38, metrics.height()),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                label,
            )
        painter.drawText(
            QRectF(area.left(), area.bottom() + 6 + metrics.height(), area.width(), metrics.height()),
            Qt.AlignmentFlag.AlignHCenter,
            self.tr("1 − specificity"),
        )
        painter.save()
        painter.translate(12, area.center().y())
        painter.rotate(-90)
        painter.drawText(QRectF(-area.height() / 2, -metrics.height() / 2, area.height(), metrics.height() + 4),
                         Qt.AlignmentFlag.AlignHCenter, self.tr("Sensitivity"))  # fmt: skip
        painter.restore()
        painter.drawText(QRectF(0, 4, self.width(), TOP - 8), Qt.AlignmentFlag.AlignHCenter, self.caption)
        chance = QPen(colours["chance"], 1.5, Qt.PenStyle.DashLine)
        painter.setPen(chance)
        painter.drawLine(self.to_pixel(0, 0), self.to_pixel(1, 1))
        if self.points:
            painter.setPen(QPen(colours["curve"], 3))
            painter.drawPolyline(QPolygonF([self.to_pixel(x, y) for x, y in self.points]))
            painter.setBrush(colours["curve"])
            for x, y in self.points:
                painter.drawEllipse(self.to_pixel(x, y), 4.5, 4.5)
        painter.end()
