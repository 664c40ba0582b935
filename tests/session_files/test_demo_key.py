"""A demo database signs its session files with a key of its own, and the trial office refuses them, saying why."""

from __future__ import annotations

from mimic_desktop.exchange import signing_keys
from mimic_desktop.services import central_import, centre_keys, paths, session_key
from mimic_desktop.services.accounts import AccountService
from mimic_desktop.services.central_import import CentralImporter, Outcome
from mimic_desktop.services.demo import DEMO_PASSWORD, create_demo
from mimic_desktop.services.export import ExportService
from tests.support.office import data_manager


def test_a_demo_record_is_signed_with_the_demo_key_and_refused_centrally(tmp_path):
    store = create_demo(tmp_path / "demo.sqlite")
    coordinator = AccountService(store).sign_in("demo.coordinator", DEMO_PASSWORD)
    completed = next(
        row["id"] for row in store.read("SELECT id FROM procedures WHERE completed_utc IS NOT NULL ORDER BY study_id")
    )
    outbox = tmp_path / "outbox"
    outbox.mkdir()
    result = ExportService(store, coordinator).export(completed, outbox)
    demo_key = session_key.load_or_create(paths.demo_signing_key_path())
    assert result.key_fingerprint == signing_keys.fingerprint(signing_keys.raw_public_key(demo_key))
    assert not paths.signing_key_path().exists(), "the centre's own key is neither used nor made"

    central = central_import.init_central(tmp_path / "central.sqlite")
    real_key = session_key.write_public_key(tmp_path / "centre.pem")  # the centre's real key is registered
    centre_keys.register_centre(central, data_manager(central), "01", real_key.path)
    outcome = CentralImporter(central, data_manager(central)).import_file(result.path)
    assert outcome.outcome is Outcome.REJECTED and "demonstration record" in outcome.message
    assert "demo database's own key" in outcome.message
    assert central.conn.execute("SELECT COUNT(*) FROM session_files").fetchone()[0] == 0
    central.close()
    store.close()
