"""The map the surgeon clicks is the map printed: the screen and the PDF draw one geometry, and each segment is an
object of its own for assistive technology."""

from __future__ import annotations

import random

import pytest
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QAccessible, QAccessibleActionInterface, QPainterPath, QPolygonF

from mimic_desktop.domain import forms
from mimic_desktop.reports.liver_map import liver_map_drawing
from mimic_desktop.services.simulate import record_procedure
from mimic_desktop.ui.liver_map import LiverMap, segment_paths

CODES = forms.field_def("segments").choice_codes()
PRINTED_WIDTH = 320.0


def printed_map(service) -> tuple[dict[str, QPainterPath], dict[str, QPointF]]:
    """The printed map read back from the drawing the summary places on its page: each segment's outline (found
    by the name printed inside it) and where its name stands, both in the fraction of the map's width and
    height from its top left corner."""
    from reportlab.graphics.shapes import Polygon, String

    proc = service.load(record_procedure(service, random.Random(3), lesions=2))
    drawing = liver_map_drawing(proc, PRINTED_WIDTH)
    polygons = [shape for shape in drawing.contents if isinstance(shape, Polygon)]
    names = [shape for shape in drawing.contents if isinstance(shape, String) and shape.text in CODES]
    low = min(y for polygon in polygons for y in polygon.points[1::2])
    high = max(y for polygon in polygons for y in polygon.points[1::2])
    left = min(x for polygon in polygons for x in polygon.points[0::2])
    right = max(x for polygon in polygons for x in polygon.points[0::2])

    def share(x: float, y: float) -> QPointF:
        """A point of the page as the fractions of the printed outline's width and height (y downwards)."""
        return QPointF((x - left) / (right - left), (high - y) / (high - low))

    labels = {name.text: share(name.x, name.y + name.fontSize * 0.36) for name in names}
    outlines: dict[str, QPainterPath] = {}
    for polygon in polygons:
        path = QPainterPath()
        points = polygon.points
        path.addPolygon(QPolygonF([share(points[i], points[i + 1]) for i in range(0, len(points), 2)]))
        path.closeSubpath()
        inside = [code for code, label in labels.items() if path.contains(label)]
        # segment I is printed over its neighbours, so a neighbour's outline holds segment I's name as well
        outlines[next(code for code in inside if code != "I") if len(inside) > 1 else inside[0]] = path
    assert set(outlines) == set(labels) == set(CODES), "every segment printed once, with its name inside"
    return outlines, labels


def drawn_extent() -> QRectF:
    """The box round the outline the screen paints."""
    drawn = QPainterPath()
    for path in segment_paths().values():
        drawn.addPath(path)
    return drawn.boundingRect()


def on_screen_map(point: QPointF) -> QPointF:
    """A point of the printed map (as fractions of its width and height) in the screen map's own box: the same
    fractions of the outline the screen paints."""
    extent = drawn_extent()
    return QPointF(extent.left() + point.x() * extent.width(), extent.top() + point.y() * extent.height())


def screen_share(liver: LiverMap, point: QPointF) -> QPointF:
    """A point of the printed map (as fractions of its width and height) where it falls on the screen's widget."""
    inside = on_screen_map(point)
    return liver.to_widget(inside.x(), inside.y())


@pytest.mark.parametrize("size", [(360, 230), (520, 260)])
def test_the_screen_and_the_pdf_put_every_segment_in_the_same_place(ui_app, qtbot, service, size):
    outlines, labels = printed_map(service)
    liver = LiverMap()
    qtbot.addWidget(liver)
    liver.resize(*size)
    liver.show()
    for code in CODES:
        where = liver.segment_centre(code)
        printed = screen_share(liver, labels[code])
        assert abs(where.x() - printed.x()) < 2 and abs(where.y() - printed.y()) < 2, code
    # Across the whole map, the screen paints, and a click lands in, the segment the paper shows there (segment I,
    # drawn over its neighbours on both, first).
    order = sorted(outlines, key=lambda code: code != "I")
    painted_paths = segment_paths()
    compared = 0
    for column in range(79):
        for row in range(51):
            point = QPointF((column + 0.53) / 79, (row + 0.47) / 51)
            printed = next((code for code in order if outlines[code].contains(point)), None)
            clicked = liver.segment_at(screen_share(liver, point))
            painted = next((code for code in order if painted_paths[code].contains(on_screen_map(point))), None)
            near_an_edge = any(
                next((c for c in order if outlines[c].contains(point + QPointF(dx, dy))), None) != printed
                for dx, dy in ((0.006, 0), (-0.006, 0), (0, 0.01), (0, -0.01))
            )
            if not near_an_edge:
                where = f"at {point.x():.3f}, {point.y():.3f}"
                assert clicked == printed, f"{where} a click on the screen lands in {clicked}, not {printed}"
                assert painted == printed, f"{where} the screen paints {painted}, the paper {printed}"
                compared += 1
    assert compared > 3000


def test_every_segment_is_an_accessible_check_box_with_its_state(ui_app, qtbot):
    liver = LiverMap()
    qtbot.addWidget(liver)
    liver.resize(420, 270)
    liver.set_segments(["V"])
    liver.show()
    emitted = []
    liver.segments_changed.connect(emitted.append)
    interface = QAccessible.queryAccessibleInterface(liver)
    segments = {}
    for index in range(interface.childCount()):
        child = interface.child(index)
        segments[child.text(QAccessible.Text.Name)] = child
    assert set(segments) == {f"Segment {code}" for code in CODES}
    for code in CODES:
        child = segments[f"Segment {code}"]
        assert child.role() == QAccessible.Role.CheckBox
        assert bool(child.state().checked) == (code == "V")
        centre = liver.mapToGlobal(liver.segment_centre(code).toPoint())
        assert child.rect().contains(centre), f"segment {code}'s object lies over the segment"
    # Assistive technology marks a segment as a click would: the map says so, and the state follows.
    segments["Segment VIII"].actionInterface().doAction(QAccessibleActionInterface.toggleAction())
    assert emitted == [["V", "VIII"]] and liver.segments() == ["V", "VIII"]
    assert segments["Segment VIII"].state().checked
    qtbot.mouseClick(liver, Qt.MouseButton.LeftButton, pos=liver.segment_centre("V").toPoint())
    assert not segments["Segment V"].state().checked and liver.segments() == ["VIII"]
    # A map that is read only changes for no one.
    liver.set_read_only(True)
    segments["Segment II"].actionInterface().doAction(QAccessibleActionInterface.toggleAction())
    assert liver.segments() == ["VIII"] and not segments["Segment II"].state().checked
    assert segments["Segment II"].state().disabled
    assert len(emitted) == 2
