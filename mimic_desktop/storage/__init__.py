"""SQLite storage: connections, schema migrations, the audit trail and the repository."""

import importlib
import sys


def _load_sqlite_utils_without_pandas() -> None:
    """Keep start-up light: sqlite-utils imports pandas and numpy when installed, only to map their
    column types, which this application never writes. The analysis still imports pandas itself."""
    if "sqlite_utils" in sys.modules:
        return
    hidden = [name for name in ("pandas", "numpy") if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # makes `import pandas` fail inside sqlite-utils only
    try:
        importlib.import_module("sqlite_utils")
    finally:
        for name in hidden:
            if sys.modules.get(name, 0) is None:
                del sys.modules[name]


_load_sqlite_utils_without_pandas()
