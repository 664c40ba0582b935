"""The trial report on screen: the sections services.report_layout describes, as the PDF lays them out.

Nothing here words a figure: the tables, notes and charts come in the window's language, the same
blocks the PDF renders (a test compares their rows); each chart is the PDF's drawing, shown as SVG.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtSvgWidgets import QSvgWidget
from PySide6.QtWidgets import QLabel, QTableWidget, QVBoxLayout, QWidget

from ...reports.report_blocks import BarChart, Chart, FlowChart, Note, Section, Table
from ...services.report_layout import chart_svg
from ..labels import heading
from .widgets import ReadOnlyTable

CHART_WIDTH = 520.0  # points of the PDF's drawing; shown at one pixel per point, as wide as the tables beside


class ChartView(QSvgWidget):
    """A chart drawn once, as the PDF draws it; its caption is its accessible description."""

    def __init__(self, chart: Chart, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(chart.name)
        self.chart = chart
        self.svg = chart_svg(chart, CHART_WIDTH)
        self.load(QByteArray(self.svg))
        self.setFixedSize(self.renderer().defaultSize())
        # Drawn for paper: shown on paper's white in either theme, so its ink stays readable.
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor("white"))
        self.setPalette(palette)
        self.setAutoFillBackground(True)
        self.setAccessibleName(_described(chart))


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
