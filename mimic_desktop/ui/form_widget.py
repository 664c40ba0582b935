"""An editor for one section of a form, built from its definition in forms/."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ..domain import values, wording
from ..domain.clock import from_iso, local_text, parse_typed
from ..domain.errors import ValidationError
from ..domain.forms import FieldDef, SectionDef, likert_labels
from ..domain.rules import Query
from .identifier_check import IdentifierNote

_EMPTY = ""
# Keys that step a closed drop-down towards its first entry.
_TOWARDS_FIRST = frozenset({Qt.Key.Key_Up, Qt.Key.Key_PageUp, Qt.Key.Key_Home})


class ChoiceBox(QComboBox):
    """A drop-down whose first entry, "—", means not answered.

    The arrow keys step through the answers only: Up on the first answer blanked a required field, which
    was then saved as emptied. Emptying a field is a choice made in the open list.
    """

    def keyPressEvent(self, event: QKeyEvent) -> None:
        plain = event.modifiers() in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
        if plain and event.key() in _TOWARDS_FIRST and self.currentIndex() >= 1 and self.itemData(0) is None:
            if self.currentIndex() > 1:
                self.setCurrentIndex(1)
            event.accept()
            return
        super().keyPressEvent(event)


class FieldEditor(QWidget):
    """One input for one field; value() returns what the user entered, raw (None when empty).

    Dates and times are typed into a line, as shown (YYYY-MM-DD HH:MM:SS): a date-time box would keep
    the parts of the old value that are not typed over, and quietly turn an impossible date into another.
    """

    edited = Signal()

    def __init__(self, fdef: FieldDef, lang: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.fdef = fdef
        self.lang = lang
        self.error: str | None = None  # the entered value is wrong
        self.query: str | None = None  # the value is right, but does not add up with another
        self._shown_moment: tuple[str, str] | None = None  # (text, stored value) of a date-time as loaded
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        layout = QHBoxLayout()
        column.addLayout(layout)
        self.input = self._make_input(lang)
        # Named after its field (and unit) for screen readers: a drop-down would otherwise be named by its choice.
        unit = f" ({fdef.unit_text(lang)})" if fdef.unit else ""
        self.input.setAccessibleName(fdef.text(lang) + unit)
        layout.addWidget(self.input, 1)
        if fdef.unit:
            layout.addWidget(QLabel(fdef.unit_text(lang)))
        # Free text is read for what looks like an identifier as it is typed, and the warning stands under it.
        self.identifier_note = IdentifierNote(fdef) if fdef.free_text else None
        if self.identifier_note is not None:
            column.addWidget(self.identifier_note)
            self.edited.connect(self._check_identifiers)
        self.setToolTip(fdef.help_text(lang))
        self.setObjectName(f"field_{fdef.name}")

    def _make_input(self, lang: str) -> QWidget:
        kind = self.fdef.type
        if kind in {"choice", "boolean"}:
            box = ChoiceBox()
            box.addItem("—", None)
            if kind == "boolean":
                for answer in (True, False):
                    box.addItem(values.display(self.fdef, answer, lang), answer)
            else:
                for choice in self.fdef.choices:
                    box.addItem(choice.label.get(lang, choice.label["en"]), choice.code)
            box.currentIndexChanged.connect(self.edited)
            return box
        if kind == "likert":
            holder = QWidget()
            row = QHBoxLayout(holder)
            row.setContentsMargins(0, 0, 0, 0)
            self._likert = QButtonGroup(holder)
            for number, text in enumerate(likert_labels(lang), start=1):
                button = QRadioButton(text)
                self._likert.addButton(button, number)
                row.addWidget(button)
            self._likert.idClicked.connect(lambda _id: self.edited.emit())
            return holder
        if kind == "multichoice":
            holder = QWidget()
            grid = QGridLayout(holder)
            grid.setContentsMargins(0, 0, 0, 0)
            self._checks = {}
            # A choice whose label begins with its code (a Couinaud segment) shows its code, all in one row; others
            # (the modalities a lesion was seen with) show their words, one a row, so the form keeps its width.
            by_code = all(choice.label["en"].startswith(choice.code) for choice in self.fdef.choices)
            per_row = len(self.fdef.choices) if by_code else 1
            for index, choice in enumerate(self.fdef.choices):
                label = choice.label.get(lang, choice.label["en"])
                check = QCheckBox(choice.code if by_code else label)
                check.setToolTip(label)
                check.setAccessibleName(label)
                check.toggled.connect(self.edited)
                self._checks[choice.code] = check
                # Left-aligned, so the box is as wide as its words and a click beside them toggles nothing.
                grid.addWidget(check, index // per_row, index % per_row, Qt.AlignmentFlag.AlignLeft)
            return holder
        if self.fdef.free_text and (self.fdef.max_length or 0) > 300:
            text_box = QPlainTextEdit()
            text_box.setMaximumHeight(90)
            text_box.textChanged.connect(self.edited)
            return text_box
        edit = QLineEdit()
        edit.textEdited.connect(self.edited)
        if kind == "date":
            edit.setPlaceholderText(self.tr("YYYY-MM-DD"))
        elif kind == "datetime":
            edit.setPlaceholderText(self.tr("YYYY-MM-DD HH:MM:SS"))
        return edit

    def _check_identifiers(self) -> None:
        if self.identifier_note is not None:
            value = self.value()
            self.identifier_note.check(value if isinstance(value, str) else "")

    def value(self) -> Any:
        widget, kind = self.input, self.fdef.type
        if isinstance(widget, QComboBox):
            return widget.currentData()
        if kind == "likert":
            checked = self._likert.checkedId()
            return None if checked < 0 else checked
        if kind == "multichoice":
            return [code for code, check in self._checks.items() if check.isChecked()] or None
        if kind == "datetime":
            return self._typed_moment()
        if isinstance(widget, QPlainTextEdit):
            return widget.toPlainText() or None
        return self._line().text() or None

    def _line(self) -> QLineEdit:
        """The input of a field typed into one line: text, a number, a date, a date and time."""
        assert isinstance(self.input, QLineEdit), self.fdef.name
        return self.input

    def set_value(self, value: Any) -> None:
        widget, kind = self.input, self.fdef.type
        if isinstance(widget, QComboBox):
            index = widget.findData(value)
            widget.setCurrentIndex(max(index, 0))
        elif kind == "likert":
            # An exclusive group cannot uncheck its last button: lift that while no answer is shown.
            self._likert.setExclusive(False)
            for button in self._likert.buttons():
                button.setChecked(self._likert.id(button) == value)
            self._likert.setExclusive(True)
        elif kind == "multichoice":
            for code, check in self._checks.items():
                check.setChecked(code in (value or []))
        elif kind == "datetime":
            shown = (local_text(value, seconds=True), value) if value else None
            self._shown_moment = shown
            self._line().setText(shown[0] if shown else _EMPTY)
        elif isinstance(widget, QPlainTextEdit):
            widget.setPlainText(value or _EMPTY)
        else:
            self._line().setText(
                _EMPTY if value is None else values.display(self.fdef, value).removesuffix(f" {self.fdef.unit}")
            )
        self._check_identifiers()

    def _typed_moment(self) -> Any:
        """The moment typed (a time alone falls on the day shown, else today); the text while it cannot be read.

        The moment shown and left as it was is the stored one, to the microsecond.
        """
        text = self._line().text().strip()
        if not text:
            return None
        if self._shown_moment is not None and text == self._shown_moment[0]:
            return from_iso(self._shown_moment[1])
        day = from_iso(self._shown_moment[1]).astimezone().date() if self._shown_moment else date.today()
        try:
            return parse_typed(text, day)
        except ValueError:
            return text

    def set_error(self, message: str | None) -> None:
        self.error = message
        self._mark()

    def set_query(self, message: str | None) -> None:
        self.query = message
        self._mark()

    def _mark(self) -> None:
        """Marked while the value is wrong or queried; the tooltip says why, else gives the field's help."""
        problem = self.error or self.query
        self.input.setProperty("invalid", bool(problem))
        self.input.style().unpolish(self.input)
        self.input.style().polish(self.input)
        self.setToolTip(problem or self.fdef.help_text(self.lang))


