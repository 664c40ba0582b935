"""The central window's building blocks: read-only tables (it shows what was received and computed, and edits
nothing) and buttons that start an action."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QHeaderView,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from ..icons import icon


class ReadOnlyTable(QTableWidget):
    """Cells can be selected and copied but not edited. With fit_height every row shows without a scroll bar
    of the table's own (for tables on a page that scrolls), however the text wraps at the current width."""

    def __init__(
        self, object_name: str, headers: Sequence[str], fit_height: bool = False, parent: QWidget | None = None
    ):
        super().__init__(0, len(headers), parent)
        self.fit_height = fit_height
        self.setObjectName(object_name)
        self.setHorizontalHeaderLabels(list(headers))
        self.verticalHeader().setVisible(False)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setWordWrap(True)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        # Wrapped text changes the rows' heights with the columns' widths: fit once they have all settled.
        self.refit = QTimer(self)
        self.refit.setSingleShot(True)
        self.refit.timeout.connect(self.fit)
        header.sectionResized.connect(lambda *_: self.refit.start(0))
        if fit_height:
            self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def fill(self, rows: Sequence[Sequence[str]]) -> None:
        self.setRowCount(len(rows))
        for index, row in enumerate(rows):
            for column, text in enumerate(row):
                self.setItem(index, column, QTableWidgetItem(text))
        self.fit()

    def fit(self) -> None:
        self.resizeRowsToContents()
        if self.fit_height:
            header = self.horizontalHeader()
            rows = sum(self.rowHeight(row) for row in range(self.rowCount()))
            self.setFixedHeight(rows + (0 if header.isHidden() else header.sizeHint().height()) + 2 * self.frameWidth())


def action_button(
    row: QBoxLayout, icon_name: str, text: str, object_name: str, action: Callable[[], object]
) -> QPushButton:
    """A button with its icon, added to row, that calls action when clicked."""
    button = QPushButton(icon(icon_name), text)
    button.setObjectName(object_name)
    button.clicked.connect(lambda _checked=False: action())
    row.addWidget(button)
    return button
