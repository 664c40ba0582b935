"""A schematic Couinaud map of the liver (anterior view): click a segment, or move to it with the arrow keys
and press Space or Enter, to mark it as one of a lesion's segments."""

from __future__ import annotations

import math
from collections.abc import Iterable

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QAccessible,
    QAccessibleEvent,
    QFocusEvent,
    QFont,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from ..domain import forms
from . import themes

# Drawn in a 100 x 64 box, y downwards, the patient's right on the left of the screen.
OUTLINE = (
    (0, 22), (9, 9), (28, 2), (52, 4), (70, 10), (88, 17), (100, 24),
    (97, 34), (82, 42), (68, 50), (52, 58), (34, 62), (14, 59), (2, 48),
)  # fmt: skip
PORTAL_Y = 32
# Segment: its x range, and whether it lies above the portal plane.
SECTORS = {
    "VII": (0, 28, True), "VI": (0, 28, False),
    "VIII": (28, 52, True), "V": (28, 52, False),
    "IVa": (52, 68, True), "IVb": (52, 68, False),
    "II": (68, 100, True), "III": (68, 100, False),
}  # fmt: skip
CAUDATE = ((44, 26), (51, 23), (58, 26), (58, 34), (51, 37), (44, 34))
BOX = QRectF(0, 0, 100, 64)
# The arrow keys and the direction on the map each one moves in (x, y; y downwards).
DIRECTIONS = {
    Qt.Key.Key_Left: (-1, 0),
    Qt.Key.Key_Right: (1, 0),
    Qt.Key.Key_Up: (0, -1),
    Qt.Key.Key_Down: (0, 1),
}
TOGGLE_KEYS = frozenset({Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Select})
FOCUS_PEN = 1.6  # the focus mark's width in map units: clearly thicker than a segment's outline


def _polygon(points: Iterable[tuple[float, float]]) -> QPolygonF:
    return QPolygonF([QPointF(x, y) for x, y in points])


def segment_paths() -> dict[str, QPainterPath]:
    """Each segment's outline in the 100 x 64 box; the caudate lobe is cut out of its neighbours."""
    liver = QPainterPath()
    liver.addPolygon(_polygon(OUTLINE))
    liver.closeSubpath()
    caudate = QPainterPath()
    caudate.addPolygon(_polygon(CAUDATE))
    caudate.closeSubpath()
    paths = {}
    for code, (left, right, upper) in SECTORS.items():
        block = QPainterPath()
        top, bottom = (BOX.top(), PORTAL_Y) if upper else (PORTAL_Y, BOX.bottom())
        block.addRect(QRectF(left, top, right - left, bottom - top))
        paths[code] = liver.intersected(block).subtracted(caudate)
    paths["I"] = caudate
    return paths


