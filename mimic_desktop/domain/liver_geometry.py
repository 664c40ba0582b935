"""The schematic Couinaud map (anterior view) as data: one geometry for the map the coordinator clicks and the map
the summary prints.

Coordinates are in a 100 x 64 box, y downwards as a page is read, the patient's right on the left. The outline is
the liver's upper and lower edge as functions of x; the right hepatic vein, the middle hepatic vein and the
umbilical fissure cut it vertically, the portal plane horizontally. Segment I (the caudate lobe) lies behind the
others: it is drawn last, with a dashed line, and found first under a point.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from itertools import pairwise

Point = tuple[float, float]

WIDTH = 100.0
HEIGHT = 64.0
UPPER_EDGE: tuple[Point, ...] = ((0, 20), (10, 8), (30, 2), (52, 4), (70, 11), (100, 24))
LOWER_EDGE: tuple[Point, ...] = ((0, 52), (12, 60), (35, 62), (52, 58), (68, 52), (100, 37))
PORTAL_PLANE: tuple[Point, ...] = ((0, 36), (52, 34), (68, 32), (100, 31))
# Segment: its x range between the vertical cuts, and whether it lies above the portal plane.
SECTORS: dict[str, tuple[float, float, bool]] = {
    "VII": (0, 28, True),
    "VI": (0, 28, False),
    "VIII": (28, 52, True),
    "V": (28, 52, False),
    "IVa": (52, 68, True),
    "IVb": (52, 68, False),
    "II": (68, 100, True),
    "III": (68, 100, False),
}
CAUDATE: tuple[Point, ...] = ((44, 32), (51, 33.5), (58, 32), (58, 25.5), (51, 23.5), (44, 25.5))
CAUDATE_CODE = "I"
# The middle of each segment's name; the lesions in it are marked in rows below the name.
LABELS: dict[str, Point] = {
    "VII": (14, 18),
    "VI": (15, 40),
    "VIII": (40, 10),
    "V": (40, 40),
    "IVa": (62, 12),
    "IVb": (60, 39),
    "II": (82, 18),
    "III": (80, 34),
    "I": (51, 25),
}
MARK_SPACING = 6.0  # between the centres of two lesion marks, and from a segment's name to its first row
MARKS_PER_ROW = 3
SAMPLES = 12  # points along each curved edge of a segment


@dataclass(frozen=True)
class SegmentShape:
    """One segment of the map: its outline, where its name goes, and whether it lies behind the others."""

    code: str
    outline: tuple[Point, ...]
    label: Point
    behind: bool = False


def _edge(points: Sequence[Point], x: float) -> float:
    for (x0, y0), (x1, y1) in pairwise(points):
        if x0 <= x <= x1:
            return y0 + (y1 - y0) * (x - x0) / (x1 - x0)
    return points[-1][1]


def _sector_outline(left: float, right: float, upper: bool) -> tuple[Point, ...]:
    outer = UPPER_EDGE if upper else LOWER_EDGE
    xs = [left + (right - left) * i / SAMPLES for i in range(SAMPLES + 1)]
    return tuple([(x, _edge(PORTAL_PLANE, x)) for x in xs] + [(x, _edge(outer, x)) for x in reversed(xs)])


@cache
def segments() -> dict[str, SegmentShape]:
    """Every segment in drawing order: the eight in front, then segment I behind them (drawn last)."""
    shapes = {code: SegmentShape(code, _sector_outline(*sector), LABELS[code]) for code, sector in SECTORS.items()}
    shapes[CAUDATE_CODE] = SegmentShape(CAUDATE_CODE, CAUDATE, LABELS[CAUDATE_CODE], behind=True)
    return shapes


def contains(outline: Sequence[Point], point: Point) -> bool:
    """Whether a point lies inside a polygon (even-odd rule)."""
    x, y = point
    inside = False
    for (x0, y0), (x1, y1) in pairwise([*outline, outline[0]]):
        if (y0 > y) != (y1 > y) and x < x0 + (x1 - x0) * (y - y0) / (y1 - y0):
            inside = not inside
    return inside


def segment_at(point: Point) -> str | None:
    """The segment under a point of the box; segment I, drawn over its neighbours, is found first."""
    for shape in sorted(segments().values(), key=lambda shape: not shape.behind):
        if contains(shape.outline, point):
            return shape.code
    return None


def mark_positions(code: str, count: int) -> list[Point]:
    """Where the marks of count lesions in a segment go: rows of three, centred below the segment's name."""
    x, y = segments()[code].label
    positions = []
    for slot in range(count):
        row = slot // MARKS_PER_ROW
        in_row = min(MARKS_PER_ROW, count - row * MARKS_PER_ROW)
        positions.append((x + (slot % MARKS_PER_ROW - (in_row - 1) / 2) * MARK_SPACING, y + MARK_SPACING * (row + 0.9)))
    return positions
