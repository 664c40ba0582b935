"""The procedure record as JSON: the body of a session file (format "mimic-session", version 3; 1 and 2 are read).

Version 2 adds optional parts beside the record, among them the record's change history (exchange/change_history)
and the centre's answers to the trial office's data queries: a version-1 record has none of them and stays
importable. Version 3 adds the optional parts "frames" (the near-infrared frames kept with the record's events,
and whether each one's pixels travel in the session file) and "video_reference" (domain/video_time.py); a version-2
record has neither.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict
from typing import Any

from .. import __version__
from ..domain import forms, video_time
from ..domain.errors import ValidationError
from ..domain.record import Complication, Event, Lesion, LesionRatio, Procedure, Signature, VideoReference
from ..domain.study_id_corrections import StudyIdCorrection
from ..domain.wording import Text

FORMAT = "mimic-session"
FORMAT_VERSION = 3
SUPPORTED_VERSIONS = {1, 2, 3}  # a version-1 record has none of version 2's optional parts, nor 3's
# The frames kept with the record's events (version 3; absent when there are none).
FRAMES = "frames"
# The record's study ID corrections (version 2; absent when there are none).
STUDY_ID_CORRECTIONS = "study_id_corrections"


def record_to_dict(
    proc: Procedure,
    *,
    session_version: int,
    exported_at: str,
    audit_head: str,
    change_history: list[dict[str, Any]] | None = None,
    fluorescence: list[dict[str, Any]] | None = None,
    query_answers: list[dict[str, Any]] | None = None,
    study_id_corrections: Sequence[StudyIdCorrection] = (),
    redactions: list[dict[str, Any]] | None = None,
    frames: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """Everything the trial office needs of one procedure; pseudonymous by construction. change_history: the
    entries of exchange.change_history.carried (left out when None). fluorescence: the lesions' measurements on
    kept frames, left out when there are none. query_answers: the centre's answers to the trial office's queries
    on this record (left out when there are none). study_id_corrections: every correction of the study ID (left
    out when there is none). redactions: the texts taken out of the record on the laptop (who, when, why, where;
    never the text), for the trial office to take them out of the versions it holds (left out when there are
    none). frames: the frames kept with the record's events, each saying whether its pixels travel in the file
    (services/frame_travel; left out when there are none)."""
    body = asdict(proc)
    body.pop("demo")
    body.pop("current_lesion_id")
    body.pop("export_version")
    body.pop("exported_at")
    body.pop("removed_lesions")  # not part of the record; the struck events that identified them stay
    body.pop("surgeon_username")  # the laptop's account name; the record carries the surgeon's name
    body.pop("fluorescence")  # carried whole, with each frame's hash, as the part "fluorescence" beside the record
    body.pop("video_reference")  # carried as the part "video_reference" beside the record (version 3)
    for name in SUBJECT_STATUS_PARTS.values():
        body.pop(name)  # carried as the part "subject_status" beside the record
    body["events"] = [_event_to_dict(event) for event in body["events"]]
    document = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "app_version": __version__,
        "form_versions": {
            "crf": forms.crf().version,
            "questionnaire": forms.questionnaire().version,
            "events": forms.catalogue().version,
        },
        "session_id": proc.session_id,
        "session_version": session_version,
        "exported_at": exported_at,
        "audit_head": audit_head,
        "demo": proc.demo,
        "record": body,
        "subject_status": {part: getattr(proc, name) for part, name in SUBJECT_STATUS_PARTS.items()},
    }
    if change_history is not None:
        document["change_history"] = change_history
    if fluorescence:
        document["fluorescence"] = fluorescence
    if query_answers:
        document["query_answers"] = query_answers
    if study_id_corrections:
        document[STUDY_ID_CORRECTIONS] = [c.as_json() for c in study_id_corrections]
    if redactions:
        document["redactions"] = redactions
    if frames:
        document[FRAMES] = frames
    if proc.video_reference is not None:
        document[VIDEO_REFERENCE] = {"event_id": proc.video_reference.event_id, "shown": proc.video_reference.shown}
    return document


# The part "video_reference" (format version 3; absent without a reference): the event the tower's recording was read
# at and the time it showed, from which every event's position in the recording follows.
VIDEO_REFERENCE = "video_reference"


def _video_reference(data: dict[str, Any], events: Sequence[Event]) -> VideoReference | None:
    """The part "video_reference", checked against the record's events; None in a record without one."""
    part = data.get(VIDEO_REFERENCE)
    if part is None:
        return None
    if data.get("format_version", 1) < 3:
        raise ValueError(f"{VIDEO_REFERENCE} is a part of format version 3, not of version {data['format_version']}")
    if not isinstance(part, dict) or not isinstance(part.get("event_id"), int) or isinstance(part["event_id"], bool):
        raise ValueError(f"{VIDEO_REFERENCE} names an event by its id and the time the recording showed")
    if not any(event.id == part["event_id"] for event in events):
        raise ValueError(f"{VIDEO_REFERENCE} names event {part['event_id']}, which the record does not hold")
    try:
        return VideoReference(part["event_id"], video_time.parse_shown(str(part["shown"])))
    except ValidationError as refused:
        raise ValueError(str(refused)) from None


