"""Why an event is struck through: a reason picked from a short list by its number or the arrow keys, or typed."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from ..dialogs import TextPrompt, Typed

DIGIT_KEYS = {Qt.Key.Key_1: 0, Qt.Key.Key_2: 1, Qt.Key.Key_3: 2, Qt.Key.Key_4: 3}


class StrikeDialog(TextPrompt):
    """The common reasons first, each with its number; the line below holds the reason that is kept, picked
    or typed. Backspace on the live screen, then 1 and Enter, strikes the last event with no mouse."""

    def __init__(self, title: str, prompt: str, parent: QWidget | None = None):
        super().__init__(title, prompt, parent)
        self.setObjectName("strikeDialog")
        self.reasons = QListWidget()
        self.reasons.setObjectName("strikeReasons")
        reasons = (
            self.tr("Pressed by mistake"),
            self.tr("Wrong event: another one happened"),
            self.tr("Wrong lesion"),
            self.tr("Recorded twice"),
        )
        for number, reason in enumerate(reasons, start=1):
            item = QListWidgetItem(f"{number}  {reason}")
            item.setData(Qt.ItemDataRole.UserRole, reason)
            self.reasons.addItem(item)
        self.reasons.setMaximumHeight(self.reasons.sizeHintForRow(0) * (len(reasons) + 1))
        # Picked when selected: the list makes its first row current when it gets the keyboard, picking nothing.
        self.reasons.itemSelectionChanged.connect(self._picked)
        self.reasons.installEventFilter(self)
        column = self.layout()
        assert isinstance(column, QVBoxLayout), "a text prompt is one column"
        column.insertWidget(1, self.reasons)  # under the prompt, above the line
        self.text.setPlaceholderText(self.tr("Or type the reason"))
        QWidget.setTabOrder(self.reasons, self.text)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.reasons.setFocus()  # the keys pick a reason first; Tab goes on to type one

    def _picked(self) -> None:
        for item in self.reasons.selectedItems():
            self.text.setText(item.data(Qt.ItemDataRole.UserRole))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """A reason's number picks it."""
        if watched is self.reasons and isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress:
            row = DIGIT_KEYS.get(Qt.Key(event.key()))
            if row is not None:
                if row < self.reasons.count():
                    self.reasons.setCurrentRow(row)
                return True
        return super().eventFilter(watched, event)


def ask_strike_reason(parent: QWidget, title: str, prompt: str) -> Typed | None:
    """The reason picked or typed (with why it is kept, if it looks like an identifier); None when cancelled."""
    dialog = StrikeDialog(title, prompt, parent)
    accepted = dialog.exec() == StrikeDialog.DialogCode.Accepted
    reason = Typed(dialog.text.text().strip(), dialog.kept_reason)
    dialog.deleteLater()
    return reason if accepted and reason.text else None
