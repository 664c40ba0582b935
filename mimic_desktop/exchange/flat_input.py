"""Flat CSV tables read back for the analysis: which file is which table, and every value checked.

The report reads the tables of a folder: the plain names (procedures.csv, lesions.csv,
complications.csv) or the app's own exports as they are written (mimic_procedures.csv,
mimic_central_procedures.csv, MIM-01-002_procedures.csv). Every value of a column the data
dictionary knows is checked against it: codes exactly as the forms write them (R0, not r0; no R2),
yes/no as the exports write it (1/0) or as people do (true/false, yes/no, in any case), numbers,
ISO dates and date-times. A leading single quote that the export put before a text a spreadsheet
would run is taken off again. Input that cannot be read is refused whole, each value named with
its file and line: a report computed on values it had to guess at would be wrong without a word.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from ..domain.errors import MimicError
from ..domain.wording import Text, Worded, say
from .files import FORMULA_STARTS
from .variables import Variable, tables

if TYPE_CHECKING:
    import pandas as pd

TABLES = ("procedures", "lesions", "complications")
YES = {"1", "true", "yes"}
NO = {"0", "false", "no"}
SHOWN = 30  # problems listed in the message; the rest are counted
_INTEGER = re.compile(r"[+-]?\d+(\.0*)?")
# A column of the input's procedures table that no export writes: the procedures the row's centre did before
# the trial, which the learning curve counts (the central database holds it as a setting per centre).
PRIOR_PROCEDURES = Variable(
    name="centre_prior_procedures",
    type="integer",
    label={"en": "Procedures of the centre before the trial", "nl": "Procedures van het centrum vóór de studie"},
    minimum=0,
)


class TableInputError(MimicError):
    """Tables the report cannot read: the message names each refused file, line and value."""


@dataclass(frozen=True)
class Problem:
    file: str
    line: int  # the line of the file, the header being line 1
    column: str
    value: str
    expected: Text

    def text(self, lang: str = "en") -> str:
        return say(
            "{file}, line {line}, {column}: {value!r} is not {expected}",
            lang,
            file=self.file,
            line=self.line,
            column=self.column,
            value=self.value,
            expected=self.expected,
        )

    def __str__(self) -> str:
        return self.text()


def table_files(folder: Path) -> dict[str, Path]:
    """The file of each table in folder: NAME.csv, or one export's PREFIX_NAME.csv (never two to choose from)."""
    folder = Path(folder)
    if not folder.is_dir():
        raise TableInputError(
            Text(
                "{folder} is not a folder: the report reads {tables} CSV files from one.",
                folder=folder,
                tables=", ".join(TABLES),
            )
        )
    found = {}
    for name in TABLES:
        plain = folder / f"{name}.csv"
        candidates = [plain] if plain.is_file() else sorted(p for p in folder.glob(f"*_{name}.csv") if p.is_file())
        if not candidates:
            raise TableInputError(
                Text(
                    "{path} is missing: the report reads {files} (or one export's files, such as mimic_lesions.csv) "
                    "from one folder.",
                    path=folder / (name + ".csv"),
                    files=", ".join(t + ".csv" for t in TABLES),
                )
            )
        if len(candidates) > 1:
            names = ", ".join(p.name for p in candidates)
            raise TableInputError(
                Text(
                    "{folder} holds more than one {name} table ({names}): keep one export per folder.",
                    folder=folder,
                    name=name,
                    names=names,
                )
            )
        found[name] = candidates[0]
    return found


def _unquoted(text: str) -> str:
    """The text as typed: without the single quote the export put before one a spreadsheet would run."""
    return text[1:] if text.startswith("'") and text[1:].startswith(FORMULA_STARTS) else text


