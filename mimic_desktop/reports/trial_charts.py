"""The trial report's figures as vector drawings: the flow diagram, the ROC curve, enrolment per centre."""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from . import fonts
from .layout import INK, RULE, SHADE, Flowable
from .report_blocks import CHART_TEXT_POINTS, BarChart, Chart, FlowChart, FlowStep, RateChart, RocChart


def _colour(value: str) -> object:
    """A colour as reportlab's drawings need it for every renderer (the SVG one takes no "#rrggbb" text)."""
    from reportlab.lib.colors import toColor

    return toColor(value)


BOX_FILL = "#f4f6f8"
SIDE_FILL = "#fbf3ee"
CURVE = "#c0392b"
BAR = "#2e6f95"
FONT_SIZE = CHART_TEXT_POINTS
LINE = 10.5
PAD = 5.0
GAP = 16.0


def _box(
    drawing: Flowable, x: float, top: float, width: float, lines: Sequence[str], fill: str, bold_first: bool
) -> float:
    """A box of text lines hanging from top; returns its height."""
    from reportlab.graphics.shapes import Rect, String

    height = len(lines) * LINE + 2 * PAD - 2
    drawing.add(
        Rect(
            x,
            top - height,
            width,
            height,
            fillColor=_colour(fill),
            strokeColor=_colour(RULE),
            strokeWidth=0.6,
            rx=3,
            ry=3,
        )
    )
    for index, line in enumerate(lines):
        face = fonts.BOLD if bold_first and index == 0 else fonts.REGULAR
        baseline = top - PAD - FONT_SIZE + 1 - index * LINE
        drawing.add(String(x + PAD, baseline, line, fontName=face, fontSize=FONT_SIZE, fillColor=_colour(INK)))
    return height


def _arrow(drawing: Flowable, x1: float, y1: float, x2: float, y2: float) -> None:
    from reportlab.graphics.shapes import Line, Polygon

    drawing.add(Line(x1, y1, x2, y2, strokeColor=_colour(INK), strokeWidth=0.8))
    head = [x2 - 3, y2 + 5, x2 + 3, y2 + 5, x2, y2] if x1 == x2 else [x2 - 5, y2 + 3, x2 - 5, y2 - 3, x2, y2]
    drawing.add(Polygon(head, fillColor=_colour(INK), strokeColor=_colour(INK), strokeWidth=0.5))


def flow_drawing(steps: Sequence[FlowStep], width: float) -> Flowable:
    """Boxes down the left, one per step, with arrows; what left the flow in boxes to the right."""
    from reportlab.graphics.shapes import Drawing

    main_width, side_x = width * 0.52, width * 0.6
    heights = [max(len(step.lines), len(step.aside)) * LINE + 2 * PAD - 2 for step in steps]
    total = sum(heights) + GAP * (len(steps) - 1) + 2
    drawing = Drawing(width, total, initialFontName=fonts.REGULAR)
    top = total - 1
    for index, (step, height) in enumerate(zip(steps, heights, strict=True)):
        _box(drawing, 0, top, main_width, step.lines, BOX_FILL, bold_first=True)
        if step.aside:
            _box(drawing, side_x, top, width - side_x - 1, step.aside, SIDE_FILL, bold_first=False)
            middle = top - LINE
            _arrow(drawing, main_width, middle, side_x, middle)
        if index < len(steps) - 1:
            box_bottom = top - (len(step.lines) * LINE + 2 * PAD - 2)
            _arrow(drawing, main_width / 2, box_bottom, main_width / 2, top - height - GAP)
        top -= height + GAP
    return drawing


def roc_drawing(chart: RocChart, size: float) -> Flowable:
    """The ROC curve in a square plot with the chance diagonal; caption under the title."""
    from reportlab.graphics.shapes import Circle, Drawing, Group, Line, Rect, String

    left, bottom, top_space = 34.0, 30.0, 16.0
    side = size - left - 8
    drawing = Drawing(size, side + bottom + top_space, initialFontName=fonts.REGULAR)
    drawing.add(Rect(left, bottom, side, side, fillColor=_colour(BOX_FILL), strokeColor=_colour(RULE), strokeWidth=0.6))
    for tick in range(6):
        share = tick / 5
        at = share * side
        label = f"{share:.1f}".replace(".", chart.decimal_mark)
        drawing.add(Line(left + at, bottom, left + at, bottom + side, strokeColor=_colour(SHADE), strokeWidth=0.5))
        drawing.add(Line(left, bottom + at, left + side, bottom + at, strokeColor=_colour(SHADE), strokeWidth=0.5))
        drawing.add(String(left + at, bottom - 10, label, fontName=fonts.REGULAR, fontSize=7, textAnchor="middle"))
        drawing.add(String(left - 4, bottom + at - 2.5, label, fontName=fonts.REGULAR, fontSize=7, textAnchor="end"))
    drawing.add(
        Line(
            left, bottom, left + side, bottom + side, strokeColor=_colour(RULE), strokeWidth=0.8, strokeDashArray=[3, 3]
        )
    )
    coordinates = [(left + x * side, bottom + y * side) for x, y in chart.points]
    if coordinates:
        # Segment by segment: a polyline is filled by the SVG renderer.
        for (x1, y1), (x2, y2) in itertools.pairwise(coordinates):
            drawing.add(Line(x1, y1, x2, y2, strokeColor=_colour(CURVE), strokeWidth=1.6))
        for x, y in coordinates:
            drawing.add(Circle(x, y, 2.4, fillColor=_colour(CURVE), strokeColor=None))
    drawing.add(String(left + side / 2, 4, chart.x_label, fontName=fonts.REGULAR, fontSize=8, textAnchor="middle"))
    label = String(0, 0, chart.y_label, fontName=fonts.REGULAR, fontSize=8, textAnchor="middle")
    drawing.add(Group(label, transform=(0, 1, -1, 0, 10, bottom + side / 2)))  # turned a quarter, reading upwards
    drawing.add(String(left, bottom + side + 5, chart.caption, fontName=fonts.BOLD, fontSize=8, fillColor=_colour(INK)))
    return drawing


