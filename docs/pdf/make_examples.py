"""Write the example PDFs of a simulated record and render their pages to PNG in this folder.

Run from the repository: `python docs/pdf/make_examples.py` (needs pdftoppm from poppler-utils).
The examples run on a fixed clock and fixed identifiers, so a regeneration changes only what the code changed.
"""

from __future__ import annotations

import contextlib
import itertools
import random
import subprocess
import tempfile
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from unittest import mock

from mimic_desktop.domain import derive
from mimic_desktop.services.accounts import AccountService
from mimic_desktop.services.demo import DEMO_PASSWORD, DEMO_QUESTIONNAIRE, create_demo
from mimic_desktop.services.documents import write_questionnaire_pdf, write_summary_pdf
from mimic_desktop.services.procedures import ProcedureService
from mimic_desktop.services.signing import SigningService
from mimic_desktop.services.simulate import record_procedure
from mimic_desktop.storage import password_hash
from mimic_desktop.storage.connection import open_store

HERE = Path(__file__).resolve().parent
RESOLUTION = "60"
EXAMPLE_START = datetime(2026, 10, 20, 8, 30, tzinfo=UTC)  # the incision of the example record


@contextlib.contextmanager
def fixed_clock_and_ids(seed: int = 11) -> Iterator[Callable[[], datetime]]:
    """A clock a month after the example's surgery (past its complication), a minute on at each reading, and
    identifiers from a seed.

    For the examples only: the app itself takes the time from the system and its identifiers at random.
    """
    minutes = itertools.count()
    ids = random.Random(seed)

    def clock() -> datetime:
        return EXAMPLE_START + timedelta(days=30, minutes=next(minutes))

    def seeded_uuid() -> uuid.UUID:
        return uuid.UUID(int=ids.getrandbits(128), version=4)

    def seeded_salt(size: int) -> bytes:
        return ids.getrandbits(8 * size).to_bytes(size, "big")

    with (
        mock.patch("uuid.uuid4", seeded_uuid),
        mock.patch("mimic_desktop.storage.password_hash.os.urandom", seeded_salt),
        # One cost, whoever runs this (the tests lower it): the audit trail, and so its head, records it.
        mock.patch("mimic_desktop.storage.password_hash.CURRENT", password_hash.LEGACY),
        mock.patch("mimic_desktop.services.accounts.utc_now", clock),
        mock.patch("mimic_desktop.services.documents.utc_now", clock),
        mock.patch("mimic_desktop.storage.row_seals.utc_now", clock),  # the new database's seals begin
    ):
        yield clock


def example_record(
    folder: Path, clock: Callable[[], datetime], seed: int = 11, lesions: int = 5
) -> tuple[ProcedureService, str]:
    """A finished record with a complication and a signed questionnaire (also the example of docs/exports)."""
    store = open_store(folder / "example.sqlite")
    accounts = AccountService(store, clock=clock)
    coordinator = accounts.create_user("anna.coord", "Anna de Vries", "coordinator", "example-password")
    surgeon = accounts.create_user("sjoerd.citroen", "Sjoerd Citroën", "surgeon", "example-password", by=coordinator)
    service = ProcedureService(store, coordinator, clock)
    proc_id = record_procedure(
        service, random.Random(seed), lesions=lesions, start=EXAMPLE_START, surgeon=surgeon.username
    )
    day = derive.surgery_date(service.load(proc_id))
    service.add_complication(
        proc_id,
        {
            "description": "Bile leak from the cut surface of segment IVb, drained percutaneously; "
            "resolved after ten days without further intervention.",
            "clavien_dindo": "IIIa",
            "onset_date": day + timedelta(days=4),
            "present_at_discharge": True,
        },
    )
    service.set_values(
        proc_id, DEMO_QUESTIONNAIRE | {"q_comments": "Duidelijke rand rond laesie 2; één occulte laesie."}
    )
    service.complete(proc_id)
    # The coordinator typed the surgeon's answers; the surgeon confirms each, then signs with the form's statement
    # in English, which the Dutch questionnaire shows as signed, then in Dutch.
    signing = SigningService(store, surgeon, clock)
    signing.confirm_answers(proc_id)
    signing.sign_questionnaire(proc_id, "example-password")
    return service, proc_id


def corrected(service: ProcedureService, proc_id: str) -> None:
    """Corrections after completion, each with its reason, for the summary's list of changes."""
    proc = service.load(proc_id)
    start = proc.first_event("transection_start")
    service.correct_event_time(start.id, start.moment + timedelta(seconds=95), "logged late: clock read afterwards")
    note = next(event for event in proc.events if event.kind == "note")
    service.strike_event(note.id, "typed in the wrong record")
    service.set_values(
        proc_id,
        {"margin_mm": 0.4, "r1_type": "parenchymal"},
        entity="lesion",
        entity_id=proc.lesions[1].id,
        reason="pathology report revised",
    )


def render(pdf: Path, last_page: int | None = None, first_page: int | None = None) -> None:
    for old in HERE.glob(f"{pdf.stem}-*.png"):
        old.unlink()
    pages = ["-l", str(last_page)] if last_page else []
    pages += ["-f", str(first_page)] if first_page else []
    subprocess.run(["pdftoppm", "-r", RESOLUTION, *pages, "-png", str(pdf), str(HERE / pdf.stem)], check=True)


DEMO_LESIONS_RECORD = "MIM-01-002"


def lesions_page(pdf: Path) -> int:
    """The number of the page on which the summary's first lesion is printed."""
    for number in itertools.count(1):
        found = subprocess.run(
            ["pdftotext", "-f", str(number), "-l", str(number), str(pdf), "-"], capture_output=True, text=True
        )
        if found.returncode != 0:
            raise LookupError(f"{pdf.name} prints no lesion")
        if "Lesion 1\n" in found.stdout and "Couinaud segment(s)" in found.stdout:
            return number
    raise AssertionError("unreachable")


def main() -> None:
    with tempfile.TemporaryDirectory() as scratch, fixed_clock_and_ids() as clock:
        folder = Path(scratch)
        service, proc_id = example_record(folder, clock)
        corrected(service, proc_id)
        render(write_summary_pdf(service, proc_id, folder / "summary-en.pdf", "en"))
        render(write_questionnaire_pdf(service, proc_id, folder / "questionnaire-signed-nl.pdf", "nl"))
        render(write_questionnaire_pdf(service, None, folder / "questionnaire-blank-en.pdf", "en", blank=True))
        service.store.close()
        demo = create_demo(folder / "demo.sqlite")
        practice = ProcedureService(demo, AccountService(demo).sign_in("demo.coordinator", DEMO_PASSWORD))
        render(write_summary_pdf(practice, practice.list()[-1]["id"], folder / "summary-demo-nl.pdf", "nl"), 1)
        # The lesions of a demo record, each with every lesion field of the form (its ICG pattern, how it was found).
        three_lesions = next(row["id"] for row in practice.list() if row["study_id"] == DEMO_LESIONS_RECORD)
        summary = write_summary_pdf(practice, three_lesions, folder / "summary-demo-lesions-en.pdf", "en")
        render(summary, *[lesions_page(summary)] * 2)
        demo.close()


if __name__ == "__main__":
    main()
