"""The central import against mutated and hand-made hostile session files."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

from mimic_desktop.services import central_import, centre_keys
from mimic_desktop.services.central_import import Outcome
from tests.support.bad_session_files import BAD_FILES, MiB, Source, exported_source, files_written
from tests.support.office import data_manager
from tests.support.session_files import snapshot
from tests.support.session_mutants import Target, fuzz

from .document import Part, Table, count, yes_no
from .settings import Settings

REQUIREMENT = (
    "The session-file importer survives at least 10,000 generated malformed and mutated files (hypothesis): no "
    "crash, no partial import, every rejection with a reason; zip bombs and path traversal are refused without "
    "extracting anything."
)


def central_for(source: Source, path: Path):
    store = central_import.init_central(path)
    centre_keys.register_centre(store, data_manager(store), "01", source.public_key)
    return store


def hostile_files(source: Source, folder: Path) -> tuple[Table, bool]:
    """Every hand-made bad file: its reason, nothing written to disk, the database unchanged, memory held."""
    store = central_for(source, folder / "hostile.sqlite")
    importer = central_import.CentralImporter(store, data_manager(store))
    table = Table(("bad file", "rejected with", "files written", "database unchanged", "peak memory"))
    held = True
    for kind, (make, reason) in BAD_FILES.items():
        bad = make(source.data, source.key_path)
        before = snapshot(store)
        tracemalloc.start()
        with files_written() as written:
            result = importer.import_bytes(bad, f"{kind}.mimic")
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        unchanged = snapshot(store) == before
        ok = result.outcome is Outcome.REJECTED and reason in result.message and not written and unchanged
        held &= ok and peak < MiB
        table.rows.append((kind, result.message, count(len(written)), yes_no(unchanged), f"{peak / 1024:,.0f} KiB"))
    store.close()
    return table, held


def run(settings: Settings, folder: Path) -> Part:
    source = exported_source(folder / "laptop")
    store = central_for(source, folder / "central.sqlite")
    report = fuzz(Target(store, source), examples=settings.fuzzed, seed_value=2024)
    store.close()
    hostile, hostile_held = hostile_files(source, folder)
    rejected = report.outcomes.get("rejected", 0)
    held = not report.problems and report.files == settings.fuzzed and hostile_held
    done = f"""
A completed one-lesion record is exported as a signed session file of {count(len(source.data))} bytes and its
centre's key registered in a central database. Hypothesis then makes {count(settings.fuzzed)} mutants of it
(tests/support/session_mutants.py): bytes changed, inserted, deleted or cut off; archives rebuilt with members
dropped, repeated, renamed or replaced; records edited anywhere in their JSON and signed again with the
registered key, so that the record checks rather than the signature must catch them. Each is imported into the
same central database; after each, a rejected file must have a plain reason and have left every table as it was,
and whatever was imported must be whole (one current row per session, every lesion and complication with it).

Then every hand-made bad file of the rejection tests is imported once more while a Python audit hook watches
for any file opened for writing, folder, link or copy made, and tracemalloc measures the memory the import
takes (the zip bombs unpack to 256 MiB).
"""
    figures = [
        ("mutated files imported", count(report.files)),
        ("by mutation", ", ".join(f"{kind} {count(n)}" for kind, n in sorted(report.by_mutation.items()))),
        ("outcomes", ", ".join(f"{outcome} {count(n)}" for outcome, n in report.outcomes.most_common())),
        ("crashes, partial imports, rejections without a reason", count(len(report.problems))),
    ]
    figures += [("problem", problem) for problem in report.problems[:10]]
    reasons = Table(("rejection reason (particulars taken out)", "files", "share of rejections"))
    for reason, n in report.reasons.most_common():
        reasons.rows.append((reason, count(n), f"{100 * n / rejected:.1f}%"))
    return Part("Malformed and hostile session files", REQUIREMENT, done, figures, [reasons, hostile], held)