def bars_drawing(rows: Sequence[tuple[str, int]], width: float) -> Flowable:
    """Horizontal bars, one per labelled count, scaled to the largest."""
    from reportlab.graphics.shapes import Drawing, Rect, String

    label_width, height = 60.0, 13.0
    largest = max((count for _, count in rows), default=0) or 1
    span = width - label_width - 30
    drawing = Drawing(width, height * len(rows) + 2, initialFontName=fonts.REGULAR)
    for index, (label, count) in enumerate(rows):
        y = height * (len(rows) - index - 1) + 2
        drawing.add(String(0, y + 2.5, label, fontName=fonts.REGULAR, fontSize=FONT_SIZE, fillColor=_colour(INK)))
        length = span * count / largest
        drawing.add(Rect(label_width, y, length, height - 4, fillColor=_colour(BAR), strokeColor=None))
        drawing.add(String(label_width + length + 4, y + 2.5, str(count), fontName=fonts.REGULAR, fontSize=FONT_SIZE))
    return drawing


def rates_drawing(chart: RateChart, width: float) -> Flowable:
    """Vertical bars of rates with their 95% intervals as whiskers; the y axis in percent up to the highest bound."""
    import math

    from reportlab.graphics.shapes import Drawing, Group, Line, Rect, String

    left, bottom, top_space, height = 40.0, 34.0, 18.0, 150.0
    highest = max((rate.high or rate.value or 0.0 for rate in chart.rates), default=0.0)
    top = min(1.0, max(0.1, math.ceil(highest * 10) / 10))
    span = width - left - 8
    drawing = Drawing(width, height + bottom + top_space, initialFontName=fonts.REGULAR)
    drawing.add(
        Rect(left, bottom, span, height, fillColor=_colour(BOX_FILL), strokeColor=_colour(RULE), strokeWidth=0.6)
    )
    for tick in range(6):
        share = top * tick / 5
        y = bottom + height * tick / 5
        drawing.add(Line(left, y, left + span, y, strokeColor=_colour(SHADE), strokeWidth=0.5))
        drawing.add(
            String(left - 4, y - 2.5, f"{share * 100:.0f}%", fontName=fonts.REGULAR, fontSize=7, textAnchor="end")
        )
    slot = span / max(len(chart.rates), 1)
    for index, rate in enumerate(chart.rates):
        middle = left + slot * (index + 0.5)
        drawing.add(String(middle, bottom - 10, rate.label, fontName=fonts.REGULAR, fontSize=7, textAnchor="middle"))
        if rate.value is None:
            drawing.add(String(middle, bottom + 4, "–", fontName=fonts.REGULAR, fontSize=8, textAnchor="middle"))
            continue
        bar = height * rate.value / top
        drawing.add(Rect(middle - slot * 0.3, bottom, slot * 0.6, bar, fillColor=_colour(BAR), strokeColor=None))
        if rate.low is not None and rate.high is not None:
            low, high = bottom + height * rate.low / top, bottom + height * min(rate.high, top) / top
            drawing.add(Line(middle, low, middle, high, strokeColor=_colour(INK), strokeWidth=0.8))
            for y in (low, high):
                drawing.add(Line(middle - 3, y, middle + 3, y, strokeColor=_colour(INK), strokeWidth=0.8))
    drawing.add(String(left + span / 2, 4, chart.x_label, fontName=fonts.REGULAR, fontSize=8, textAnchor="middle"))
    label = String(0, 0, chart.y_label, fontName=fonts.REGULAR, fontSize=8, textAnchor="middle")
    drawing.add(Group(label, transform=(0, 1, -1, 0, 10, bottom + height / 2)))
    drawing.add(
        String(left, bottom + height + 5, chart.caption, fontName=fonts.BOLD, fontSize=8, fillColor=_colour(INK))
    )
    return drawing


ROC_SIZE = 220.0  # points: beside the accuracy table on the page, and as large in the window


def drawing(chart: Chart, width: float) -> Flowable:
    """The one drawing of a chart, at the width it is given (a ROC curve keeps its own square)."""
    if isinstance(chart, FlowChart):
        return flow_drawing(chart.steps, width)
    if isinstance(chart, RocChart):
        return roc_drawing(chart, ROC_SIZE)
    if isinstance(chart, BarChart):
        return bars_drawing(chart.bars, width)
    if isinstance(chart, RateChart):
        return rates_drawing(chart, width)
    raise TypeError(chart)


def svg(figure: Flowable) -> bytes:
    """A drawing as SVG, for a window that shows it as the PDF does."""
    from reportlab.graphics import renderSVG
    from reportlab.graphics.shapes import Rect
    from reportlab.lib.colors import white

    fonts.register()  # the drawing names the PDF's fonts; the SVG measures its text with them
    # On paper's white in any window theme: an SVG has no page under it.
    figure.insert(0, Rect(0, 0, figure.width, figure.height, fillColor=white, strokeColor=None))
    return bytes(renderSVG.drawToString(figure).encode("utf-8"))
