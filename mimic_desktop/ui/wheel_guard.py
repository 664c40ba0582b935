"""No value changes by a passing scroll: a wheel or touchpad scroll over a drop-down, a number or date box
or a slider scrolls the page it is on, on every screen of the app.

Qt lets the wheel step such a box through its values, and gives it the focus on the way (WheelFocus): a
coordinator scrolling the live screen's column changed a lesion's source, and the change was saved under
their name. One filter on the application covers every window and dialog, present and future.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QScrollBar,
    QWidget,
)

_PROPERTY = "mimicWheelGuard"  # the application holds one guard, however often it is installed


def _changes_value_by_wheel(widget: QWidget) -> bool:
    """A widget whose value the wheel would step: drop-downs, spin, date and time boxes, sliders."""
    if isinstance(widget, QScrollBar):
        return False
    return isinstance(widget, (QComboBox, QAbstractSpinBox, QAbstractSlider))


def guarded_owner(widget: QWidget | None) -> QWidget | None:
    """The value-holding widget the wheel would act on: widget itself or the box it is part of (the line of a
    spin box, the line of an editable drop-down); None for anything else, and for an open drop-down's list,
    which is a window of its own and scrolls through its entries as usual."""
    while widget is not None:
        if _changes_value_by_wheel(widget):
            return widget
        if widget.isWindow():
            return None
        widget = widget.parentWidget()
    return None


def _page_under(widget: QWidget, vertical: bool) -> QAbstractScrollArea | None:
    """The nearest scroll area around widget that can scroll that way (the nearest at all when none can)."""
    nearest = None
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea):
            bar = parent.verticalScrollBar() if vertical else parent.horizontalScrollBar()
            if bar.maximum() > bar.minimum():
                return parent
            nearest = nearest or parent
        if parent.isWindow():
            break
        parent = parent.parentWidget()
    return nearest


def scroll_page(owner: QWidget, wheel: QWheelEvent) -> None:
    """Hand the wheel to the page the box is on, as if the box were not there."""
    vertical = abs(wheel.angleDelta().y()) >= abs(wheel.angleDelta().x())
    page = _page_under(owner, vertical)
    if page is None:
        return
    viewport = page.viewport()
    centre = QPointF(viewport.rect().center())
    moved = QWheelEvent(
        centre,
        QPointF(viewport.mapToGlobal(centre.toPoint())),
        wheel.pixelDelta(),
        wheel.angleDelta(),
        wheel.buttons(),
        wheel.modifiers(),
        wheel.phase(),
        wheel.inverted(),
    )
    QApplication.sendEvent(viewport, moved)


class WheelGuard(QObject):
    """Installed once on the QApplication; sees every widget's events before the widget does."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Polish and isinstance(watched, QWidget) and _changes_value_by_wheel(watched):
            # Only a click or Tab gives such a box the keyboard, never a scroll passing over it.
            if watched.focusPolicy() == Qt.FocusPolicy.WheelFocus:
                watched.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            return False
        if not isinstance(event, QWheelEvent) or not isinstance(watched, QWidget):
            return False
        owner = guarded_owner(watched)
        if owner is None:
            return False
        scroll_page(owner, event)
        event.accept()  # handled here: Qt does not pass it on to the parents a second time
        return True


def install(app: QApplication) -> None:
    """Guard every widget of the application (once; a second call does nothing)."""
    if app.property(_PROPERTY):
        return
    guard = WheelGuard(app)
    app.installEventFilter(guard)
    app.setProperty(_PROPERTY, True)
