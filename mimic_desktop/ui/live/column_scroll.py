"""A live screen column that scrolls up and down when the window is too low for it, never sideways."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget


class ColumnScroll(QScrollArea):
    """Holds a column at the viewport's width and at least its height; as narrow as the column can be."""

    def __init__(self, column: QWidget, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.column = column
        self.setObjectName(name)
        # Not widget-resizable: that would size a column with wrapped text to its preferred height, and
        # scroll where everything fits at its least.
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the event keys stay with the live screen
        self.setWidget(column)
        column.installEventFilter(self)

    def minimumSizeHint(self) -> QSize:
        # With no sideways scrolling, a scroll area narrower than its column would cut the column off.
        width = self.column.minimumSizeHint().width() + self.verticalScrollBar().sizeHint().width()
        return QSize(width, super().minimumSizeHint().height())

    def fit(self) -> None:
        """The column as wide as the view, as high as the view or as its least height when that is more."""
        least = self.column.minimumSizeHint().height()
        self.column.resize(self.viewport().width(), max(self.viewport().height(), least))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.column and event.type() == QEvent.Type.LayoutRequest:
            self.fit()  # the column's least height may have changed (a lesion panel stacked, a label wrapped)
        return super().eventFilter(watched, event)

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return super().viewportEvent(event)
