"""The frames the live screen keeps: the video source opened once, lazily, and each event recorded with the frame
of its moment where the event catalogue says so (forms/events.json, "frame").

The coordinator's entry comes first: when the source fails (a capture card unplugged, a recording gone) or the
frame cannot be kept (the procedure's budget), an event that keeps a frame is recorded all the same, without
it, and the reason is handed back in words. Only the frame kept on demand ("frame": "required") is refused
without a frame, since it is nothing else. OpenCV is imported only once a source is set and a frame is wanted.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from ..domain import forms
from ..domain.clock import utc_now
from ..domain.errors import MimicError, ValidationError
from ..domain.wording import Text
from ..storage.connection import Store
from . import frames, video
from .procedures import ProcedureService

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

NO_SOURCE = Text("No video source is set: choose one in Settings.")


@dataclass(frozen=True)
class Grab:
    """The frame of one moment, or why there is none (None when no frame was wanted)."""

    pixels: NDArray[np.generic] | None = None
    problem: Text | None = None


@dataclass(frozen=True)
class Recorded:
    """What recording one event did: its id, its frame's id (None when none was kept), and why none was."""

    event_id: int
    frame_id: int | None
    problem: Text | None = None


def _reason(error: MimicError) -> Text:
    message = error.message
    return message if isinstance(message, Text) else Text("The video source failed: {reason}", reason=str(message))


class LiveFrames:
    """The study's video source as one live screen uses it: opened at the first frame wanted (or by open()), kept
    open while the screen is, closed by close()."""

    def __init__(self, store: Store, clock: Callable[[], datetime] = utc_now) -> None:
        self.target = video.source(store) or ""
        self.clock = clock
        self.source: video.VideoSource | None = None

    @property
    def connected(self) -> bool:
        """A source is set (whether it works is known only once it is opened)."""
        return bool(self.target)

    def open(self) -> Text | None:
        """Open the source now, when one is set and it is not open yet; why it cannot be opened, or None."""
        if not self.connected or self.source is not None:
            return None
        try:
            self.source = video.VideoSource(self.target, clock=self.clock)
        except MimicError as error:
            return _reason(error)
        return None

    def grab(self, kind: str, at: datetime) -> Grab:
        """The frame of this moment for an event of this kind, when its definition keeps one."""
        definition = forms.events()[kind]
        if not definition.keeps_frame:
            return Grab()
        if not self.connected:
            return Grab(problem=NO_SOURCE)
        problem = self.open()
        if problem is not None or self.source is None:
            return Grab(problem=problem or NO_SOURCE)
        try:
            return Grab(pixels=self.source.frame(at))
        except MimicError as error:
            if self.source.device is not None:
                # A device may come back (a cable pushed in again): the next frame wanted opens it afresh. A file
                # is not reopened: it would play from its start again, and its frames would name wrong moments.
                self.close()
            return Grab(problem=_reason(error))

    def close(self) -> None:
        if self.source is not None:
            self.source.close()
            self.source = None


def refusal_without_frame(kind: str, grab: Grab) -> ValidationError | None:
    """An event recorded only with a frame (the frame kept on demand) and no frame to keep: refused, saying why."""
    if not forms.events()[kind].needs_frame or grab.pixels is not None:
        return None
    return ValidationError(
        Text("{event} is not recorded: {reason}", event=forms.events()[kind], reason=grab.problem or NO_SOURCE),
        "video_source",
    )


def record(
    service: ProcedureService,
    proc_id: str,
    kind: str,
    grab: Grab,
    *,
    at: datetime,
    note: str | None = None,
    lang: str = "en",
    also_lesion_ids: Sequence[str] = (),
) -> Recorded:
    """Record the event with the grabbed frame in one transaction; without it when there is none or it cannot be
    kept, saying why (the event itself is never given up for its frame)."""
    refused = refusal_without_frame(kind, grab)
    if refused is not None:
        raise refused
    if grab.pixels is None:
        event_id = service.record_event(proc_id, kind, at=at, note=note, lang=lang, also_lesion_ids=also_lesion_ids)
        return Recorded(event_id, None, grab.problem)
    try:
        event_id, frame_id = frames.record_event_with_frame(
            service, proc_id, kind, grab.pixels, at=at, note=note, lang=lang, also_lesion_ids=also_lesion_ids
        )
    except ValidationError as error:
        if error.field != "image" or forms.events()[kind].needs_frame:
            raise  # the event's own refusal (its order, its lesion), or a still that cannot be kept
        event_id = service.record_event(proc_id, kind, at=at, note=note, lang=lang, also_lesion_ids=also_lesion_ids)
        return Recorded(event_id, None, _reason(error))
    return Recorded(event_id, frame_id)


def framed_events(store: Store, proc_id: str) -> set[int]:
    """The ids of the record's events that have a frame kept with them."""
    return frames.framed_event_ids(store, proc_id)
