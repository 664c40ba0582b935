"""REDCap: a data dictionary in REDCap's own columns and a matching import CSV.

One instrument per form and scope: `crf` (the procedure's CRF sections, keys and derived values),
`lesion` and `complication` (repeating instruments, instance = lesion or complication number) and
`questionnaire`. Form sections become section headers; keys and derived values are read-only.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC
from functools import cache
from pathlib import Path
from typing import Any

from ..domain import forms
from ..domain.clock import from_iso
from ..domain.forms import Condition
from ..domain.record import Procedure
from .files import csv_writer, export_folder, write_files
from .variables import SUBJECT_KEY, Group, Variable, cell, codes_of, groups, table, tables

DICTIONARY_HEADER = (
    "Variable / Field Name",
    "Form Name",
    "Section Header",
    "Field Type",
    "Field Label",
    "Choices, Calculations, OR Slider Labels",
    "Field Note",
    "Text Validation Type OR Show Slider Number",
    "Text Validation Min",
    "Text Validation Max",
    "Identifier?",
    "Branching Logic (Show field only if...)",
    "Required Field?",
    "Custom Alignment",
    "Question Number (surveys only)",
    "Matrix Group Name",
    "Matrix Ranking?",
    "Field Annotation",
)
RECORD_ID = "record_id"
REPEAT_COLUMNS = ("redcap_repeat_instrument", "redcap_repeat_instance")
INCOMPLETE, UNVERIFIED, COMPLETE = "0", "1", "2"
VALIDATION = {"integer": "integer", "decimal": "number", "date": "date_ymd", "datetime": "datetime_seconds_ymd"}
DROPDOWN_FROM = 6  # a choice among this many codes or more is a drop-down list rather than radio buttons
READ_ONLY = "@READONLY"


@dataclass(frozen=True)
class Instrument:
    """A REDCap instrument: the groups of one form and scope."""

    name: str
    form: str
    scope: str
    groups: tuple[Group, ...]

    @property
    def repeating(self) -> bool:
        return self.scope != "procedure"

    @property
    def variables(self) -> tuple[Variable, ...]:
        return tuple(v for g in self.groups for v in g.variables)

    @property
    def complete_column(self) -> str:
        return f"{self.name}_complete"


@cache
def instruments() -> tuple[Instrument, ...]:
    collected: dict[tuple[str, str], list[Group]] = {}
    for group in groups():
        collected.setdefault((group.form, group.scope), []).append(group)
    return tuple(
        Instrument(form if scope == "procedure" else scope, form, scope, tuple(members))
        for (form, scope), members in collected.items()
    )


def field_type(variable: Variable) -> str:
    if variable.type == "boolean":
        return "yesno"
    if variable.type == "multichoice":
        return "checkbox"
    if variable.codes:
        return "dropdown" if len(variable.codes) >= DROPDOWN_FROM else "radio"
    return "notes" if variable.field and variable.field.free_text else "text"


def checkbox_column(variable: Variable, code: str) -> str:
    """REDCap names a checkbox choice's column field___code, with the code in lower case."""
    return f"{variable.name}___{code.lower()}"


def branching_logic(condition: Condition | None) -> str:
    if condition is None:
        return ""
    if condition.below is not None:
        return f"[{condition.field}] < {condition.below:g}"
    return f"[{condition.field}] = '{cell(condition.equals)}'"


def _number(variable: Variable, value: float | None) -> str:
    return "" if value is None or variable.type not in VALIDATION else f"{value:g}"


def _dictionary_row(variable: Variable, instrument: Instrument, header: str, lang: str) -> list[str]:
    field = variable.field
    choices = (
        "" if field_type(variable) == "yesno" else " | ".join(f"{c.value}, {c.text(lang)}" for c in variable.codes)
    )
    note = [variable.unit, field.help_text(lang) if field else None, "UTC" if variable.type == "datetime" else None]
    return [
        variable.name,
        instrument.name,
        header,
        field_type(variable),
        variable.text(lang),
        choices,
        "; ".join(part for part in note if part),
        VALIDATION.get(variable.type, ""),
        _number(variable, variable.minimum),
        _number(variable, variable.maximum),
        # Free text may hold what a person typed by mistake: REDCap's de-identified exports leave "y" fields out.
        "y" if field and field.free_text else "",
        branching_logic(field.shown_when if field else None),
        "y" if variable.required else "",
        "RH" if variable.type == "likert" else "",
        "",
        "",
        "",
        "" if field else READ_ONLY,
    ]


