"""Databases and records the benchmarks share within one run, made through the service layer."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from mimic_desktop.services.procedures import ProcedureService
from mimic_desktop.services.simulate import record_procedure, simulation_user
from mimic_desktop.storage.connection import Store, open_store

from .core import Context


@dataclass(frozen=True)
class Local:
    """The coordinator's laptop database, open in this process."""

    path: Path
    store: Store
    service: ProcedureService


def local(ctx: Context) -> Local:
    def make() -> Local:
        path = ctx.folder("laptop") / "mimic.sqlite"
        store = open_store(path)
        return Local(path, store, ProcedureService(store, simulation_user(store)))

    return ctx.shared("local", make)


def procedure(ctx: Context, lesions: int) -> str:
    """A finished record (pathology and post-operative course entered) with this many lesions."""

    def make() -> str:
        laptop = local(ctx)
        # Events are three minutes apart: a fifty-lesion operation takes longer than the simulation's default four
        # hours before now, and an event may not lie in the future.
        start = datetime.now(UTC) - timedelta(hours=max(4, lesions))
        return record_procedure(laptop.service, random.Random(lesions), lesions=lesions, start=start)

    return ctx.shared(f"procedure-{lesions}", make)
