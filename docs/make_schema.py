"""Write the JSON Schema of a session file's record.json, generated from the field definitions in forms/.

    python docs/make_schema.py [FILE]     (default: docs/session-record.schema.json)

Run it after changing forms/; a test fails while the published schema differs from the generated one.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from mimic_desktop.exchange.record_schema import schema_text

DEFAULT = Path(__file__).resolve().parent / "session-record.schema.json"


def main(argv: list[str]) -> int:
    target = Path(argv[0]) if argv else DEFAULT
    target.write_text(schema_text(), encoding="utf-8")
    print(target)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
