"""One row per procedure and one per lesion: the shape of CSV exports and of the central tables.

Columns are the form fields (from forms/) followed by derived values; DERIVED_* describe the
derived columns so that data dictionaries can document them without repeating field lists.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ..domain import derive, forms, subject_status, video_time
from ..domain.record import Procedure
from ..domain.signed_content import covers_the_answers
from ..domain.wording import Text


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # a forms field type: text, integer, decimal, boolean, choice, date, datetime
    label: str
    choices: tuple[str, ...] = ()
    unit: str | None = None
    # The label of each choice in each language, where the choices are not their own labels.
    choice_labels: tuple[tuple[str, dict[str, str]], ...] = ()
    free_text: bool = False  # typed by a person, so it may hold anything
    # The label in the other languages, where the column has them ((language, label) pairs).
    translations: tuple[tuple[str, str], ...] = ()

    def labels(self) -> dict[str, str]:
        """The label in each language it has, English first."""
        return {"en": self.label, **dict(self.translations)}


KEY_COLUMNS = (
    Column("study_id", "text", "Study ID (MIM-CC-NNN)"),
    Column("centre", "text", "Centre code"),
    Column("session_id", "text", "Session id, stable across re-exports"),
)
LESION_KEY = (Column("lesion_number", "integer", "Lesion number within the procedure"),)
COMPLICATION_KEY = (Column("complication_number", "integer", "Complication number within the procedure"),)

DERIVED_PROCEDURE = (
    Column("surgery_date", "date", "Date of surgery (the incision, in the study's time zone)"),
    Column("icg_to_incision_hours", "decimal", "Hours from ICG injection to incision", unit="h"),
    Column("icg_in_window", "boolean", "ICG interval within the protocol window"),
    Column("operation_minutes", "decimal", "Operation time, incision to end of surgery", unit="min"),
    Column("fong_score", "integer", "Fong clinical risk score (0-5)"),
    Column("lesion_count", "integer", "Lesions recorded"),
    Column("occult_lesion_count", "integer", "Occult lesions recorded"),
)
DERIVED_PROCEDURE_AFTER = (
    Column("management_changed", "boolean", "Any change in surgical management"),
    Column("complication_count", "integer", "Complications within 90 days of surgery"),
    Column("worst_clavien_dindo", "text", "Highest Clavien-Dindo grade"),
    Column("status", "text", "Record status"),
    Column(
        "subject_status",
        "choice",
        "Subject status: enrolled, or left out of the analysis as withdrawn, excluded or not operated",
        subject_status.CODES,
        choice_labels=tuple(
            (status.value, {lang: status.text(lang) for lang in ("en", "nl")})
            for status in subject_status.SubjectStatus
        ),
    ),
    Column("subject_status_reason", "text", "Why the subject is no longer enrolled", free_text=True),
    Column("subject_status_date", "date", "Date the subject status took effect"),
    Column("questionnaire_signed", "boolean", "Surgeon questionnaire signed"),
    Column("demo", "boolean", "Demo record, not trial data"),
)
DERIVED_LESION = (
    Column("r_status", "choice", "R status of the initial resection (R0: margin >= 1 mm)", ("R0", "R1")),
    Column("final_r_status", "choice", "R status after cavity re-resection", ("R0", "R1")),
)
LESION_TIMES = (Column("transection_minutes", "decimal", "Transection time", unit="min"),)
# Measured after surgery on kept frames (docs/fluorescence.md): for each finding of a lesion, the ratio on the frame
# of an event that recorded it (the latest when measured on several), its channel and its method; empty when none was.
RATIO_LABELS = (
    (
        "sbr",
        "decimal",
        Text("Signal-to-background ratio on the frame of the {what} finding (uncalibrated, relative to that frame)"),
    ),
    ("sbr_channel", "text", Text("Channel of the signal-to-background ratio on the frame of the {what} finding")),
    ("sbr_method", "text", Text("Method of the signal-to-background ratio on the frame of the {what} finding")),
)


def ratio_columns(finding: forms.Finding) -> list[Column]:
    """The columns of a finding's measured ratio, `<finding>_sbr`, `_sbr_channel` and `_sbr_method`, labelled with
    the finding's own words in each language."""
    return [
        Column(
            f"{finding.name}_{suffix}",
            type_,
            label.fill(what=finding.about("en")).text("en"),
            translations=tuple((lang, label.fill(what=finding.about(lang)).text(lang)) for lang in forms.LANGUAGES[1:]),
        )
        for suffix, type_, label in RATIO_LABELS
    ]


