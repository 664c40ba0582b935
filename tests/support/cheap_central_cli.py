"""`mimic-central` as a separate process whose new password hashes carry the tests' tiny cost (as cheap_cli)."""

from __future__ import annotations

import sys

from mimic_desktop.cli.central import main
from mimic_desktop.storage import password_hash
from tests.support.cheap_hashes import TEST_COST

if __name__ == "__main__":
    password_hash.CURRENT = TEST_COST
    sys.exit(main())