class LiverMap(QWidget):
    """Click a segment to add it to or remove it from the current lesion's segments; from the keyboard, the
    arrow keys move the focus mark from segment to segment and Space or Enter marks or unmarks that one.

    Letters are left alone: on the live screen they stay event keys while the map has the focus.
    """

    segments_changed = Signal(list)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("liverMap")
        self._paths = segment_paths()
        self._order = forms.field_def("segments").choice_codes()
        self._marked: set[str] = set()
        self._read_only = False
        self.focused = self._order[0]  # the segment the keys act on while the map has the focus
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(240, 150)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(self.tr("Couinaud map of the liver segments"))
        self._describe()

    def sizeHint(self) -> QSize:
        return QSize(360, 230)

    def segments(self) -> list[str]:
        return [code for code in self._order if code in self._marked]

    def set_segments(self, codes: list[str] | None) -> None:
        self._marked = set(codes or ())
        self._describe()
        self.update()

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        self.setCursor(Qt.CursorShape.ArrowCursor if read_only else Qt.CursorShape.PointingHandCursor)
        self.update()

    # -- words for those who cannot see the map ------------------------------------------------
    def segment_name(self, code: str) -> str:
        """A segment's accessible name: its number and whether it is marked."""
        if code in self._marked:
            return self.tr("Segment %1, marked").replace("%1", code)
        return self.tr("Segment %1, not marked").replace("%1", code)

    def _describe(self) -> None:
        """The description says which segments are marked and which one the keys act on; assistive
        technology is told when it changes."""
        marked = ", ".join(self.segments()) or self.tr("none")
        description = self.tr("Marked: %1. Arrow keys move between segments; Space or Enter marks one.").replace(
            "%1", marked
        )
        self.setAccessibleDescription(f"{self.segment_name(self.focused)}. {description}")
        if self.hasFocus():
            QAccessible.updateAccessibility(QAccessibleEvent(self, QAccessible.Event.DescriptionChanged))

    # -- geometry --------------------------------------------------------------------------
    def _scale(self) -> tuple[float, float, float]:
        factor = min((self.width() - 8) / BOX.width(), (self.height() - 8) / BOX.height())
        return factor, (self.width() - BOX.width() * factor) / 2, (self.height() - BOX.height() * factor) / 2

    def segment_at(self, point: QPointF) -> str | None:
        factor, dx, dy = self._scale()
        local = QPointF((point.x() - dx) / factor, (point.y() - dy) / factor)
        for code in ("I", *SECTORS):  # the caudate lobe lies on top
            if self._paths[code].contains(local):
                return code
        return None

    def segment_centre(self, code: str) -> QPointF:
        """Where a segment's label sits, in widget coordinates (what a click should hit)."""
        factor, dx, dy = self._scale()
        centre = self._label_point(code)
        return QPointF(centre.x() * factor + dx, centre.y() * factor + dy)

    def _label_point(self, code: str) -> QPointF:
        if code == "I":
            return QPointF(51, 30)
        left, right, upper = SECTORS[code]
        middle = (left + right) / 2
        column = QPainterPath()
        column.addRect(QRectF(middle - 0.5, 0, 1, 64))
        span = self._paths[code].intersected(column).boundingRect()
        return QPointF(middle, span.center().y() + (-2 if upper else 2) * (span.height() > 14))

    def neighbour(self, code: str, direction: tuple[int, int]) -> str:
        """The segment the arrow key in direction leads to from code: the nearest one lying that way, the
        one straight ahead preferred over one off to the side (code itself when none lies that way)."""
        here = self._label_point(code)
        best, best_cost = code, math.inf
        for other in self._order:
            point = self._label_point(other)
            dx, dy = point.x() - here.x(), point.y() - here.y()
            ahead = dx * direction[0] + dy * direction[1]
            if other == code or ahead <= 0.5:
                continue
            aside = abs(dx * direction[1]) + abs(dy * direction[0])
            cost = ahead + 1.5 * aside
            if cost < best_cost:
                best, best_cost = other, cost
        return best

    # -- events ----------------------------------------------------------------------------
    def toggle(self, code: str) -> None:
        if self._read_only:
            return
        self._marked ^= {code}
        self._describe()
        self.update()
        self.segments_changed.emit(self.segments())

    def mousePressEvent(self, event: QMouseEvent) -> None:
        code = self.segment_at(event.position())
        if self._read_only or code is None:
            super().mousePressEvent(event)
            return
        self.focused = code
        self.toggle(code)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = Qt.Key(event.key())
        if event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier):
            super().keyPressEvent(event)
        elif key in DIRECTIONS:
            self.focused = self.neighbour(self.focused, DIRECTIONS[key])
            self._describe()
            self.update()
        elif key in TOGGLE_KEYS and not self._read_only:
            self.toggle(self.focused)
        else:
            super().keyPressEvent(event)  # letters and digits go on to the event keys

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self._describe()
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:
        colours = themes.segment_colours()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        factor, dx, dy = self._scale()
        painter.translate(dx, dy)
        painter.scale(factor, factor)
        painter.setPen(QPen(colours["line"], 0.6))
        font = QFont(self.font())
        font.setPixelSize(6)
        font.setBold(True)
        painter.setFont(font)
        for code in (*SECTORS, "I"):
            marked = code in self._marked
            painter.setBrush(colours["marked"] if marked else colours["fill"])
            painter.drawPath(self._paths[code])
        for code in (*SECTORS, "I"):
            painter.setPen(colours["marked_text"] if code in self._marked else colours["text"])
            centre = self._label_point(code)
            painter.drawText(QRectF(centre.x() - 10, centre.y() - 5, 20, 10), Qt.AlignmentFlag.AlignCenter, code)
        if self.hasFocus():
            # The focus mark: a thick dashed outline in the theme's focus colour round the segment the keys act on.
            pen = QPen(colours["focus"], FOCUS_PEN, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(self._paths[self.focused])
        painter.end()
