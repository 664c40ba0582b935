"""A document as blocks that any renderer can lay out: sections of tables, notes and charts, all text said.

The trial report is described once in these blocks (services/report_layout.py) and rendered twice: as a
PDF (reports/trial_report.py) and in the trial office's window (ui/central/report_view.py). Nothing here
imports a toolkit, so both renderers read the same rows, and a test compares them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

# The size in points of a chart's words (axis marks are a point smaller): the window scales a chart by it so
# that the words read as large as its own text.
CHART_TEXT_POINTS = 8.0


@dataclass(frozen=True)
class Table:
    """Rows of cells under a header; `widths` are shares of the page's width (None: as the renderer sees fit)."""

    name: str
    headers: Sequence[str]
    rows: Sequence[Sequence[str]]
    widths: Sequence[float] | None = None
    show_header: bool = True


@dataclass(frozen=True)
class Note:
    """A sentence or two under a table."""

    name: str
    text: str


@dataclass(frozen=True)
class FlowStep:
    """One box of the flow diagram and, beside it, what left the flow at that step."""

    lines: Sequence[str]
    aside: Sequence[str] = ()


@dataclass(frozen=True)
class FlowChart:
    """Boxes down the page with arrows, what left the flow to their right."""

    name: str
    steps: Sequence[FlowStep]


@dataclass(frozen=True)
class RocChart:
    """A ROC curve through [1 - specificity, sensitivity] points, the chance diagonal, a caption and axis names."""

    name: str
    points: Sequence[Sequence[float]]
    caption: str
    x_label: str
    y_label: str
    decimal_mark: str = "."  # of the axes' numbers, as the reader writes them


@dataclass(frozen=True)
class BarChart:
    """Horizontal bars, one per labelled count; `title` is said above them."""

    name: str
    title: str
    bars: Sequence[tuple[str, int]]


@dataclass(frozen=True)
class Rate:
    """One bar of a rate chart: its label, the rate (None: not estimable) and its 95% interval."""

    label: str
    value: float | None
    low: float | None
    high: float | None


@dataclass(frozen=True)
class RateChart:
    """Rates between 0 and 1 as vertical bars with their 95% intervals, one per label along the x axis."""

    name: str
    caption: str
    x_label: str
    y_label: str
    rates: Sequence[Rate]


Chart = FlowChart | RocChart | BarChart | RateChart
Block = Table | Note | Chart


@dataclass(frozen=True)
class Section:
    """A heading and what stands under it, kept on one page where it fits."""

    name: str
    heading: str
    blocks: Sequence[Block] = field(default_factory=tuple)

    def tables(self) -> list[Table]:
        return [block for block in self.blocks if isinstance(block, Table)]
