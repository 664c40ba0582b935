"""The video source: the tower's output through a capture card (a camera to the computer) or a recording.

The source is a study setting (`video_source`: a device number or a file). OpenCV opens it only when a frame
is wanted, never at start-up. A file plays from the moment it is opened: the frame of a moment is the one
at the time elapsed since then, so that a recording stands in for the live tower (and tests can check that
an event keeps the frame of its moment).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..domain.clock import to_iso, utc_now
from ..domain.errors import ValidationError
from ..domain.roles import Action, User
from ..domain.wording import Text
from ..storage import repository
from ..storage.connection import Store
from . import access
from .fluorescence import opencv
from .input_files import refuse_unless_regular
from .procedures import Clock

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

SOURCE_KEY = "video_source"
LARGEST_DEVICE = 63  # capture devices are numbered from 0; more than this is a typing mistake


def source(store: Store) -> str | None:
    return repository.get_setting(store.conn, SOURCE_KEY)


def _device(text: str) -> int | None:
    return int(text) if text.isdigit() and len(text) <= 2 else None


def is_device(text: str) -> bool:
    """The source names a capture device (a number), not a file."""
    return _device(text) is not None


def set_source(store: Store, user: User, text: str, clock: Clock = utc_now) -> bool:
    """Set the video source (a coordinator, audited): a device number, a video or image file, or "" for none.
    A file must be a video OpenCV can read; a device is checked when it is used (it may be unplugged now)."""
    access.require(store, user, Action.MANAGE_USERS, clock=clock)
    text = checked_source(text)
    with store.transaction() as db:
        return repository.change_setting(db.conn, SOURCE_KEY, text, now=to_iso(clock()), username=user.username)


def checked_source(text: str) -> str:
    """The source as it is stored: a device number as typed, a file by its whole path once it plays; "" for none."""
    text = text.strip()
    if text and _device(text) is None:
        path = Path(text)
        refuse_unless_regular(path)
        if not _plays(str(path.resolve())):
            raise ValidationError(Text("{path} is not a video or image that can be played.", path=path), "video_source")
        text = str(path.resolve())
    elif text and (_device(text) or 0) > LARGEST_DEVICE:
        raise ValidationError(Text("There is no capture device {number}.", number=text), "video_source")
    return text


def _plays(target: str) -> bool:
    """The file opens and gives a frame (OpenCV opens a truncated image, then reads nothing from it)."""
    capture = open_capture(target)
    try:
        return bool(capture.isOpened() and capture.read()[0])
    finally:
        capture.release()


def open_capture(target: str | int) -> Any:
    return opencv().VideoCapture(target)


class VideoSource:
    """An opened source; frame() gives the frame of the moment asked for."""

    def __init__(self, target: str, clock: Clock = utc_now) -> None:
        self.target = target
        self.device = _device(target)
        self.clock = clock
        self.started: datetime = clock()
        self.capture = open_capture(self.device if self.device is not None else target)
        if not self.capture.isOpened():
            raise ValidationError(Text("The video source {source} cannot be opened.", source=target), "video_source")

    def frame(self, at: datetime | None = None) -> NDArray[np.generic]:
        """The frame at this moment: the newest from a device, the one at the time elapsed since opening from a
        file."""
        cv2 = opencv()
        if self.device is None:
            elapsed = ((at or self.clock()) - self.started).total_seconds()
            self.capture.set(cv2.CAP_PROP_POS_MSEC, max(elapsed, 0.0) * 1000.0)
        ok, pixels = self.capture.read()
        if not ok or pixels is None:
            raise ValidationError(
                Text("The video source {source} gave no frame at this moment.", source=self.target), "video_source"
            )
        result: NDArray[np.generic] = pixels
        return result

    def close(self) -> None:
        self.capture.release()
