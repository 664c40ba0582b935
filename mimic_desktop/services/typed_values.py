"""Values typed into a lesion's fields on the live screen and not saved yet, kept in the config folder.

The live screen saves typed values once the typing pauses; should the app die in that pause, what was typed
would be lost, and an entry made in theatre cannot be made again. Each typed value is written here (whole,
synced) as it is typed and dropped once it is saved or discarded; the next time that lesion is shown, what is
still here is put back into its fields and saved as if just typed. Lesion ids are unique across databases, so
one file serves every database of this user.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from . import paths

NAME = "typed-not-saved.json"
MAX_BYTES = 1024 * 1024


class TypedValues:
    def __init__(self, path: Path | None = None):
        self.path = path or paths.config_dir() / NAME

    def _read(self) -> dict[str, dict[str, Any]]:
        try:
            if self.path.stat().st_size > MAX_BYTES:
                return {}
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return {key: value for key, value in data.items() if isinstance(value, dict)} if isinstance(data, dict) else {}

    def _write(self, data: dict[str, dict[str, Any]]) -> None:
        """Whole or not at all; a folder that cannot be written costs the safety net, never the typing."""
        partial = self.path.with_name(self.path.name + ".part")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with open(partial, "w", encoding="utf-8") as stream:
                json.dump(data, stream, ensure_ascii=False)
                stream.flush()
                os.fsync(stream.fileno())
            partial.replace(self.path)
        except OSError:
            partial.unlink(missing_ok=True)

    def keep(self, lesion_id: str, typed: dict[str, Any]) -> None:
        data = self._read()
        data[lesion_id] = data.get(lesion_id, {}) | typed
        self._write(data)

    def forget(self, lesion_id: str, names: set[str] | None = None) -> None:
        """Drop what was kept for these fields of the lesion (all of them when names is None)."""
        data = self._read()
        if lesion_id not in data:
            return
        left = {} if names is None else {k: v for k, v in data[lesion_id].items() if k not in names}
        if left:
            data[lesion_id] = left
        else:
            del data[lesion_id]
        self._write(data)

    def waiting(self, lesion_id: str) -> dict[str, Any]:
        return dict(self._read().get(lesion_id, {}))