def _expected(variable: Variable) -> Text:
    if variable.type == "boolean":
        return Text("yes or no (1/0, true/false, yes/no)")
    if variable.codes:
        codes = ", ".join(code.value for code in variable.codes)
        if variable.type == "multichoice":
            return Text("made of {codes} (joined by ;)", codes=codes)
        return Text("one of {codes}", codes=codes)
    if variable.field is None and variable.minimum is not None:
        return Text("a whole number of at least {minimum:g}", minimum=variable.minimum)
    return {
        "integer": Text("a whole number"),
        "likert": Text("a whole number"),
        "decimal": Text("a number"),
        "date": Text("a date (YYYY-MM-DD)"),
        "datetime": Text("a date and time (ISO 8601 with its UTC offset)"),
    }.get(variable.type, Text("text"))


def _read(variable: Variable, text: str) -> str | None:
    """The value as the analysis reads it, or None when the data dictionary does not allow it."""
    kind = variable.type
    if kind == "boolean":
        word = text.lower()
        return "1" if word in YES else "0" if word in NO else None
    if kind == "multichoice":
        allowed = {code.value for code in variable.codes}
        return text if all(part in allowed for part in text.split(";")) else None
    if variable.codes:
        return text if text in {code.value for code in variable.codes} else None
    if kind in ("integer", "likert"):
        if not _INTEGER.fullmatch(text):
            return None
        whole = int(float(text))
        # A bound of a column that is not a form field (the form's own bounds are the record's rules).
        return (
            None if variable.field is None and variable.minimum is not None and whole < variable.minimum else str(whole)
        )
    if kind == "decimal":
        try:
            number = float(text)
        except ValueError:
            return None
        return text if math.isfinite(number) else None
    if kind == "date":
        try:
            return date.fromisoformat(text).isoformat() if len(text) == 10 else None
        except ValueError:
            return None
    if kind == "datetime":
        try:
            return text if datetime.fromisoformat(text).tzinfo is not None else None
        except ValueError:
            return None
    return text


def check(frame: pd.DataFrame, table: str, file: str) -> tuple[pd.DataFrame, list[Problem]]:
    """The table with every known column read as the analysis reads it, and what could not be read.

    A column holds few distinct values and a table may hold 100,000 rows: each distinct value is read once.
    """
    import pandas as pd

    variables = {v.name: v for t in tables() if t.name == table for v in t.columns}
    if table == "procedures":
        variables[PRIOR_PROCEDURES.name] = PRIOR_PROCEDURES
    problems: list[Problem] = []
    checked = frame.copy()
    for column in frame.columns:
        variable = variables.get(column)
        if variable is None:
            continue  # a column the statistician added: the report does not read it
        codes, distinct = pd.factorize(frame[column], use_na_sentinel=True)
        read = []
        for value in distinct:
            text = _unquoted(str(value).strip())
            read.append(_read(variable, text) if text else None)
        unreadable = {code for code, value in enumerate(distinct) if read[code] is None and str(value).strip()}
        if unreadable:
            for position, code in enumerate(codes):
                if code in unreadable:
                    problems.append(Problem(file, position + 2, column, distinct[code], _expected(variable)))
        checked[column] = pd.array(read, dtype="object").take(codes, allow_fill=True) if len(read) else None
    return checked, problems


def read_tables(folder: Path) -> dict[str, pd.DataFrame]:
    """The three tables of a folder as text, every value checked; TableInputError naming each refused value."""
    import pandas as pd

    frames, problems = {}, []
    for name, path in table_files(folder).items():
        try:
            frame = pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""], encoding="utf-8")
        except (ValueError, pd.errors.ParserError, UnicodeDecodeError) as error:
            raise TableInputError(Text("{path} is not a readable CSV file: {error}", path=path, error=error)) from None
        frames[name], found = check(frame, name, path.name)
        problems += found
    if problems:
        shown, hidden = problems[:SHOWN], len(problems) - SHOWN
        listed = Worded(lambda lang: "\n".join(f"  {problem.text(lang)}" for problem in shown))
        more = Worded(lambda lang: "\n  " + say("and {count} more", lang, count=hidden) if hidden > 0 else "")
        raise TableInputError(
            Text(
                "{count} value(s) in {folder} do not match the data dictionary, so no report was made:\n{listed}{more}",
                count=len(problems),
                folder=folder,
                listed=listed,
                more=more,
            )
        )
    return frames
