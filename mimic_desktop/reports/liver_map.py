"""The Couinaud map (anterior view) of domain/liver_geometry.py, printed with the lesions marked in their
segments: the same map the coordinator clicks on the screen."""

from __future__ import annotations

from ..domain import derive, liver_geometry
from ..domain.liver_geometry import Point
from ..domain.record import Lesion, Procedure
from . import fonts
from .layout import Flowable

R_COLOURS = {"R0": "#27ae60", "R1": "#c0392b", None: "#7f8c8d"}
SEGMENT_FILL = "#f3e0d6"
MARKED_FILL = "#e8b7a0"
LABEL_SIZE = 8.0  # points
MARK_SIZE = 7.0
MARK_RADIUS = 2.6  # in map units
# A name is placed by its baseline; this much below the middle of its capitals, as a share of the font size.
BASELINE_DROP = 0.36


def liver_map_drawing(proc: Procedure, width: float) -> Flowable:
    """The map scaled to width; a lesion in several segments is marked in each of them."""
    from reportlab.graphics.shapes import Circle, Drawing, Polygon, String

    scale = width / liver_geometry.WIDTH
    height = liver_geometry.HEIGHT * scale
    drawing = Drawing(width, height + 4, initialFontName=fonts.REGULAR)
    shapes = liver_geometry.segments()
    marks: dict[str, list[Lesion]] = {code: [] for code in shapes}
    for lesion in proc.lesions:
        for segment in lesion.get("segments") or []:
            if segment in marks:
                marks[segment].append(lesion)

    def page(point: Point) -> tuple[float, float]:
        """A point of the map on the page, whose y runs upwards."""
        return point[0] * scale, height - point[1] * scale

    for code, shape in shapes.items():
        fill = MARKED_FILL if marks[code] else SEGMENT_FILL
        dashes = (2, 2) if shape.behind else None
        drawing.add(
            Polygon(
                [coordinate for point in shape.outline for coordinate in page(point)],
                fillColor=fill,
                strokeColor="#7a4a3a",
                strokeWidth=0.8,
                strokeDashArray=dashes,
            )
        )
    for code, shape in shapes.items():
        x, y = page(shape.label)
        drawing.add(
            String(
                x,
                y - BASELINE_DROP * LABEL_SIZE,
                code,
                fontName=fonts.BOLD,
                fontSize=LABEL_SIZE,
                textAnchor="middle",
                fillColor="#5a3022",
            )
        )
        for lesion, position in zip(marks[code], liver_geometry.mark_positions(code, len(marks[code])), strict=True):
            x, y = page(position)
            colour = R_COLOURS[derive.final_r_status(lesion)]
            drawing.add(Circle(x, y, MARK_RADIUS * scale, fillColor=colour, strokeColor="#ffffff", strokeWidth=0.8))
            drawing.add(
                String(
                    x,
                    y - BASELINE_DROP * MARK_SIZE,
                    str(lesion.number),
                    fontName=fonts.BOLD,
                    fontSize=MARK_SIZE,
                    fillColor="#ffffff",
                    textAnchor="middle",
                )
            )
    return drawing
