"""The live screen's "More" menu: the events without a button of their own, each with its key, and the lesions
taken out together with the current one (one transection and one specimen holding several lesions)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import QMenu, QToolButton, QWidget

from ...domain import forms
from ...domain.event_catalogue import MENU_KEY
from ...domain.record import Lesion
from ..icons import icon

MORE_KEY = MENU_KEY  # opens the menu from the keyboard
TOGETHER_KEY = "Ctrl+{number}"  # lesion number taken out together with the current one, or no longer


class EventMenu(QMenu):
    """The menu of More: an event's key pressed while it is open records that event (every event's, not only the
    menu's own: the menu must not swallow a finding typed by habit); Ctrl+digit ticks a lesion as the live screen
    does. QMenu would take a letter as a mnemonic and drop it."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        text = event.text().upper()
        if modifiers == Qt.KeyboardModifier.ControlModifier and text.isascii() and text.isdigit():
            together = self.findChild(QAction, f"together_{text}")
            if together is not None:
                self.hide()
                together.trigger()
                return
        if modifiers in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier) and text:
            kind = next((d.kind for d in forms.events().values() if d.key.upper() == text), None)
            if kind is not None:
                self.hide()
                button = self.parent()
                if isinstance(button, MoreEvents):
                    button.triggered.emit(kind)
                return
        super().keyPressEvent(event)


class MoreEvents(QToolButton):
    """Emits triggered(kind) for an event chosen in the menu and together_toggled(lesion_id) for a lesion ticked
    or unticked as taken out together with the current one. lesions() gives the record's lesions and the ids
    of those together with the current one as the menu opens."""

    triggered = Signal(str)
    together_toggled = Signal(str)

    def __init__(
        self, lang: str, lesions: Callable[[], tuple[list[Lesion], str | None, set[str]]], parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.setObjectName("moreEvents")
        self.lang = lang
        self.lesions = lesions
        self.setIcon(icon("mdi6.dots-horizontal"))
        self.setText(self.tr("More") + f" [{MORE_KEY}]")
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.setAccessibleName(self.tr("More events, and lesions taken out together"))
        self.setToolTip(
            self.tr("The events recorded by their key alone, and the lesions taken out in one specimen")
            + f" [{MORE_KEY}]"
        )
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the event keys stay with the live screen
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.menu_ = EventMenu(self)
        self.menu_.setObjectName("moreEventsMenu")
        self.setMenu(self.menu_)
        self.menu_.aboutToShow.connect(self.fill)
        self.fill()

    def fill(self) -> None:
        """The menu as it stands: every event without a button (its key after a tab, as Qt shows a shortcut),
        then a line per other lesion, ticked when it is taken out together with the current one."""
        self.menu_.clear()
        for definition in forms.events().values():
            if definition.button:
                continue
            action = QAction(icon(definition.icon), f"{definition.text(self.lang)}\t{definition.key}", self.menu_)
            action.setObjectName(f"more_{definition.kind}")
            action.triggered.connect(lambda _checked=False, kind=definition.kind: self.triggered.emit(kind))
            self.menu_.addAction(action)
        lesions, current, together = self.lesions()
        others = [lesion for lesion in lesions if lesion.id != current]
        if current is None or not others:
            return
        number = next(lesion.number for lesion in lesions if lesion.id == current)
        self.menu_.addSection(
            self.tr("Taken out in one specimen with lesion {number}").replace("{number}", str(number))
        )
        for lesion in others:
            words = self.tr("Lesion {number}").replace("{number}", str(lesion.number))
            action = QAction(f"{words}\t{TOGETHER_KEY.format(number=lesion.number)}", self.menu_)
            action.setObjectName(f"together_{lesion.number}")
            action.setCheckable(True)
            action.setChecked(lesion.id in together)
            action.triggered.connect(lambda _checked=False, lesion_id=lesion.id: self.together_toggled.emit(lesion_id))
            self.menu_.addAction(action)
