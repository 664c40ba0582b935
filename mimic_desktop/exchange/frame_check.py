"""Checking the frames a session file carries against its record's part `frames`, before anything is stored.

The container already holds each frame member under the SHA-256 of its bytes, inside the signed manifest
(exchange/session_file). Here the record and the members must tell the same story: a frame travels exactly when
the record says it does, with the size and picture size the record gives, of a live event of the record.
"""

from __future__ import annotations

import struct
from typing import Any

from ..domain.errors import ValidationError
from ..domain.record import Procedure
from ..domain.wording import Text
from . import record_json, session_file

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
FRAMES_FROM_VERSION = 3  # the record format version that has the part "frames"


class FramesRejected(ValidationError):
    """The frames of a session file disagree with its record; str() names the frame."""


def png_size(data: bytes) -> tuple[int, int] | None:
    """The width and height a PNG's header gives, or None for bytes that are not a PNG."""
    if len(data) < 24 or not data.startswith(PNG_SIGNATURE) or data[12:16] != b"IHDR":
        return None
    width, height = struct.unpack(">II", data[16:24])
    return int(width), int(height)


def listed_frames(record: dict[str, Any]) -> list[dict[str, Any]]:
    """The part "frames" of a checked record.json; none before format version 3."""
    listed: list[dict[str, Any]] = record.get(record_json.FRAMES) or []
    return listed


def check_frames(record: dict[str, Any], proc: Procedure, frames: dict[str, bytes]) -> None:
    """Raise FramesRejected naming the first frame whose member and record entry disagree. record: the record.json
    that passed record_check; frames: the file's frame members by SHA-256 (SessionFile.frames)."""
    listed = listed_frames(record)
    if listed and record["format_version"] < FRAMES_FROM_VERSION:
        raise FramesRejected(
            Text(
                "The record lists frames, which its format version {version} does not have.",
                version=record["format_version"],
            )
        )
    events = {event.id: event for event in proc.events}
    travelling: dict[str, dict[str, Any]] = {}
    for index, entry in enumerate(listed):
        event = events.get(entry["event_id"])
        if event is None:
            raise FramesRejected(
                Text(
                    "frames[{index}] names event {event}, which the record does not have.",
                    index=index,
                    event=entry["event_id"],
                )
            )
        if entry["travels"]:
            if event.struck:
                raise FramesRejected(
                    Text(
                        "frames[{index}] travels with event {event}, which is struck through: such frames never"
                        " leave the laptop.",
                        index=index,
                        event=event.id,
                    )
                )
            travelling[entry["sha256"]] = entry
    if len({entry["event_id"] for entry in listed}) != len(listed):
        raise FramesRejected(Text("The record lists two frames for one event."))
    if record["format_version"] >= FRAMES_FROM_VERSION:  # every kept frame is listed, so every measured one is
        known = {entry["sha256"] for entry in listed}
        for index, measured in enumerate(record.get("fluorescence") or []):
            if measured["frame_sha256"] not in known:
                raise FramesRejected(
                    Text(
                        "fluorescence[{index}] was measured on the frame {sha256}, which the record's frames do not"
                        " list.",
                        index=index,
                        sha256=measured["frame_sha256"],
                    )
                )
    for sha256 in frames:
        if sha256 not in travelling:
            raise FramesRejected(
                Text(
                    "The file carries the frame {name!r}, which the record does not list as travelling.",
                    name=session_file.frame_member(sha256),
                )
            )
    for sha256, entry in travelling.items():
        data = frames.get(sha256)
        name = session_file.frame_member(sha256)
        if data is None:
            raise FramesRejected(
                Text("The record says the frame {name!r} travels, but the file does not carry it.", name=name)
            )
        if len(data) != entry["size"] or png_size(data) != (entry["width"], entry["height"]):
            raise FramesRejected(
                Text("The frame {name!r} is not the PNG of the size and picture size the record gives.", name=name)
            )
