"""Near-infrared stills kept with events: masked, stored losslessly with their hash in the audit trail.

A frame is kept for one event of a record, in one transaction with its audit row; it is masked before it is
stored (towers burn patient details into the video: the rectangles of each imaging system are a study
setting) and re-encoded as PNG, so that what is stored is exactly what the hash names. A procedure keeps at
most FRAME_BUDGET bytes of frames (docs/fluorescence.md).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from ..analysis.fluorescence import HONEST_WORDS, Measurement, Rect, measure, parse_rect
from ..domain import forms
from ..domain.clock import to_iso, utc_now
from ..domain.errors import NotFound, ValidationError
from ..domain.frame_channels import CHANNELS as CHANNEL_NAMES
from ..domain.record import Procedure
from ..domain.roles import Action, User
from ..domain.wording import Text
from ..storage import frames as frame_rows
from ..storage import repository
from ..storage.connection import Store
from ..storage.frames import MeasurementRow
from . import access
from .fluorescence import decode, opencv, read_image
from .procedures import Clock, ProcedureService

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

    from ..reports.summary import KeptStill

MASKS_KEY = "frame_masks"
MEDIA_TYPE = "image/png"
# What the frames of one procedure may take in the database: about fifty 1080p stills as PNG. A laptop keeps
# hundreds of procedures, and a session file that carries its frames must still fit an e-mail or a stick.
FRAME_BUDGET = 256 * 1024 * 1024
# The summary prints a frame at most 12 cm wide: 1200 pixels are more than a printer resolves there, and a 4K
# frame at full size would make the PDF tens of megabytes.
PRINTED_WIDTH = 1200


@dataclass(frozen=True)
class KeptFrame:
    id: int
    event_id: int
    event_kind: str
    event_at: str
    struck: bool
    kept_at: str
    kept_by: str
    sha256: str
    size: int
    width: int
    height: int
    masks: list[str]

    def as_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "event": self.event_id,
            "event_kind": self.event_kind,
            "time": self.event_at,
            "struck": self.struck,
            "kept": self.kept_at,
            "kept_by": self.kept_by,
            "sha256": self.sha256,
            "size": self.size,
            "width": self.width,
            "height": self.height,
            "masks": self.masks,
        }


# -- masks: a study setting, per imaging system ------------------------------------------------------------


def _systems() -> list[str]:
    return [choice.code for choice in forms.field_def("imaging_system").choices]


def masks(store: Store) -> dict[str, list[str]]:
    """Each imaging system's mask rectangles (X,Y,W,H), as set."""
    text = repository.get_setting(store.conn, MASKS_KEY)
    stored: dict[str, list[str]] = json.loads(text) if text else {}
    return stored


def set_masks(store: Store, user: User, system: str, rects: list[str], clock: Clock = utc_now) -> bool:
    """Set one imaging system's masks (an empty list clears them), a coordinator only, audited."""
    access.require(store, user, Action.MANAGE_USERS, clock=clock)
    with store.transaction() as db:
        text = masks_text(store, {system: rects})
        return repository.change_setting(db.conn, MASKS_KEY, text, now=to_iso(clock()), username=user.username)


def masks_text(store: Store, changes: Mapping[str, list[str]]) -> str:
    """The setting's text with these systems' masks replaced (an empty list clears a system's), each checked."""
    current = masks(store)
    for system, rects in changes.items():
        if system not in _systems():
            raise ValidationError(
                Text(
                    "{system!r} is not an imaging system: choose one of {choices}.",
                    system=system,
                    choices=", ".join(_systems()),
                ),
                "imaging_system",
            )
        checked = [parse_rect(rect, "mask").text() for rect in rects]
        if checked:
            current[system] = checked
        else:
            current.pop(system, None)
    return json.dumps(dict(sorted(current.items())), separators=(",", ":"))