# An event naming several lesions (format version 2) carries them all under this key, lesion_id first; an event
# of one lesion or none has no such key, as in every version-1 record.
EVENT_LESIONS = "lesion_ids"


def _event_to_dict(event: dict[str, Any]) -> dict[str, Any]:
    also = event.pop("also_lesion_ids")
    if also:
        event[EVENT_LESIONS] = [event["lesion_id"], *also]
    return event


def _event_from_dict(data: dict[str, Any]) -> Event:
    """One event of the record; an event naming several lesions names its lesion_id first."""
    event = dict(data)
    named = event.pop(EVENT_LESIONS, None)
    if named is None:
        return Event(**event)
    if not isinstance(named, list) or len(named) < 2 or named[0] != event.get("lesion_id"):
        raise ValueError(f"event {event.get('id')}: {EVENT_LESIONS} names its lesion_id first and one more lesion")
    return Event(**event, also_lesion_ids=tuple(named[1:]))


def study_id_corrections(data: dict[str, Any]) -> list[StudyIdCorrection]:
    """The study ID corrections a (checked) record.json carries, oldest first; none in a version-1 record."""
    return [StudyIdCorrection.from_json(item) for item in data.get(STUDY_ID_CORRECTIONS, [])]


# The part "subject_status" (format version 2): its keys and the Procedure attributes they carry.
SUBJECT_STATUS_PARTS = {"status": "subject_status", "reason": "subject_status_reason", "date": "subject_status_date"}


def _subject_status(data: dict[str, Any]) -> dict[str, Any]:
    """The Procedure attributes of the part "subject_status"; a version-1 record has none: an enrolled patient."""
    part = data.get("subject_status")
    if part is None:
        return {}
    return {name: part[key] for key, name in SUBJECT_STATUS_PARTS.items()}


def record_from_dict(data: dict[str, Any]) -> Procedure:
    """Rebuild a Procedure; raises ValidationError naming what is wrong with the document."""
    if data.get("format") != FORMAT:
        raise ValidationError(Text("This is not a MIMIC session record (format field missing or wrong)."))
    if data.get("format_version") not in SUPPORTED_VERSIONS:
        raise ValidationError(
            Text(
                "Session record format version {version!r} is not supported by this version (supported: {supported}).",
                version=data.get("format_version"),
                supported=", ".join(map(str, sorted(SUPPORTED_VERSIONS))),
            )
        )
    try:
        body = dict(data["record"])
        return Procedure(
            id=body["id"],
            study_id=body["study_id"],
            centre=body["centre"],
            created_at=body["created_at"],
            session_id=body["session_id"],
            values=dict(body["values"]),
            lesions=[Lesion(**lesion) for lesion in body["lesions"]],
            complications=[Complication(**c) for c in body["complications"]],
            events=(events := [_event_from_dict(e) for e in body["events"]]),
            signatures=[Signature(**s) for s in body["signatures"]],
            completed_at=body.get("completed_at"),
            modified_at=body.get("modified_at"),
            # As received, the record is the exported one: its status reads "exported".
            export_version=data.get("session_version", 0),
            exported_at=data.get("exported_at"),
            demo=bool(data.get("demo", False)),
            **_subject_status(data),
            fluorescence=[
                LesionRatio(
                    str(m["lesion_id"]),
                    str(m["finding"]),
                    float(m["sbr"]),
                    str(m["channel"]),
                    str(m["method"]),
                    str(m["measured_at"]),
                )
                for m in data.get("fluorescence") or []
            ],
            video_reference=_video_reference(data, events),
        )
    except (KeyError, TypeError, ValueError) as error:
        raise ValidationError(Text("The session record is incomplete or malformed: {error!s}", error=error)) from None
