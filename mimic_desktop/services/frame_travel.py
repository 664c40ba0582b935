"""Whether the kept frames travel in session files: a study setting, and what an export carries of them.

Frames are masked before they are kept, but masks are set per imaging system and may miss a detail a tower burnt
into one picture; and a procedure's frames can take hundreds of megabytes. So the pixels leave the laptop only
when a coordinator has said so for the study (`frames_in_session_file`, off unless set). Either way the record
lists its frames by their hashes, so that the trial office knows what the centre holds (docs/fluorescence.md,
"Frames in session files").
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from ..domain.clock import to_iso, utc_now
from ..domain.errors import ValidationError
from ..domain.record import Procedure
from ..domain.roles import Action, User
from ..domain.wording import Text, decimal, say
from ..exchange import session_file
from ..storage import frames as frame_rows
from ..storage import repository
from ..storage.connection import Store
from . import access
from .procedures import Clock

SETTING = "frames_in_session_file"
ON, OFF = "yes", "no"


def frames_travel(store: Store) -> bool:
    """Whether session files carry the kept frames' pixels (off unless a coordinator turned it on)."""
    return repository.get_setting(store.conn, SETTING) == ON


def set_frames_travel(store: Store, user: User, travel: bool, clock: Clock = utc_now) -> bool:
    """Turn the frames' travel in session files on or off (a coordinator only), audited; False when unchanged."""
    access.require(store, user, Action.MANAGE_USERS, clock=clock)
    with store.transaction() as db:
        return repository.change_setting(
            db.conn, SETTING, ON if travel else OFF, now=to_iso(clock()), username=user.username
        )


def parse_yes_no(text: str) -> bool:
    """yes or no (as typed on the command line), a ValidationError naming the setting otherwise."""
    answer = text.strip().lower()
    if answer not in (ON, OFF):
        raise ValidationError(
            Text("{text!r} is not an answer for frames in session files: give yes or no.", text=text), SETTING
        )
    return answer == ON


@dataclass(frozen=True)
class TravellingFrames:
    """What an export carries of a record's frames: the record's part `frames`, and the members that travel."""

    travel: bool  # the study setting at the time of the export
    part: list[dict[str, object]]  # record.json's "frames": every frame kept with an event of the record
    members: dict[str, bytes]  # frames/<sha256>.png for each frame whose pixels travel

    @property
    def size(self) -> int:
        return sum(len(data) for data in self.members.values())

    def sentence(self, lang: str) -> str:
        """What the person exporting is told before the file is written: whether frames travel, and their size;
        nothing for a record that keeps none."""
        if not self.part:
            return ""
        if self.travel:
            return say(
                "{count} near-infrared frame(s) travel in the session file ({size}); frames of struck-through events"
                " stay on this laptop.",
                lang,
                count=len(self.members),
                size=f"{decimal(self.size / (1024 * 1024), 1, lang)} MiB",
            )
        return say(
            "The {count} near-infrared frame(s) stay on this laptop: the session file lists them by their hashes,"
            " without their pixels (the study setting frames in session files is off).",
            lang,
            count=len(self.part),
        )


def travelling_frames(store: Store, proc: Procedure) -> TravellingFrames:
    """The record's frames as an export carries them, each checked against its stored hash: a frame changed since it
    was kept stops the export with a sentence naming it, so that a changed frame never leaves the laptop. Frames of
    struck-through events are listed but never travel."""
    travel = frames_travel(store)
    conn = store.conn
    part: list[dict[str, object]] = []
    members: dict[str, bytes] = {}
    for row in frame_rows.frames_of(conn, proc.id):
        data = frame_rows.frame_data(conn, row.id) or b""
        if hashlib.sha256(data).hexdigest() != row.sha256 or len(data) != row.size:
            raise ValidationError(
                Text(
                    "Frame {id} of {study_id} (event {event}) no longer matches its hash: it was changed after it was"
                    " kept, and is not exported. Run verify, and ask the trial office.",
                    id=row.id,
                    study_id=proc.study_id,
                    event=row.event_id,
                ),
                "frame",
            )
        travels = travel and not row.event_struck
        part.append(
            {
                "event_id": row.event_id,
                "sha256": row.sha256,
                "size": row.size,
                "width": row.width,
                "height": row.height,
                "media_type": row.media_type,
                "masks": json.loads(row.masks),
                "kept_at": row.kept_utc,
                "travels": travels,
            }
        )
        if travels:
            members[session_file.frame_member(row.sha256)] = data
    return TravellingFrames(travel, part, members)
