"""Values computed from the record, never typed: R status, intervals, Fong score, changes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Any

from . import forms
from .record import Complication, Event, Lesion, LesionRatio, Procedure
from .values import display
from .wording import Text

# The version of the derivations below (and of the derived columns exchange/flat.py makes from them). Raise it with
# any change to what they compute: a central study database stamped with another version recomputes every
# session's flat rows from the stored records when it is opened, so that no end point mixes old and new rules.
DERIVATION_VERSION = 2

R0_MARGIN_MM = 1.0
DEFAULT_ICG_WINDOW = (timedelta(hours=18), timedelta(hours=30))
COMPLICATION_WINDOW = timedelta(days=90)


class Status(StrEnum):
    DRAFT = "draft"
    IN_PROGRESS = "in_progress"
    AWAITING_PATHOLOGY = "awaiting_pathology"
    COMPLETE = "complete"
    SIGNED = "signed"
    EXPORTED = "exported"

    def text(self, lang: str = "en") -> str:
        return STATUS_TEXT[self].text(lang)


STATUS_TEXT = {
    Status.DRAFT: Text("Draft"),
    Status.IN_PROGRESS: Text("In progress"),
    Status.AWAITING_PATHOLOGY: Text("Awaiting pathology"),
    Status.COMPLETE: Text("Complete"),
    Status.SIGNED: Text("Signed"),
    Status.EXPORTED: Text("Exported"),
}


def status_events() -> tuple[str, str]:
    """The only events status() reads, the end and the start of surgery: a store may load just these (and the
    signatures) to refresh it."""
    return forms.marking("surgery_end").kind, forms.marking("surgery_start").kind


def r_status(margin_mm: float | None) -> str | None:
    """R0 when the histological margin is at least 1 mm, otherwise R1."""
    if margin_mm is None:
        return None
    return "R0" if margin_mm >= R0_MARGIN_MM else "R1"


def final_r_status(lesion: Lesion) -> str | None:
    """R status after a cavity re-resection (the initial status when there was none)."""
    final_margin = lesion.get("final_margin_mm")
    if final_margin is not None:
        return r_status(final_margin)
    return r_status(lesion.get("margin_mm"))


def incision_time(proc: Procedure) -> datetime | None:
    event = proc.first_event(forms.marking("surgery_start").kind)
    return event.moment if event else None


def closure_time(proc: Procedure) -> datetime | None:
    event = proc.first_event(forms.marking("surgery_end").kind)
    return event.moment if event else None


def operation_minutes(proc: Procedure) -> float | None:
    start, end = incision_time(proc), closure_time(proc)
    if start is None or end is None:
        return None
    return (end - start).total_seconds() / 60


def icg_interval(proc: Procedure, now: datetime | None = None) -> timedelta | None:
    """Time from ICG injection to incision (or to now while there is no incision yet)."""
    given = proc.get("icg_given_at")
    if given is None:
        return None
    from .clock import from_iso

    end = incision_time(proc) or now
    return None if end is None else end - from_iso(given)


def icg_in_window(interval: timedelta | None, window: tuple[timedelta, timedelta] = DEFAULT_ICG_WINDOW) -> bool | None:
    if interval is None:
        return None
    return window[0] <= interval <= window[1]


@dataclass(frozen=True)
class FongScore:
    node_positive: bool | None
    dfi_under_12_months: bool | None
    multiple_tumours: bool | None
    largest_over_5cm: bool | None
    cea_over_200: bool | None

    @property
    def score(self) -> int | None:
        parts = (
            self.node_positive,
            self.dfi_under_12_months,
            self.multiple_tumours,
            self.largest_over_5cm,
            self.cea_over_200,
        )
        return None if any(p is None for p in parts) else sum(bool(p) for p in parts)


def fong(proc: Procedure) -> FongScore:
    """The Fong clinical risk score from its five criteria, read from the baseline fields."""

    def test(name: str, rule: Callable[[Any], object]) -> bool | None:
        value = proc.get(name)
        return None if value is None else bool(rule(value))

    return FongScore(
        node_positive=test("n_stage", lambda v: v != "N0"),
        dfi_under_12_months=test("disease_free_interval_months", lambda v: v < 12),
        multiple_tumours=test("suspected_lesions", lambda v: v > 1),
        largest_over_5cm=test("largest_lesion_mm", lambda v: v > 50),
        cea_over_200=test("cea", lambda v: v > 200),
    )


def unmet_criteria(proc: Procedure) -> list[forms.FieldDef]:
    """The eligibility criteria answered in a way that excludes this patient."""
    return [
        fdef
        for fdef in forms.crf().section("eligibility").fields
        if fdef.eligible_when is not None and proc.get(fdef.name) not in (None, fdef.eligible_when)
    ]


def eligibility_failures(proc: Procedure, lang: str = "en") -> list[str]:
    """The eligibility criteria this patient does not meet, in words."""
    return [f"{fdef.text(lang)}: {display(fdef, proc.get(fdef.name), lang).lower()}" for fdef in unmet_criteria(proc)]


@dataclass(frozen=True)
class LesionAssessment:
    """The intraoperative margin assessment of one lesion, read from its events: the value of each finding of
    forms/events.json by its name (assessment.specimen_fluorescent, or findings["specimen_fluorescent"]), the
    kind of the live event that gave it, and the transection time."""

    findings: dict[str, Any]
    recorded_by: dict[str, str]  # finding name: kind of the event that gave its value
    transection_minutes: float | None

    def __getattr__(self, name: str) -> Any:
        findings = self.__dict__.get("findings", {})
        if name in findings:
            return findings[name]
        raise AttributeError(name)


def finding_values(events: list[Event], scope: str) -> tuple[dict[str, Any], dict[str, str]]:
    """Each finding of the scope as these live events record it (in time order) and the event that gave it.

    A finding of one live value has the one recorded; a true-or-false finding that a lesion may have several
    times is true once any event said so (fluorescence seen in the plane, even if the adapted plane was clear);
    a finding no event recorded is what the catalogue declares for it (false for an absence that means no, None
    for "not recorded")."""
    catalogue = forms.events()
    values: dict[str, Any] = {}
    given: dict[str, str] = {}
    for finding in forms.findings(scope):
        recorded = [e for e in events if catalogue[e.kind].finding == finding.name]
        if not recorded:
            values[finding.name] = finding.when_not_recorded
            continue
        chosen = recorded[-1]
        if finding.boolean and not finding.one_per_lesion:
            chosen = next((e for e in recorded if catalogue[e.kind].value is True), chosen)
        values[finding.name] = catalogue[chosen.kind].value
        given[finding.name] = chosen.kind
    return values, given


def assess_lesion(proc: Procedure, lesion_id: str) -> LesionAssessment:
    events = proc.lesion_events(lesion_id)
    values, given = finding_values(events, "lesion")
    start_kind, end_kind = forms.marking("transection_start").kind, forms.marking("transection_end").kind
    start = next((e.moment for e in events if e.kind == start_kind), None)
    end = next((e.moment for e in events if e.kind == end_kind), None)
    return LesionAssessment(
        findings=values,
        recorded_by=given,
        transection_minutes=(end - start).total_seconds() / 60 if start and end else None,
    )


def procedure_findings(proc: Procedure) -> dict[str, Any]:
    """The findings of the procedure itself (conversion to open surgery), from its live events of no lesion."""
    return finding_values([e for e in proc.live_events() if e.lesion_id is None], "procedure")[0]


def asked_by_events(proc: Procedure, lesion_id: str) -> set[str]:
    """The lesion fields asked because a live event of the lesion asks for them (forms/events.json, "asks")."""
    catalogue = forms.events()
    return {name for e in proc.lesion_events(lesion_id) for name in catalogue[e.kind].asks}


def fields_asked_by_events() -> set[str]:
    """Every field some event asks for: such a field is asked only once one of those events is recorded."""
    return {name for event in forms.events().values() for name in event.asks}


@dataclass(frozen=True)
class ManagementChanges:
    """How often each change in surgical management of the catalogue happened (changes.plane_adapted, or
    counts["plane_adapted"])."""

    counts: dict[str, int]

    def __getattr__(self, name: str) -> int:
        counts = self.__dict__.get("counts", {})
        if name in counts:
            return int(counts[name])
        raise AttributeError(name)

    @property
    def any(self) -> bool:
        return any(self.counts.values())


def management_changes(proc: Procedure) -> ManagementChanges:
    """Count the protocol-defined changes in surgical management over the lesions: each lesion once per change
    its live events declare, a change limited to a source (an occult lesion's extension) only for such lesions."""
    changes = forms.catalogue().management_changes
    counts = dict.fromkeys(changes, 0)
    catalogue = forms.events()
    for lesion in proc.lesions:
        for name in {catalogue[e.kind].management_change for e in proc.lesion_events(lesion.id)}:
            if name is None:
                continue
            source = changes[name].lesion_source
            if source is None or lesion.get("source") == source:
                counts[name] += 1
    return ManagementChanges(counts)


def surgery_date(proc: Procedure) -> date | None:
    """The calendar day of the incision in the study's time zone, the same on the laptop and centrally."""
    moment = incision_time(proc)
    return moment.astimezone(forms.study_time_zone()).date() if moment else None


def days_after_surgery(proc: Procedure, day: str | date | None) -> int | None:
    """Calendar days from the surgery date to day (a date or its ISO text), once both are known."""
    surgery = surgery_date(proc)
    if surgery is None or day is None:
        return None
    return ((date.fromisoformat(day) if isinstance(day, str) else day) - surgery).days


def late_complication(proc: Procedure, onset_date: str | date | None) -> bool:
    """A complication that started more than 90 days after surgery."""
    days = days_after_surgery(proc, onset_date)
    return days is not None and days > COMPLICATION_WINDOW.days


def clavien_dindo_text(complication: Complication) -> str:
    grade: str = complication.get("clavien_dindo") or ""
    return f"{grade}d" if grade and complication.get("present_at_discharge") else grade


def changed_since_export(status: Status, export_version: int) -> bool:
    """Sent to the trial office before and changed since: the next export supersedes the version they hold."""
    return export_version > 0 and status is not Status.EXPORTED


def status(proc: Procedure) -> Status:
    if proc.exported_at and proc.modified_at and proc.modified_at <= proc.exported_at:
        return Status.EXPORTED
    if proc.completed_at:
        return Status.SIGNED if proc.valid_signature() else Status.COMPLETE
    closure, incision = status_events()
    if proc.first_event(closure):
        return Status.AWAITING_PATHOLOGY
    if proc.first_event(incision):
        return Status.IN_PROGRESS
    return Status.DRAFT


def being_recorded(proc: Procedure) -> bool:
    """Still being recorded: not yet completed (locked) nor sent to the trial office."""
    return status(proc) in {Status.DRAFT, Status.IN_PROGRESS, Status.AWAITING_PATHOLOGY}


def finding_ratios(proc: Procedure, lesion_id: str) -> dict[str, LesionRatio]:
    """finding name -> the lesion's signal-to-background ratio measured on the frame of an event recording that
    finding (forms/events.json), the latest when measured on several. A ratio on the frame of an event that records
    no finding (the ICG overlay inspection, an occult lesion found) is in none."""
    kinds = {kind: event.finding for kind, event in forms.events().items() if event.finding}
    latest: dict[str, LesionRatio] = {}
    for measured in proc.fluorescence:
        finding = kinds.get(measured.finding)
        if measured.lesion_id != lesion_id or finding is None:
            continue
        if finding not in latest or measured.measured_at >= latest[finding].measured_at:
            latest[finding] = measured
    return latest
