"""The frames the trial office holds of a study ID's record: listed from the central index, and one written out from
the archived signed file it travelled in, checked against that file's hash and its own.

A frame's pixels are only ever read from the archived copy of the signed file (central_archive): the database
indexes frames, it does not hold them.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import asdict, dataclass
from pathlib import Path

from ..domain.errors import NotFound, ValidationError
from ..domain.wording import Text
from ..exchange import session_file
from ..exchange.files import write_files
from ..storage import central as central_storage
from ..storage import central_archive, central_frames
from ..storage.central_frames import IndexedFrame
from ..storage.connection import Store
from . import central_record

SHA256 = re.compile(r"[0-9a-f]{64}")


@dataclass(frozen=True)
class CentralFrame:
    """One frame a version of the record lists."""

    study_id: str
    session_id: str
    version: int
    event_id: int
    event_kind: str | None
    sha256: str
    size: int
    width: int
    height: int
    travelled: bool

    def as_json(self) -> dict[str, object]:
        return asdict(self)


def frames(store: Store, study_id: str) -> list[CentralFrame]:
    """Every frame each imported version of the study ID's record lists, oldest version first; NotFound when no
    session of it was imported."""
    key = study_id.strip().upper()
    found = []
    for version in central_record.versions(store, key):
        _, proc = central_record.record(store, key, version.version)
        kinds = {event.id: event.kind for event in proc.events}
        for row in central_frames.of_file(store.conn, version.file_hash):
            found.append(
                CentralFrame(
                    study_id=key,
                    session_id=row.session_id,
                    version=row.session_version,
                    event_id=row.event_id,
                    event_kind=kinds.get(row.event_id),
                    sha256=row.sha256,
                    size=row.size,
                    width=row.width,
                    height=row.height,
                    travelled=row.travelled,
                )
            )
    return found


def _sha256(text: str) -> str:
    chosen = text.strip().lower()
    if not SHA256.fullmatch(chosen):
        raise ValidationError(
            Text(
                "{text!r} is not a frame's SHA-256: give its 64 hexadecimal digits, as `frames` lists them.", text=text
            )
        )
    return chosen


def archived_member(store: Store, row: IndexedFrame) -> bytes | None:
    """The frame's bytes from the archived signed file that carried it, checked against the file's hash (or the one
    a redaction left it with) and the frame's own; None when the archive lacks the file."""
    data = central_archive.read(store.path, row.file_hash)
    if data is None:
        return None
    redacted = central_storage.redactions_of_files(store.conn).get(row.file_hash) or {}
    digest = hashlib.sha256(data).hexdigest()
    if digest != row.file_hash and digest != redacted.get("archived_sha256"):
        raise ValidationError(
            Text(
                "The archived file {file} is not the one imported: run `mimic-central verify --signatures`.",
                file=row.file_hash,
            )
        )
    try:
        pixels = session_file.frames_of(session_file.members_of(data)).get(row.sha256)
    except session_file.SessionFileRejected as problem:
        raise ValidationError(problem.message) from None
    if pixels is None or hashlib.sha256(pixels).hexdigest() != row.sha256 or len(pixels) != row.size:
        raise ValidationError(
            Text(
                "The archived file {file} does not carry the frame {sha256} its record says travelled: run "
                "`mimic-central verify`.",
                file=row.file_hash,
                sha256=row.sha256,
            )
        )
    return pixels


def frame_png(store: Store, study_id: str, sha256: str) -> bytes:
    """The PNG of a frame of the study ID's record that travelled, from the newest version that carried it."""
    chosen = _sha256(sha256)
    key = study_id.strip().upper()
    hashes = {version.file_hash for version in central_record.versions(store, key)}
    carried = [row for row in central_frames.carrying(store.conn, chosen) if row.file_hash in hashes]
    if not carried:
        raise NotFound(
            Text(
                "No session file of {study_id} carried the frame {sha256}: its pixels stayed at the centre, or it is "
                "not a frame of this record (`mimic-central frames {study_id}` lists them).",
                study_id=key,
                sha256=chosen,
            )
        )
    for row in carried:  # the newest version that carried it first
        pixels = archived_member(store, row)
        if pixels is not None:
            return pixels
    raise NotFound(
        Text(
            "The signed files that carried the frame {sha256} are not in the archive beside the database.",
            sha256=chosen,
        )
    )


def write_frame(store: Store, study_id: str, sha256: str, out: Path) -> Path:
    """Write one frame of the record (as checked by frame_png) to the file out: never onto a database, nor over a
    folder; written whole or not at all."""
    pixels = frame_png(store, study_id, sha256)
    [written] = write_files({Path(out): lambda path: path.write_bytes(pixels)})
    return written
