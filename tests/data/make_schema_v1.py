"""Writes schema_v1.sqlite: a database as the first schema version left it, for upgrade tests.

Run once when the fixture must be remade: python tests/data/make_schema_v1.py
"""

import sqlite3
from pathlib import Path

from sqlite_utils import Database

from mimic_desktop.storage import audit
from mimic_desktop.storage.migrations import migrations

TARGET = Path(__file__).with_name("schema_v1.sqlite")
NOW = "2026-01-05T08:00:00.000000+00:00"


def main() -> None:
    TARGET.unlink(missing_ok=True)
    conn = sqlite3.connect(TARGET, isolation_level=None)
    db = Database(conn)
    migrations.apply(db, stop_before="m002_signatures_exports_settings")
    conn.execute(
        "INSERT INTO users (username, full_name, role, pw_hash, pw_salt, created_utc) VALUES (?, ?, ?, ?, ?, ?)",
        ("old.coord", "Old Coordinator", "coordinator", "00" * 32, "00" * 16, NOW),
    )
    conn.execute(
        "INSERT INTO procedures (id, study_id, centre, session_id, status, created_utc, created_by, modified_utc)"
        " VALUES ('p1', 'MIM-02-001', '02', 's1', 'in_progress', ?, 'old.coord', ?)",
        (NOW, NOW),
    )
    conn.execute(
        "INSERT INTO events (procedure_id, kind, at_utc, recorded_utc, username) VALUES ('p1', 'incision', ?, ?, 'old.coord')",
        (NOW, NOW),
    )
    conn.execute(
        "INSERT INTO field_values VALUES ('p1', 'procedure', '', 'age', '64')",
    )
    for entity, entity_id, field, new in (
        ("user", "old.coord", "role", "coordinator"),
        ("procedure", "p1", "study_id", "MIM-02-001"),
        ("procedure", "p1", "centre", "02"),
        ("procedure", "p1", "age", 64),
        ("event", "1", "kind", "incision"),
    ):
        audit.append(
            conn,
            at_utc=NOW,
            username="old.coord",
            procedure_id="p1",
            entity=entity,
            entity_id=entity_id,
            field=field,
            old=None,
            new=new,
        )
    conn.close()


if __name__ == "__main__":
    main()
