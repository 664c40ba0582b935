"""Reading the flat tables: each column read the way the analysis uses it, whatever wrote it.

The tables come from the central database (booleans as 0/1), from CSV files (text) or straight
from records (Python values); a value that cannot be read is an error naming table, column and
value, never a silently missing case.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

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


def _unreadable(series: pd.Series, codes: Any, bad_codes: list[int], table: str, kind: str) -> ReportInputError:
    import numpy as np

    bad = np.isin(codes, bad_codes)
    example = series[bad].iloc[0]
    return ReportInputError(
        f"{table}.{series.name} holds {example!r} ({int(bad.sum())} value(s) like it), which is not {kind}."
    )


def _distinct(series: pd.Series) -> tuple[Any, list[Any]]:
    """Each row's code and the distinct values (a missing value gets code -1).

    Columns hold few distinct values and tables may hold 100,000 rows: each value is read once,
    and the result is spread back over the rows by its code (_spread).
    """
    import pandas as pd

    codes, distinct = pd.factorize(series)
    return codes, list(distinct)


def _spread(series: pd.Series, codes: Any, values: list[Any], dtype: str) -> pd.Series:
    """values (one per distinct value) back on the rows; missing rows get the dtype's missing value."""
    import pandas as pd

    read = pd.array(values, dtype=dtype).take(codes, allow_fill=True)
    return pd.Series(read, index=series.index, name=series.name)


def _stripped(value: object) -> str | None:
    return str(value).strip() or None


def text(series: pd.Series) -> pd.Series:
    """Codes and text, stripped; empty text is missing."""
    codes, distinct = _distinct(series)
    return _spread(series, codes, [_stripped(value) for value in distinct], "string")


def key(series: pd.Series) -> pd.Series:
    """Session and study IDs and centre codes as text, as written (one distinct value per row, so no per-value work)."""
    return series.astype("string")


def flag(series: pd.Series, table: str) -> pd.Series:
    """Yes/no as True, False or missing (pandas' nullable boolean), from bools, 0/1 or words."""
    codes, distinct = _distinct(series)
    words = [(_stripped(value) or "").lower() for value in distinct]
    bad = [code for code, word in enumerate(words) if word and word not in _YES_NO]
    if bad:
        raise _unreadable(series, codes, bad, table, "yes or no")
    return _spread(series, codes, [_YES_NO.get(word) for word in words], "boolean")


def number(series: pd.Series, table: str) -> pd.Series:
    """Numbers as floats (NaN where missing)."""
    import pandas as pd

    codes, distinct = _distinct(series)
    words = pd.Series([_stripped(value) for value in distinct], dtype="string")
    read = pd.to_numeric(words, errors="coerce")
    bad = [code for code in range(len(words)) if pd.notna(words[code]) and pd.isna(read[code])]
    if bad:
        raise _unreadable(series, codes, bad, table, "a number")
    return _spread(series, codes, list(read.astype(float)), "float64")
