"""Widgets driven through pytest-qt: user-action counting, dialog recording, windows on a real store."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication, QComboBox, QWidget


class UserActions:
    """Every click, key press or typed value counts as one action of the person at the keyboard."""

    def __init__(self, qtbot):
        self.qtbot = qtbot
        self.count = 0

    def click(self, widget: QWidget, pos: QPoint | None = None) -> None:
        self.count += 1
        self.qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=pos or widget.rect().center())

    def key(self, widget: QWidget, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
        self.count += 1
        self.qtbot.keyClick(widget, key, modifier)

    def type(self, widget: QWidget, text: str) -> None:
        """Typing one value is one action (then moving on)."""
        self.count += 1
        self.qtbot.keyClicks(widget, text)

    def choose(self, combo: QComboBox, data) -> None:
        """Picking an entry of a drop-down list by its typed first letters counts as one action."""
        index = next(i for i in range(combo.count()) if combo.itemData(i) == data and combo.itemData(i) is not None)
        self.count += 1
        combo.setFocus()
        combo.setCurrentIndex(index)

    def retype(self, edit, text: str) -> None:
        """Select what a line shows and type over it: one action."""
        self.count += 1
        edit.setFocus()
        self.qtbot.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        self.qtbot.keyClicks(edit, text) if text else self.qtbot.keyClick(edit, Qt.Key.Key_Backspace)

    def set_moment(self, edit, moment: datetime) -> None:
        """Type a date and time over the one shown, as the form shows them (local time, to the second)."""
        self.retype(edit, moment.astimezone().strftime("%Y-%m-%d %H:%M:%S"))

    def set_date(self, edit, day: date) -> None:
        self.retype(edit, day.isoformat())

    def answer_dialog(self, find, respond) -> None:
        """Respond to the modal dialog that the next action opens (find() locates it)."""

        def act() -> None:
            dialog = find()
            assert dialog is not None, "the expected dialog did not open"
            respond(dialog)

        QTimer.singleShot(0, act)


@pytest.fixture
def actions(qtbot):
    return UserActions(qtbot)


@pytest.fixture(autouse=True)
def shown_errors(monkeypatch):
    """Error dialogs are recorded instead of blocking; a test that expects one empties the list."""
    from mimic_desktop.ui import dialogs

    shown: list[str] = []
    monkeypatch.setattr(dialogs, "show_error", lambda _parent, error: shown.append(str(error)))

    def crash(error):
        raise AssertionError(f"unexpected error dialog: {error!r}") from error

    monkeypatch.setattr(dialogs, "show_crash", crash)
    yield shown
    assert shown == [], f"unexpected error dialogs: {shown}"


class DiscardQuestions(list):
    """What the window said it could not save, each time it asked; answer: discard them (True) or go back."""

    answer = True


@pytest.fixture(autouse=True)
def discard_asked(monkeypatch):
    """The question 'go back or discard?' is recorded and answered instead of blocking."""
    from mimic_desktop.ui import dialogs

    asked = DiscardQuestions()

    def ask(_parent, unsaved):
        asked.append(unsaved)
        return asked.answer

    monkeypatch.setattr(dialogs, "ask_discard", ask)
    return asked


@pytest.fixture
def ui_app(qapp):
    from mimic_desktop.ui import i18n, themes, wheel_guard

    themes.apply(qapp, "dark")
    wheel_guard.install(qapp)  # as make_application does
    i18n.install(qapp, "en")
    yield qapp
    i18n.install(qapp, "en")


@pytest.fixture
def make_window(ui_app, qtbot):
    """A main window on a store for a signed-in user, shown and active like a real one."""
    from mimic_desktop.ui.context import AppContext
    from mimic_desktop.ui.main_window import MainWindow
    from mimic_desktop.ui.preferences import Preferences

    def make(store, user, lang: str = "en", demo: bool = False):
        window = MainWindow(AppContext(store, user, lang), Preferences(), demo=demo)
        qtbot.addWidget(window)
        window.resize(1366, 768)
        window.show()
        window.activateWindow()
        qtbot.waitExposed(window)
        QApplication.processEvents()
        return window

    return make
