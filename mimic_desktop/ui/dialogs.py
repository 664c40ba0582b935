"""Messages in plain words: errors, the crash report, and the prompts for a reason or a note."""

from __future__ import annotations

import platform
import sys
import traceback
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from .. import __version__
from ..domain.clock import local_text, parse_typed
from ..domain.errors import MimicError
from ..domain.private_files import make_private, private_folder
from ..domain.values import TEXT_NAMES
from ..domain.wording import Sayable, Text
from ..services import paths
from .i18n import said
from .identifier_check import IdentifierNote, ask_keep_reason


def show_error(parent: QWidget | None, error: BaseException | Text | str) -> None:
    """A MimicError's own message (or a message), in the interface's language; anything else is a bug and goes to
    the crash dialog."""
    if isinstance(error, MimicError | Text | str):
        _message_box(parent, "errorDialog", QMessageBox.Icon.Warning, said(error)).exec()
    else:
        show_crash(error)


def _message_box(parent: QWidget | None, name: str, icon: QMessageBox.Icon, text: str) -> QMessageBox:
    box = QMessageBox(icon, QApplication.translate("Dialogs", "MIMIC Desktop"), text)
    box.setParent(parent, box.windowFlags())
    box.setObjectName(name)
    return box


def ask_yes_no(parent: QWidget | None, name: str, text: str) -> bool:
    """A question answered Yes or No; No is the default, so a stray Enter changes nothing."""
    box = _message_box(parent, name, QMessageBox.Icon.Question, text)
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    # Qt's own button texts are not translated in this app: the question's words must match its buttons.
    box.button(QMessageBox.StandardButton.Yes).setText(QApplication.translate("Dialogs", "Yes"))
    box.button(QMessageBox.StandardButton.No).setText(QApplication.translate("Dialogs", "No"))
    return box.exec() == QMessageBox.StandardButton.Yes


def ask_discard(parent: QWidget | None, unsaved: list[str]) -> bool:
    """Name what could not be saved; True only when the user chooses to discard it (going back is the default)."""
    text = QApplication.translate("Dialogs", "These typed values or actions could not be saved:")
    text += "\n\n" + "\n".join(f"• {line}" for line in unsaved) + "\n\n"
    text += QApplication.translate(
        "Dialogs", "Go back to correct them, or discard them? Discarded values are not stored anywhere."
    )
    box = _message_box(parent, "unsavedValues", QMessageBox.Icon.Warning, text)
    back = box.addButton(QApplication.translate("Dialogs", "Go back"), QMessageBox.ButtonRole.RejectRole)
    discard = box.addButton(QApplication.translate("Dialogs", "Discard them"), QMessageBox.ButtonRole.DestructiveRole)
    back.setObjectName("goBack")
    discard.setObjectName("discardUnsaved")
    box.setDefaultButton(back)
    box.setEscapeButton(back)
    box.exec()
    return box.clickedButton() is discard


def inform(parent: QWidget | None, name: str, text: str) -> None:
    _message_box(parent, name, QMessageBox.Icon.Information, text).exec()


@dataclass(frozen=True)
class Typed:
    """A text typed into a prompt, and why it is kept as typed if it looks like an identifier (None: it does not)."""

    text: str
    kept: str | None = None


class TextPrompt(QDialog):
    """Asks for one line of text that may not be empty (a reason, a note).

    A free text of a record (what names it: Reason, Note; None for a text that is not part of one): while it
    looks like it holds an identifier, a warning stands under it, and OK asks whether to rewrite it or keep it with a
    reason (kept_reason).
    """

    def __init__(
        self, title: str, prompt: str, parent: QWidget | None = None, what: Sayable | None = TEXT_NAMES["reason"]
    ):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setObjectName("textPrompt")
        layout = QVBoxLayout(self)
        label = QLabel(prompt)
        label.setWordWrap(True)
        # With a lower width of its own the wrapped prompt gets the height it needs; a long one is cut off otherwise.
        label.setMinimumWidth(480)
        layout.addWidget(label)
        self.text = QLineEdit()
        self.text.setObjectName("promptText")
        layout.addWidget(self.text)
        self.identifier_note = IdentifierNote(what) if what is not None else None
        if self.identifier_note is not None:
            self.text.textChanged.connect(self.identifier_note.check)
            layout.addWidget(self.identifier_note)
        self.kept_reason: str | None = None
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        self.text.textChanged.connect(
            lambda text: self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(text.strip()))
        )
        layout.addWidget(self.buttons)

    def accept(self) -> None:
        """Text that looks like an identifier is rewritten (the prompt stays) or kept with a reason."""
        self.kept_reason = None
        if self.identifier_note is not None and self.identifier_note.check(self.text.text()):
            self.kept_reason = ask_keep_reason(self, self.identifier_note.text())
            if self.kept_reason is None:
                self.text.setFocus()
                return
        super().accept()


