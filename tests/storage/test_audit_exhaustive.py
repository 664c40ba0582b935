"""Every single edit, insertion or deletion of an audit row is found by verify."""

import sqlite3

import pytest

from mimic_desktop.storage import audit


@pytest.fixture
def pristine(service, recorded, db_path):
    service.complete(recorded)
    service.set_value(recorded, "cea", 8.0, reason="lab corrected")
    source = sqlite3.connect(db_path)
    memory = sqlite3.connect(":memory:")
    source.backup(memory)
    source.close()
    memory.execute("DROP TRIGGER audit_no_update")
    memory.execute("DROP TRIGGER audit_no_delete")
    return memory


def copy(conn):
    other = sqlite3.connect(":memory:")
    conn.backup(other)
    return other


def damaged(conn) -> bool:
    return not audit.verify(conn).ok or bool(audit.cross_check(conn))


def test_the_untouched_trail_verifies(pristine):
    assert not damaged(pristine)


def test_every_edit_deletion_and_insertion_is_found(pristine):
    seqs = [row[0] for row in pristine.execute("SELECT seq FROM audit ORDER BY seq")]
    assert len(seqs) > 50
    missed = []
    for seq in seqs:
        for action in ("edit", "delete", "insert"):
            conn = copy(pristine)
            if action == "edit":
                conn.execute("UPDATE audit SET username = username || 'x' WHERE seq=?", (seq,))
            elif action == "delete":
                conn.execute("DELETE FROM audit WHERE seq=?", (seq,))
            else:  # a forged copy of this row slipped in right after it
                conn.execute("UPDATE audit SET seq = -(seq + 1) WHERE seq > ?", (seq,))
                conn.execute("UPDATE audit SET seq = -seq WHERE seq < 0")
                conn.execute(
                    "INSERT INTO audit (seq, at_utc, username, procedure_id, entity, entity_id, field, old_value,"
                    " new_value, reason, prev_hash, hash) SELECT seq + 1, at_utc, username, procedure_id, entity,"
                    " entity_id, field, old_value, new_value, reason, prev_hash, hash FROM audit WHERE seq=?",
                    (seq,),
                )
            if not damaged(conn):
                missed.append((action, seq))
            conn.close()
    assert missed == []