def apply_masks(frame: NDArray[np.generic], rects: list[Rect]) -> NDArray[np.generic]:
    """A copy of the frame with each rectangle black (the part of it inside the frame)."""
    masked = frame.copy()
    for rect in rects:
        masked[rect.y : rect.y + rect.height, rect.x : rect.x + rect.width] = 0
    return masked


# -- keeping and listing ------------------------------------------------------------------------------------


def encoded_png(frame: NDArray[np.generic]) -> bytes:
    """The frame as PNG, lossless: what is stored is exactly what its hash names."""
    return _encoded(frame)


def _encoded(frame: NDArray[np.generic]) -> bytes:
    cv2 = opencv()
    done, buffer = cv2.imencode(".png", frame)
    if not done:  # pragma: no cover - OpenCV encodes every array it decoded
        raise ValidationError(Text("The frame could not be stored as PNG."), "image")
    return bytes(buffer.tobytes())


def attach_frame(
    service: ProcedureService, study_id: str, event_id: int, image: Path, reason: str | None = None
) -> int:
    """Keep a still (a file) for an event of the record: masked, as PNG, with its hash audited. Returns its id."""
    proc = service.find(study_id)
    _takes_a_frame(service, proc, event_id)  # before the picture is read: that can take seconds
    frame = read_image(image)
    system = proc.get("imaging_system")
    rects = [parse_rect(rect, "mask") for rect in masks(service.store).get(str(system), [])]
    data = _encoded(apply_masks(frame, rects))
    # _change: the record's one-action transaction (permission, lock and reason, status), as every change.
    with service._change(proc.id, reason, child_values=False):
        _takes_a_frame(service, proc, event_id)  # again, on what no other connection can change now
        return _insert(service, proc.id, proc.study_id, event_id, frame, data, rects, reason)


def _takes_a_frame(service: ProcedureService, proc: Procedure, event_id: int) -> None:
    """The event is the record's, live, and has no frame yet."""
    conn = service.store.conn
    owner = frame_rows.event_of(conn, event_id)
    if owner is None or owner[0] != proc.id:
        raise NotFound(Text("{study_id} has no event {id}.", study_id=proc.study_id, id=event_id))
    if owner[1]:
        raise ValidationError(
            Text("Event {id} is struck through: keep the frame with the event that replaced it.", id=event_id),
            "event",
        )
    kept = frame_rows.frame_of_event(conn, event_id)
    if kept is not None:
        raise ValidationError(Text("Event {id} already has frame {frame}.", id=event_id, frame=kept), "event")


def record_event_with_frame(
    service: ProcedureService,
    proc_id: str,
    kind: str,
    frame: NDArray[np.generic],
    *,
    lesion_id: str | None = None,
    note: str | None = None,
    at: datetime | None = None,
    lang: str = "en",
    also_lesion_ids: Sequence[str] = (),
) -> tuple[int, int]:
    """Log an event with the frame of that moment (a fluorescence finding with a video source connected): the
    event, its frame and their audit rows in one transaction, so that neither is ever saved without the other.
    Returns (event id, frame id)."""
    proc = service.load(proc_id)
    rects = [parse_rect(rect, "mask") for rect in masks(service.store).get(str(proc.get("imaging_system")), [])]
    data = _encoded(apply_masks(frame, rects))
    kept: list[int] = []

    def keep(event_id: int) -> None:
        kept.append(_insert(service, proc.id, proc.study_id, event_id, frame, data, rects))

    event_id = service.record_event(
        proc_id,
        kind,
        at=at,
        lesion_id=lesion_id,
        note=note,
        lang=lang,
        with_event=keep,
        also_lesion_ids=also_lesion_ids,
    )
    return event_id, kept[0]


