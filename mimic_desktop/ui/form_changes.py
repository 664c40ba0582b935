"""What a form shows against what is stored: only the fields the user touched, and that differ, are sent."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal

from .form_widget import FormWidget


class FormChanges(QObject):
    """Keeps the stored values of a FormWidget and the fields typed into since; emits edited() after each."""

    edited = Signal()

    def __init__(self, form: FormWidget, parent: QObject | None = None):
        super().__init__(parent)
        self.form = form
        self.stored: dict[str, Any] = {}
        self.touched: set[str] = set()
        for name, editor in form.editors.items():
            editor.edited.connect(lambda field=name: self._touch(field))

    @property
    def dirty(self) -> bool:
        return bool(self.touched)

    def _touch(self, name: str) -> None:
        self.touched.add(name)
        self.edited.emit()

    def show(self, stored: dict[str, Any], force: bool = False) -> None:
        """Show the stored values, unless typed values are still waiting to be saved (or force)."""
        self.stored = {name: stored.get(name) for name in self.form.editors}
        if self.dirty and not force:
            return
        self.form.load(self.stored)  # what is stored, and nothing else: a form default is no answer
        self.touched.clear()  # loading moves the inputs: that is not the user's doing

    def current(self) -> dict[str, Any]:
        """The stored values with what has been typed and checks out: for what a page derives."""
        return {**self.stored, **{k: v for k, v in self.form.valid_values().items() if k in self.touched}}

    def changes(self) -> dict[str, Any]:
        """The touched fields whose value differs from the stored one; raises ValidationError naming wrong ones."""
        entered = self.form.values()
        return {name: entered[name] for name in self.touched if entered[name] != self.stored.get(name)}

    def checked_changes(self) -> tuple[dict[str, Any], dict[str, str]]:
        """The touched fields that check out and differ from the stored values, and what is wrong with the
        touched fields that do not check out (marked on screen)."""
        entered, problems = self.form.checked()
        changes = {
            name: entered[name] for name in self.touched if name in entered and entered[name] != self.stored.get(name)
        }
        return changes, {name: problem for name, problem in problems.items() if name in self.touched}

    def saved(self, names: set[str] | None = None) -> None:
        """What was typed has been sent (names: only these fields): it waits no more."""
        if names is None:
            self.touched.clear()
        else:
            self.touched -= names

    def discard(self) -> None:
        """Drop what was typed and show the stored values again, unmarked."""
        self.show(self.stored, force=True)
        for editor in self.form.editors.values():
            editor.set_error(None)
