"""The one check every writer of files goes through before it writes: never onto a database.

The rule itself is storage.protected (it knows which files belong to a database); this is how the
commands, the services and the app's save dialogs ask it, in the reader's language.
"""

from __future__ import annotations

from pathlib import Path

from ..storage.protected import WriteRefused, check_file, check_folder, folder_refusal, refusal

__all__ = ["WriteRefused", "check_file", "check_folder", "refused_file", "refused_folder"]


def refused_file(target: Path | str, lang: str = "en") -> str | None:
    """Why nothing may be written at target, in lang; None when it may be."""
    found = refusal(target)
    return None if found is None else found.text(lang)


def refused_folder(folder: Path | str, lang: str = "en") -> str | None:
    """Why no file may be written into folder, in lang; None when it may be."""
    found = folder_refusal(folder)
    return None if found is None else found.text(lang)
