"""The trial report on screen: the sections services.report_layout describes, as the PDF lays them out.

Nothing here words a figure: the tables, notes and charts come in the window's language, the same
blocks the PDF renders (a test compares their rows); each chart is the PDF's drawing, shown as SVG.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QByteArray, QEvent, Qt
from PySide6.QtGui import QColor, QFontInfo, QPalette
from PySide6.QtSvgWidgets import QSvgWidget
from PySide6.QtWidgets import QLabel, QTableWidget, QVBoxLayout, QWidget

from ...reports.report_blocks import CHART_TEXT_POINTS, BarChart, Chart, FlowChart, Note, Section, Table
from ...services.report_layout import chart_svg
from ..labels import heading
from .widgets import ReadOnlyTable

CHART_WIDTH = 520.0  # points of the PDF's drawing, as wide as the tables beside it on paper


class ChartView(QSvgWidget):
    """A chart drawn once, as the PDF draws it; its caption is its accessible description."""

    def __init__(self, chart: Chart, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(chart.name)
        self.chart = chart
        self.svg = chart_svg(chart, CHART_WIDTH)
        self.load(QByteArray(self.svg))
        self._fit()
        # Drawn for paper: shown on paper's white in either theme, so its ink stays readable.
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor("white"))
        self.setPalette(palette)
        self.setAutoFillBackground(True)
        self.setAccessibleName(_described(chart))

    def _fit(self) -> None:
        """Shown larger than on paper: at one pixel per point its 8-point words were half the window's text
        (about 8 pixels against 15), too small to read on a laptop. Scaled so that they match the window's text."""
        self.ensurePolished()  # the theme's font size applies from here
        drawn = self.renderer().defaultSize()
        scale = max(1.0, QFontInfo(self.font()).pixelSize() / CHART_TEXT_POINTS)
        self.setFixedSize(round(drawn.width() * scale), round(drawn.height() * scale))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):  # another theme
            self._fit()


def _described(chart: Chart) -> str:
    """What a screen reader says of a chart: its caption or title; a flow diagram's boxes in their order."""
    if isinstance(chart, FlowChart):
        return "; ".join(" ".join([*step.lines, *step.aside]) for step in chart.steps)
    if isinstance(chart, BarChart):
        return chart.title
    return chart.caption


class ReportView(QWidget):
    """Every section of the report, top to bottom, built once from its blocks."""

    def __init__(self, title: str, sections: Sequence[Section], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("reportView")
        self.sections = list(sections)
        self.tables: dict[str, QTableWidget] = {}
        self.notes: dict[str, QLabel] = {}
        self.charts: dict[str, ChartView] = {}
        self.column = QVBoxLayout(self)
        self.title = QLabel(title)
        self.title.setObjectName("reportTitle")
        self.title.setWordWrap(True)
        self.column.addWidget(self.title)
        for section in self.sections:
            self.column.addWidget(heading(section.heading))
            for block in section.blocks:
                self.column.addWidget(self.block(block))
        self.column.addStretch(1)

    def block(self, block: Table | Note | Chart) -> QWidget:
        if isinstance(block, Table):
            table = ReadOnlyTable(block.name, list(block.headers), fit_height=True)
            table.horizontalHeader().setVisible(block.show_header)
            table.fill([list(row) for row in block.rows])
            self.tables[block.name] = table
            return table
        if isinstance(block, Note):
            label = QLabel(block.text)
            label.setObjectName(block.name)
            label.setWordWrap(True)
            label.setProperty("role", "caption")
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.notes[block.name] = label
            return label
        view = ChartView(block)
        self.charts[block.name] = view
        if isinstance(block, BarChart):
            holder = QWidget()
            layout = QVBoxLayout(holder)
            layout.setContentsMargins(0, 0, 0, 0)
            layout.addWidget(QLabel(block.title))
            layout.addWidget(view)
            return holder
        return view
