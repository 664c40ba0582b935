"""A kept frame on screen, with a target and a background rectangle drawn on it by mouse and adjusted by keys.

The rectangles are held in the frame's own pixels (what is measured and stored), whatever size the frame is
shown at; the mouse's positions are mapped back to pixels and clamped to the frame.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

REGIONS = ("target", "background")
# Colours that stay apart on a grey near-infrared frame and on a green overlay, in a dimmed room.
_COLOURS = {"target": QColor("#ffb000"), "background": QColor("#33c3ff")}
_STEP, _BIG_STEP = 1, 10


def rect_text(rect: QRect) -> str:
    """A rectangle as the command line and the store write it: X,Y,W,H in pixels."""
    return f"{rect.x()},{rect.y()},{rect.width()},{rect.height()}"


def parse_rect_text(text: str) -> QRect | None:
    """A stored X,Y,W,H back as a rectangle (None for anything else)."""
    parts = text.split(",")
    if len(parts) != 4 or not all(part.strip().isdigit() for part in parts):
        return None
    x, y, w, h = (int(part) for part in parts)
    return QRect(x, y, w, h)


class FrameCanvas(QWidget):
    """Emits regions_changed() whenever a rectangle is drawn, moved or resized."""

    regions_changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("frameCanvas")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(320, 200)
        self.image = QImage()
        self.regions: dict[str, QRect | None] = dict.fromkeys(REGIONS)
        self.active = "target"
        self._anchor: QPoint | None = None

    def sizeHint(self) -> QSize:
        return QSize(560, 340)

    # -- what is shown -----------------------------------------------------------------------
    def set_image(self, image: QImage) -> None:
        self.image = image
        self.regions = dict.fromkeys(REGIONS)
        self.update()

    def set_region(self, name: str, rect: QRect | None) -> None:
        inside = None if rect is None else rect.intersected(self.image.rect())
        self.regions[name] = inside if inside is not None and not inside.isEmpty() else None
        self.update()
        self.regions_changed.emit()

    def set_active(self, name: str) -> None:
        self.active = name
        self.update()

    def _shown(self) -> QRectF:
        """Where the frame is drawn: as large as fits, its proportions kept, centred."""
        if self.image.isNull():
            return QRectF()
        size = _fitted(self.image.size(), self.size())
        return QRectF((self.width() - size[0]) / 2, (self.height() - size[1]) / 2, size[0], size[1])

    def _to_pixel(self, point: QPointF) -> QPoint:
        shown = self._shown()
        x = (point.x() - shown.x()) * self.image.width() / shown.width()
        y = (point.y() - shown.y()) * self.image.height() / shown.height()
        return QPoint(
            min(max(int(x), 0), self.image.width()),
            min(max(int(y), 0), self.image.height()),
        )

    def _to_screen(self, rect: QRect) -> QRectF:
        shown = self._shown()
        scale_x, scale_y = shown.width() / self.image.width(), shown.height() / self.image.height()
        return QRectF(
            shown.x() + rect.x() * scale_x,
            shown.y() + rect.y() * scale_y,
            rect.width() * scale_x,
            rect.height() * scale_y,
        )

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("black"))
        if self.image.isNull():
            return
        painter.drawImage(self._shown(), self.image)
        for name in REGIONS:
            rect = self.regions[name]
            if rect is None:
                continue
            pen = QPen(_COLOURS[name], 3 if name == self.active else 2)
            if name == "background":
                pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.drawRect(self._to_screen(rect))
        if self.hasFocus():
            painter.setPen(QPen(self.palette().highlight().color(), 2))
            painter.drawRect(self.rect().adjusted(1, 1, -1, -1))

    # -- drawing by mouse ----------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if self.image.isNull() or event.button() != Qt.MouseButton.LeftButton:
            return
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        self._anchor = self._to_pixel(event.position())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._anchor is not None:
            self._drawn_to(event.position())

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._anchor is not None:
            self._drawn_to(event.position())
            self._anchor = None

    def _drawn_to(self, position: QPointF) -> None:
        assert self._anchor is not None
        corner = self._to_pixel(position)
        left, right = sorted((self._anchor.x(), corner.x()))
        top, bottom = sorted((self._anchor.y(), corner.y()))
        # A click without a drag draws nothing and keeps what was drawn: a click that gives the frame the keyboard
        # must not erase a region (a stored one shown for checking, least of all).
        rect = QRect(left, top, right - left, bottom - top)
        if rect.width() > 0 and rect.height() > 0:
            self.set_region(self.active, rect)

    # -- adjusting by keys ---------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Arrows move the chosen rectangle, Shift+arrows resize it, Ctrl makes the step ten pixels; T and B
        choose the target or the background; a rectangle not drawn yet starts in the frame's centre."""
        key, modifiers = Qt.Key(event.key()), event.modifiers()
        if key in (Qt.Key.Key_T, Qt.Key.Key_B):
            self.set_active("target" if key == Qt.Key.Key_T else "background")
            self.regions_changed.emit()
            return
        moves = {
            Qt.Key.Key_Left: (-1, 0),
            Qt.Key.Key_Right: (1, 0),
            Qt.Key.Key_Up: (0, -1),
            Qt.Key.Key_Down: (0, 1),
        }
        if key not in moves or self.image.isNull():
            super().keyPressEvent(event)
            return
        step = _BIG_STEP if modifiers & Qt.KeyboardModifier.ControlModifier else _STEP
        dx, dy = moves[key][0] * step, moves[key][1] * step
        rect = self.regions[self.active]
        if rect is None:
            side = max(min(self.image.width(), self.image.height()) // 8, 1)
            rect = QRect(self.image.width() // 2 - side // 2, self.image.height() // 2 - side // 2, side, side)
        elif modifiers & Qt.KeyboardModifier.ShiftModifier:
            rect = QRect(rect.x(), rect.y(), max(rect.width() + dx, 1), max(rect.height() + dy, 1))
        else:
            x = min(max(rect.x() + dx, 0), self.image.width() - rect.width())
            y = min(max(rect.y() + dy, 0), self.image.height() - rect.height())
            rect = QRect(x, y, rect.width(), rect.height())
        self.set_region(self.active, rect)


def _fitted(image: QSize, room: QSize) -> tuple[float, float]:
    """The frame's size scaled to fit the room, its proportions kept."""
    scale = min(room.width() / image.width(), room.height() / image.height())
    return image.width() * scale, image.height() * scale
