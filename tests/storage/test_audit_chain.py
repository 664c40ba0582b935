import sqlite3

import pytest

from mimic_desktop.storage import audit
from mimic_desktop.storage.schema_check import schema_problems


@pytest.fixture
def trail(service, recorded, db_path):
    assert audit.check(service.store.conn).ok
    return db_path


def raw(db_path):
    conn = sqlite3.connect(db_path, isolation_level=None)
    conn.execute("DROP TRIGGER audit_no_update")
    conn.execute("DROP TRIGGER audit_no_delete")
    return conn


def test_the_application_cannot_update_or_delete_audit_rows(store, trail):
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        store.conn.execute("UPDATE audit SET reason='x' WHERE seq=1")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        store.conn.execute("DELETE FROM audit WHERE seq=1")


def test_an_edited_row_is_found(trail):
    conn = raw(trail)
    conn.execute("UPDATE audit SET new_value='\"99\"' WHERE seq=5")
    result = audit.verify(conn)
    assert not result.ok and any("entry 5 was altered" in str(p) for p in result.problems)


def test_a_deleted_row_is_found(trail):
    conn = raw(trail)
    conn.execute("DELETE FROM audit WHERE seq=7")
    result = audit.verify(conn)
    assert not result.ok and any("entry 7 is missing" in str(p) for p in result.problems)


def test_an_inserted_row_is_found(trail):
    conn = raw(trail)
    conn.execute(
        "INSERT INTO audit (seq, at_utc, username, procedure_id, entity, entity_id, field, old_value, new_value,"
        " reason, prev_hash, hash) SELECT seq + 100000, at_utc, username, procedure_id, entity, entity_id, field,"
        " old_value, new_value, reason, prev_hash, hash FROM audit WHERE seq=3"
    )
    assert not audit.verify(conn).ok


def test_a_deleted_tail_is_found_by_the_chain_and_by_the_cross_check(trail):
    conn = raw(trail)
    last = conn.execute("SELECT MAX(seq) FROM audit").fetchone()[0]
    conn.execute("DELETE FROM audit WHERE seq >= ?", (last - 2,))
    problems = [str(p) for p in audit.verify(conn).problems]
    assert problems == [f"entries {last - 2} to {last} are missing from the end of the trail"]
    assert audit.cross_check(conn)
    # A forger who also rewinds SQLite's record of the highest seq: the data the cut rows described still tells.
    conn.execute("UPDATE sqlite_sequence SET seq = ? WHERE name = 'audit'", (last - 3,))
    assert audit.verify(conn).ok and audit.cross_check(conn)


def test_a_row_rehashed_by_hand_still_breaks_the_next_link(trail):
    conn = raw(trail)
    row = dict(
        zip(
            audit.CHAINED_COLUMNS,
            conn.execute(f"SELECT {', '.join(audit.CHAINED_COLUMNS)} FROM audit WHERE seq=4").fetchone(),
            strict=True,
        )
    )
    row["new_value"] = '"forged"'
    prev = conn.execute("SELECT prev_hash FROM audit WHERE seq=4").fetchone()[0]
    conn.execute("UPDATE audit SET new_value=?, hash=? WHERE seq=4", (row["new_value"], audit.row_hash(prev, row)))
    result = audit.verify(conn)
    assert any("entry 5 does not follow" in str(p) for p in result.problems)


def test_a_damaged_index_is_found_by_the_whole_check_though_the_chain_is_intact(trail):
    conn = raw(trail)
    name = conn.execute("SELECT name FROM sqlite_master WHERE type='index' AND tbl_name='audit'").fetchone()[0]
    conn.execute("PRAGMA writable_schema=ON")
    # The index forgets every entry it held, so the table and its index no longer agree.
    conn.execute("UPDATE sqlite_master SET sql=sql || ' WHERE 0' WHERE name=?", (name,))
    conn.close()
    conn = sqlite3.connect(trail)
    assert audit.verify(conn).ok and audit.cross_check(conn) == []
    result = audit.check(conn)
    assert [str(p) for p in result.problems] == [f"integrity_check: wrong # of entries in index {name}"]
    assert [str(p) for p in schema_problems(conn)] == [
        "the trigger audit_no_delete is missing (dropped outside the application)",  # as raw() left them
        "the trigger audit_no_update is missing (dropped outside the application)",
        f"the definition of the index {name} was changed outside the application",
    ]


def test_a_value_edited_into_text_that_is_not_json_is_named_not_a_crash(trail):
    conn = raw(trail)
    conn.execute("UPDATE audit SET new_value='not json' WHERE seq=5")
    problems = [str(p) for p in audit.check(conn).problems]
    assert problems[0] == "entry 5 was altered"
    assert problems[-1].startswith(
        "the data cannot be compared with the trail: an entry holds a value that is not JSON"
    )
