"""Central import of session files, against parsing the same JSON and inserting it with bare sqlite3."""

from __future__ import annotations

from .core import Aim, Context, Measure, Row, require

METHOD = """
Session files are exported from records made through the service layer and signed as the
application signs them; each carries its own session and study ID. The central import is timed
over all of them, one file after the other, into a fresh central database. The baseline reads
the same files, parses the same JSON and inserts the procedure and its lesions with bare sqlite3
(WAL, `synchronous=FULL`, one commit per file).
"""

IMPORT = Measure(
    "central_import",
    "Central import of session files",
    "files/s",
    "same JSON parsed and inserted with bare sqlite3",
    Aim("≥ 300 files/s", 300, at_least=True),
)
MEASURES = (IMPORT,)


def run(ctx: Context) -> list[Row]:
    require("mimic_desktop.exchange.session_file")
    require("mimic_desktop.services.central_import")
    raise NotImplementedError
