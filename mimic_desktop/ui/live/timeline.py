"""Every event with its time; struck events stay visible, struck through, with their reason."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain import forms
from ...domain.record import Event, Procedure
from ..icons import icon


class Timeline(QWidget):
    strike_requested = Signal(int)  # event id
    correct_requested = Signal(int)

    def __init__(self, lang: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.lang = lang
        self.setObjectName("timeline")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.tree = QTreeWidget()
        self.tree.setObjectName("timelineTree")
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setHeaderLabels([self.tr("Time"), self.tr("Event"), self.tr("Lesion"), self.tr("Note or reason")])
        header = self.tree.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.tree.currentItemChanged.connect(self._selection_changed)
        layout.addWidget(self.tree, 1)
        row = QHBoxLayout()
        self.strike_button = QPushButton(icon("mdi6.format-strikethrough"), self.tr("Strike through…"))
        self.strike_button.setObjectName("strikeEvent")
        self.correct_button = QPushButton(icon("mdi6.clock-edit-outline"), self.tr("Correct time…"))
        self.correct_button.setObjectName("correctEvent")
        self.strike_button.clicked.connect(lambda: self._request(self.strike_requested))
        self.correct_button.clicked.connect(lambda: self._request(self.correct_requested))
        row.addWidget(self.strike_button)
        row.addWidget(self.correct_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.editable = True
        self._selection_changed()

    def refresh(self, proc: Procedure, editable: bool) -> None:
        self.editable = editable
        selected = self.selected_event_id()
        numbers = {lesion.id: str(lesion.number) for lesion in proc.lesions}
        removed = self.tr("%1 (removed)")
        numbers |= {lesion.id: removed.replace("%1", str(lesion.number)) for lesion in proc.removed_lesions}
        self.tree.clear()
        catalogue = forms.events()
        for event in sorted(proc.events, key=lambda e: (e.at, e.id)):
            item = QTreeWidgetItem(
                [
                    event.moment.astimezone().strftime("%H:%M:%S"),
                    catalogue[event.kind].text(self.lang),
                    numbers.get(event.lesion_id, ""),
                    self._remark(event),
                ]
            )
            item.setToolTip(3, item.text(3))
            item.setData(0, Qt.ItemDataRole.UserRole, event.id)
            item.setData(0, Qt.ItemDataRole.UserRole + 1, event.struck)
            if event.struck:
                self._strike(item)
            self.tree.addTopLevelItem(item)
            if event.id == selected:
                self.tree.setCurrentItem(item)
        if self.tree.currentItem() is None and self.tree.topLevelItemCount():
            # After the new rows have been laid out, so the newest event is really in view.
            QTimer.singleShot(0, self.tree, self.tree.scrollToBottom)
        self._selection_changed()

    def _remark(self, event: Event) -> str:
        if event.struck:
            return self.tr("Struck through: %1").replace("%1", event.struck_reason or "")
        return event.note or ""

    def _strike(self, item: QTreeWidgetItem) -> None:
        for column in range(item.columnCount()):
            font = item.font(column)
            font.setStrikeOut(column != 3)
            font.setItalic(True)
            item.setFont(column, font)
            item.setForeground(column, QColor("#9e9e9e"))

    def item_for(self, event_id: int) -> QTreeWidgetItem | None:
        for index in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(index)
            if item.data(0, Qt.ItemDataRole.UserRole) == event_id:
                return item
        return None

    def selected_event_id(self) -> int | None:
        item = self.tree.currentItem()
        return None if item is None else item.data(0, Qt.ItemDataRole.UserRole)

    def _selection_changed(self, *_args) -> None:
        item = self.tree.currentItem()
        live = item is not None and not item.data(0, Qt.ItemDataRole.UserRole + 1)
        self.strike_button.setEnabled(self.editable and live)
        self.correct_button.setEnabled(self.editable and live)

    def _request(self, signal) -> None:
        event_id = self.selected_event_id()
        if event_id is not None:
            signal.emit(event_id)
