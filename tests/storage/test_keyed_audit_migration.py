"""A database made before the audit chain committed to typed values by keyed hashes upgrades (m009): every row gets
its keys and commitments, the chain is hashed again and verifies, and a copy made before the upgrade is still found to
be an earlier state of the same trail."""

import shutil
import sqlite3
from pathlib import Path

from mimic_desktop.services import verification
from mimic_desktop.storage import audit
from mimic_desktop.storage.connection import open_store
from mimic_desktop.storage.migrations import migrations

V1 = Path(__file__).parents[1] / "data" / "schema_v1.sqlite"
KEYED = "m009_keyed_audit_values"


def older(tmp_path: Path) -> Path:
    from sqlite_utils import Database

    path = tmp_path / "older.sqlite"
    shutil.copy(V1, path)
    migrations.apply(Database(path), stop_before=KEYED)
    return path


def test_an_older_database_upgrades_and_its_chain_verifies(tmp_path):
    path = older(tmp_path)
    before = tmp_path / "before-upgrade.sqlite"
    shutil.copy(path, before)
    with sqlite3.connect(before) as conn:
        assert not audit.keyed(conn) and audit.check(conn).ok
        (rows,) = conn.execute("SELECT COUNT(*) FROM audit").fetchone()
        old_head = audit.head(conn)[1]
    store = open_store(path)
    assert KEYED in migrations.applied_names(store.conn)
    assert audit.keyed(store.conn)
    result = audit.check(store.conn)
    assert result.ok, result.problems
    assert result.rows == rows + 1
    last = store.conn.execute("SELECT * FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
    assert (last["entity"], last["field"]) == ("audit", "keyed")
    assert audit.decode(last["new_value"]) == {"unkeyed_head": old_head, "entries": rows}
    assert store.conn.execute("SELECT COUNT(*) FROM audit WHERE value_keys IS NULL").fetchone()[0] == 0
    store.close()
    verdict = verification.verify(path, [before])
    assert verdict.code == verification.INTACT, verdict


def test_after_the_upgrade_a_direct_edit_of_a_typed_value_is_still_found(tmp_path):
    path = older(tmp_path)
    open_store(path).close()
    conn = sqlite3.connect(path, isolation_level=None)
    seq = conn.execute("SELECT MAX(seq) FROM audit WHERE reason IS NOT NULL").fetchone()[0]
    conn.execute("DROP TRIGGER audit_no_update")
    conn.execute("UPDATE audit SET reason = reason || ' (edited)' WHERE seq = ?", (seq,))
    assert f"entry {seq} was altered" in [str(p) for p in audit.verify(conn).problems]
    conn.close()


def test_the_trail_refuses_any_update_but_a_redaction(tmp_path):
    path = older(tmp_path)
    store = open_store(path)
    for change in ("reason = 'x'", "hash = 'x'", "commitments = NULL", "username = 'mallory'"):
        try:
            store.conn.execute(f"UPDATE audit SET {change} WHERE seq = 1")
        except sqlite3.IntegrityError as refused:
            assert "append-only" in str(refused)
        else:
            raise AssertionError(f"UPDATE audit SET {change} was allowed")
    store.close()
