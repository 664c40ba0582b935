"""The lesions' cards and the current lesion's map and fields, shown in the event buttons' place while the
user asks for them."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from ..icons import icon
from .column_scroll import ColumnScroll
from .lesion_cards import LesionCards
from .lesion_panel import LesionPanel


class LesionPage(QWidget):
    """The lesion cards over the lesion panel, with a way back to the event buttons; emits back_requested()."""

    back_requested = Signal()

    def __init__(self, panel: LesionPanel, cards: LesionCards, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("lesionPage")
        self.cards = cards
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(cards)
        row = QHBoxLayout()
        # The panel's title ("Current lesion: 2") shares its line with the way back: the map and the fields
        # get all the height below.
        row.addWidget(panel.title, 1)
        self.back_button = QPushButton(icon("mdi6.view-grid-outline"), self.tr("Back to the event buttons"))
        self.back_button.setObjectName("backToEvents")
        self.back_button.setAccessibleName(self.tr("Back to the event buttons"))
        self.back_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the event keys stay with the live screen
        self.back_button.clicked.connect(self.back_requested)
        row.addWidget(self.back_button)
        layout.addLayout(row)
        layout.addWidget(ColumnScroll(panel, "lesionPanelScroll"), 1)
