"""Write the example export files into this folder, from the kind of record the example PDFs are printed from.

Run from the repository: `python docs/exports/make_examples.py`. Like the example PDFs, the record is made on a fixed
clock with fixed identifiers, so a regeneration changes only what the code changed; tests/exports/test_examples.py
fails while a file here differs from what the exports write now.
"""

from __future__ import annotations

import hashlib
import importlib.util
import itertools
import tempfile
from collections.abc import Callable
from pathlib import Path
from unittest import mock

from mimic_desktop.domain.clock import to_iso
from mimic_desktop.exchange.castor import write_castor
from mimic_desktop.exchange.dataset_json import write_dataset_json
from mimic_desktop.exchange.flat_csv import Snapshot, write_flat_csv
from mimic_desktop.exchange.odm import write_odm
from mimic_desktop.exchange.redcap import write_redcap
from mimic_desktop.services.data_exports import archive_of
from mimic_desktop.storage import audit

HERE = Path(__file__).resolve().parent
# Three lesions, one of them occult, an R1 margin with a cavity re-resection, a plane adapted.
SEED, LESIONS = 45, 3


def pdf_examples():
    spec = importlib.util.spec_from_file_location("pdf_examples", HERE.parent / "pdf" / "make_examples.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _fixed_keys() -> Callable[[int], str]:
    """The audit trail's value keys made from a counter, so that the chain's head, which the ODM files name, is the
    same at each regeneration (the product draws them at random)."""
    count = itertools.count()
    return lambda size=32: hashlib.sha256(f"example key {next(count)}".encode()).hexdigest()[: size * 2]


def write_examples(folder: Path) -> None:
    """Every example file, written into folder."""
    examples = pdf_examples()
    with (
        tempfile.TemporaryDirectory() as scratch,
        examples.fixed_clock_and_ids(SEED) as clock,
        mock.patch.object(audit.secrets, "token_hex", _fixed_keys()),
        mock.patch("mimic_desktop.domain.clock.utc_now", clock),  # the upgrade's row in a new database's trail
    ):
        service, proc_id = examples.example_record(Path(scratch), clock, seed=SEED, lesions=LESIONS)
        records = [service.load(proc_id)]
        exported_at = clock()
        write_flat_csv(records, folder, prefix="example", snapshot=Snapshot(to_iso(exported_at), app_version="example"))
        write_redcap(records, folder, prefix="example")
        _, head = audit.head(service.store.conn)
        write_odm(records, folder / "example_odm.xml", exported_at=exported_at, audit_head=head)
        archive = archive_of(service, records)
        write_odm(
            records, folder / "example_odm_archive.xml", exported_at=exported_at, audit_head=head, archive=archive
        )
        for old_map in folder.glob("example_castor_variable_map.csv"):
            old_map.unlink()  # the default map, not one left by an earlier run
        write_castor(records, folder, prefix="example")
        write_dataset_json(records, folder, prefix="example", created=exported_at)
        service.store.close()


if __name__ == "__main__":
    write_examples(HERE)
