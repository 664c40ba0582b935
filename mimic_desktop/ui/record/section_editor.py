"""A block of the form (one or more CRF sections) with its own Save: one service call per save."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ...domain import rules
from ...domain.errors import ValidationError
from ...domain.forms import SectionDef
from ...domain.record import Procedure
from ...domain.rules import Query
from .. import dialogs
from ..form_changes import FormChanges
from ..form_widget import FormWidget
from ..labels import heading, message_label

LABEL_WIDTH = 360  # two columns of blocks fit beside the page list at 1024 pixels wide

# Saves the changed values; returns whether they were committed.
Save = Callable[[dict[str, Any]], bool]


class SectionEditor(QFrame):
    """Typed values wait for Save or for flush(); a refresh never overwrites what is still being typed.

    Only the fields the user touched and that differ from the stored values are sent (FormChanges),
    so an untouched block of a locked record never asks for a reason.
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
        layout = QVBoxLayout(self)
        self.title = heading(title)
        layout.addWidget(self.title)
        self.form = FormWidget(sections, lang, self, only=only)
        self._labels_above(label_width)
        self.typed = FormChanges(self.form, self)
        self.typed.edited.connect(self.edited)
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
        layout = self.form.form_layout
        layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        for editor in self.form.editors.values():
            label = layout.labelForField(editor)
            if not isinstance(label, QLabel):
                continue
            label.ensurePolished()
            label.setMinimumWidth(min(label.fontMetrics().horizontalAdvance(label.text()) + 4, width))

    @property
    def dirty(self) -> bool:
        return self.typed.dirty

    def show_values(self, stored: dict[str, Any], force: bool = False) -> None:
        """Show the stored values, unless typed values are still waiting to be saved (or force)."""
        self.typed.show(stored, force)

    def current(self) -> dict[str, Any]:
        """This block's stored values with what has been typed and checks out: for what the page derives."""
        return self.typed.current()

    def save(self) -> bool:
        """Save now; a wrong value stays on screen, marked and named, until it is corrected."""
        try:
            changes = self.typed.changes()
        except ValidationError as error:
            dialogs.show_error(self, error)
            return False
        if changes and not self.save_values(changes):
            return False
        self.typed.saved()
        return True

    def flush(self, report: bool = True) -> bool:
        """Save what is waiting, if anything (before the page, the procedure or the user changes).

        The typed values that check out are saved even when another one of the block does not; that
        one stays on screen, marked (and named in a message when report). False while anything waits.
        """
        if not self.dirty:
            return True
        changes, problems = self.typed.checked_changes()
        if problems and report:
            dialogs.show_error(self, "\n".join(problems.values()))
        if changes and not self.save_values(changes):
            return False
        self.typed.saved(self.typed.touched - problems.keys())
        return not problems

    def unsaved(self) -> list[str]:
        """What typed in this block is not saved, in words (after flush)."""
        if not self.dirty:
            return []
        _changes, problems = self.typed.checked_changes()
        title = self.title.text()
        if not problems:
            return [self.tr("%1: typed values not saved").replace("%1", title)]
        return [f"{title}: {problem}" for problem in problems.values()]

    def discard(self) -> None:
        """Drop what was typed in this block (the user chose to)."""
        self.typed.discard()

    def set_editable(self, editable: bool) -> None:
        self.form.set_read_only(not editable)
        self.save_button.setVisible(editable)

    def set_note(self, text: str, warning: bool = False) -> None:
        self.note.setText(text)
        self.note.setVisible(bool(text))
        self.note.setProperty("warning", warning)
        self.note.style().unpolish(self.note)
        self.note.style().polish(self.note)

    def set_problems(self, problems: Sequence[str | Query]) -> None:
        """Name each problem under the block; a query also marks the fields of this block it concerns."""
        self.form.mark_queries([problem for problem in problems if isinstance(problem, Query)])
        self.problems.setText("\n".join(f"⚠ {problem}" for problem in problems))
        self.problems.setVisible(bool(problems))

    def show_asked(self, values: dict[str, Any], proc: Procedure | None = None, lesion_id: str | None = None) -> None:
        """Show each conditional field while the values entered ask for it (rules.asked)."""
        self.form.show_asked(lambda fdef: rules.asked(fdef, values, proc, lesion_id))
