"""A realistic procedure recorded through the service layer, as fast as the store allows.

Used by the `simulate` command, the demo database, tests, benchmarks and fault injection.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

from ..domain import forms
from ..domain.roles import Role, User
from ..storage import repository
from ..storage.connection import Store
from .accounts import AccountService
from .procedures import ProcedureService

SIMULATION_USER = "sim.coordinator"
SEGMENTS = ["I", "II", "III", "IVa", "IVb", "V", "VI", "VII", "VIII"]


def simulation_password(username: str = SIMULATION_USER) -> str:
    """The password simulation_user gives the account, for a process that signs in with it."""
    return "simulated-" + username


def simulation_user(
    store: Store, username: str = SIMULATION_USER, role: Role = Role.COORDINATOR, demo: bool = False
) -> User:
    """The account simulated records are attributed to (created on first use)."""
    accounts = AccountService(store)
    for user in accounts.users():
        if user.username == username:
            return user
    creator = next((u for u in accounts.users() if u.role is Role.COORDINATOR), None)
    name = username.replace(".", " ").title()
    return accounts.create_user(username, name, role, simulation_password(username), by=creator, demo=demo)


def next_study_id(store: Store, centre: str) -> tuple[str, str]:
    """The first free study ID, moving on to the next centre code when one is full."""
    used = repository.study_ids(store.conn)
    for code in range(int(centre), 100):
        for number in range(1, 1000):
            study_id = f"MIM-{code:02d}-{number:03d}"
            if study_id not in used:
                return study_id, f"{code:02d}"
    raise ValueError("every study ID is in use")


def baseline(rng: random.Random, lesions: int) -> dict[str, Any]:
    return {
        "age_18_or_over": True,
        "scheduled_mi_resection": True,
        "iodine_or_icg_allergy": False,
        "recurrence_at_treated_site": False,
        "oral_consent": True,
        "age": rng.randint(45, 82),
        "sex": rng.choice(["female", "male"]),
        "primary_location": rng.choice(["ascending", "transverse", "descending", "sigmoid", "rectum"]),
        "t_stage": rng.choice(["T2", "T3", "T3", "T4"]),
        "n_stage": rng.choice(["N0", "N1", "N2"]),
        "m_stage": rng.choice(["M0", "M1"]),
        "cea": round(rng.lognormvariate(2, 1), 1),
        "disease_free_interval_months": rng.choice([0, 0, 6, 14, 30]),
        "neoadjuvant_chemo": rng.random() < 0.3,
        "suspected_lesions": lesions,
        "largest_lesion_mm": rng.randint(8, 60),
        "scan_type": rng.choice(["ct", "mri", "ct_mri"]),
        "icg_dose_mg": 10,
        "icg_volume_ml": 2,
        "icg_concentration_mg_ml": 5,
        "icg_adverse_reaction": False,
        "surgeon": "Surgeon A",
        "approach": rng.choice(["laparoscopic", "robot", "robot"]),
        "imaging_system": rng.choice(["storz_rubina", "intuitive_firefly", "stryker_1688"]),
        "planned_procedure": rng.choice(["wedge", "segmentectomy", "multiple"]),
    }


def enrolment_values(rng: random.Random, start: datetime, lesions: int) -> dict[str, Any]:
    """The baseline, consent a week before start (the incision) and ICG about a day before: enough to enrol."""
    values = baseline(rng, lesions)
    values["consent_date"] = (start - timedelta(days=7)).date().isoformat()
    values["icg_given_at"] = start - timedelta(hours=rng.uniform(21, 26))
    return values


def seen_with(occult: bool, icg_pattern: object) -> list[str]:
    """The modalities a made-up lesion was seen with, in the form's order: an occult one was found with ICG and then
    seen on ultrasound; one known from imaging shows on the ICG overlay only when it has a pattern."""
    if occult:
        return ["icg", "ious"]
    return ["preop_imaging", "icg", "ious"] if icg_pattern not in {None, "none"} else ["preop_imaging", "ious"]


def record_procedure(
    service: ProcedureService,
    rng: random.Random,
    *,
    centre: str = "01",
    lesions: int = 2,
    start: datetime | None = None,
    pathology: bool = True,
    finish: bool = True,
    on_event: Callable[[int], None] = lambda _id: None,
    surgeon: str | None = None,
    one_specimen: bool = False,
) -> str:
    """Enrol and record one whole procedure; on_event gets each event id after its commit.

    surgeon is the user name of the operating surgeon's account; without it the surgeon is a typed name.
    one_specimen: every lesion taken out in one transection and one specimen, whose events name them all."""
    start = start or datetime.now(UTC) - timedelta(hours=4)
    clock = iter(start + timedelta(minutes=3 * i) for i in range(10_000))

    def event(kind: str, **kwargs: Any) -> int:
        event_id = service.record_event(proc_id, kind, at=next(clock), **kwargs)
        on_event(event_id)
        return event_id

    values = enrolment_values(rng, start, lesions)
    study_id, centre = next_study_id(service.store, centre)
    proc_id = service.create(study_id, centre, values, surgeon=surgeon)
    # Which event is which is read from forms/events.json: what it marks, records or identifies.
    recording = forms.recording
    for kind in (forms.marking("surgery_start").kind, *(e.kind for e in forms.routine("inspection"))):
        event(kind)
    lesion_ids = []
    for index in range(lesions):
        occult = index > 0 and rng.random() < 0.15
        event(forms.identifying("occult" if occult else "imaging").kind)
        lesion_id = service.load(proc_id).current_lesion_id
        assert lesion_id is not None, "finding a lesion makes it the current one"
        lesion_ids.append(lesion_id)
        lesion_values = {
            "segments": rng.sample(SEGMENTS, rng.choice([1, 1, 2])),
            "size_mm": rng.randint(5, 45),
            "detected_by": "icg" if occult else "preop_imaging",
            "icg_pattern": rng.choice(["rim", "rim", "homogeneous"]),
            "treatment": "resection",
        }
        service.set_values(
            proc_id,
            lesion_values | {"seen_with": seen_with(occult, lesion_values["icg_pattern"])},
            entity="lesion",
            entity_id=lesion_id,
        )
    for planning in forms.routine("planning"):
        event(planning.kind)
    for group in [lesion_ids] if one_specimen else [[lesion_id] for lesion_id in lesion_ids]:
        lesion_id, others = group[0], group[1:]
        service.switch_lesion(proc_id, lesion_id)

        def shared(kind: str, others: list[str] = others) -> int:
            """An event of the transection or specimen names every lesion it holds."""
            return event(kind, also_lesion_ids=others if forms.events()[kind].several_lesions else [])

        shared(forms.marking("transection_start").kind)
        plane = rng.random() < 0.2
        shared(recording("plane_fluorescence", plane).kind)
        if plane:
            shared(recording("plane_adapted", True).kind)
        shared(forms.marking("transection_end").kind)
        fluorescent = rng.random() < 0.19
        shared(recording("specimen_fluorescent", fluorescent).kind)
        shared(recording("cavity_fluorescent", fluorescent).kind)
        if fluorescent:
            shared(recording("reresection", rng.choice(["done", "done", "not_feasible"])).kind)
        for named in group:
            if service.load(proc_id).lesion(named).get("source") == "occult":
                if named != lesion_id:
                    service.switch_lesion(proc_id, named)
                event(recording("extended_resection", True).kind)
    event(next(e.kind for e in forms.events().values() if e.note_required), note="Haemostasis checked")
    event(forms.marking("surgery_end").kind)
    if pathology:
        record_pathology(service, rng, proc_id)
    if finish:
        service.set_values(
            proc_id,
            {
                "executed_procedure": values["planned_procedure"],
                "blood_loss_ml": rng.choice([50, 150, 300]),
                "icu_days": 0,
                "hospital_stay_days": rng.randint(2, 6),
                "readmission": False,
                "icg_adverse_event": False,
            },
        )
    return proc_id


def record_pathology(service: ProcedureService, rng: random.Random, proc_id: str) -> None:
    from ..domain import derive

    proc = service.load(proc_id)
    for lesion in proc.lesions:
        assessment = derive.assess_lesion(proc, lesion.id)
        r1 = rng.random() < (0.55 if assessment.specimen_fluorescent else 0.08)
        margin = round(rng.uniform(0, 0.9), 1) if r1 else round(rng.uniform(1, 15), 1)
        updates = {
            "histology": "crlm" if rng.random() < 0.9 else "benign",
            "margin_mm": margin,
            "r1_type": rng.choice(["parenchymal", "parenchymal", "vascular"]) if r1 else None,
        }
        if assessment.reresection == "done":
            updates["reresection_tumour"] = rng.random() < 0.1
            updates["final_margin_mm"] = round(margin + rng.uniform(2, 8), 1)
        service.set_values(proc_id, updates, entity="lesion", entity_id=lesion.id)


def simulate(
    store: Store,
    *,
    procedures: int = 1,
    lesions: int = 3,
    seed: int | None = None,
    centre: str = "01",
    on_event: Callable[[int], None] = lambda _id: None,
) -> Iterator[str]:
    """Record procedures one after the other; yields each procedure id when it is done."""
    rng = random.Random(seed)
    service = ProcedureService(store, simulation_user(store))
    for _ in range(procedures):
        yield record_procedure(service, rng, centre=centre, lesions=lesions, on_event=on_event)
