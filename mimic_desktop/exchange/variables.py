"""What the tabular exports say about each column: form fields and the flat tables' own columns.

The CSV data dictionary, the REDCap data dictionary and the ODM metadata all describe the same
variables, read from forms/ and from exchange/flat.py; their values come from the flat rows.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

from ..domain import forms
from ..domain.forms import LANGUAGES, FieldDef
from ..domain.record import Procedure
from ..domain.values import NO, YES
from ..domain.wording import say
from . import flat

RECORD_TITLE = {lang: say("Record", lang) for lang in LANGUAGES}
DERIVED_TITLE = {lang: say("Derived values", lang) for lang in LANGUAGES}


@dataclass(frozen=True)
class Code:
    """One allowed value of a coded variable, with its label in each language."""

    value: str
    label: dict[str, str]

    def text(self, lang: str = "en") -> str:
        return self.label.get(lang) or self.label["en"]


YES_NO_CODES = (
    Code("1", {lang: YES.text(lang) for lang in LANGUAGES}),
    Code("0", {lang: NO.text(lang) for lang in LANGUAGES}),
)


@dataclass(frozen=True)
class Variable:
    """One column of an export: a form field, a key, or a value derived from the record."""

    name: str
    type: str
    label: dict[str, str]
    unit: str | None = None
    minimum: float | None = None
    maximum: float | None = None
    codes: tuple[Code, ...] = ()
    derived: bool = False
    field: FieldDef | None = None
    typed: bool = False  # free text from a column that is not a form field (a note on the timeline)

    def text(self, lang: str = "en") -> str:
        return self.label.get(lang) or self.label["en"]

    @property
    def required(self) -> bool:
        return bool(self.field and self.field.required)

    @property
    def free_text(self) -> bool:
        """Typed by a person: may hold anything, identifiers included."""
        return self.typed or bool(self.field and self.field.free_text)


def _field_codes(fdef: FieldDef) -> tuple[Code, ...]:
    if fdef.type == "boolean":
        return YES_NO_CODES
    if fdef.type == "likert":
        labels = {lang: forms.likert_labels(lang) for lang in forms.LANGUAGES}
        numbers = range(int(fdef.minimum or 1), int(fdef.maximum or len(labels["en"])) + 1)
        return tuple(Code(str(n), {lang: labels[lang][n - 1] for lang in forms.LANGUAGES}) for n in numbers)
    return tuple(Code(c.code, dict(c.label)) for c in fdef.choices)


def from_field(fdef: FieldDef) -> Variable:
    return Variable(
        name=fdef.name,
        type=fdef.type,
        label=dict(fdef.label),
        unit=fdef.unit,
        minimum=fdef.minimum,
        maximum=fdef.maximum,
        codes=_field_codes(fdef),
        field=fdef,
    )


def _column_code(column: flat.Column, code: str) -> Code:
    """A code with the labels its column gives (a finding's code has the words of the event that records it);
    others are their own."""
    labels = dict(column.choice_labels)
    if code in labels:
        return Code(code, dict(labels[code]))
    return Code(code, dict.fromkeys(forms.LANGUAGES, code))


def from_column(column: flat.Column, derived: bool) -> Variable:
    """A key or derived column of the flat tables."""
    codes = YES_NO_CODES if column.type == "boolean" else tuple(_column_code(column, c) for c in column.choices)
    return Variable(
        column.name,
        column.type,
        column.labels(),
        column.unit,
        codes=codes,
        derived=derived,
        typed=column.free_text,
    )


def _variable(column: flat.Column) -> Variable:
    fields = forms.all_fields()
    if column.name in fields:
        return from_field(fields[column.name])
    return from_column(column, derived=column.name not in KEYS)


KEYS = {c.name for c in (*flat.KEY_COLUMNS, *flat.LESION_KEY, *flat.COMPLICATION_KEY, *flat.EVENT_KEY)}
SUBJECT_KEY = flat.KEY_COLUMNS[0].name


@dataclass(frozen=True)
class Table:
    """One flat table: one row per procedure, per lesion or per complication."""

    name: str
    scope: str
    columns: tuple[Variable, ...]
    rows: Callable[[Procedure], list[dict[str, Any]]]
    number: str | None  # the column that numbers a procedure's lesions or complications

    def extras(self) -> tuple[Variable, ...]:
        """The columns that are not form fields, less the keys a child table repeats from its procedure."""
        repeated = ({c.name for c in flat.KEY_COLUMNS} | {self.number}) if self.number else {SUBJECT_KEY}
        return tuple(v for v in self.columns if v.field is None and v.name not in repeated)


@cache
def tables() -> tuple[Table, ...]:
    def table(
        name: str,
        scope: str,
        columns: list[flat.Column],
        rows: Callable[[Procedure], list[dict[str, Any]]],
        number: str | None,
    ) -> Table:
        return Table(name, scope, tuple(_variable(c) for c in columns), rows, number)

    return (
        table("procedures", "procedure", flat.procedure_columns(), lambda p: [flat.procedure_row(p)], None),
        table("lesions", "lesion", flat.lesion_columns(), flat.lesion_rows, flat.LESION_KEY[0].name),
        table(
            "complications",
            "complication",
            flat.complication_columns(),
            flat.complication_rows,
            flat.COMPLICATION_KEY[0].name,
        ),
    )


@cache
def flat_tables() -> tuple[Table, ...]:
    """The tables of the flat CSV: the three of every export and the intraoperative timeline, for statisticians
    (REDCap and ODM carry what the timeline means through the derived values of each lesion)."""
    events = Table("events", "event", tuple(from_column(c, False) for c in flat.event_columns()), flat.event_rows, None)
    return (*tables(), events)


def table(scope: str) -> Table:
    return next(t for t in tables() if t.scope == scope)


@dataclass(frozen=True)
class Group:
    """A section of a form, or a scope's keys or derived values: a REDCap section, an ODM item group."""

    name: str
    form: str
    scope: str
    title: dict[str, str]
    variables: tuple[Variable, ...]

    @property
    def repeating(self) -> bool:
        return self.scope != "procedure"

    def text(self, lang: str = "en") -> str:
        return self.title.get(lang) or self.title["en"]


@cache
def groups() -> tuple[Group, ...]:
    """The record's own keys, the CRF's sections, each scope's derived values, then the questionnaire."""
    crf, questionnaire = forms.crf(), forms.questionnaire()
    procedure_extras = table("procedure").extras()
    result = [Group("record", crf.name, "procedure", RECORD_TITLE, tuple(v for v in procedure_extras if not v.derived))]
    result += [_section_group(crf.name, s) for s in crf.sections]
    for t in tables():
        derived = tuple(v for v in t.extras() if v.derived)
        result.append(Group(f"{t.scope}_derived", crf.name, t.scope, DERIVED_TITLE, derived))
    result += [_section_group(questionnaire.name, s) for s in questionnaire.sections]
    return tuple(result)


def _section_group(form: str, section: forms.SectionDef) -> Group:
    fields = flat.exported(section.fields)
    return Group(section.name, form, section.scope, dict(section.title), tuple(from_field(f) for f in fields))


def cell(value: Any) -> str:
    """A value as text: empty when missing, 1 or 0 for yes or no, decimals with a point."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float):
        return repr(value)
    return str(value)


def codes_of(value: Any) -> list[str]:
    """The codes of a multiple-choice value as the flat rows hold it (joined by semicolons)."""
    return value.split(";") if value else []
