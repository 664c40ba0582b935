"""SQLite storage: connections, schema migrations, the audit trail and the repository."""

import importlib
import sys
from types import ModuleType


def load_sqlite_utils() -> ModuleType:
    """sqlite-utils, imported on first need: applying a migration, or a test's look at the schema.

    It imports pandas and numpy when installed, only to map their column types, which this
    application never writes; they are hidden from it, to keep that import light. The analysis
    still imports pandas itself.
    """
    if "sqlite_utils" in sys.modules:
        return sys.modules["sqlite_utils"]
    hidden = [name for name in ("pandas", "numpy") if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # type: ignore[assignment]  # makes `import pandas` fail inside sqlite-utils only
    try:
        return importlib.import_module("sqlite_utils")
    finally:
        for name in hidden:
            if sys.modules.get(name, 0) is None:
                del sys.modules[name]
