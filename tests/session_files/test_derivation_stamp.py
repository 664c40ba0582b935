"""Derived values are never frozen: a central database stamped with another derivation recomputes every session."""

from __future__ import annotations

import sqlite3

from mimic_desktop.domain import derive
from mimic_desktop.exchange import central
from mimic_desktop.services import central_import
from mimic_desktop.services.central_import import CentralImporter, Outcome
from mimic_desktop.services.central_verify import verify_central
from mimic_desktop.storage import audit
from mimic_desktop.storage import central as central_storage
from tests.support.office import data_manager


def test_a_changed_stamp_recomputes_old_sessions_from_their_records_in_one_audited_step(laptop, central_store):
    importer = CentralImporter(central_store, data_manager(central_store))
    for seed in (110, 111):
        assert importer.import_file(laptop.export(laptop.record(seed, lesions=2))).outcome is Outcome.NEW
    assert central_storage.derivation_stamp(central_store.conn) == derive.DERIVATION_VERSION
    made_now = central.frames(central_store)["lesions"][["session_id", "lesion_number", "r_status"]]
    path = central_store.path
    central_store.close()

    # What the flat tables hold after an older rule, stamped with that rule's version.
    conn = sqlite3.connect(path)
    conn.execute("UPDATE flat_derivation SET version = ?", (derive.DERIVATION_VERSION - 1,))
    conn.execute("UPDATE lesions SET r_status = 'R9'")
    conn.commit()
    conn.close()
    assert not verify_central(path).ok

    reopened = central_import.open_existing(path)
    recomputed = central.frames(reopened)["lesions"][["session_id", "lesion_number", "r_status"]]
    assert recomputed.equals(made_now) and "R9" not in set(recomputed["r_status"])
    assert central_storage.derivation_stamp(reopened.conn) == derive.DERIVATION_VERSION
    (row,) = reopened.conn.execute(
        "SELECT username, old_value, new_value FROM audit WHERE entity = 'flat_tables' ORDER BY seq DESC LIMIT 1"
    )
    assert row["username"] == central_storage.THE_APPLICATION
    assert audit.decode(row["old_value"]) == derive.DERIVATION_VERSION - 1
    assert audit.decode(row["new_value"]) == {"version": derive.DERIVATION_VERSION, "sessions": 2}
    reopened.close()
    assert verify_central(path).ok


def test_a_raised_derivation_version_recomputes_at_the_next_opening(laptop, central_store, monkeypatch):
    importer = CentralImporter(central_store, data_manager(central_store))
    assert importer.import_file(laptop.export(laptop.record(112))).outcome is Outcome.NEW
    path = central_store.path
    central_store.close()
    monkeypatch.setattr(derive, "DERIVATION_VERSION", derive.DERIVATION_VERSION + 1)
    reopened = central_import.open_existing(path)
    assert central_storage.derivation_stamp(reopened.conn) == derive.DERIVATION_VERSION
    entries = reopened.conn.execute("SELECT COUNT(*) FROM audit WHERE entity = 'flat_tables'").fetchone()[0]
    reopened.close()
    again = central_import.open_existing(path)
    assert again.conn.execute("SELECT COUNT(*) FROM audit WHERE entity = 'flat_tables'").fetchone()[0] == entries
    again.close()
