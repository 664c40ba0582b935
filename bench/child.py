"""What a benchmark's child process needs to report back, and nothing more.

A child's own imports are part of what its parent times, so this module imports only json and
sys; bench/core.py (subprocess, statistics, threading) stays in the parent.
"""

from __future__ import annotations

import json
import sys
from typing import Any

CHILD_MARK = "BENCH-RESULT "


def report_to_parent(data: dict[str, Any]) -> None:
    """A child's one result line; the parent stops its clock when it reads it."""
    sys.stdout.write(CHILD_MARK + json.dumps(data) + "\n")
    sys.stdout.flush()
