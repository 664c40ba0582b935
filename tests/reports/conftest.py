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
from mimic_desktop.services.simulate import record_procedure
from tests.support.signers import sign_as

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
    sign_as(store, surgeon, proc_id, SURGEON_PASSWORD)
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


def drawn_runs(page) -> list[tuple[float, float, str]]:
    """The page's text runs (a line of a paragraph each) as (x, y, text), in the order they are drawn."""
    runs: list[tuple[float, float, str]] = []

    def visit(run, cm, tm, _font, _size):
        if run.strip():
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            runs.append((x, y, run.strip()))

    page.extract_text(visitor_text=visit)
    return runs


def paragraphs(reader) -> list[list[str]]:
    """The lines of each paragraph (a table cell, a label): runs drawn one after the other at the same left
    edge, each a line below the one before."""
    result: list[list[str]] = []
    for page in reader.pages:
        previous = None
        for x, y, run in drawn_runs(page):
            if previous and abs(x - previous[0]) < 0.5 and 0 < previous[1] - y < 15:
                result[-1].append(run)
            else:
                result.append([run])
            previous = (x, y)
    return result


def column_text(reader, header: str, next_header: str) -> str:
    """One table column's text on every page that shows its header: the text runs that start between the
    header's left edge and the next column's, in the order they are drawn (cell by cell, line by line)."""
    text = []
    for page in reader.pages:
        runs = [(x, run) for x, _, run in drawn_runs(page)]
        starts = {run: x for x, run in runs}
        if header in starts and next_header in starts:
            left, right = starts[header], starts[next_header]
            text += [run for x, run in runs if left - 0.5 <= x < right - 0.5 and run != header]
    return flat(" ".join(text))
