"""A small cohort recorded through the service layer, and readers that turn exported text back into values."""

from __future__ import annotations

import random
from datetime import timedelta

import pytest

from mimic_desktop.domain import derive
from mimic_desktop.domain.clock import utc_now
from mimic_desktop.services.accounts import AccountService
from mimic_desktop.services.demo import DEMO_QUESTIONNAIRE
from mimic_desktop.services.procedures import ProcedureService
from mimic_desktop.services.simulate import record_procedure
from mimic_desktop.storage.connection import open_store
from tests.support.signers import sign_as

PASSWORD = "correct horse"
SURGEON_PASSWORD = "steady hands 42"
PEOPLE = ("anna.coord", "Anna de Vries", "sjoerd.citroen", "Sjoerd Citroën")
AWKWARD_TEXT = 'Gallelekkage, "drain" geplaatst;\nna één week verwijderd'


def record_cohort(service: ProcedureService, surgeon: ProcedureService) -> list[str]:
    """Three procedures: finished and signed with complications, still awaiting pathology, and a one-lesion one."""
    # Operated a month ago: its complications have started by now.
    signed = record_procedure(service, random.Random(11), lesions=3, start=utc_now() - timedelta(days=30))
    day = derive.surgery_date(service.load(signed))
    service.add_complication(
        signed,
        {"description": AWKWARD_TEXT, "clavien_dindo": "IIIa", "onset_date": day + timedelta(days=4)}
        | {"present_at_discharge": True},
    )
    service.add_complication(
        signed, {"description": "Wondinfectie", "clavien_dindo": "II", "onset_date": day + timedelta(days=9)}
    )
    service.set_values(signed, DEMO_QUESTIONNAIRE | {"q_comments": "Heldere rand rond laesie één."})
    service.set_values(signed, {"surgeon": PEOPLE[3]})  # the operating surgeon is staff: no export names them
    service.complete(signed)
    sign_as(surgeon.store, surgeon.user, signed, SURGEON_PASSWORD)
    waiting = record_procedure(service, random.Random(5), lesions=2, pathology=False, finish=False)
    single = record_procedure(service, random.Random(8), lesions=1)
    return [signed, waiting, single]


@pytest.fixture(scope="module")
def cohort(tmp_path_factory):
    """The cohort's records, loaded once per test module (exports only read them)."""
    store = open_store(tmp_path_factory.mktemp("cohort") / "cohort.sqlite")
    accounts = AccountService(store)
    coordinator = accounts.create_user(PEOPLE[0], PEOPLE[1], "coordinator", PASSWORD)
    surgeon = accounts.create_user(PEOPLE[2], PEOPLE[3], "surgeon", SURGEON_PASSWORD, by=coordinator)
    service = ProcedureService(store, coordinator)
    ids = record_cohort(service, ProcedureService(store, surgeon))
    records = [service.load(proc_id) for proc_id in ids]
    store.close()
    return records


def decode(kind: str, text: str):
    """An exported cell back to the value the record holds, by field type."""
    if text == "":
        return None
    if kind == "boolean":
        assert text in {"0", "1"}, text
        return text == "1"
    if kind in {"integer", "likert"}:
        return int(text)
    if kind == "decimal":
        return float(text)
    if kind == "multichoice":
        return text.split(";")
    return text


def assert_pseudonymous(folder) -> None:
    """No exported file names a person who used the app: only study IDs identify anyone."""
    files = [path for path in folder.iterdir() if path.is_file()]
    assert files
    for path in files:
        text = path.read_text(encoding="utf-8")
        for person in PEOPLE:
            assert person not in text, f"{path.name} names {person}"
