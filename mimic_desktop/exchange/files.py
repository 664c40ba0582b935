"""Writing export files: under a temporary name first, renamed only when every file is whole."""

from __future__ import annotations

import csv
import os
import re
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from ..domain.errors import MimicError
from ..domain.private_files import make_private
from ..storage import protected

Writer = Callable[[Path], object]  # what a writer returns (a byte count, a path) is not used


class ExportError(MimicError):
    """An export file cannot be written where the user asked."""


def export_folder(folder: Path) -> Path:
    """The folder to write into, made when it does not exist yet."""
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise ExportError(f"Cannot export to {folder}: it is a file, not a folder.")
    protected.check_folder(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ExportError(f"Cannot make the folder {folder}: {error.strerror or error}.") from None
    return folder


def write_files(writers: dict[Path, Writer]) -> list[Path]:
    """Write each file to NAME.part, then rename them all; on any failure no file is left half written.

    Nothing is written when any target is a database, its journal or in its backups (storage.protected).
    """
    for planned in writers:
        if not planned.is_dir():  # a folder of that name is said below, as an export error
            protected.check_file(planned)
            protected.check_file(planned.with_name(planned.name + ".part"))
    partials: dict[Path, Path] = {}
    target = None
    try:
        for target, write in writers.items():
            if target.is_dir():
                raise ExportError(f"Cannot write {target}: there is a folder of that name.")
            if not target.parent.is_dir():
                raise ExportError(f"Cannot write {target.name}: the folder {target.parent} does not exist.")
            partial = partials[target] = target.with_name(target.name + ".part")
            write(partial)
            make_private(partial)
            with partial.open("rb+") as written:
                os.fsync(written.fileno())
        for target, partial in partials.items():
            partial.replace(target)
    except OSError as error:
        raise ExportError(f"Cannot write {target}: {error.strerror or error}.") from None
    finally:
        for partial in partials.values():
            partial.unlink(missing_ok=True)
    return list(writers)


# A spreadsheet runs a cell that starts with one of these as a formula, quoted or not (OWASP "CSV Injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")


def spreadsheet_safe(text: str) -> str:
    """text with a leading single quote when a spreadsheet would evaluate it; numbers (-3.5) stay numbers."""
    if text.startswith(FORMULA_STARTS) and not _NUMBER.fullmatch(text):
        return "'" + text
    return text


def csv_writer(header: Sequence[str], rows: Iterable[Sequence[str]], *, definitions: bool = False) -> Writer:
    """A CSV file in UTF-8 with a header line (RFC 4180: comma, double quotes, CRLF line ends).

    Every cell of a data file goes through spreadsheet_safe, so no value a person typed reaches a spreadsheet as
    a formula. definitions: the file describes the variables, from forms/ alone, and is written as it is (REDCap
    reads action tags such as @READONLY in its data dictionary).
    """
    safe = (lambda cell: cell) if definitions else spreadsheet_safe

    def write(path: Path) -> None:
        with path.open("w", encoding="utf-8", newline="") as stream:
            out = csv.writer(stream)
            out.writerow(header)
            out.writerows([safe(cell) for cell in row] for row in rows)

    return write
