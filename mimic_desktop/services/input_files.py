"""Reading a file a person named: only a regular file, only up to a size, or a plain refusal.

A device (/dev/zero) would be read until memory runs out and a FIFO would wait forever for a writer: the
file's kind is looked at before it is opened, and what is read is capped while reading, so that a file that
grows (or lies about its size) cannot get past the cap either.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from ..domain.errors import MimicError
from ..domain.wording import Messages, say_in


class InputFileRefused(MimicError):
    """A named input that is not a regular file, cannot be read, or is larger than such a file can be."""


MESSAGES: Messages = {
    "missing": ("There is no file {path}.", "Het bestand {path} bestaat niet."),
    "folder": ("{path} is a folder, not a file.", "{path} is een map, geen bestand."),
    "special": (
        "{path} is not a regular file (a device, a pipe or a socket): name a file.",
        "{path} is geen gewoon bestand (een apparaat, pipe of socket): geef een bestand op.",
    ),
    "unreadable": ("{path} cannot be read: {reason}.", "{path} kan niet worden gelezen: {reason}."),
    "too_large": (
        "{path} is larger than {limit:,} bytes, more than {what} can be.",
        "{path} is groter dan {limit:,} bytes, meer dan {what} kan zijn.",
    ),
}


def refuse_unless_regular(path: Path, lang: str = "en") -> os.stat_result:
    """The file's status when it is a regular file; InputFileRefused in words otherwise (never opens it)."""
    try:
        status = path.stat()
    except FileNotFoundError:
        raise InputFileRefused(say_in(MESSAGES, "missing", lang, path=path)) from None
    except OSError as error:
        raise InputFileRefused(
            say_in(MESSAGES, "unreadable", lang, path=path, reason=error.strerror or error)
        ) from None
    if stat.S_ISDIR(status.st_mode):
        raise InputFileRefused(say_in(MESSAGES, "folder", lang, path=path))
    if not stat.S_ISREG(status.st_mode):
        raise InputFileRefused(say_in(MESSAGES, "special", lang, path=path))
    return status


def read_capped(path: Path, limit: int, what: str = "such a file", lang: str = "en") -> bytes:
    """The bytes of a regular file of at most limit bytes; InputFileRefused in words otherwise."""
    status = refuse_unless_regular(path, lang)
    if status.st_size > limit:
        raise InputFileRefused(say_in(MESSAGES, "too_large", lang, path=path, limit=limit, what=what))
    try:
        # O_NONBLOCK: should the path have been swapped for a FIFO since the look above, opening does not wait.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as file:
            if not stat.S_ISREG(os.fstat(file.fileno()).st_mode):
                raise InputFileRefused(say_in(MESSAGES, "special", lang, path=path))
            data = file.read(limit + 1)
    except OSError as error:
        raise InputFileRefused(
            say_in(MESSAGES, "unreadable", lang, path=path, reason=error.strerror or error)
        ) from None
    if len(data) > limit:
        raise InputFileRefused(say_in(MESSAGES, "too_large", lang, path=path, limit=limit, what=what))
    return data