def ask_typed(parent: QWidget | None, title: str, prompt: str, what: Sayable = TEXT_NAMES["reason"]) -> Typed | None:
    """The text typed, with the reason it is kept if it looks like an identifier; None when cancelled."""
    dialog = TextPrompt(title, prompt, parent, what)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    typed = Typed(dialog.text.text().strip(), dialog.kept_reason)
    dialog.deleteLater()
    return typed if accepted else None


def ask_text(parent: QWidget | None, title: str, prompt: str) -> str | None:
    typed = ask_typed(parent, title, prompt)
    return None if typed is None else typed.text


SHIFTS = (-5, -1, 1, 5)  # minutes, offered as buttons in a time correction
SHIFT_KEYS = {Qt.Key.Key_Up: 1, Qt.Key.Key_Down: -1, Qt.Key.Key_PageUp: 5, Qt.Key.Key_PageDown: -5}


class CorrectTimeDialog(QDialog):
    """A new time for a wrong event, and the reason; the old event stays, struck through.

    The time is typed as shown (date and time to the second, or only the time on the same day) and
    taken exactly as typed: a date-time box would keep parts of the old time when the whole is typed over.
    """

    def __init__(self, event_text: str, moment: datetime, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Correct the time"))
        self.setObjectName("correctTime")
        self.original = moment.astimezone()
        layout = QFormLayout(self)
        layout.addRow(QLabel(event_text))
        self.when = QLineEdit(local_text(moment, seconds=True))
        self.when.setObjectName("correctedTime")
        self.when.setPlaceholderText("YYYY-MM-DD HH:MM:SS")
        self.when.installEventFilter(self)
        layout.addRow(self.tr("Correct time"), self.when)
        # Quick shifts rather than retyping a whole date and time; in the time line, Up and Down shift by a
        # minute and Page Up and Page Down by five.
        shifts = QHBoxLayout()
        self.shift_buttons: dict[int, QPushButton] = {}
        for minutes in SHIFTS:
            text = self.tr("%1 min earlier") if minutes < 0 else self.tr("%1 min later")
            button = QPushButton(text.replace("%1", str(abs(minutes))))
            button.setObjectName(f"shift{minutes:+d}")
            button.setAutoDefault(False)  # Enter keeps meaning OK
            button.clicked.connect(lambda _checked=False, minutes=minutes: self.shift(minutes))
            shifts.addWidget(button)
            self.shift_buttons[minutes] = button
        layout.addRow(shifts)
        self.reason = QLineEdit()
        self.reason.setObjectName("promptText")
        layout.addRow(self.tr("Reason"), self.reason)
        self.identifier_note = IdentifierNote(TEXT_NAMES["reason"])
        self.reason.textChanged.connect(self.identifier_note.check)
        layout.addRow(self.identifier_note)
        self.kept_reason: str | None = None
        self.problem = QLabel()
        self.problem.setObjectName("correctionProblem")
        self.problem.setWordWrap(True)
        layout.addRow(self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.when.textChanged.connect(self._check)
        self.reason.textChanged.connect(self._check)
        layout.addRow(buttons)
        self._check()

    def _check(self) -> None:
        """OK only with a readable time other than the recorded one, and a reason; else say what is missing."""
        moment = self.moment()
        if moment is None:
            problem = self.tr("Type the time as YYYY-MM-DD HH:MM:SS, or HH:MM:SS on the same day.")
        elif int(moment.timestamp()) == int(self.original.timestamp()):
            problem = self.tr("This is the recorded time: type the time it really happened.")
        else:
            problem = ""
        self.problem.setText(problem)
        self.ok.setEnabled(not problem and bool(self.reason.text().strip()))

    def accept(self) -> None:
        """A reason that looks like an identifier is rewritten (the dialog stays) or kept with a reason."""
        self.kept_reason = None
        if self.identifier_note.check(self.reason.text()):
            self.kept_reason = ask_keep_reason(self, self.identifier_note.text())
            if self.kept_reason is None:
                self.reason.setFocus()
                return
        super().accept()

    def shift(self, minutes: int) -> None:
        """Move the time shown (the recorded one while the line cannot be read) by whole minutes."""
        moment = self.moment() or self.original
        self.when.setText(local_text(moment + timedelta(minutes=minutes), seconds=True))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.when and isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress:
            minutes = SHIFT_KEYS.get(Qt.Key(event.key()))
            if minutes is not None:
                self.shift(minutes)
                return True
        return super().eventFilter(watched, event)

    def moment(self) -> datetime | None:
        """The typed time, to the second as typed; None while it cannot be read."""
        try:
            return parse_typed(self.when.text(), self.original.date())
        except ValueError:
            return None


def crash_report_text(error: BaseException) -> str:
    lines = traceback.format_exception(type(error), error, error.__traceback__)
    formatted = getattr(error, "formatted_traceback", None)  # set by worker.Task for background errors
    return "\n".join(
        [
            f"MIMIC Desktop {__version__}",
            f"Python {sys.version.split()[0]} on {platform.platform()}",
            f"Time {datetime.now().astimezone().isoformat(timespec='seconds')}",
            "",
            formatted or "".join(lines),
        ]
    )


def write_crash_report(error: BaseException, folder: Path | None = None) -> Path:
    """Save the report next to the app's data; it holds no patient data, only the program's state."""
    folder = folder or paths.data_dir() / "crash-reports"
    private_folder(folder)
    target = folder / f"crash-{datetime.now():%Y%m%d-%H%M%S-%f}.txt"
    target.touch(mode=0o600)
    make_private(target)
    target.write_text(crash_report_text(error), encoding="utf-8")
    return target


class CrashDialog(QDialog):
    """An unexpected error: say that what was saved is safe, and offer to save a report."""

    def __init__(self, error: BaseException, parent: QWidget | None = None):
        super().__init__(parent)
        self.error = error
        self.saved_to: Path | None = None
        self.setObjectName("crashDialog")
        self.setWindowTitle(self.tr("Unexpected error"))
        layout = QVBoxLayout(self)
        message = QLabel(
            self.tr(
                "Something went wrong inside MIMIC Desktop. Everything saved before this moment is safe, "
                "and what you were typing is still on the screen. Please save a report for the trial office."
            )
        )
        message.setWordWrap(True)
        layout.addWidget(message)
        details = QPlainTextEdit(crash_report_text(error))
        details.setReadOnly(True)
        layout.addWidget(details)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.save_button = self.buttons.addButton(self.tr("Save report"), QDialogButtonBox.ButtonRole.ActionRole)
        self.save_button.clicked.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.where = QLabel()
        self.where.setWordWrap(True)
        layout.addWidget(self.where)

    def save(self) -> None:
        self.saved_to = write_crash_report(self.error)
        self.where.setText(self.tr("Report saved to %1").replace("%1", str(self.saved_to)))
        self.save_button.setEnabled(False)


def show_crash(error: BaseException) -> None:
    CrashDialog(error, QApplication.activeWindow()).exec()


def excepthook(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
    """Uncaught exceptions in Qt slots land here: show them instead of losing the app."""
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, error, trace)
        return
    if isinstance(error, MimicError):
        show_error(QApplication.activeWindow(), error)
    else:
        show_crash(error.with_traceback(trace))


def install_excepthook() -> None:
    sys.excepthook = excepthook
