"""`mimic-desktop` (or, with MIMIC_PROGRAM naming its module, `mimic-central`) as a separate process whose new
password hashes carry the tests' tiny cost.

Tests that run the command line as a process use `python -m tests.support.cheap_cli ...`: the cost is set here,
in the tests' own launcher, since the product reads no setting that lowers it.
"""

from __future__ import annotations

import importlib
import os
import sys

from mimic_desktop.storage import password_hash
from tests.support.cheap_hashes import TEST_COST

if __name__ == "__main__":
    password_hash.CURRENT = TEST_COST
    program = importlib.import_module(os.environ.get("MIMIC_PROGRAM", "mimic_desktop.cli.main"))
    sys.exit(program.main())
