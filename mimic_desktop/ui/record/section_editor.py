"""A block of the form (one or more CRF sections) with its own Save: one service call per save."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ...domain.errors import ValidationError
from ...domain.forms import SectionDef
from .. import dialogs
from ..form_widget import FormWidget
from ..labels import heading, message_label

LABEL_WIDTH = 360  # two columns of blocks fit beside the page list at 1024 pixels wide

# Saves the changed values; returns whether they were committed.
Save = Callable[[dict[str, Any]], bool]


class SectionEditor(QFrame):
    """Typed values wait for Save or for flush(); a refresh never overwrites what is still being typed.

    Only the fields the user touched and that differ from the stored values are sent, so an
    untouched block of a locked record never asks for a reason.
    """

    edited = Signal()

    def __init__(
        self,
        name: str,
        title: str,
        sections: list[SectionDef],
        lang: str,
        save: Save,
        only: set[str] | None = None,
        label_width: int = LABEL_WIDTH,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setObjectName(f"section_{name}")
        self.setProperty("role", "recordSection")
        self.save_values = save
        self.stored: dict[str, Any] = {}
        self.touched: set[str] = set()
        layout = QVBoxLayout(self)
        self.title = heading(title)
        layout.addWidget(self.title)
        self.form = FormWidget(sections, lang, self, only=only)
        self._labels_above(label_width)
        for name_, editor in self.form.editors.items():
            editor.edited.connect(lambda field=name_: self._touch(field))
        layout.addWidget(self.form)
        self.note = QLabel()
        self.note.setObjectName(f"note_{name}")
        self.note.setProperty("role", "derived")
        self.note.setWordWrap(True)
        self.note.hide()
        layout.addWidget(self.note)
        self.problems = message_label(f"problems_{name}")
        self.problems.hide()
        layout.addWidget(self.problems)
        row = QHBoxLayout()
        row.addStretch(1)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setObjectName(f"save_{name}")
        self.save_button.setToolTip(self.tr("Save %1").replace("%1", title))
        self.save_button.clicked.connect(self.save)
        row.addWidget(self.save_button)
        layout.addLayout(row)

    def _labels_above(self, width: int) -> None:
        """Each label above its input, on one line up to width (a wrapped label asks only for a narrow one)."""
        layout = self.form.layout()
        layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        for editor in self.form.editors.values():
            label = layout.labelForField(editor)
            label.ensurePolished()
            label.setMinimumWidth(min(label.fontMetrics().horizontalAdvance(label.text()) + 4, width))

    @property
    def dirty(self) -> bool:
        return bool(self.touched)

    def _touch(self, name: str) -> None:
        self.touched.add(name)
        self.edited.emit()

    def show_values(self, stored: dict[str, Any], force: bool = False) -> None:
        """Show the stored values, unless typed values are still waiting to be saved (or force)."""
        self.stored = {name: stored.get(name) for name in self.form.editors}
        if self.dirty and not force:
            return
        self.form.load(self.stored)  # what is stored, and nothing else: a form default is no answer
        self.touched.clear()  # loading moves the inputs: that is not the user's doing

    def current(self) -> dict[str, Any]:
        """This block's stored values with what has been typed and checks out: for what the page derives."""
        return {**self.stored, **{k: v for k, v in self.form.valid_values().items() if k in self.touched}}

    def changes(self) -> dict[str, Any]:
        """The touched fields whose value differs from the stored one; raises ValidationError naming wrong ones."""
        entered = self.form.values()
        return {name: entered[name] for name in self.touched if entered[name] != self.stored.get(name)}

    def save(self) -> bool:
        """Save now; a wrong value stays on screen, marked and named, until it is corrected."""
        try:
            changes = self.changes()
        except ValidationError as error:
            dialogs.show_error(self, error)
            return False
        if changes and not self.save_values(changes):
            return False
        self.touched.clear()
        return True

    def flush(self) -> bool:
        """Save what is waiting, if anything (before the page, the procedure or the user changes)."""
        return self.save() if self.dirty else True

    def set_editable(self, editable: bool) -> None:
        self.form.set_read_only(not editable)
        self.save_button.setVisible(editable)

    def set_note(self, text: str, warning: bool = False) -> None:
        self.note.setText(text)
        self.note.setVisible(bool(text))
        self.note.setProperty("warning", warning)
        self.note.style().unpolish(self.note)
        self.note.style().polish(self.note)

    def set_problems(self, problems: list[str]) -> None:
        self.problems.setText("\n".join(f"⚠ {problem}" for problem in problems))
        self.problems.setVisible(bool(problems))
