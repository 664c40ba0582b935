"""The procedure record: values by field, lesions, complications and the event timeline."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from .clock import from_iso


@dataclass
class Event:
    id: int
    kind: str
    at: str  # UTC ISO timestamp of the moment in theatre
    recorded_at: str
    user: str
    lesion_id: str | None = None
    note: str | None = None
    struck: bool = False
    struck_reason: str | None = None
    # The other lesions the event names besides lesion_id, when one transection or specimen holds several.
    also_lesion_ids: tuple[str, ...] = ()

    @property
    def lesion_ids(self) -> tuple[str, ...]:
        """Every lesion the event names, the first one first; none for an event of the procedure."""
        return () if self.lesion_id is None else (self.lesion_id, *self.also_lesion_ids)

    @property
    def moment(self) -> datetime:
        return from_iso(self.at)


@dataclass
class Entry:
    """A numbered part of the record with its own form fields (a lesion, a complication)."""

    id: str
    number: int
    values: dict[str, Any] = field(default_factory=dict)

    def get(self, name: str) -> Any:
        return self.values.get(name)


@dataclass
class Lesion(Entry):
    pass


@dataclass
class Complication(Entry):
    pass


@dataclass
class Signature:
    id: int
    form: str
    username: str
    printed_name: str
    meaning: str
    signed_at: str
    content_hash: str
    voided_at: str | None = None
    void_reason: str | None = None

    @property
    def valid(self) -> bool:
        return self.voided_at is None


@dataclass(frozen=True)
class LesionRatio:
    """A lesion's fluorescence measured on a kept frame, as the exports carry it: the signal-to-background ratio
    (uncalibrated, relative to that frame), its channel and method, and the finding the frame was kept with."""

    lesion_id: str
    finding: str
    sbr: float
    channel: str
    method: str
    measured_at: str


@dataclass(frozen=True)
class VideoReference:
    """One reading of the tower's recording: at this event of the record it showed this time, in milliseconds
    (domain/video_time.py maps every other event from it)."""

    event_id: int
    shown_ms: int

    @property
    def shown(self) -> str:
        """The time as stored and exported (H:MM:SS, with milliseconds where there are any)."""
        from .video_time import exact  # video_time reads the record: imported when first asked

        return exact(self.shown_ms)


@dataclass
class Procedure:
    id: str
    study_id: str
    centre: str
    created_at: str
    session_id: str
    values: dict[str, Any] = field(default_factory=dict)
    lesions: list[Lesion] = field(default_factory=list)
    complications: list[Complication] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    signatures: list[Signature] = field(default_factory=list)
    # Lesions taken out of the record with a reason: not part of it, but struck events still name them.
    removed_lesions: list[Lesion] = field(default_factory=list)
    completed_at: str | None = None
    export_version: int = 0
    exported_at: str | None = None
    modified_at: str | None = None
    current_lesion_id: str | None = None
    demo: bool = False
    # The surgeon of record as an account; None while the surgeon is only a typed name (values["surgeon"]).
    surgeon_username: str | None = None
    # Whether the patient is still in the trial (domain/subject_status.py), with why and since when; not a form field.
    subject_status: str = "enrolled"
    subject_status_reason: str | None = None
    subject_status_date: str | None = None
    # Measured after surgery on kept frames (services/frames.py); not a form field.
    fluorescence: list[LesionRatio] = field(default_factory=list)
    # The reading that lines the tower's video recording up with the timeline (domain/video_time.py); not a form field.
    video_reference: VideoReference | None = None

    def get(self, name: str) -> Any:
        return self.values.get(name)

    def live_events(self) -> list[Event]:
        """Events not struck through, in time order."""
        return sorted((e for e in self.events if not e.struck), key=_timeline_order)

    def first_event(self, kind: str) -> Event | None:
        return min((e for e in self.events if e.kind == kind and not e.struck), key=_timeline_order, default=None)

    def lesion(self, lesion_id: str) -> Lesion:
        for lesion in self.lesions:
            if lesion.id == lesion_id:
                return lesion
        raise KeyError(lesion_id)

    def lesion_events(self, lesion_id: str) -> list[Event]:
        return sorted((e for e in self.events if lesion_id in e.lesion_ids and not e.struck), key=_timeline_order)

    def valid_signature(self, form: str = "questionnaire") -> Signature | None:
        return next((s for s in reversed(self.signatures) if s.form == form and s.valid), None)

    @property
    def locked(self) -> bool:
        return self.completed_at is not None


def _timeline_order(event: Event) -> tuple[str, int]:
    """Events in time order; those at the same moment in the order they were recorded."""
    return (event.at, event.id)
