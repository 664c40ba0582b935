"""Exporting on a connection of its own, as the window's background task does, while the screen's stays free."""

from __future__ import annotations

import threading

from mimic_desktop.exchange import session_file, signing_keys
from mimic_desktop.services import session_key
from mimic_desktop.services.export import export_in_background


def test_a_background_export_writes_a_verified_file_and_notes_the_export(laptop):
    proc_id = laptop.record(6)
    store = laptop.service.store
    results, steps = [], []

    def work() -> None:
        results.append(
            export_in_background(
                store.path, laptop.service.user, proc_id, laptop.out, progress=lambda *step: steps.append(step)
            )
        )

    worker = threading.Thread(target=work)
    worker.start()
    worker.join(timeout=120)
    assert not store.conn.in_transaction
    (result,) = results
    assert result.path == laptop.out / "MIM-01-001-v1.mimic"
    assert steps[-1][0] == steps[-1][1]  # the last step says it is done
    own_key = signing_keys.raw_public_key(session_key.load_or_create())
    verified = session_file.read(result.path.read_bytes(), lambda key: "laptop" if key == own_key else None)
    assert verified.header.study_id == "MIM-01-001" and verified.header.session_version == 1
    assert laptop.service.load(proc_id).export_version == 1  # noted through the other connection
