"""Reading the flat tables: each column read the way the analysis uses it, whatever wrote it.

The tables come from the central database (booleans as 0/1), from CSV files (text) or straight
from records (Python values); a value that cannot be read is an error naming table, column and
value, never a silently missing case.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..domain.errors import MimicError

if TYPE_CHECKING:
    import pandas as pd

_YES_NO = {
    "true": True,
    "yes": True,
    "1": True,
    "1.0": True,
    "false": False,
    "no": False,
    "0": False,
    "0.0": False,
}


class ReportInputError(MimicError):
    """A table given to the report lacks a column it needs or holds a value it cannot read."""


def require(frame: pd.DataFrame, table: str, columns: tuple[str, ...]) -> None:
    missing = [name for name in columns if name not in frame.columns]
    if missing:
        raise ReportInputError(
            f"The {table} table has no column {', '.join(missing)}; the report reads the columns of the "
            "flat export (exchange/flat.py)."
        )


def _unreadable(series: pd.Series, bad: pd.Series, table: str, kind: str) -> ReportInputError:
    example = series[bad].iloc[0]
    return ReportInputError(
        f"{table}.{series.name} holds {example!r} ({int(bad.sum())} value(s) like it), which is not {kind}."
    )


def _each_value(series: pd.Series, convert) -> pd.Series:
    """convert applied once per distinct value: columns hold few, and tables may hold 100,000 rows."""
    return series.map({value: convert(value) for value in series.dropna().unique()})


def _stripped(value) -> str | None:
    return str(value).strip() or None


def text(series: pd.Series) -> pd.Series:
    """Codes and text, stripped; empty text is missing."""
    return _each_value(series, _stripped).astype("string")


def key(series: pd.Series) -> pd.Series:
    """Session and study IDs and centre codes as text, as written (one distinct value per row, so no per-value work)."""
    return series.astype("string")


def flag(series: pd.Series, table: str) -> pd.Series:
    """Yes/no as True, False or missing (pandas' nullable boolean), from bools, 0/1 or words."""
    words = _each_value(series, lambda value: (_stripped(value) or "").lower())
    read = words.map(_YES_NO)
    bad = words.notna() & words.ne("") & read.isna()
    if bad.any():
        raise _unreadable(series, bad, table, "yes or no")
    return read.astype("boolean")


def number(series: pd.Series, table: str) -> pd.Series:
    """Numbers as floats (NaN where missing)."""
    import pandas as pd

    words = text(series)
    read = pd.to_numeric(words, errors="coerce")
    bad = words.notna() & read.isna()
    if bad.any():
        raise _unreadable(series, bad, table, "a number")
    return read.astype(float)
