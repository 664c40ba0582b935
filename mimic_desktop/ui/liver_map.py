"""A schematic Couinaud map of the liver (anterior view): click a segment, or move to it with the arrow keys
and press Space or Enter, to mark it as one of a lesion's segments."""

from __future__ import annotations

import math

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
    QResizeEvent,
)
from PySide6.QtWidgets import QAbstractButton, QSizePolicy, QWidget

from ..domain import forms, liver_geometry
from . import themes

BOX = QRectF(0, 0, liver_geometry.WIDTH, liver_geometry.HEIGHT)
# The arrow keys and the direction on the map each one moves in (x, y; y downwards).
DIRECTIONS = {
    Qt.Key.Key_Left: (-1, 0),
    Qt.Key.Key_Right: (1, 0),
    Qt.Key.Key_Up: (0, -1),
    Qt.Key.Key_Down: (0, 1),
}
TOGGLE_KEYS = frozenset({Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Select})
FOCUS_PEN = 1.6  # the focus mark's width in map units: clearly thicker than a segment's outline


def segment_paths() -> dict[str, QPainterPath]:
    """Each segment's outline of domain/liver_geometry.py, in the box and the order it is drawn in."""
    paths = {}
    for code, shape in liver_geometry.segments().items():
        path = QPainterPath()
        path.addPolygon(QPolygonF([QPointF(x, y) for x, y in shape.outline]))
        path.closeSubpath()
        paths[code] = path
    return paths


class SegmentControl(QAbstractButton):
    """A segment as assistive technology sees it: a check box named after the segment, checked while it is marked,
    over the segment's place on the map. The map draws it and takes its clicks and keys; pressing it through
    assistive technology marks or unmarks the segment."""

    def __init__(self, code: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.code = code
        self.setObjectName(f"segment_{code}")
        self.setCheckable(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)

    def paintEvent(self, _event: QPaintEvent) -> None:
        """The map paints the segment."""


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
        self.controls = {code: SegmentControl(code, self) for code in self._order}
        for control in self.controls.values():
            control.toggled.connect(lambda checked, code=control.code: self._pressed(code, checked))
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
        for control in self.controls.values():
            control.setEnabled(not read_only)
        self.setCursor(Qt.CursorShape.ArrowCursor if read_only else Qt.CursorShape.PointingHandCursor)
        self.update()

    # -- words for those who cannot see the map ------------------------------------------------
    def segment_name(self, code: str) -> str:
        """A segment's accessible name: its number and whether it is marked."""
        if code in self._marked:
            return self.tr("Segment %1, marked").replace("%1", code)
        return self.tr("Segment %1, not marked").replace("%1", code)

    def _describe(self) -> None:
        """Each segment's control says whether it is marked; the description says which segments are marked and
        which one the keys act on; assistive technology is told when it changes."""
        for code, control in self.controls.items():
            control.setAccessibleName(self.tr("Segment %1").replace("%1", code))
            control.setChecked(code in self._marked)
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
        return liver_geometry.segment_at(((point.x() - dx) / factor, (point.y() - dy) / factor))

    def segment_centre(self, code: str) -> QPointF:
        """Where a segment's label sits, in widget coordinates (what a click should hit)."""
        centre = self._label_point(code)
        return self.to_widget(centre.x(), centre.y())

    def to_widget(self, x: float, y: float) -> QPointF:
        """A point of the map's box in widget coordinates."""
        factor, dx, dy = self._scale()
        return QPointF(x * factor + dx, y * factor + dy)

    def _label_point(self, code: str) -> QPointF:
        x, y = liver_geometry.segments()[code].label
        return QPointF(x, y)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Each segment's control covers the segment's place on the map."""
        super().resizeEvent(event)
        for code, control in self.controls.items():
            box = self._paths[code].boundingRect()
            corners = QRectF(self.to_widget(box.left(), box.top()), self.to_widget(box.right(), box.bottom()))
            control.setGeometry(corners.toAlignedRect().intersected(self.rect()))

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

    def _pressed(self, code: str, checked: bool) -> None:
        """A segment's control was pressed or toggled through assistive technology (the map's own changes set the
        controls to what is marked already, and are not taken for one)."""
        if checked == (code in self._marked):
            return
        if self._read_only:
            self.controls[code].setChecked(code in self._marked)  # nothing changes on a map that is read only
            return
        self.focused = code
        self.toggle(code)

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
        shapes = liver_geometry.segments()
        for code, path in self._paths.items():  # segment I, behind the others, last and dashed as on paper
            painter.setPen(
                QPen(colours["line"], 0.6, Qt.PenStyle.DashLine if shapes[code].behind else Qt.PenStyle.SolidLine)
            )
            painter.setBrush(colours["marked"] if code in self._marked else colours["fill"])
            painter.drawPath(path)
        for code in self._paths:
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