def ratio_findings() -> list[forms.Finding]:
    """The findings a lesion's fluorescence is measured for: those of the lesion's events that keep the video's
    frame (forms/events.json, "frame"). A finding no frame is kept with (a plane adapted, an ablation) has no
    columns; a ratio measured on a still attached to such an event afterwards is in the fluorescence table."""
    framed = {event.finding for event in forms.events().values() if event.keeps_frame and event.finding}
    return [finding for finding in forms.findings("lesion") if finding.name in framed]


def finding_column(finding: forms.Finding) -> Column:
    """A finding of forms/events.json as a column: true or false, or its codes, each with the words of the
    event that records it."""
    if finding.boolean:
        return Column(finding.name, "boolean", finding.text("en"))
    recorders = {e.value: e for e in forms.events().values() if e.finding == finding.name}
    return Column(
        finding.name,
        "choice",
        finding.text("en"),
        finding.codes,
        choice_labels=tuple((code, dict(recorders[code].label)) for code in finding.codes),
    )


def management_columns() -> list[Column]:
    """One count per change in surgical management of forms/events.json."""
    return [Column(c.column, "integer", c.text("en")) for c in forms.catalogue().management_changes.values()]


def derived_procedure() -> list[Column]:
    """The derived columns of a procedure: the fixed ones, its findings (a conversion) and the management counts."""
    return [
        *DERIVED_PROCEDURE,
        *(finding_column(f) for f in forms.findings("procedure")),
        *management_columns(),
        *DERIVED_PROCEDURE_AFTER,
    ]


def derived_lesion() -> list[Column]:
    """The derived columns of a lesion: its R status, each finding of forms/events.json, the transection time."""
    return [
        *DERIVED_LESION,
        *(finding_column(f) for f in forms.findings("lesion")),
        *LESION_TIMES,
        *(column for finding in ratio_findings() for column in ratio_columns(finding)),
    ]


DERIVED_COMPLICATION = (
    Column("late", "boolean", "Onset more than 90 days after surgery"),
    Column("grade_text", "text", "Clavien-Dindo grade with suffix d when present at discharge"),
)


EVENT_KEY = (Column("event_id", "integer", "Event id, unique within the procedure's database, never reused"),)
# Written with each table of an export, so that two exports of the same records can be told apart.
SNAPSHOT_COLUMNS = (
    Column("exported_at", "datetime", "When this export was written (UTC)"),
    Column("app_version", "text", "Version of MIMIC Desktop that wrote this export"),
)
SESSION_VERSION = Column("session_version", "integer", "Version of the session file this row comes from")


def event_columns() -> list[Column]:
    """The intraoperative timeline, one row per event, struck ones included with their reason."""
    catalogue = forms.events()
    return [
        *KEY_COLUMNS,
        *EVENT_KEY,
        Column(
            "event",
            "choice",
            "Intraoperative event",
            tuple(catalogue),
            choice_labels=tuple((kind, dict(event.label)) for kind, event in catalogue.items()),
        ),
        Column("event_time", "datetime", "Moment in theatre (UTC)"),
        Column("lesion_number", "integer", "Lesion the event concerns (the first, when it concerns several)"),
        Column(
            "also_lesion_numbers",
            "text",
            "Other lesions the event concerns, when one transection or specimen held several (numbers, space between)",
        ),
        Column("note", "text", "Note written with the event", free_text=True),
        Column("struck", "boolean", "Struck through as wrong"),
        Column("struck_reason", "text", "Why it was struck through", free_text=True),
        Column(
            "video_time",
            "text",
            "Position of the event in the procedure's video recording, H:MM:SS (negative before the recording started;"
            " empty without a video time reference)",
        ),
    ]


def event_rows(proc: Procedure) -> list[dict[str, Any]]:
    numbers = {lesion.id: lesion.number for lesion in (*proc.lesions, *proc.removed_lesions)}
    positions = video_time.positions(proc)
    return [
        _keys(proc)
        | {
            "event_id": event.id,
            "event": event.kind,
            "event_time": event.at,
            "lesion_number": numbers.get(event.lesion_id) if event.lesion_id else None,
            "also_lesion_numbers": " ".join(str(numbers.get(other, "?")) for other in event.also_lesion_ids) or None,
            "note": event.note,
            "struck": event.struck,
            "struck_reason": event.struck_reason,
            "video_time": video_time.exact(positions[event.id]) if event.id in positions else None,
        }
        for event in sorted(proc.events, key=lambda e: (e.at, e.id))
    ]


def _flat(value: Any) -> Any:
    return ";".join(value) if isinstance(value, list) else value


