"""Every event with its time; struck events stay visible, struck through, with their reason.

The newest event stays in view unless the user scrolls back to look at earlier ones: then the
view stays where it is, and a bar says so, until the user scrolls back down or asks for the newest.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import datetime

from PySide6.QtCore import Qt, QTimer, Signal, SignalInstance
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain import forms, video_time
from ...domain.record import Event, Procedure
from ..icons import icon

FRAME_ICON = "mdi6.camera-outline"
FRAMED_ROLE = Qt.ItemDataRole.UserRole + 2  # True for an event with a frame kept


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
        self.tree.setAccessibleName(self.tr("Timeline of the logged events"))
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setHeaderLabels([self.tr("Time"), self.tr("Event"), self.tr("Lesion"), self.tr("Note or reason")])
        header = self.tree.header()
        header.setAccessibleName(self.tr("Timeline columns"))
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # The note takes the width that is left and is cut short where there is little (its tooltip holds it
        # whole): time, event and lesion stay whole without a sideways scroll bar taking a row's height.
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.tree.currentItemChanged.connect(self._selection_changed)
        # Only the user's own scrolling (wheel, scroll bar) decides whether the view follows the newest.
        self.tree.verticalScrollBar().actionTriggered.connect(lambda _action: QTimer.singleShot(0, self._scrolled))
        layout.addWidget(self.tree, 1)
        self.following = True
        self.unseen = 0  # events added below the view while looking back
        self.looking_back = QWidget()
        self.looking_back.setObjectName("lookingBack")
        back_row = QHBoxLayout(self.looking_back)
        back_row.setContentsMargins(0, 0, 0, 0)
        self.looking_back_text = QLabel()
        self.looking_back_text.setObjectName("lookingBackText")
        self.looking_back_text.setProperty("role", "derived")
        back_row.addWidget(self.looking_back_text, 1)
        self.newest_button = QPushButton(icon("mdi6.arrow-collapse-down"), self.tr("Show the newest"))
        self.newest_button.setObjectName("showNewest")
        self.newest_button.clicked.connect(self.follow_newest)
        back_row.addWidget(self.newest_button)
        layout.addWidget(self.looking_back)
        self.looking_back.hide()
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

    def refresh(
        self,
        proc: Procedure,
        editable: bool,
        waiting: Sequence[tuple[datetime, str]] = (),
        framed: Collection[int] = (),
    ) -> None:
        """Show the stored events, and after them the actions still waiting for the database; an event with a
        frame kept (its id in framed) has a camera beside its name."""
        self.editable = editable
        selected = self.selected_event_id()
        before = self.tree.topLevelItemCount()
        scrolled_to = self.tree.verticalScrollBar().value()
        numbers = {lesion.id: str(lesion.number) for lesion in proc.lesions}
        removed = self.tr("%1 (removed)")
        numbers |= {lesion.id: removed.replace("%1", str(lesion.number)) for lesion in proc.removed_lesions}
        self.tree.clear()
        catalogue = forms.events()
        positions = video_time.positions(proc)
        header = self.tr("Time · video") if positions else self.tr("Time")
        if self.tree.headerItem().text(0) != header:
            self.tree.headerItem().setText(0, header)
        for event in sorted(proc.events, key=lambda e: (e.at, e.id)):
            at = event.moment.astimezone().strftime("%H:%M:%S")
            item = QTreeWidgetItem(
                [
                    f"{at} · {video_time.shown(positions[event.id])}" if event.id in positions else at,
                    catalogue[event.kind].text(self.lang),
                    ", ".join(numbers.get(named, "") for named in event.lesion_ids),
                    self._remark(event),
                ]
            )
            item.setToolTip(3, item.text(3))
            if event.id in positions:
                where = self.tr("%1 in the video recording").replace("%1", video_time.shown(positions[event.id]))
                item.setToolTip(0, where)
            item.setData(0, Qt.ItemDataRole.UserRole, event.id)
            item.setData(0, Qt.ItemDataRole.UserRole + 1, event.struck)
            if event.id in framed:
                item.setIcon(1, icon(FRAME_ICON))
                item.setToolTip(1, self.tr("A frame of the video is kept with this event."))
                item.setData(1, Qt.ItemDataRole.AccessibleDescriptionRole, self.tr("frame kept"))
            item.setData(0, FRAMED_ROLE, event.id in framed)
            if event.struck:
                self._strike(item)
            self.tree.addTopLevelItem(item)
            if event.id == selected:
                self.tree.setCurrentItem(item)
        for moment, what in waiting:
            item = QTreeWidgetItem(
                [
                    moment.astimezone().strftime("%H:%M:%S"),
                    what,
                    "",
                    self.tr("Not saved yet: database in use, retrying"),
                ]
            )
            for column in range(item.columnCount()):
                font = item.font(column)
                font.setItalic(True)
                item.setFont(column, font)
            self.tree.addTopLevelItem(item)
        if not self.following:
            self.unseen += max(self.tree.topLevelItemCount() - before, 0)
        self._show_following()
        # Once the new rows have been laid out: the newest in view, or the view where the user left it.
        QTimer.singleShot(0, self.tree, lambda: self._place_view(scrolled_to))
        self._selection_changed()

    def _place_view(self, scrolled_to: int) -> None:
        if self.following:
            self.tree.scrollToBottom()
        else:
            self.tree.verticalScrollBar().setValue(scrolled_to)

    def _scrolled(self) -> None:
        """The user scrolled: up to look back at earlier events, or down to the newest again."""
        bar = self.tree.verticalScrollBar()
        self.following = bar.value() >= bar.maximum()
        if self.following:
            self.unseen = 0
        self._show_following()

    def follow_newest(self) -> None:
        """Back to the newest event, and follow the new ones again."""
        self.following, self.unseen = True, 0
        self.tree.scrollToBottom()
        self._show_following()

    def _show_following(self) -> None:
        self.looking_back.setVisible(not self.following)
        text = self.tr("Looking back: new events are not scrolled into view.")
        if self.unseen:
            text += " " + self.tr("%1 new below.").replace("%1", str(self.unseen))
        self.looking_back_text.setText(text)

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
            if item is not None and item.data(0, Qt.ItemDataRole.UserRole) == event_id:
                return item
        return None

    def selected_event_id(self) -> int | None:
        item = self.tree.currentItem()
        return None if item is None else item.data(0, Qt.ItemDataRole.UserRole)

    def _selection_changed(self, *_args: object) -> None:
        item = self.tree.currentItem()
        stored = item is not None and item.data(0, Qt.ItemDataRole.UserRole) is not None
        live = item is not None and stored and not item.data(0, Qt.ItemDataRole.UserRole + 1)
        self.strike_button.setEnabled(self.editable and live)
        self.correct_button.setEnabled(self.editable and live)

    def _request(self, signal: SignalInstance) -> None:
        event_id = self.selected_event_id()
        if event_id is not None:
            self.follow_newest()  # done looking back: the next event is in view again
            signal.emit(event_id)
