"""A finished, signed procedure to print, and a check that every PDF a test writes is sound."""

import random
import re
import shutil
import subprocess
from datetime import timedelta

import pytest

from mimic_desktop.domain import derive
from mimic_desktop.services.accounts import AccountService
from mimic_desktop.services.demo import DEMO_QUESTIONNAIRE
from mimic_desktop.services.procedures import ProcedureService
from mimic_desktop.services.signing import SigningService
from mimic_desktop.services.simulate import record_procedure

SURGEON_PASSWORD = "steady hands 42"
LONG_DESCRIPTION = " ".join(
    f"Bile leak from the cut surface of segment IVb, step{n} of the management, drained percutaneously"
    for n in range(1, 4)
)
COMMENT = "Heldere rand rond laesie één; geëxtendeerde resectie overwogen. " * 25


@pytest.fixture
def surgeon(store, coordinator):
    return AccountService(store).create_user(
        "sam.surgeon", "Sjoerd Citroën", "surgeon", SURGEON_PASSWORD, by=coordinator
    )


@pytest.fixture
def signed(store, service, surgeon):
    """Four lesions, two complications (one late), a struck event, a signed questionnaire."""
    proc_id = record_procedure(service, random.Random(11), lesions=4)
    proc = service.load(proc_id)
    day = derive.surgery_date(proc)
    service.add_complication(
        proc_id,
        {
            "description": LONG_DESCRIPTION,
            "clavien_dindo": "IIIa",
            "onset_date": day + timedelta(days=5),
            "present_at_discharge": True,
        },
    )
    service.add_complication(
        proc_id, {"description": "Incisional hernia", "clavien_dindo": "IIIb", "onset_date": day + timedelta(days=120)}
    )
    note = next(e for e in proc.events if e.kind == "note")
    service.strike_event(note.id, "typed in the wrong record")
    service.set_values(proc_id, DEMO_QUESTIONNAIRE | {"q_comments": COMMENT.strip()})
    SigningService(store, surgeon).sign_questionnaire(proc_id, SURGEON_PASSWORD, meaning="Author of the answers")
    return proc_id


@pytest.fixture
def surgeon_service(store, surgeon):
    return ProcedureService(store, surgeon)


def flat(text: str) -> str:
    """Extracted text with line breaks and runs of spaces made single spaces."""
    return re.sub(r"\s+", " ", text).strip()


def read_pdf(path) -> tuple[list[str], object]:
    from pypdf import PdfReader

    reader = PdfReader(path)
    return [page.extract_text() for page in reader.pages], reader


@pytest.fixture(autouse=True)
def every_pdf_passes_qpdf(tmp_path):
    """After each test, `qpdf --check` must pass on every PDF it wrote."""
    yield
    qpdf = shutil.which("qpdf")
    assert qpdf, "qpdf is needed to check the PDFs (apt-get install qpdf)"
    for pdf in sorted(tmp_path.rglob("*.pdf")):
        result = subprocess.run([qpdf, "--check", str(pdf)], capture_output=True, text=True)
        assert result.returncode == 0, f"{pdf.name}: {result.stdout}{result.stderr}"
