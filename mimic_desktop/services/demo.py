"""The demo database a first start opens when no other database exists."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

from ..domain.roles import Role
from ..storage.connection import Store, open_store
from .accounts import AccountService
from .procedures import ProcedureService
from .simulate import record_procedure

DEMO_PASSWORD = "demo-password"
DEMO_USERS = (
    ("demo.coordinator", "Demo Coordinator", Role.COORDINATOR),
    ("demo.surgeon", "Demo Surgeon", Role.SURGEON),
    ("demo.monitor", "Demo Monitor", Role.MONITOR),
)
DEMO_QUESTIONNAIRE = {
    "q_usefulness": 4,
    "q_margin_realtime": 4,
    "q_image_quality": 5,
    "q_benign_malignant": 3,
    "q_experience": "over_10",
    "q_changed_plan": True,
    "q_continue_use": True,
}


def create_demo(path: Path, seed: int = 7) -> Store:
    """Demo accounts (password "demo-password") and a few procedures, all marked as demo."""
    store = open_store(path)
    accounts = AccountService(store)
    first = None
    for username, name, role in DEMO_USERS:
        user = accounts.create_user(username, name, role, DEMO_PASSWORD, by=first, demo=True)
        first = first or user
    coordinator = accounts.sign_in("demo.coordinator", DEMO_PASSWORD)
    rng = random.Random(seed)
    service = ProcedureService(store, coordinator)
    today = datetime.now(UTC).replace(hour=8, minute=0, second=0, microsecond=0)
    for days_ago, lesions in ((40, 2), (21, 3), (9, 1)):
        proc_id = record_procedure(
            service, rng, lesions=lesions, start=today - timedelta(days=days_ago), surgeon="demo.surgeon"
        )
        service.complete(proc_id)
    record_procedure(
        service,
        rng,
        lesions=2,
        start=today - timedelta(days=2),
        pathology=False,
        finish=False,
        surgeon="demo.surgeon",
    )
    return store
