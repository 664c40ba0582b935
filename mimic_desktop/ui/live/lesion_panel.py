"""The current lesion: its segments on the Couinaud map and the other lesion fields of the CRF."""

from __future__ import annotations

from typing import Any, cast

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QComboBox, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from ...domain import forms
from ...domain.record import Lesion
from ...services.typed_values import TypedValues
from ..form_changes import FormChanges
from ..form_widget import FormWidget
from ..liver_map import LiverMap

PANEL_HEIGHT = 250  # side by side; the map over the form takes what it needs
UNLIMITED = 16777215  # Qt's largest widget size
SAVE_DELAY_MS = 1500  # typed values are saved once the typing pauses, or when anything else happens
NUMBER_CHARACTERS = frozenset("0123456789.,-")
LEAVE_KEYS = frozenset({Qt.Key.Key_Escape, Qt.Key.Key_Return, Qt.Key.Key_Enter})


class LesionPanel(QWidget):
    """Emits save_requested(lesion_id, values) for the map at once and for typed fields after a pause.

    Only what is stored is shown (no form defaults), and only the fields typed into that differ
    from the stored values are sent.
    """

    save_requested = Signal(str, dict)
    problem = Signal(str)  # a typed value that cannot be saved, in words
    done_typing = Signal()  # Enter or Escape in a field: the keys go back to the events
    refused = Signal(str)  # a character typed into a field that the field cannot take, in words
    saved_by_user = Signal()  # Save lesion pressed and everything typed could be saved
    typing_restored = Signal()  # values typed before the app closed were put back: the panel must be seen

    def __init__(self, lang: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("lesionPanel")
        self.lesion_id: str | None = None
        section = forms.crf().section("lesion")
        # The map beside the form where the column is wide enough for both, above it where it is not.
        self.box = layout = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        layout.setContentsMargins(0, 0, 0, 0)
        left = QVBoxLayout()
        self.title = QLabel()
        self.title.setProperty("role", "section")
        left.addWidget(self.title)
        self.map = LiverMap()
        self.map.segments_changed.connect(lambda codes: self._emit({"segments": codes}))
        left.addWidget(self.map, 1)
        layout.addLayout(left, 1)
        right = QVBoxLayout()
        # The map edits the segments; every other field of the CRF's lesion section is a form field.
        self.form = FormWidget([section], lang, self, only={f.name for f in section.fields} - {"segments"})
        self.typed = FormChanges(self.form, self)
        # Each input, and each drop-down's open list, with its field's name.
        self.inputs = {editor.input: name for name, editor in self.form.editors.items()}
        self.field_of: dict[QObject, str] = {widget: name for widget, name in self.inputs.items()}
        for name, editor in self.form.editors.items():
            if isinstance(editor.input, QComboBox):
                self.field_of[editor.input.view()] = name
        for watched in self.field_of:
            watched.installEventFilter(self)
        self.form.form_layout.setVerticalSpacing(4)
        right.addWidget(self.form)
        self.save_button = QPushButton(self.tr("Save lesion"))
        self.save_button.setObjectName("saveLesion")
        self.save_button.clicked.connect(self._save_pressed)
        right.addWidget(self.save_button)
        right.addStretch(1)
        layout.addLayout(right, 1)
        self.setMaximumHeight(PANEL_HEIGHT)  # the rest of the column belongs to the timeline
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SAVE_DELAY_MS)
        self.timer.timeout.connect(self.flush)
        self.typed.edited.connect(self.timer.start)
        self.kept = TypedValues()
        self._showing = False
        self.typed.edited.connect(self._keep_typed)
        self.restored = QLabel()  # says when values typed before the app closed were put back
        self.restored.setObjectName("restoredTyping")
        self.restored.setWordWrap(True)
        self.restored.hide()
        right.insertWidget(right.count() - 1, self.restored)
        self.show_lesion(None)

    def minimumSizeHint(self) -> QSize:
        """As narrow as the map above the form: wider, the two stand side by side."""
        narrowest = max(
            self.map.minimumWidth(), self.form.minimumSizeHint().width(), self.title.minimumSizeHint().width()
        )
        return QSize(narrowest, super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # Measured here, once the style has set the fields' fonts.
        side_by_side = (
            event.size().width() >= self.map.minimumWidth() + self.box.spacing() + self.form.minimumSizeHint().width()
        )
        direction = QBoxLayout.Direction.LeftToRight if side_by_side else QBoxLayout.Direction.TopToBottom
        if self.box.direction() != direction:
            self.box.setDirection(direction)
            self.setMaximumHeight(PANEL_HEIGHT if side_by_side else UNLIMITED)

    def show_lesion(self, lesion: Lesion | None, editable: bool = True) -> None:
        """Show a lesion; typed values not yet saved are kept while the same lesion stays current."""
        same = lesion is not None and lesion.id == self.lesion_id
        self.lesion_id = lesion.id if lesion else None
        self.title.setText(
            self.tr("Current lesion: %1").replace("%1", str(lesion.number)) if lesion else self.tr("No current lesion")
        )
        self.map.set_segments(lesion.get("segments") if lesion else None)
        # Typed values wait while the same lesion stays current; another lesion shows its own.
        self._showing = True  # loading moves the inputs: that is nobody's typing
        try:
            self.typed.show(lesion.values if lesion else {}, force=not same)
        finally:
            self._showing = False
        if not same:
            self.restored.hide()
            if lesion is not None and editable:
                self._restore_typed(lesion.id)
        enabled = editable and lesion is not None
        self.map.set_read_only(not enabled)
        self.form.set_read_only(not enabled)
        self.save_button.setEnabled(enabled)

    def refusal(self, watched: QObject, text: str) -> str | None:
        """Why a character typed into this field is not taken (None when it is), with %1 for the field
        and %2 for the character.

        Everything typed into a field goes to that field and never logs an event: a number field takes
        the characters of a number, a text field everything, a drop-down (closed or open) the first
        letters of its answers. A character a field cannot take is refused in words, never dropped.
        """
        editor = self.form.editors[self.field_of[watched]]
        if editor.fdef.type in {"integer", "decimal"} and text not in NUMBER_CHARACTERS:
            return self.tr("%1 takes a number: “%2” is not part of one. Press Esc to return to the event keys.")
        if isinstance(editor.input, QComboBox):
            box = editor.input
            answers = (box.itemText(index).casefold() for index in range(box.count()))
            if not any(answer.startswith(text.casefold()) for answer in answers):
                return self.tr("No answer of %1 starts with “%2”. Press Esc to return to the event keys.")
        return None

    def typing_into(self, widget: QObject | None) -> str | None:
        """The label of the field that keys go into while widget has the keyboard, or None."""
        if widget not in self.field_of:
            return None
        return self.form.editors[self.field_of[widget]].fdef.text(self.form.lang)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Keys typed into a field stay in that field; Enter and Escape save and give the keys back."""
        if event.type() not in {QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress}:
            return super().eventFilter(watched, event)
        event = cast(QKeyEvent, event)  # both kinds are key events
        if event.type() == QEvent.Type.KeyPress and event.key() in LEAVE_KEYS and watched in self.inputs:
            if self.flush(report=True):
                self.done_typing.emit()
            return True
        text = event.text()
        modifiers = event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
        if modifiers:
            return super().eventFilter(watched, event)  # Alt+number still makes another lesion current
        if event.type() == QEvent.Type.ShortcutOverride:
            event.accept()  # the field claims every plain key (a letter, Backspace): no event key fires
            return False
        if not (text and text.isprintable()):
            return super().eventFilter(watched, event)
        refusal = self.refusal(watched, text)
        if refusal is None:
            return False
        label = self.form.editors[self.field_of[watched]].fdef.text(self.form.lang)
        self.refused.emit(refusal.replace("%1", label).replace("%2", text))
        return True

    def _keep_typed(self) -> None:
        """What is typed goes to the config folder at once, so that a crash before the save loses nothing."""
        if self.lesion_id is not None and not self._showing:
            typed = {name: self.form.editors[name].value() for name in self.typed.touched}
            self.kept.keep(self.lesion_id, {name: _plain(value) for name, value in typed.items()})

    def _restore_typed(self, lesion_id: str) -> None:
        """Put back what was typed for this lesion and never saved (the app closed first); it is saved as typed."""
        waiting = {name: value for name, value in self.kept.waiting(lesion_id).items() if name in self.form.editors}
        if not waiting:
            return
        for name, value in waiting.items():
            editor = self.form.editors[name]
            if isinstance(editor.input, QLineEdit):
                editor.input.setText("" if value is None else str(value))
            else:
                editor.set_value(value)
            self.typed._touch(name)
        labels = ", ".join(self.form.editors[name].fdef.text(self.form.lang) for name in waiting)
        self.restored.setText(self.tr("Typed before MIMIC Desktop closed, and saved now: %1").replace("%1", labels))
        self.restored.show()
        self.typing_restored.emit()

    def _emit(self, values: dict[str, Any]) -> None:
        if self.lesion_id is not None:
            self.save_requested.emit(self.lesion_id, values)

    def flush(self, report: bool = False) -> bool:
        """Save typed values now; a wrong value stays on screen, marked, until it is corrected.

        The values that check out are saved even when another does not. Returns False while a typed
        value cannot be saved (report: and says why).
        """
        self.timer.stop()
        if not self.typed.dirty or self.lesion_id is None:
            return True
        changes, problems = self.typed.checked_changes()
        if problems and report:
            self.problem.emit("\n".join(problems.values()))
        saved = self.typed.touched - problems.keys()
        self.typed.saved(saved)
        if changes:
            self._emit(changes)
        self.kept.forget(self.lesion_id, saved)
        return not problems

    def _save_pressed(self) -> None:
        if self.flush(report=True):
            self.saved_by_user.emit()

    def problem_text(self) -> str | None:
        """What typed here cannot be saved, in words (None when everything typed could be saved)."""
        if not self.typed.dirty:
            return None
        _changes, problems = self.typed.checked_changes()
        return "\n".join(f"{self.title.text()}: {problem}" for problem in problems.values()) or None

    def discard(self) -> None:
        """Drop what was typed and show the stored values again (the user chose to)."""
        self.timer.stop()
        if self.lesion_id is not None:
            self.kept.forget(self.lesion_id)
        self.typed.discard()


def _plain(value: Any) -> Any:
    """A typed value as JSON can keep it: a moment as its ISO text, everything else as it is."""
    return value.isoformat() if hasattr(value, "isoformat") else value
