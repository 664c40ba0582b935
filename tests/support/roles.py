"""Attempts that a role, a lock or a signature must refuse, and what each refusal must leave behind:
no change to the data, a message that says why, and exactly one audit row with that message.

Used by tests/services/test_roles.py and by `python -m bench.reliability`.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

from mimic_desktop.domain.errors import MimicError
from mimic_desktop.domain.roles import User
from mimic_desktop.services import data_exports, settings
from mimic_desktop.services.accounts import AccountService
from mimic_desktop.services.demo import DEMO_QUESTIONNAIRE
from mimic_desktop.services.export import ExportService
from mimic_desktop.services.procedures import ProcedureService
from mimic_desktop.services.signing import SigningService
from mimic_desktop.services.simulate import record_procedure
from mimic_desktop.storage.connection import Store, open_store
from tests.support.signers import sign_as

DATA_TABLES = ("users", "procedures", "field_values", "lesions", "complications", "events", "signatures", "settings")
LATER = datetime(2031, 1, 1, tzinfo=UTC)
PASSWORD = "correct horse"


def snapshot(store) -> dict[str, list]:
    return {table: store.read(f"SELECT * FROM {table} ORDER BY rowid") for table in DATA_TABLES}


def refusals(store) -> list[dict]:
    rows = store.read("SELECT username, procedure_id, new_value FROM audit WHERE entity = 'access' ORDER BY seq")
    return [{"user": r[0], "procedure": r[1], **json.loads(r[2])} for r in rows]


def _first_event(service, proc_id):
    return service.load(proc_id).events[0].id


def _first_lesion(service, proc_id):
    return service.load(proc_id).lesions[0].id


# Every way of changing data, as (name, call); `svc` acts as the user under test, `ref` reads as the owner.
ATTEMPTS = {
    "create a procedure": lambda svc, ref, store, user, pid: svc.create("MIM-01-900", "01", {}),
    "set a value": lambda svc, ref, store, user, pid: svc.set_values(pid, {"cea": 12.5}),
    "add a lesion": lambda svc, ref, store, user, pid: svc.record_event(pid, "lesion_found", at=LATER),
    "edit a lesion": lambda svc, ref, store, user, pid: svc.set_values(
        pid, {"margin_mm": 3}, entity="lesion", entity_id=_first_lesion(ref, pid)
    ),
    "add a complication": lambda svc, ref, store, user, pid: svc.add_complication(
        pid, {"description": "ileus", "clavien_dindo": "II", "onset_date": date.today().isoformat()}
    ),
    "record an event": lambda svc, ref, store, user, pid: svc.record_event(pid, "note", note="x", at=LATER),
    "strike an event": lambda svc, ref, store, user, pid: svc.strike_event(_first_event(ref, pid), "wrong"),
    "correct an event time": lambda svc, ref, store, user, pid: svc.correct_event_time(
        _first_event(ref, pid), LATER, "wrong time"
    ),
    "switch lesion": lambda svc, ref, store, user, pid: svc.switch_lesion(pid, _first_lesion(ref, pid)),
    "complete": lambda svc, ref, store, user, pid: svc.complete(pid),
    "mark exported": lambda svc, ref, store, user, pid: svc.mark_exported(pid, 1, ref.load(pid).modified_at),
    "sign the questionnaire": lambda svc, ref, store, user, pid: SigningService(store, user).sign_questionnaire(
        pid, "monitor-pass"
    ),
    "add an account": lambda svc, ref, store, user, pid: AccountService(store).create_user(
        "new.person", "New Person", "surgeon", "a long password", by=user
    ),
    "set the centre": lambda svc, ref, store, user, pid: settings.change(store, user, centre_code="07"),
    "set the ICG window": lambda svc, ref, store, user, pid: settings.change(store, user, icg_window_hours=(20, 28)),
    "export a session file": lambda svc, ref, store, user, pid: ExportService(store, user).export(
        pid, exports_folder(store)
    ),
    "export CSV": lambda svc, ref, store, user, pid: data_exports.export_csv(svc, None, exports_folder(store)),
    "export REDCap": lambda svc, ref, store, user, pid: data_exports.export_redcap(svc, None, exports_folder(store)),
    "export CDISC ODM": lambda svc, ref, store, user, pid: data_exports.export_odm(
        svc, None, exports_folder(store) / "m.xml"
    ),
}


def exports_folder(store):
    """Where a refused export would have written: it must stay empty."""
    folder = store.path.parent / "exports"
    folder.mkdir(exist_ok=True)
    return folder


# Striking an event always carries its own reason, so it is not among the edits refused here.
LOCKED_EDITS = {
    name: ATTEMPTS[name]
    for name in ("set a value", "add a lesion", "edit a lesion", "add a complication", "record an event")
}


def signed_questionnaire_edit(svc, ref, store, user, pid):
    return svc.set_values(pid, {"q_usefulness": 1})


@dataclass
class Refusal:
    """What one attempt did: refused or not, its message, whether data stayed as it was, the audit rows it left."""

    refused: bool
    message: str
    unchanged: bool
    logged: list[dict]

    def held(self, user: User) -> bool:
        return (
            self.refused
            and bool(self.message)
            and self.unchanged
            and len(self.logged) == 1
            and self.logged[0]["user"] == user.username
            and self.logged[0]["message"] == self.message
        )


def attempt(store: Store, call: Callable[[], object]) -> tuple[Refusal, MimicError | None]:
    """Make one attempt; the refusal as seen in the data and the trail, and the error raised, if any."""
    before = snapshot(store)
    logged = len(refusals(store))
    error = None
    try:
        call()
    except MimicError as refused:
        error = refused
    after = refusals(store)[logged:]
    return Refusal(error is not None, str(error or ""), snapshot(store) == before, after), error


@dataclass
class Attempts:
    """Every refused attempt of `every_attempt`, as (who, what, refusal)."""

    made: list[tuple[str, str, Refusal]] = field(default_factory=list)
    held: int = 0


def every_attempt(folder: Path) -> Attempts:
    """A monitor tries every change (signing too), a coordinator tries to sign, a surgeon and a coordinator try
    to change a signed questionnaire and then a completed record without a reason."""
    store = open_store(folder / "roles.sqlite")
    accounts = AccountService(store)
    coordinator = accounts.create_user("anna.coord", "Anna Coordinator", "coordinator", PASSWORD)
    people = {
        "coordinator": coordinator,
        "surgeon": accounts.create_user("sam.surgeon", "Sam Snijder", "surgeon", "surgeon-pass", by=coordinator),
        "monitor": accounts.create_user("mo.nitor", "Mo Nitor", "monitor", "monitor-pass", by=coordinator),
    }
    service = ProcedureService(store, coordinator)
    pid = record_procedure(service, random.Random(11), lesions=2)
    result = Attempts()

    def run(role: str, what: str, call) -> None:
        user = people[role]
        refusal, _ = attempt(store, lambda: call(ProcedureService(store, user), service, store, user, pid))
        result.made.append((role, what, refusal))
        result.held += refusal.held(user)

    for what, call in ATTEMPTS.items():
        run("monitor", what, call)
    run(
        "coordinator",
        "sign the questionnaire",
        lambda s, r, st, u, p: SigningService(st, u).sign_questionnaire(p, PASSWORD),
    )
    service.set_values(pid, DEMO_QUESTIONNAIRE)
    sign_as(store, people["surgeon"], pid, "surgeon-pass")
    for role in ("coordinator", "surgeon"):
        run(role, "change a signed questionnaire", signed_questionnaire_edit)
    service.complete(pid)
    for role in ("coordinator", "surgeon"):
        for what, call in LOCKED_EDITS.items():
            run(role, f"{what} in a completed record", call)
    store.close()
    return result
