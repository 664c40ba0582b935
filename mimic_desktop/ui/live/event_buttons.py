"""One large button per intraoperative event, with its key, all built from forms/events.json."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QSizePolicy, QToolButton, QWidget

from ...domain import forms
from ..icons import icon

COLUMNS = 4  # buttons a row where they fit
FEWEST_COLUMNS = 3  # where four do not: seven rows, which the smallest window still shows whole
ICON_SIZE = 24
ROW_SPACING = 8
LABEL_MARGINS = (6, 2, 8, 2)  # around a button's icon, label and key
BORDER = 2  # the button's border, drawn over the edge of its layout


class EventButtons(QWidget):
    """Emits triggered(kind) when a button is clicked or its key pressed on the live screen.

    Four buttons a row where they fit without breaking a word of their labels, three where they do not;
    each button as tall as its wrapped label needs, never lower than the style's large hit target.
    """

    triggered = Signal(str)

    def __init__(self, lang: str, shortcut_scope: QWidget, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("eventButtons")
        self.buttons: dict[str, QToolButton] = {}
        self.labels: dict[str, tuple[QLabel, QLabel]] = {}  # each button's words and key
        self.shortcuts: dict[str, QShortcut] = {}
        self.grid = QGridLayout(self)
        self.grid.setSpacing(4)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.columns = 0
        self.style_heights: dict[str, int] = {}
        for definition in forms.events().values():
            if not definition.button:
                self._key_only(definition.kind, definition.key, shortcut_scope)
                continue
            button, self.labels[definition.kind] = self._button(definition.text(lang), definition.key, definition.icon)
            button.setObjectName(f"event_{definition.kind}")
            button.clicked.connect(lambda _checked=False, kind=definition.kind: self.triggered.emit(kind))
            shortcut = QShortcut(QKeySequence(definition.key), shortcut_scope)
            # The whole window, wherever the focus went, but only while the live screen is showing (also
            # while the current lesion's details stand in the buttons' place).
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(lambda button=button: shortcut_scope.isVisible() and button.click())
            self.shortcuts[definition.kind] = shortcut
            self.buttons[definition.kind] = button
        self._place(COLUMNS)

    def _key_only(self, kind: str, key: str, shortcut_scope: QWidget) -> None:
        """An event the catalogue gives no button of its own (the grid holds seven rows of three at the smallest
        window): its key records it on the live screen, while the live screen is showing."""
        shortcut = QShortcut(QKeySequence(key), shortcut_scope)
        shortcut.setContext(Qt.ShortcutContext.WindowShortcut)

        def record() -> None:
            if shortcut_scope.isVisible():
                self.triggered.emit(kind)

        shortcut.activated.connect(record)
        self.shortcuts[kind] = shortcut

    @staticmethod
    def _button(text: str, key: str, icon_name: str) -> tuple[QToolButton, tuple[QLabel, QLabel]]:
        """A large button with its icon, its wrapped label and its key (and those two labels); the labels let clicks through."""
        button = QToolButton()
        button.setProperty("role", "event")
        button.setAccessibleName(f"{text} [{key}]")
        button.setToolTip(f"{text} [{key}]")
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys belong to the shortcuts, not to a button
        row = QHBoxLayout(button)
        row.setContentsMargins(*LABEL_MARGINS)
        row.setSpacing(ROW_SPACING)
        picture = QLabel()
        picture.setPixmap(icon(icon_name).pixmap(QSize(ICON_SIZE, ICON_SIZE)))
        words = QLabel(text)
        words.setWordWrap(True)
        words.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        words.setProperty("role", "eventText")
        letter = QLabel(key)
        letter.setProperty("role", "eventKey")
        for part, stretch in ((picture, 0), (words, 1), (letter, 0)):
            part.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            row.addWidget(part, stretch)
        return button, (words, letter)

    def _place(self, columns: int) -> None:
        for index, button in enumerate(self.buttons.values()):
            self.grid.removeWidget(button)
            self.grid.addWidget(button, index // columns, index % columns)
        self.columns = columns

    def _around_words(self, kind: str) -> int:
        """The width a button takes besides its label's words: margins, icon, key."""
        _words, letter = self.labels[kind]
        letter.ensurePolished()
        return LABEL_MARGINS[0] + LABEL_MARGINS[2] + 2 * ROW_SPACING + ICON_SIZE + letter.sizeHint().width()

    def _style_height(self, kind: str) -> int:
        """The least height the style gives a button (its min-height): a hit target stays at least that large."""
        if kind not in self.style_heights:
            button = self.buttons[kind]
            button.ensurePolished()  # the style sets it when it polishes the button, before it is fitted
            self.style_heights[kind] = button.minimumHeight()
        return self.style_heights[kind]

    def least_button_width(self) -> int:
        """The narrowest a button gets without breaking a word of its label."""
        least = 0
        for kind in self.buttons:
            words, _letter = self.labels[kind]
            words.ensurePolished()
            longest = max(words.fontMetrics().horizontalAdvance(word) for word in words.text().split())
            least = max(least, self._around_words(kind) + longest + 1)
        return least

    def minimumSizeHint(self) -> QSize:
        """As narrow as the fewest columns allow; as low as the buttons at the columns they have now."""
        least = self.least_button_width()
        width = FEWEST_COLUMNS * least + (FEWEST_COLUMNS - 1) * self.grid.spacing()
        return QSize(width, super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit(event.size().width())

    def fit(self, width: int) -> None:
        """As many columns as fit, and each button at least as tall as its label wrapped to the width it gets."""
        least, spacing = self.least_button_width(), self.grid.spacing()
        columns = max(FEWEST_COLUMNS, min(COLUMNS, (width + spacing) // (least + spacing)))
        if columns != self.columns:
            self._place(columns)
        button_width = (width - (columns - 1) * spacing) // columns
        room = LABEL_MARGINS[1] + LABEL_MARGINS[3] + 2 * BORDER
        for kind, button in self.buttons.items():
            words, _letter = self.labels[kind]
            button.setMinimumWidth(least)
            needed = words.heightForWidth(button_width - self._around_words(kind)) + room
            button.setMinimumHeight(max(self._style_height(kind), needed))

    def set_available(self, has_lesion: bool, ended: bool, editable: bool) -> None:
        """Lesion steps need a current lesion; after the end of surgery only an event recordable at any time (a
        note) may follow."""
        for kind, definition in forms.events().items():
            allowed = editable and (not ended or definition.any_time)
            if definition.lesion == "required":
                allowed = allowed and has_lesion
            if kind in self.buttons:
                self.buttons[kind].setEnabled(allowed)
            self.shortcuts[kind].setEnabled(allowed)
