"""Start MIMIC Desktop: `python main.py` opens the app (on the demo database when there is no other)."""

import sys

from mimic_desktop.cli.main import main

if __name__ == "__main__":
    sys.exit(main())
