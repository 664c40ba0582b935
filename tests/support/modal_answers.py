"""Answering the modal dialogs that code under test opens, as a person would, and keeping what they said."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

Response = Callable[[QWidget], None]


def press(button: QMessageBox.StandardButton) -> Response:
    """Click this standard button of a message box."""
    return lambda box: box.button(button).click()


def sign_in_with(password: str) -> Response:
    """Type the password into the sign-in dialog (its account is already chosen) and sign in."""

    def sign_in(dialog: QWidget) -> None:
        dialog.password.setText(password)
        dialog.accept()

    return sign_in


class ModalAnswers:
    """Watches for modal dialogs and answers each by its object name; seen holds (name, text) in order.

    A dialog with no answer given is closed unanswered and recorded, so that the test sees it.
    """

    def __init__(self, responses: dict[str, Response]):
        self.responses = responses
        self.seen: list[tuple[str, str]] = []
        self._answered: list[QWidget] = []
        self._timer = QTimer()
        self._timer.setInterval(10)
        self._timer.timeout.connect(self._look)
        self._timer.start()

    def _look(self) -> None:
        widget = QApplication.activeModalWidget()
        if widget is None or any(widget is done for done in self._answered):
            return
        self._answered.append(widget)
        name = widget.objectName()
        self.seen.append((name, widget.text() if isinstance(widget, QMessageBox) else ""))
        self.responses.get(name, lambda dialog: dialog.reject())(widget)

    def text(self, name: str) -> str:
        return next(text for seen, text in self.seen if seen == name)

    def names(self) -> list[str]:
        return [name for name, _ in self.seen]

    def stop(self) -> None:
        self._timer.stop()

    def __enter__(self) -> ModalAnswers:
        return self

    def __exit__(self, *_exc) -> None:
        self.stop()
