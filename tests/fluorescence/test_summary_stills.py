"""The summary PDF shows the frames kept with the record's events, with the regions measured on them: read back,
an image of the frame's size on the page, its figures beside it, in English and Dutch."""

from __future__ import annotations

import numpy as np
import pytest
from pypdf import PdfReader

from mimic_desktop.services import frames as frame_service
from mimic_desktop.services.documents import write_summary_pdf
from tests.support import frames


def lesion_event(proc, number: int):
    lesion = next(lesion for lesion in proc.lesions if lesion.number == number)
    return next(e for e in proc.live_events() if e.lesion_id == lesion.id and e.kind != "lesion_identified")


def page_with(reader: PdfReader, words: str):
    return next(page for page in reader.pages if words in page.extract_text())


@pytest.fixture
def measured(service, recorded, tmp_path) -> int:
    proc = service.load(recorded)
    image = frames.write(tmp_path / "still.png", frames.nir_frame())
    frame_id = frame_service.attach_frame(service, proc.study_id, lesion_event(proc, 1).id, image)
    frame_service.set_measurement(service, proc.study_id, 1, frame_id, frames.TARGET, frames.BACKGROUND)
    return frame_id


@pytest.mark.parametrize(
    ("lang", "heading", "figures"),
    [
        ("en", "Near-infrared frames kept", "Lesion 1: ratio 3.0"),
        ("nl", "Bewaarde nabij-infraroodbeelden", "Laesie 1: verhouding 3,0"),
    ],
)
def test_the_kept_frame_is_an_image_on_the_page_with_its_figures(
    service, recorded, measured, tmp_path, lang, heading, figures
):
    path = write_summary_pdf(service, recorded, tmp_path / f"summary-{lang}.pdf", lang)
    reader = PdfReader(path)
    assert any(heading in page.extract_text() for page in reader.pages)
    page = page_with(reader, figures)
    content = page.extract_text().replace("\n", " ")
    assert "105,65,110,12" in content and "10,10,60,200" in content
    stills = [image for image in page.images if image.image.size == (frames.WIDTH, frames.HEIGHT)]
    assert len(stills) == 1
    # The image on the page is the frame as kept: its pixels read back equal the stored ones.
    stored = frame_service.frame_pixels(service, recorded, measured)
    assert np.array_equal(np.asarray(stills[0].image.convert("L")), stored)


def test_a_record_without_frames_has_no_such_section(service, recorded, tmp_path):
    path = write_summary_pdf(service, recorded, tmp_path / "summary.pdf")
    assert all("Near-infrared frames kept" not in page.extract_text() for page in PdfReader(path).pages)


def test_a_frame_changed_after_it_was_kept_is_not_printed_and_the_summary_says_so(
    service, recorded, measured, tmp_path, store
):
    with store.transaction() as db:
        db.conn.execute("UPDATE frames SET data = CAST(data || x'00' AS BLOB) WHERE id=?", (measured,))
    path = write_summary_pdf(service, recorded, tmp_path / "summary.pdf")
    reader = PdfReader(path)
    page = page_with(reader, "Near-infrared frames kept")
    content = " ".join(page.extract_text().split())
    assert f"Frame {measured}:" in content and "Not printed: the stored pixels no longer match the hash" in content
    assert not [image for image in page.images if image.image.size == (frames.WIDTH, frames.HEIGHT)]