def dictionary_rows(lang: str = "en") -> list[list[str]]:
    """The data dictionary, record ID first, field labels in the language asked for."""
    subject = next(v for v in table("procedure").columns if v.name == SUBJECT_KEY)
    first = instruments()[0]
    rows = [[RECORD_ID, first.name, "", "text", subject.text(lang), *[""] * (len(DICTIONARY_HEADER) - 5)]]
    for instrument in instruments():
        for group in instrument.groups:
            for index, variable in enumerate(group.variables):
                header = group.text(lang) if index == 0 else ""
                rows.append(_dictionary_row(variable, instrument, header, lang))
    return rows


def _columns(variable: Variable) -> list[str]:
    if variable.type == "multichoice":
        return [checkbox_column(variable, code.value) for code in variable.codes]
    return [variable.name]


def import_header() -> list[str]:
    header = [RECORD_ID, *REPEAT_COLUMNS]
    for instrument in instruments():
        header += [column for v in instrument.variables for column in _columns(v)]
        header.append(instrument.complete_column)
    return header


def _cells(variable: Variable, value: Any) -> dict[str, str]:
    if variable.type == "multichoice":
        chosen = codes_of(value)
        return {checkbox_column(variable, c.value): cell(c.value in chosen) for c in variable.codes}
    if variable.type == "datetime" and value is not None:
        return {variable.name: from_iso(value).astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S")}
    return {variable.name: cell(value)}


def _status(instrument: Instrument, proc: Procedure, row: dict[str, Any]) -> str:
    """Complete once the record is locked (the questionnaire: signed), unverified while only filled in."""
    finished = proc.valid_signature() is not None if instrument.form == forms.questionnaire().name else proc.locked
    if finished:
        return COMPLETE
    filled = all(row.get(v.name) is not None for v in instrument.variables if v.required)
    return UNVERIFIED if filled else INCOMPLETE


def _instrument_cells(instrument: Instrument, proc: Procedure, row: dict[str, Any]) -> dict[str, str]:
    cells: dict[str, str] = {}
    for variable in instrument.variables:
        cells |= _cells(variable, row.get(variable.name))
    cells[instrument.complete_column] = _status(instrument, proc, row)
    return cells


def import_rows(proc: Procedure) -> list[dict[str, str]]:
    """The record's row, then one row per instance of each repeating instrument."""
    rows = {t.scope: (t.number, t.rows(proc)) for t in tables()}
    main = {RECORD_ID: proc.study_id}
    repeats = []
    for instrument in instruments():
        number, scope_rows = rows[instrument.scope]
        for row in scope_rows:
            cells = _instrument_cells(instrument, proc, row)
            if instrument.repeating:
                assert number is not None, "a repeating table numbers its rows"
                instance = {REPEAT_COLUMNS[0]: instrument.name, REPEAT_COLUMNS[1]: cell(row[number])}
                repeats.append({RECORD_ID: proc.study_id} | instance | cells)
            else:
                main |= cells
    return [main, *repeats]


def repeating_rows() -> list[list[str]]:
    return [[instrument.name, ""] for instrument in instruments() if instrument.repeating]


def write_redcap(records: Sequence[Procedure], folder: Path, prefix: str = "mimic", lang: str = "en") -> list[Path]:
    """PREFIX_redcap_data_dictionary.csv, PREFIX_redcap_import.csv and PREFIX_redcap_repeating_instruments.csv."""
    folder = export_folder(folder)
    header = import_header()
    data = [[row.get(column, "") for column in header] for proc in records for row in import_rows(proc)]
    return write_files(
        {
            folder / f"{prefix}_redcap_data_dictionary.csv": csv_writer(
                DICTIONARY_HEADER, dictionary_rows(lang), definitions=True
            ),
            folder / f"{prefix}_redcap_import.csv": csv_writer(header, data),
            folder / f"{prefix}_redcap_repeating_instruments.csv": csv_writer(
                ("form_name", "custom_form_label"), repeating_rows(), definitions=True
            ),
        }
    )
