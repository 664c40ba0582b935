"""A schematic Couinaud map (anterior view) with the lesions marked in their segments."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import pairwise

from ..domain import derive
from ..domain.record import Lesion, Procedure
from . import fonts
from .layout import Flowable

# The liver in a 100 x 64 box, patient's right on the left of the page. The outline is the
# upper and lower edge as functions of x; the hepatic veins and the umbilical fissure cut it
# vertically and the portal plane horizontally.
UPPER = ((0, 44), (10, 56), (30, 62), (52, 60), (70, 53), (100, 40))
LOWER = ((0, 12), (12, 4), (35, 2), (52, 6), (68, 12), (100, 27))
PORTAL = ((0, 28), (52, 30), (68, 32), (100, 33))
# Segment: x range, and whether it lies above (True) or below (False) the portal plane.
SEGMENTS = {
    "VII": (0, 28, True),
    "VI": (0, 28, False),
    "VIII": (28, 52, True),
    "V": (28, 52, False),
    "IVa": (52, 68, True),
    "IVb": (52, 68, False),
    "II": (68, 100, True),
    "III": (68, 100, False),
}
# Where each segment's name goes; its lesions are marked in rows of three below the name.
ANCHORS = {
    "VII": (14, 45),
    "VI": (15, 23),
    "VIII": (40, 53),
    "V": (40, 23),
    "IVa": (62, 51),
    "IVb": (60, 24),
    "II": (82, 45),
    "III": (80, 29),
    "I": (51, 38.2),
}
PER_ROW = 3
CAUDATE = ((44, 32), (51, 30.5), (58, 32), (58, 38.5), (51, 40.5), (44, 38.5))
R_COLOURS = {"R0": "#27ae60", "R1": "#c0392b", None: "#7f8c8d"}
SEGMENT_FILL = "#f3e0d6"
MARKED_FILL = "#e8b7a0"
SAMPLES = 12


def _edge(points: Sequence[tuple[float, float]]) -> Callable[[float], float]:
    def at(x: float) -> float:
        for (x0, y0), (x1, y1) in pairwise(points):
            if x0 <= x <= x1:
                return y0 + (y1 - y0) * (x - x0) / (x1 - x0)
        return points[-1][1]

    return at


def _segment_outline(name: str) -> list[tuple[float, float]]:
    left, right, upper = SEGMENTS[name]
    outer = _edge(UPPER if upper else LOWER)
    portal = _edge(PORTAL)
    xs = [left + (right - left) * i / SAMPLES for i in range(SAMPLES + 1)]
    return [(x, portal(x)) for x in xs] + [(x, outer(x)) for x in reversed(xs)]


def outlines() -> dict[str, list[tuple[float, float]]]:
    """Every segment's polygon in the 100 x 64 box, segment I included."""
    shapes = {name: _segment_outline(name) for name in SEGMENTS}
    shapes["I"] = list(CAUDATE)
    return shapes


def liver_map_drawing(proc: Procedure, width: float) -> Flowable:
    """The map scaled to width; a lesion in several segments is marked in each of them."""
    from reportlab.graphics.shapes import Circle, Drawing, Polygon, String

    scale = width / 100
    drawing = Drawing(width, 64 * scale + 4, initialFontName=fonts.REGULAR)
    shapes = outlines()
    marks: dict[str, list[Lesion]] = {name: [] for name in shapes}
    for lesion in proc.lesions:
        for segment in lesion.get("segments") or []:
            if segment in marks:
                marks[segment].append(lesion)

    def scaled(points: list[tuple[float, float]]) -> list[float]:
        return [coordinate * scale for point in points for coordinate in point]

    for name, points in shapes.items():
        fill = MARKED_FILL if marks[name] else SEGMENT_FILL
        dashes = (2, 2) if name == "I" else None
        drawing.add(
            Polygon(scaled(points), fillColor=fill, strokeColor="#7a4a3a", strokeWidth=0.8, strokeDashArray=dashes)
        )
    for name in shapes:
        cx, cy = ANCHORS[name]
        drawing.add(
            String(
                cx * scale, cy * scale, name, fontName=fonts.BOLD, fontSize=8, textAnchor="middle", fillColor="#5a3022"
            )
        )
        for slot, lesion in enumerate(marks[name]):
            in_row = min(PER_ROW, len(marks[name]) - slot // PER_ROW * PER_ROW)
            x = (cx + (slot % PER_ROW - (in_row - 1) / 2) * 6) * scale
            y = (cy - 4.5 - 6 * (slot // PER_ROW)) * scale
            colour = R_COLOURS[derive.final_r_status(lesion)]
            drawing.add(Circle(x, y, 2.6 * scale, fillColor=colour, strokeColor="#ffffff", strokeWidth=0.8))
            drawing.add(
                String(
                    x,
                    y - 2.6,
                    str(lesion.number),
                    fontName=fonts.BOLD,
                    fontSize=7,
                    fillColor="#ffffff",
                    textAnchor="middle",
                )
            )
    return drawing