def _insert(
    service: ProcedureService,
    proc_id: str,
    study_id: str,
    event_id: int,
    frame: NDArray[np.generic],
    data: bytes,
    rects: list[Rect],
    reason: str | None = None,
) -> int:
    """The frame's row and audit row, inside the caller's transaction, within the procedure's budget."""
    conn = service.store.conn
    used = frame_rows.bytes_kept(conn, proc_id)
    if used + len(data) > FRAME_BUDGET:
        raise ValidationError(
            Text(
                "{study_id} keeps {used:,} bytes of frames; this one ({size:,} bytes) would exceed the budget of"
                " {budget:,} bytes per procedure.",
                study_id=study_id,
                used=used,
                size=len(data),
                budget=FRAME_BUDGET,
            ),
            "image",
        )
    return frame_rows.insert_frame(
        conn,
        proc_id=proc_id,
        event_id=event_id,
        media_type=MEDIA_TYPE,
        width=int(frame.shape[1]),
        height=int(frame.shape[0]),
        data=data,
        sha256=hashlib.sha256(data).hexdigest(),
        masks=json.dumps([rect.text() for rect in rects]),
        now=to_iso(service.clock()),
        username=service.user.username,
        reason=reason,
    )


def kept_frames(service: ProcedureService, study_id: str) -> list[KeptFrame]:
    proc = service.find(study_id)
    return [
        KeptFrame(
            id=row.id,
            event_id=row.event_id,
            event_kind=row.event_kind,
            event_at=row.event_at_utc,
            struck=row.event_struck,
            kept_at=row.kept_utc,
            kept_by=row.username,
            sha256=row.sha256,
            size=row.size,
            width=row.width,
            height=row.height,
            masks=json.loads(row.masks),
        )
        for row in frame_rows.frames_of(service.store.conn, proc.id)
    ]


def framed_event_ids(store: Store, proc_id: str) -> set[int]:
    """The ids of the record's events that have a frame kept with them (the timelines mark them)."""
    return {row.event_id for row in frame_rows.frames_of(store.conn, proc_id)}


def frame_pixels(service: ProcedureService, proc_id: str, frame_id: int) -> NDArray[np.generic]:
    """The pixels of a kept frame of this procedure, its hash checked against the stored one."""
    return decode(frame_png(service, proc_id, frame_id), f"frame {frame_id}")


# -- fluorescence measured on kept frames -------------------------------------------------------------------


@dataclass(frozen=True)
class LesionMeasurement(MeasurementRow):
    """A stored measurement (storage/frames.MeasurementRow) with the number people know its lesion by."""

    lesion_number: int = 0

    def as_json(self) -> dict[str, object]:
        return {
            "lesion": self.lesion_number,
            "frame": self.frame_id,
            "finding": self.finding,
            "channel": self.channel,
            "target": {"rect": self.target, "mean": self.target_mean, "sd": self.target_sd},
            "background": {"rect": self.background, "mean": self.background_mean, "sd": self.background_sd},
            "sbr": self.sbr,
            "method": self.method,
            "calibration": HONEST_WORDS,
            "measured_at": self.measured_utc,
            "measured_by": self.username,
        }


