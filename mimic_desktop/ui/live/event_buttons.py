"""One large button per intraoperative event, with its key, all built from forms/events.json."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QSizePolicy, QToolButton, QWidget

from ...domain import forms
from ..icons import icon

COLUMNS = 3


class EventButtons(QWidget):
    """Emits triggered(kind) when a button is clicked or its key pressed on the live screen."""

    triggered = Signal(str)

    def __init__(self, lang: str, shortcut_scope: QWidget, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("eventButtons")
        self.buttons: dict[str, QToolButton] = {}
        self.shortcuts: dict[str, QShortcut] = {}
        layout = QGridLayout(self)
        layout.setSpacing(6)
        layout.setContentsMargins(0, 0, 0, 0)
        for index, definition in enumerate(forms.events().values()):
            button = self._button(definition.text(lang), definition.key, definition.icon)
            button.setObjectName(f"event_{definition.kind}")
            button.clicked.connect(lambda _checked=False, kind=definition.kind: self.triggered.emit(kind))
            layout.addWidget(button, index // COLUMNS, index % COLUMNS)
            shortcut = QShortcut(QKeySequence(definition.key), shortcut_scope)
            # The whole window, wherever the focus went, but only while the live screen is showing.
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(lambda button=button: button.isVisible() and button.click())
            self.shortcuts[definition.kind] = shortcut
            self.buttons[definition.kind] = button

    @staticmethod
    def _button(text: str, key: str, icon_name: str) -> QToolButton:
        """A large button with its icon, its wrapped label and its key; the labels let clicks through."""
        button = QToolButton()
        button.setProperty("role", "event")
        button.setAccessibleName(f"{text} [{key}]")
        button.setToolTip(f"{text} [{key}]")
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys belong to the shortcuts, not to a button
        row = QHBoxLayout(button)
        row.setContentsMargins(6, 2, 8, 2)
        row.setSpacing(8)
        picture = QLabel()
        picture.setPixmap(icon(icon_name).pixmap(QSize(24, 24)))
        words = QLabel(text)
        words.setWordWrap(True)
        words.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        words.setProperty("role", "eventText")
        letter = QLabel(key)
        letter.setProperty("role", "eventKey")
        for part, stretch in ((picture, 0), (words, 1), (letter, 0)):
            part.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            row.addWidget(part, stretch)
        return button

    def set_available(self, has_lesion: bool, ended: bool, editable: bool) -> None:
        """Lesion steps need a current lesion; after the end of surgery only a note may follow."""
        for kind, definition in forms.events().items():
            allowed = editable and (not ended or kind == "note")
            if definition.lesion == "required":
                allowed = allowed and has_lesion
            self.buttons[kind].setEnabled(allowed)
            self.shortcuts[kind].setEnabled(allowed)