def exported(fields: Iterable[forms.FieldDef]) -> list[forms.FieldDef]:
    """The fields the flat tables (and so CSV, REDCap, ODM) carry: all but those naming staff, such as the
    operating surgeon, who stay in the record and its session file only."""
    return [f for f in fields if not f.staff_name]


def procedure_fields() -> list[forms.FieldDef]:
    return exported(forms.crf().fields("procedure") + forms.questionnaire().fields("procedure"))


def lesion_fields() -> list[forms.FieldDef]:
    return exported(forms.crf().fields("lesion"))


def complication_fields() -> list[forms.FieldDef]:
    return exported(forms.crf().fields("complication"))


def procedure_columns() -> list[Column]:
    return [*KEY_COLUMNS, *(_column(f) for f in procedure_fields()), *derived_procedure()]


def lesion_columns() -> list[Column]:
    return [*KEY_COLUMNS, *LESION_KEY, *(_column(f) for f in lesion_fields()), *derived_lesion()]


def complication_columns() -> list[Column]:
    return [
        *KEY_COLUMNS,
        *COMPLICATION_KEY,
        *(_column(f) for f in complication_fields()),
        *DERIVED_COMPLICATION,
    ]


def _column(fdef: forms.FieldDef) -> Column:
    return Column(fdef.name, fdef.type, fdef.text("en"), tuple(fdef.choice_codes()))


def _keys(proc: Procedure) -> dict[str, Any]:
    return {"study_id": proc.study_id, "centre": proc.centre, "session_id": proc.session_id}


def procedure_row(proc: Procedure) -> dict[str, Any]:
    changes = derive.management_changes(proc)
    interval = derive.icg_interval(proc)
    # Complications after day 90 are kept in the complications table (flagged late) but are not the trial's.
    within = [c for c in proc.complications if not derive.late_complication(proc, c.get("onset_date"))]
    grades = [c.get("clavien_dindo") for c in within if c.get("clavien_dindo")]
    surgery_date = derive.surgery_date(proc)
    signature = proc.valid_signature()
    row = _keys(proc) | {f.name: _flat(proc.get(f.name)) for f in procedure_fields()}
    row |= {
        "surgery_date": surgery_date.isoformat() if surgery_date else None,
        "icg_to_incision_hours": None if interval is None else round(interval.total_seconds() / 3600, 2),
        "icg_in_window": derive.icg_in_window(interval),
        "operation_minutes": derive.operation_minutes(proc),
        "fong_score": derive.fong(proc).score,
        "lesion_count": len(proc.lesions),
        "occult_lesion_count": sum(1 for lesion in proc.lesions if lesion.get("source") == "occult"),
        **derive.procedure_findings(proc),
        **{change.column: changes.counts[name] for name, change in forms.catalogue().management_changes.items()},
        "management_changed": changes.any,
        "complication_count": len(within),
        "worst_clavien_dindo": max(grades, key=forms.field_def("clavien_dindo").choice_codes().index)
        if grades
        else None,
        "status": derive.status(proc).value,
        "subject_status": proc.subject_status,
        "subject_status_reason": proc.subject_status_reason,
        "subject_status_date": proc.subject_status_date,
        "questionnaire_signed": signature is not None and covers_the_answers(proc, signature),
        "demo": proc.demo,
    }
    return row


def lesion_rows(proc: Procedure) -> list[dict[str, Any]]:
    rows = []
    for lesion in proc.lesions:
        assessment = derive.assess_lesion(proc, lesion.id)
        row = _keys(proc) | {"lesion_number": lesion.number}
        row |= {f.name: _flat(lesion.get(f.name)) for f in lesion_fields()}
        row |= {
            "r_status": derive.r_status(lesion.get("margin_mm")),
            "final_r_status": derive.final_r_status(lesion),
            **assessment.findings,
            "transection_minutes": assessment.transection_minutes,
        }
        ratios = derive.finding_ratios(proc, lesion.id)
        for finding in ratio_findings():
            ratio = ratios.get(finding.name)
            row |= {
                f"{finding.name}_sbr": None if ratio is None else ratio.sbr,
                f"{finding.name}_sbr_channel": None if ratio is None else ratio.channel,
                f"{finding.name}_sbr_method": None if ratio is None else ratio.method,
            }
        rows.append(row)
    return rows


def complication_rows(proc: Procedure) -> list[dict[str, Any]]:
    return [
        _keys(proc)
        | {"complication_number": comp.number}
        | {f.name: _flat(comp.get(f.name)) for f in complication_fields()}
        | {
            "late": derive.late_complication(proc, comp.get("onset_date")),
            "grade_text": derive.clavien_dindo_text(comp),
        }
        for comp in proc.complications
    ]
