"""Castor EDC's CSV data import: the study data and each repeating data (lesions, complications).

Castor imports a CSV whose first row names the study's variables; the participant ID and the site's
abbreviation stand in the first columns; dates are DD-MM-YYYY; a radio or drop-down holds its option
value; a checkbox is one column per option, headed VARIABLE#OPTION_LABEL, holding 1 or 0; at most
25,000 data points (rows times columns) go into one import, so larger files are split. Repeating data
has an import of its own: one file per repeating data, one row per instance.

Which Castor variable and option each MIMIC variable and code becomes is a variable map that the
trial office may edit (castor_variable_map.csv, written with every export). By default it keeps MIMIC's
own names and codes, so a Castor study built from the data dictionary needs no map.
"""

from __future__ import annotations

import csv
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from ..domain import forms
from ..domain.clock import from_iso
from ..domain.errors import MimicError
from ..domain.record import Procedure
from ..domain.wording import Text
from .files import csv_writer, export_folder, write_files
from .variables import KEYS, Table, Variable, cell, codes_of, flat_tables

MAX_DATA_POINTS = 25_000  # Castor's limit for one import of unencrypted data
PARTICIPANT = "Participant Id"
SITE = "Site Abbreviation"
INSTANCE = "Repeating Data Name Custom"  # names each instance, "Lesion 2"
MAP_HEADER = ("mimic_variable", "castor_variable", "mimic_code", "castor_option_value", "castor_option_label")
# Castor drops these from an option label when it names a checkbox column.
_DROPPED = str.maketrans("", "", ",./-'\";:`()")
# The tables Castor receives: the procedure as study data, lesions and complications as repeating data.
_SCOPES = {"procedure": None, "lesion": "Lesion", "complication": "Complication"}


class CastorMapError(MimicError):
    """A variable map that cannot be used: the message names the row and what is wrong with it."""


@dataclass(frozen=True)
class Option:
    value: str
    label: str


@dataclass(frozen=True)
class Mapped:
    """One MIMIC variable as Castor knows it."""

    variable: Variable
    castor: str
    options: dict[str, Option]  # by MIMIC code

    def columns(self) -> list[str]:
        if self.variable.type == "multichoice":
            return [f"{self.castor}#{option.label.translate(_DROPPED)}" for option in self.options.values()]
        return [self.castor]

    def cells(self, value: Any) -> list[str]:
        if self.variable.type == "multichoice":
            chosen = set(codes_of(value))
            return [cell(code in chosen) for code in self.options] if value is not None else [""] * len(self.options)
        if value is None:
            return [""]
        if self.variable.type == "date":
            return [date.fromisoformat(str(value)).strftime("%d-%m-%Y")]
        if self.variable.type == "datetime":
            # Castor has no time zones: a moment is written as the study's clock showed it.
            return [from_iso(str(value)).astimezone(forms.study_time_zone()).strftime("%d-%m-%Y;%H:%M")]
        if self.options:
            return [self.options[cell(value)].value]
        return [cell(value)]


def _tables() -> list[Table]:
    return [t for t in flat_tables() if t.scope in _SCOPES]


def _variables(table: Table) -> list[Variable]:
    return [v for v in table.columns if v.name not in KEYS]


def default_map() -> list[list[str]]:
    """MIMIC's own variable names, option codes and labels: what a Castor study built from the dictionary has."""
    rows = []
    for table in _tables():
        for variable in _variables(table):
            rows.append([variable.name, variable.name, "", "", ""])
            rows += [[variable.name, "", code.value, code.value, code.value] for code in variable.codes]
    return rows


def read_map(path: Path) -> list[list[str]]:
    """The rows of an edited variable map (CSV with MAP_HEADER), each checked when the map is built."""
    try:
        with Path(path).open(encoding="utf-8-sig", newline="") as stream:
            rows = list(csv.reader(stream))
    except (OSError, UnicodeDecodeError) as error:
        raise CastorMapError(Text("Cannot read the variable map {path}: {error}.", path=path, error=error)) from None
    if not rows or tuple(rows[0]) != MAP_HEADER:
        raise CastorMapError(
            Text(
                "The variable map {path} must start with the columns {columns}.",
                path=path,
                columns=", ".join(MAP_HEADER),
            )
        )
    return rows[1:]


