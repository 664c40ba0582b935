"""Tampering: every single-byte change of a signed session file, every edit, insertion or deletion of an audit row."""

from __future__ import annotations

import contextlib
import time
from pathlib import Path

from mimic_desktop.domain.errors import PermissionDenied
from mimic_desktop.services import central_import, centre_keys
from mimic_desktop.services.accounts import AccountService
from mimic_desktop.services.procedures import ProcedureService
from tests.support.bad_session_files import exported_source, flip_every_byte, small_signed_file
from tests.support.office import data_manager
from tests.support.session_files import snapshot
from tests.support.storage_faults import recorded_database
from tests.support.tampering import COLUMNS, tamper_everywhere, tamperable_copy

from .document import Part, Table, count
from .settings import Settings

REQUIREMENT = (
    "Every single-byte change of a signed session file is rejected; every edit, insertion or deletion of an "
    "audit row is found by verify."
)


def flips(settings: Settings, folder: Path) -> tuple[Table, bool]:
    source = exported_source(folder / "laptop")
    store = central_import.init_central(folder / "central.sqlite")
    centre_keys.register_centre(store, data_manager(store), "01", source.public_key)
    importer = central_import.CentralImporter(store, data_manager(store))
    files = [("the record with one-line PDFs", small_signed_file(source), settings.byte_values)]
    if settings.whole_file_flips:
        files.append(("the whole exported file, with its PDFs", source.data, (0x01, 0xFF)))
    table = Table(("signed file", "bytes", "changes per byte", "files imported", "rejected", "accepted", "seconds"))
    held = True
    before = snapshot(store)
    for name, data, masks in files:
        started = time.perf_counter()
        result = flip_every_byte(importer, data, masks)
        seconds = time.perf_counter() - started
        held &= result.accepted == [] and result.rejected == result.flips == len(data) * len(masks)
        per_byte = "every value (255)" if len(masks) == 255 else f"XOR {', '.join(f'0x{m:02X}' for m in masks)}"
        table.rows.append(
            (
                name,
                count(len(data)),
                per_byte,
                count(result.flips),
                count(result.rejected),
                count(len(result.accepted)),
                f"{seconds:,.0f}",
            )
        )
    held &= snapshot(store) == before
    store.close()
    return table, held


def audit_trail(folder: Path) -> tuple[Table, int, bool]:
    """A completed record changed with a reason, ending in a monitor's refused attempt; every tamper tried."""
    service, proc_id = recorded_database(folder / "audit.sqlite")
    service.complete(proc_id)
    service.set_value(proc_id, "cea", 8.0, reason="lab corrected")
    monitor = AccountService(service.store).create_user("mo.nitor", "Mo", "monitor", "monitor-pass", by=service.user)
    with contextlib.suppress(PermissionDenied):  # refused and logged: the last row changes no data
        ProcedureService(service.store, monitor).set_value(proc_id, "cea", 9.0)
    service.store.close()
    report = tamper_everywhere(tamperable_copy(service.store.path))
    table = Table(("tampering", "cases", "found by verify", "missed"))
    missed = {action: sum(1 for case in report.missed if case[0] == action) for action in report.cases}
    names = {
        "edit": f"one column of one row changed ({len(COLUMNS)} columns)",
        "delete": "one row deleted",
        "insert": "a forged copy inserted after a row",
    }
    for action, cases in report.cases.items():
        table.rows.append((names[action], count(cases), count(cases - missed[action]), count(missed[action])))
    return table, report.rows, not report.missed


def run(settings: Settings, folder: Path) -> Part:
    flip_table, flips_held = flips(settings, folder / "flips")
    audit_table, rows, audit_held = audit_trail(folder / "audit")
    done = f"""
A signed session file is changed one byte at a time and each changed file imported: the record with one-line
PDFs re-signed (so that every byte can be tried with every other value), and in the full run also the whole
exported file with both PDFs (each byte XOR 0x01 and XOR 0xFF). Every change must be rejected with a reason
and leave the central database unchanged.

The audit trail of a completed record that was changed with a reason and ends in a monitor's refused attempt
({count(rows)} rows) is copied, its protecting triggers dropped as a forger with a database tool would, and
tampered with once per case: each column of each row changed, each row deleted, a forged copy of each row
inserted after it. `audit.verify` and `audit.cross_check` must find every case. A forger who recomputes the
whole chain after the change is out of reach of any check inside the file; `verify --against` a backup or a
session file finds that kind of change (see Verify and bounds).
"""
    return Part("Tamper evidence", REQUIREMENT, done, [], [flip_table, audit_table], flips_held and audit_held)