def set_measurement(
    service: ProcedureService,
    study_id: str,
    lesion_number: int,
    frame_id: int,
    target: str,
    background: str,
    channel: str = "nir",
    reason: str | None = None,
) -> tuple[int, Measurement]:
    """Measure a lesion's fluorescence on a kept frame and store it with the regions, channel and method,
    audited; measured again on the same frame, the figures are replaced (the trail keeps the earlier ones)."""
    proc = service.find(study_id)
    lesion = next((lesion for lesion in proc.lesions if lesion.number == lesion_number), None)
    if lesion is None:
        raise NotFound(Text("{study_id} has no lesion {number}.", study_id=proc.study_id, number=lesion_number))
    target_rect, background_rect = parse_rect(target, "target"), parse_rect(background, "background")
    if not 0 < frame_id < 2**63:
        raise NotFound(Text("There is no frame {id} in this record.", id=frame_id))
    pixels = frame_pixels(service, proc.id, frame_id)
    row = frame_rows.frame(service.store.conn, frame_id)
    assert row is not None  # frame_pixels found it
    if row.event_struck:
        raise ValidationError(
            Text(
                "Frame {id} was kept with event {event}, which is struck through: measure on a frame of a finding the"
                " record still makes.",
                id=frame_id,
                event=row.event_id,
            ),
            "frame",
        )
    event = next(event for event in proc.events if event.id == row.event_id)
    if event.lesion_id is not None and lesion.id not in event.lesion_ids:
        owner = next((other.number for other in proc.lesions if other.id == event.lesion_id), "?")
        raise ValidationError(
            Text(
                "Frame {id} was kept with an event of lesion {owner}, not of lesion {number}.",
                id=frame_id,
                owner=owner,
                number=lesion_number,
            ),
            "frame",
        )
    measurement = measure(pixels, target_rect, background_rect, channel, _masks_of(row.masks))
    figures: dict[str, str | float] = {
        "finding": row.event_kind,
        "channel": measurement.channel,
        "target": target_rect.text(),
        "background": background_rect.text(),
        "target_mean": measurement.target.mean,
        "target_sd": measurement.target.sd,
        "background_mean": measurement.background.mean,
        "background_sd": measurement.background.sd,
        "sbr": measurement.ratio,
        "method": measurement.method,
    }
    with service._change(proc.id, reason, child_values=False):
        measurement_id = frame_rows.put_measurement(
            service.store.conn,
            proc_id=proc.id,
            lesion_id=lesion.id,
            frame_id=frame_id,
            figures=figures,
            now=to_iso(service.clock()),
            username=service.user.username,
            reason=reason,
        )
    return measurement_id, measurement


def measurements(service: ProcedureService, proc_id: str) -> list[LesionMeasurement]:
    """The fluorescence measured on the record's frames, for its lesions still in the record."""
    proc = service.load(proc_id)
    return measurements_of_record(service.store, proc)


def _live_frames(store: Store, proc: Procedure) -> dict[int, str]:
    """The record's frames kept with events still live, with their hashes. A measurement on the frame of a finding
    struck through since measures a call the record no longer makes: it is left out wherever the record's
    measurements are read (the audit trail keeps it)."""
    return {row.id: row.sha256 for row in frame_rows.frames_of(store.conn, proc.id) if not row.event_struck}


def measurements_of_record(store: Store, proc: Procedure) -> list[LesionMeasurement]:
    numbers = {lesion.id: lesion.number for lesion in proc.lesions}
    live = _live_frames(store, proc)
    return [
        LesionMeasurement(**vars(row), lesion_number=numbers[row.lesion_id])
        for row in frame_rows.measurements_of(store.conn, proc.id)
        if row.lesion_id in numbers and row.frame_id in live
    ]


def record_measurements(store: Store, proc: Procedure) -> list[dict[str, object]]:
    """The measurements as record.json carries them (format version 2): by lesion id, with the frame's hash."""
    lesions = {lesion.id for lesion in proc.lesions}
    hashes = _live_frames(store, proc)
    return [
        {
            "lesion_id": row.lesion_id,
            "finding": row.finding,
            "frame_sha256": hashes[row.frame_id],
            "channel": row.channel,
            "target": row.target,
            "background": row.background,
            "target_mean": row.target_mean,
            "target_sd": row.target_sd,
            "background_mean": row.background_mean,
            "background_sd": row.background_sd,
            "sbr": row.sbr,
            "method": row.method,
            "measured_at": row.measured_utc,
        }
        for row in frame_rows.measurements_of(store.conn, proc.id)
        if row.lesion_id in lesions and row.frame_id in hashes
    ]


# -- what the lesion's page shows and measures --------------------------------------------------------------

CHANNELS = CHANNEL_NAMES


def frames_for_lesion(service: ProcedureService, proc: Procedure, lesion_id: str) -> list[KeptFrame]:
    """The frames a lesion may be measured on: kept with its own live events, or with a live event of no lesion
    (the ICG overlay inspection), in the order they were recorded."""
    events = {event.id: event for event in proc.live_events()}
    return [
        kept
        for kept in kept_frames(service, proc.study_id)
        if kept.event_id in events and events[kept.event_id].lesion_id in (None, lesion_id)
    ]


