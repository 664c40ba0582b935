"""The video source and the masks of each imaging system as the Settings dialog changes them, and the preview it
shows: one frame of the source, masked black as it will be stored.

The rules are those of the command line (services/video.set_source, services/frames.set_masks): a coordinator
changes them, a file must play, each rectangle is X,Y,W,H in whole pixels. What the dialog changes at once is
one audited transaction.
"""

from __future__ import annotations

from collections.abc import Mapping

from ..analysis.fluorescence import parse_rect
from ..domain.clock import to_iso, utc_now
from ..domain.errors import MimicError, ValidationError
from ..domain.roles import Action, User
from ..storage import repository
from ..storage.connection import Store
from . import access, frames, video
from .live_frames import NO_SOURCE
from .procedures import Clock


def change(
    store: Store,
    user: User,
    *,
    source: str | None = None,
    masks: Mapping[str, list[str]] | None = None,
    clock: Clock = utc_now,
) -> bool:
    """Set the video source (when given) and these systems' masks (an empty list clears one's) in one transaction
    with their audit rows; True when anything changed."""
    access.require(store, user, Action.MANAGE_USERS, clock=clock)
    text = video.checked_source(source) if source is not None else None
    with store.transaction() as db:
        now = to_iso(clock())
        changed = False
        if text is not None:
            changed |= repository.change_setting(db.conn, video.SOURCE_KEY, text, now=now, username=user.username)
        if masks:
            merged = frames.masks_text(store, masks)
            changed |= repository.change_setting(db.conn, frames.MASKS_KEY, merged, now=now, username=user.username)
        return changed


class Preview:
    """A source opened for the Settings dialog's preview, kept open while the dialog is (a device keeps giving its
    newest frame, a file plays on); opened again when another source is asked for."""

    def __init__(self) -> None:
        self.source: video.VideoSource | None = None

    def frame_png(self, target: str, masks: list[str]) -> bytes:
        """One frame of this source, masked black where the rectangles lie, as PNG; a refusal names the problem
        (a source that cannot be opened or gives no frame, a malformed rectangle)."""
        rects = [parse_rect(rect, "mask") for rect in masks]
        target = target.strip()
        if not target:
            raise ValidationError(NO_SOURCE, "video_source")
        if self.source is not None and self.source.target != target:
            self.close()
        if self.source is None:
            self.source = video.VideoSource(target)
        try:
            pixels = self.source.frame()
        except MimicError:
            self.close()  # a device unplugged may come back: the next refresh opens it afresh
            raise
        return frames.encoded_png(frames.apply_masks(pixels, rects))

    def close(self) -> None:
        if self.source is not None:
            self.source.close()
            self.source = None
