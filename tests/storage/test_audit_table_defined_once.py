"""The audit table is defined once (storage/audit.py) for the laptop's and the central study database: a database
made now has exactly the schema of one made by the first release and migrated since, so nothing applied has
changed, and the central one starts from the same table."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from mimic_desktop.exchange.central import open_central
from mimic_desktop.storage import audit
from mimic_desktop.storage.connection import open_store

FIRST_RELEASE = Path(__file__).parents[1] / "data" / "schema_v1.sqlite"
SQL = "SELECT type, name, sql FROM sqlite_master WHERE tbl_name = 'audit' AND sql IS NOT NULL ORDER BY name"


def audit_schema(path: Path) -> list[tuple[str, str, str]]:
    conn = sqlite3.connect(path)
    try:
        return [tuple(row) for row in conn.execute(SQL)]
    finally:
        conn.close()


def test_a_new_laptop_database_has_the_audit_table_of_one_made_by_the_first_release(tmp_path):
    old = tmp_path / "old.sqlite"
    shutil.copy(FIRST_RELEASE, old)
    open_store(old).close()
    open_store(tmp_path / "new.sqlite").close()
    made = audit_schema(tmp_path / "new.sqlite")
    assert made == audit_schema(old)
    assert {name for _type, name, _sql in made} == {"audit", "audit_procedure", "audit_no_update", "audit_no_delete"}


def test_the_central_audit_table_is_the_laptops_but_for_its_index(tmp_path):
    open_store(tmp_path / "laptop.sqlite").close()
    open_central(tmp_path / "central.sqlite").close()
    laptop = {name: sql for _type, name, sql in audit_schema(tmp_path / "laptop.sqlite")}
    central = {name: sql for _type, name, sql in audit_schema(tmp_path / "central.sqlite")}
    first_columns = audit.TABLE_SQL.removesuffix(")")
    assert laptop["audit"].startswith(first_columns) and central["audit"].startswith(first_columns)
    # (The laptop's update trigger was narrowed later, to let a redaction replace a value's key.)
    assert central["audit_no_delete"] == laptop["audit_no_delete"] == audit.APPEND_ONLY_SQL[1]
    assert central["audit_no_update"] == audit.APPEND_ONLY_SQL[0]
    assert central["audit_entity"] == "CREATE INDEX audit_entity ON audit (entity, entity_id, seq)"
