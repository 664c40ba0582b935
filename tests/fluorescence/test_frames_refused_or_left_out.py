"""What a kept frame may not be, and what is left out of a record's measurements: a picture of more pixels than
any tower gives, a frame of float pixels, a region reaching into a mask, a finding struck through since its frame
was measured. The summary prints a 16-bit or very large frame as an 8-bit picture of a printable size."""

from __future__ import annotations

import io
import struct
import zlib

import numpy as np
import pytest
from PIL import Image

from mimic_desktop.domain.errors import MimicError, ValidationError
from mimic_desktop.services import fluorescence
from mimic_desktop.services import frames as frame_service
from mimic_desktop.storage.connection import Store
from tests.support import frames


def lesion_event(proc, number: int):
    lesion = next(lesion for lesion in proc.lesions if lesion.number == number)
    return next(e for e in proc.live_events() if e.lesion_id == lesion.id and e.kind != "lesion_identified")


def huge_png_header(width: int, height: int) -> bytes:
    """The first bytes of a PNG that says it is width x height (a small file can say so; decoding it would take
    gigabytes)."""
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    chunk = b"IHDR" + header
    ihdr = struct.pack(">I", len(header)) + chunk + struct.pack(">I", zlib.crc32(chunk))
    return b"\x89PNG\r\n\x1a\n" + ihdr + b"\x00" * 64


def test_a_picture_of_more_pixels_than_a_tower_gives_is_refused_before_it_is_decoded(tmp_path):
    path = tmp_path / "bomb.png"
    path.write_bytes(huge_png_header(20_000, 20_000))
    with pytest.raises(MimicError) as refused:
        fluorescence.read_image(path)
    assert "20000 by 20000 pixels" in str(refused.value) and "35,389,440 pixels at most" in str(refused.value)


def test_a_frame_of_float_pixels_is_refused_in_words(tmp_path):
    path = tmp_path / "float.tiff"
    import cv2

    assert cv2.imwrite(str(path), frames.nir_frame().astype(np.float32))
    with pytest.raises(MimicError, match="holds float32 pixels: a frame has 8 or 16 bits per channel"):
        fluorescence.read_image(path)


def specimen_event(proc, number: int):
    """The lesion's specimen finding (the index test, as the catalogue says)."""
    from mimic_desktop.domain import forms

    index = forms.index_finding().name
    lesion = next(lesion for lesion in proc.lesions if lesion.number == number)
    return next(e for e in proc.live_events() if e.lesion_id == lesion.id and forms.events()[e.kind].finding == index)


@pytest.fixture
def kept(service, recorded, tmp_path) -> tuple[object, int]:
    proc = service.load(recorded)
    event = specimen_event(proc, 1)
    image = frames.write(tmp_path / "still.png", frames.nir_frame())
    return event, frame_service.attach_frame(service, proc.study_id, event.id, image)


def test_a_region_reaching_into_a_mask_is_refused(service, recorded, store: Store, tmp_path):
    proc = service.load(recorded)
    system = str(proc.get("imaging_system"))
    # A mask over the background's top edge: its black pixels would pass for dark liver.
    frame_service.set_masks(store, service.user, system, ["0,0,320,20"])
    image = frames.write(tmp_path / "still.png", frames.nir_frame())
    frame_id = frame_service.attach_frame(service, proc.study_id, lesion_event(proc, 1).id, image)
    with pytest.raises(ValidationError, match=r"The background region 10,10,60,200 overlaps the mask 0,0,320,20"):
        frame_service.set_measurement(service, proc.study_id, 1, frame_id, frames.TARGET, frames.BACKGROUND)
    with pytest.raises(ValidationError, match="overlaps the mask"):
        frame_service.preview_measurement(service, recorded, frame_id, frames.TARGET, frames.BACKGROUND)
    # Clear of it, the ratio is the known one.
    _, measured = frame_service.set_measurement(service, proc.study_id, 1, frame_id, frames.TARGET, "10,30,60,180")
    assert measured.ratio == pytest.approx(frames.KNOWN_RATIO, rel=0.01)


def test_a_finding_struck_through_takes_its_measurement_out_of_the_record(service, recorded, kept):
    event, frame_id = kept
    proc = service.load(recorded)
    frame_service.set_measurement(service, proc.study_id, 1, frame_id, frames.TARGET, frames.BACKGROUND)
    assert len(frame_service.record_measurements(service.store, service.load(recorded))) == 1
    service.strike_event(event.id, "recorded on the wrong lesion")
    proc = service.load(recorded)
    # Neither the session file's part nor the page's list carries it; the trail still does.
    assert frame_service.record_measurements(service.store, proc) == []
    assert frame_service.measurements(service, recorded) == []
    trail = service.store.conn.execute("SELECT COUNT(*) FROM audit WHERE entity_id IN (SELECT id FROM frames)")
    assert trail.fetchone()[0] >= 1
    with pytest.raises(ValidationError, match=f"Frame {frame_id} was kept with event {event.id}, which is struck"):
        frame_service.set_measurement(service, proc.study_id, 1, frame_id, frames.TARGET, frames.BACKGROUND)


def test_the_summary_prints_a_16_bit_frame_as_8_bits_and_a_large_one_smaller(service, recorded, tmp_path):
    proc = service.load(recorded)
    deep = (frames.nir_frame().astype(np.uint16) * 257)[:, :]
    wide = np.tile(frames.nir_frame(), (1, 8))  # 2560 pixels wide
    for index, (frame, name) in enumerate(((deep, "deep.png"), (wide, "wide.png")), start=1):
        frame_service.attach_frame(
            service, proc.study_id, lesion_event(proc, index).id, frames.write(tmp_path / name, frame)
        )
    stills = frame_service.stills_of_record(service.store, service.load(recorded))
    printed = [np.asarray(Image.open(io.BytesIO(still.png))) for still in stills]
    assert [picture.dtype for picture in printed] == [np.uint8, np.uint8]
    # The 16-bit frame's picture is what the screen shows: its top 8 bits, not white.
    assert np.array_equal(printed[0], (deep >> 8).astype(np.uint8))
    assert printed[1].shape[1] == frame_service.PRINTED_WIDTH and stills[1].width == 2560


def test_an_event_that_takes_no_frame_is_said_before_the_picture_is_read(service, recorded, kept, tmp_path):
    event, frame_id = kept
    proc = service.load(recorded)
    # The picture named does not even exist: the event's answer comes first, without reading anything.
    with pytest.raises(ValidationError, match=f"Event {event.id} already has frame {frame_id}"):
        frame_service.attach_frame(service, proc.study_id, event.id, tmp_path / "not-read.png")