def build_map(rows: Iterable[Sequence[str]]) -> dict[str, Mapped]:
    """Every variable Castor receives, by MIMIC name; a row naming an unknown variable or code is refused."""
    known = {v.name: v for table in _tables() for v in _variables(table)}
    names: dict[str, str] = {}
    options: dict[str, dict[str, Option]] = {name: {} for name in known}
    for number, row in enumerate(rows, start=2):
        if len(row) != len(MAP_HEADER):
            raise CastorMapError(
                Text("Variable map, line {number}: expected {count} columns.", number=number, count=len(MAP_HEADER))
            )
        name, castor, code, value, label = (part.strip() for part in row)
        if name not in known:
            raise CastorMapError(
                Text("Variable map, line {number}: {name!r} is not a MIMIC variable.", number=number, name=name)
            )
        if not code:
            if not castor:
                raise CastorMapError(
                    Text("Variable map, line {number}: {name} needs a Castor variable name.", number=number, name=name)
                )
            names[name] = castor
        elif code not in {c.value for c in known[name].codes}:
            raise CastorMapError(
                Text(
                    "Variable map, line {number}: {code!r} is not a code of {name}.",
                    number=number,
                    code=code,
                    name=name,
                )
            )
        elif not value:
            raise CastorMapError(
                Text(
                    "Variable map, line {number}: code {code} of {name} needs a Castor option value.",
                    number=number,
                    code=code,
                    name=name,
                )
            )
        else:
            options[name][code] = Option(value, label or value)
    mapped = {}
    for name, variable in known.items():
        if name not in names:
            raise CastorMapError(Text("The variable map leaves out {name}: give it a Castor variable name.", name=name))
        missing = [c.value for c in variable.codes if c.value not in options[name]]
        if missing:
            raise CastorMapError(
                Text("The variable map leaves out the codes {codes} of {name}.", codes=", ".join(missing), name=name)
            )
        # In the order of the form's codes, so checkbox columns follow the form.
        ordered = {c.value: options[name][c.value] for c in variable.codes}
        mapped[name] = Mapped(variable, names[name], ordered)
    taken: dict[str, str] = {}
    for name, item in mapped.items():
        for column in item.columns():
            if column in taken:
                raise CastorMapError(
                    Text(
                        "The variable map gives {name} and {taken} the same column {column}.",
                        name=name,
                        taken=taken[column],
                        column=column,
                    )
                )
            taken[column] = name
    return mapped


def _rows(table: Table, mapped: dict[str, Mapped], records: Sequence[Procedure]) -> tuple[list[str], list[list[str]]]:
    variables = [mapped[v.name] for v in _variables(table)]
    label = _SCOPES[table.scope]
    keys = [PARTICIPANT, SITE, *([INSTANCE] if label else [])]
    header = keys + [column for item in variables for column in item.columns()]
    rows = []
    for proc in records:
        for row in table.rows(proc):
            instance = [f"{label} {row[table.number]}"] if label and table.number else []
            values = [part for item in variables for part in item.cells(row[item.variable.name])]
            rows.append([proc.study_id, proc.centre, *instance, *values])
    return header, rows


def _parts(name: str, header: list[str], rows: list[list[str]]) -> list[tuple[str, list[list[str]]]]:
    """The file's rows in as many parts as Castor's limit on data points asks for (NAME, NAME_part2, ...)."""
    per_file = max(1, MAX_DATA_POINTS // len(header) - 1)  # the header row counts too
    count = max(1, math.ceil(len(rows) / per_file))
    if count == 1:
        return [(name, rows)]
    return [(f"{name}_part{n + 1}", rows[n * per_file : (n + 1) * per_file]) for n in range(count)]


def map_file(folder: Path, prefix: str) -> Path:
    return Path(folder) / f"{prefix}_castor_variable_map.csv"


def write_castor(
    records: Sequence[Procedure], folder: Path, prefix: str = "mimic", variable_map: Path | None = None
) -> list[Path]:
    """PREFIX_castor_study.csv, PREFIX_castor_lesion.csv and PREFIX_castor_complication.csv (split into parts
    when larger than one Castor import), and PREFIX_castor_variable_map.csv, the map they were written with.

    The map: variable_map when given, else the one an earlier export left in folder (edited there by the trial
    office, so that exporting into the same folder again keeps its edits), else MIMIC's own names and codes.
    """
    earlier = map_file(folder, prefix)
    source = variable_map or (earlier if earlier.is_file() else None)
    rows_of_map = read_map(source) if source else default_map()
    mapped = build_map(rows_of_map)
    folder = export_folder(folder)
    writers = {}
    for table in _tables():
        header, rows = _rows(table, mapped, records)
        base = f"{prefix}_castor_{'study' if table.scope == 'procedure' else table.scope}"
        for name, part in _parts(base, header, rows):
            writers[folder / f"{name}.csv"] = csv_writer(header, part)
    writers[map_file(folder, prefix)] = csv_writer(MAP_HEADER, rows_of_map, definitions=True)
    return write_files(writers)