def frame_png(service: ProcedureService, proc_id: str, frame_id: int) -> bytes:
    """A kept frame's stored PNG, as shown on screen, its hash checked against the stored one."""
    conn = service.store.conn
    row = frame_rows.frame(conn, frame_id)
    data = frame_rows.frame_data(conn, frame_id)
    if row is None or data is None or row.procedure_id != proc_id:
        raise NotFound(Text("There is no frame {id} in this record.", id=frame_id))
    if hashlib.sha256(data).hexdigest() != row.sha256:
        raise ValidationError(
            Text("Frame {id} does not match its hash: it was changed after it was kept.", id=frame_id), "frame"
        )
    return data


def preview_measurement(
    service: ProcedureService, proc_id: str, frame_id: int, target: str, background: str, channel: str = "nir"
) -> Measurement:
    """The figures `set_measurement` would store, computed and stored nowhere: what the page shows while the
    regions are drawn."""
    target_rect, background_rect = parse_rect(target, "target"), parse_rect(background, "background")
    pixels = frame_pixels(service, proc_id, frame_id)
    row = frame_rows.frame(service.store.conn, frame_id)
    assert row is not None  # frame_pixels found it
    return measure(pixels, target_rect, background_rect, channel, _masks_of(row.masks))


def _masks_of(stored: str) -> list[Rect]:
    """The mask rectangles a frame was kept with (its row's JSON list)."""
    return [parse_rect(text, "mask") for text in json.loads(stored)]


def stills_of_record(store: Store, proc: Procedure) -> list[KeptStill]:
    """The frames kept with the record's live events, with the measurements made on them, for the summary PDF.

    A frame whose pixels no longer match their hash comes without its picture (png empty): the summary says so
    rather than print what was not kept, and `verify` names the changed row."""
    from ..reports.summary import KeptStill, StillRegions

    numbers = {lesion.id: lesion.number for lesion in proc.lesions}
    live = {event.id: event for event in proc.live_events()}
    regions: dict[int, list[StillRegions]] = {}
    for measured in frame_rows.measurements_of(store.conn, proc.id):
        if measured.lesion_id in numbers:
            regions.setdefault(measured.frame_id, []).append(
                StillRegions(
                    numbers[measured.lesion_id], measured.target, measured.background, measured.sbr, measured.channel
                )
            )
    stills = []
    for kept in frame_rows.frames_of(store.conn, proc.id):
        event = live.get(kept.event_id)
        data = frame_rows.frame_data(store.conn, kept.id)
        if event is None:
            continue
        intact = data is not None and hashlib.sha256(data).hexdigest() == kept.sha256
        stills.append(
            KeptStill(
                id=kept.id,
                event_kind=kept.event_kind,
                at=kept.event_at_utc,
                lesion_number=numbers.get(event.lesion_id or ""),
                png=_printable(data) if intact and data is not None else b"",
                sha256=kept.sha256,
                width=kept.width,
                height=kept.height,
                regions=tuple(regions.get(kept.id, [])),
            )
        )
    return stills


def _printable(data: bytes) -> bytes:
    """A kept frame as the summary prints it: 8 bits (PDF viewers show 16-bit grey as white; the top 8 bits, as
    the app's screen shows it) and at most PRINTED_WIDTH pixels wide. The hash printed beside it is the kept
    frame's."""
    import numpy as np

    pixels = decode(data, "frame")
    if pixels.dtype == np.uint16:
        pixels = (pixels.astype(np.uint16) >> 8).astype(np.uint8)
    if pixels.shape[1] > PRINTED_WIDTH:
        height = max(round(pixels.shape[0] * PRINTED_WIDTH / pixels.shape[1]), 1)
        pixels = opencv().resize(pixels, (PRINTED_WIDTH, height), interpolation=opencv().INTER_AREA)
    return _encoded(pixels)
