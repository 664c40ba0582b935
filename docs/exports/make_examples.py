"""Write the example export files of a simulated, finished and signed record into this folder.

Run from the repository: `python docs/exports/make_examples.py`.
"""

from __future__ import annotations

import random
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

from mimic_desktop.domain import derive
from mimic_desktop.exchange.flat_csv import write_flat_csv
from mimic_desktop.exchange.odm import write_odm
from mimic_desktop.exchange.redcap import write_redcap
from mimic_desktop.services.accounts import AccountService
from mimic_desktop.services.demo import DEMO_QUESTIONNAIRE
from mimic_desktop.services.procedures import ProcedureService
from mimic_desktop.services.signing import SigningService
from mimic_desktop.services.simulate import record_procedure
from mimic_desktop.storage import audit
from mimic_desktop.storage.connection import open_store

HERE = Path(__file__).resolve().parent
SURGERY = datetime(2026, 11, 24, 8, 0, tzinfo=UTC)
EXPORTED_AT = SURGERY + timedelta(days=100)


def example_record(folder: Path) -> tuple[ProcedureService, str]:
    store = open_store(folder / "example.sqlite")
    accounts = AccountService(store)
    coordinator = accounts.create_user("anna.coord", "Anna de Vries", "coordinator", "example-password")
    surgeon = accounts.create_user("sjoerd.citroen", "Sjoerd Citroën", "surgeon", "example-password", by=coordinator)
    service = ProcedureService(store, coordinator)
    proc_id = record_procedure(service, random.Random(45), lesions=3, start=SURGERY)
    day = derive.surgery_date(service.load(proc_id))
    service.add_complication(
        proc_id,
        {
            "description": "Bile leak from the cut surface, drained percutaneously",
            "clavien_dindo": "IIIa",
            "onset_date": day + timedelta(days=4),
            "present_at_discharge": True,
        },
    )
    service.set_values(proc_id, DEMO_QUESTIONNAIRE | {"q_comments": "Duidelijke rand rond laesie 2."})
    service.complete(proc_id)
    SigningService(store, surgeon).sign_questionnaire(proc_id, "example-password", meaning="Author")
    return service, proc_id


def main() -> None:
    with tempfile.TemporaryDirectory() as scratch:
        service, proc_id = example_record(Path(scratch))
        records = [service.load(proc_id)]
        write_flat_csv(records, HERE, prefix="example")
        write_redcap(records, HERE, prefix="example")
        _, head = audit.head(service.store.conn)
        write_odm(records, HERE / "example_odm.xml", exported_at=EXPORTED_AT, audit_head=head)
        service.store.close()


if __name__ == "__main__":
    main()
