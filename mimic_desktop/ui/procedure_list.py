"""The procedures on this laptop, today's first, with their status and a search by study ID."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..domain.clock import from_iso, local_text
from ..domain.derive import Status
from ..domain.roles import Action
from .context import AppContext
from .icons import icon


def _today_first(rows) -> list:
    today = datetime.now().astimezone().date()
    return sorted(
        rows,
        key=lambda row: (from_iso(row["created_utc"]).astimezone().date() == today, row["modified_utc"]),
        reverse=True,
    )


class ProcedureList(QWidget):
    open_requested = Signal(str)  # procedure id
    new_requested = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.setObjectName("procedureList")
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setPlaceholderText(self.tr("Search by study ID, e.g. MIM-03-017"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.refresh)
        bar.addWidget(self.search, 1)
        self.new_button = QPushButton(icon("mdi6.plus-circle-outline"), self.tr("New procedure"))
        self.new_button.setObjectName("newProcedure")
        self.new_button.clicked.connect(self.new_requested)
        bar.addWidget(self.new_button)
        self.open_button = QPushButton(icon("mdi6.folder-open-outline"), self.tr("Open"))
        self.open_button.setObjectName("openProcedure")
        self.open_button.clicked.connect(self._open_selected)
        bar.addWidget(self.open_button)
        layout.addLayout(bar)
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("procedureTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Study ID"), self.tr("Status"), self.tr("Centre"), self.tr("Created")]
        )
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.cellDoubleClicked.connect(lambda row, _column: self._open_row(row))
        layout.addWidget(self.table, 1)
        self.refresh()

    def refresh(self) -> None:
        user = self.context.user
        self.new_button.setEnabled(bool(user and user.may(Action.EDIT)))
        rows = _today_first(self.context.procedures().list(self.search.text()))
        self.table.setRowCount(len(rows))
        for index, row in enumerate(rows):
            study = row["study_id"] + (self.tr(" (demo)") if row["demo"] else "")
            cells = (
                study,
                Status(row["status"]).text(self.context.lang),
                row["centre"],
                local_text(row["created_utc"]),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, row["id"])
                self.table.setItem(index, column, item)
        if rows:
            self.table.selectRow(0)

    def _open_row(self, row: int) -> None:
        item = self.table.item(row, 0)
        if item is not None:
            self.open_requested.emit(item.data(Qt.ItemDataRole.UserRole))

    def _open_selected(self) -> None:
        self._open_row(self.table.currentRow())