def required(fdef: FieldDef) -> bool:
    return fdef.required


class FormWidget(QWidget):
    """All fields of one or more sections; values() checks every field and names the wrong ones.

    A field for which needed() holds is marked * (by default: required before the record is completed).
    """

    edited = Signal()

    def __init__(
        self,
        sections: list[SectionDef],
        lang: str = "en",
        parent: QWidget | None = None,
        only: set[str] | None = None,
        needed: Callable[[FieldDef], bool] = required,
    ):
        super().__init__(parent)
        self.lang = lang
        self.editors: dict[str, FieldEditor] = {}
        layout = self.form_layout = QFormLayout(self)
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        for section in sections:
            if len(sections) > 1:
                header = QLabel(section.text(lang))
                header.setProperty("role", "section")
                layout.addRow(header)
            for fdef in section.fields:
                if only is not None and fdef.name not in only:
                    continue
                editor = FieldEditor(fdef, lang, self)
                editor.edited.connect(self.edited)
                label = QLabel(fdef.text(lang) + (" *" if needed(fdef) else ""))
                label.setWordWrap(True)
                label.setBuddy(editor.input)
                layout.addRow(label, editor)
                self.editors[fdef.name] = editor
        self.form_layout.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)

    def load(self, data: dict[str, Any]) -> None:
        for name, editor in self.editors.items():
            editor.set_value(data.get(name, editor.fdef.default))

    def checked(self) -> tuple[dict[str, Any], dict[str, str]]:
        """The entered values that pass their check, normalised, and what is wrong with each other one (marked)."""
        result, problems = {}, {}
        for name, editor in self.editors.items():
            try:
                result[name] = values.normalise(editor.fdef, editor.value(), self.lang)
                editor.set_error(None)
            except ValidationError as error:
                editor.set_error(wording.said(error, self.lang))
                problems[name] = wording.said(error, self.lang)
        return result, problems

    def values(self) -> dict[str, Any]:
        """The entered values, normalised; raises ValidationError listing every wrong field."""
        result, problems = self.checked()
        if problems:
            raise ValidationError("\n".join(problems.values()))
        return result

    def valid_values(self) -> dict[str, Any]:
        """The fields whose entered value passes its check, normalised; the others are left unmarked."""
        result = {}
        for name, editor in self.editors.items():
            try:
                result[name] = values.normalise(editor.fdef, editor.value())
            except ValidationError:
                continue
        return result

    def set_field_visible(self, name: str, visible: bool) -> None:
        self.form_layout.setRowVisible(self.editors[name], visible)

    def show_asked(self, asked: Callable[[FieldDef], bool]) -> None:
        """Show a conditional field while it is asked, or while it still holds a value to correct or clear."""
        for name, editor in self.editors.items():
            self.set_field_visible(name, asked(editor.fdef) or editor.value() is not None)

    def concerning(self, queries: Sequence[Query], entry_id: str = "") -> list[Query]:
        """The queries about this form's fields (of the lesion or complication entry_id, if given)."""
        return [q for q in queries if q.entry_id == entry_id and any(name in self.editors for name in q.fields)]

    def mark_queries(self, queries: Sequence[Query]) -> None:
        """Mark each field a query concerns, with the query's words as its tooltip; unmark the others."""
        words: dict[str, str] = {}
        for query in queries:
            for name in query.fields:
                words.setdefault(name, query.text)
        for name, editor in self.editors.items():
            editor.set_query(words.get(name))

    def set_read_only(self, read_only: bool) -> None:
        for editor in self.editors.values():
            editor.input.setEnabled(not read_only)
