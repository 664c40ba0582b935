"""Practice records stay practice: whoever calls the service, a record made by a demo account or in the demo
database is a demo record, and the trial office refuses it."""

from __future__ import annotations

import random
from datetime import timedelta

from mimic_desktop.domain.clock import utc_now
from mimic_desktop.services import central_import, centre_keys, session_key
from mimic_desktop.services.accounts import AccountService
from mimic_desktop.services.central_import import CentralImporter, Outcome
from mimic_desktop.services.demo import DEMO_PASSWORD
from mimic_desktop.services.export import ExportService
from mimic_desktop.services.procedures import ProcedureService
from mimic_desktop.services.simulate import baseline, record_pathology
from tests.support.enrolment import ENROLMENT
from tests.support.office import data_manager
from tests.ui.test_whole_procedure import fill_wizard


def finish_the_record(service: ProcedureService, proc_id: str) -> None:
    """Everything after enrolment, through the service: the operation, pathology, the course, completion."""
    rng = random.Random(5)
    start = utc_now() - timedelta(hours=3)
    moments = iter(start + timedelta(minutes=5 * i) for i in range(20))
    wanted = baseline(rng, 1) | {"consent_date": (start - timedelta(days=3)).date().isoformat()}
    values = {k: v for k, v in wanted.items() if service.load(proc_id).get(k) is None}
    service.set_values(proc_id, values)
    for kind in ("incision", "inspect_white_light", "inspect_icg", "ious", "lesion_found"):
        service.record_event(proc_id, kind, at=next(moments))
    lesion_id = service.load(proc_id).current_lesion_id
    service.set_values(
        proc_id,
        {"segments": ["VI"], "size_mm": 21, "detected_by": "preop_imaging", "treatment": "resection"},
        entity="lesion",
        entity_id=lesion_id,
    )
    for kind in ("resection_planning", "transection_start", "transection_end", "specimen_clear", "closure"):
        service.record_event(proc_id, kind, at=next(moments))
    record_pathology(service, rng, proc_id)
    service.set_values(
        proc_id,
        {
            "executed_procedure": "wedge",
            "blood_loss_ml": 150,
            "icu_days": 0,
            "hospital_stay_days": 3,
            "readmission": False,
            "icg_adverse_event": False,
        },
    )
    service.complete(proc_id)


def test_a_record_made_by_a_demo_user_in_the_wizard_is_demo_and_the_trial_office_refuses_it(
    make_window, store, actions, tmp_path
):
    demo_user = AccountService(store).create_user(
        "demo.coordinator", "Demo Coordinator", "coordinator", DEMO_PASSWORD, demo=True
    )
    window = make_window(store, demo_user, demo=True)
    fill_wizard(window, actions)
    service = window.context.procedures()
    proc = service.find("MIM-03-001")
    assert proc.demo, "the wizard's record must be a practice record"
    assert service.list()[0]["demo"] == 1

    finish_the_record(service, proc.id)
    key_path = tmp_path / "keys" / "signing.pem"
    outbox = tmp_path / "outbox"
    outbox.mkdir()
    exported = ExportService(store, demo_user, key_path=key_path).export(proc.id, outbox)
    central = central_import.init_central(tmp_path / "central.sqlite")
    centre_keys.register_centre(
        central, data_manager(central), "03", session_key.write_public_key(tmp_path / "03.pem", key_path).path
    )
    result = CentralImporter(central, data_manager(central)).import_file(exported.path)
    assert result.outcome is Outcome.REJECTED and "demonstration record" in result.message
    assert central.conn.execute("SELECT COUNT(*) FROM session_files").fetchone()[0] == 0
    central.close()


def test_every_account_of_the_demo_database_records_practice_data(store):
    accounts = AccountService(store)
    demo_coordinator = accounts.create_user("demo.coordinator", "Demo", "coordinator", DEMO_PASSWORD, demo=True)
    added = accounts.create_user("new.person", "New Person", "coordinator", "a long password", by=demo_coordinator)
    assert added.demo, "an account made in the demo database is a demo account"
    assert accounts.is_demo_database()
    proc_id = ProcedureService(store, added).create("MIM-01-002", "01", ENROLMENT)
    assert ProcedureService(store, added).load(proc_id).demo


def test_a_real_database_records_trial_data(service, coordinator):
    assert not AccountService(service.store).is_demo_database()
    assert not service.load(service.create("MIM-01-003", "01", ENROLMENT)).demo
