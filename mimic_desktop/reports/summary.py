"""The procedure summary PDF: the record, its derived values, signatures and the audit state."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from ..domain import derive, forms, values
from ..domain.record import Lesion, Procedure
from ..domain.wording import Text, say
from .changes import Change, change_text
from .layout import Running, Story, build, content_width, grid, heading, pairs, para, text, when
from .liver_map import liver_map_drawing
from .questionnaire import signed_meaning
from .timeline import timeline_drawing

RECORD_SECTIONS = ("eligibility", "baseline", "icg", "surgery")


@dataclass(frozen=True)
class AuditSummary:
    """The record's share of the audit trail and the state of the whole chain."""

    entries: int
    first_at: str | None
    last_at: str | None
    people: tuple[str, ...]
    chain_ok: bool
    chain_rows: int
    head_hash: str
    problems: tuple[str, ...] = ()
    changes: tuple[Change, ...] = ()


@dataclass(frozen=True)
class SummaryContext:
    """What the summary needs beyond the record, gathered by the caller."""

    audit: AuditSummary
    signature_state: str
    signature_ok: bool
    missing: list[str] = field(default_factory=list)
    icg_window: tuple[timedelta, timedelta] = derive.DEFAULT_ICG_WINDOW
    printed_at: datetime | None = None


def running(proc: Procedure, title: str, lang: str, printed_at: datetime | None = None) -> Running:
    day = derive.surgery_date(proc)
    facts = [
        (say("Study ID", lang), proc.study_id),
        (say("Centre", lang), proc.centre),
        (say("Date of surgery", lang), day.isoformat() if day else "–"),
        (say("Status", lang), derive.status(proc).text(lang)),
    ]
    return Running(title, facts, lang, proc.demo, printed_at)


def field_pairs(record_values: dict[str, Any], section: str, lang: str) -> list[tuple[str, str]]:
    """Filled-in fields, and required ones that are still empty; optional empty ones stay off the page."""
    result = []
    for fdef in forms.crf().section(section).fields:
        value = record_values.get(fdef.name)
        if value is None and not fdef.required:
            continue
        shown = text(values.display(fdef, value, lang)) if value is not None else f"<i>{say('not entered', lang)}</i>"
        result.append((fdef.text(lang), shown))
    return result


def _duration(delta: timedelta) -> str:
    minutes = round(delta.total_seconds() / 60)
    return f"{minutes // 60} h {minutes % 60:02d} min"


def _record_sections(proc: Procedure, ctx: SummaryContext, lang: str) -> Story:
    width = content_width()
    story = []
    derived: dict[str, list[tuple[str, str]]] = {
        "baseline": [
            (
                say("Fong clinical risk score", lang),
                str(derive.fong(proc).score if derive.fong(proc).score is not None else "–"),
            )
        ],
        "icg": [],
        "surgery": [],
    }
    interval = derive.icg_interval(proc)
    if interval is not None:
        inside = derive.icg_in_window(interval, ctx.icg_window)
        low, high = (int(limit.total_seconds() // 3600) for limit in ctx.icg_window)
        words = Text("within the protocol window") if inside else Text("outside the protocol window")
        verdict = f"{words.text(lang)} {low}–{high} h"
        shown = f"{_duration(interval)} ({verdict})"
        derived["icg"].append((say("ICG to incision", lang), shown if inside else f"<b>{shown}</b>"))
    minutes = derive.operation_minutes(proc)
    if minutes is not None:
        derived["surgery"].append(
            (say("Operation time (incision to closure)", lang), _duration(timedelta(minutes=minutes)))
        )
    for section in RECORD_SECTIONS:
        story.append(heading(forms.crf().section(section).text(lang)))
        story.append(pairs(field_pairs(proc.values, section, lang) + derived.get(section, []), width))
    return story


def _timeline(proc: Procedure, lang: str) -> Story:
    width = content_width()
    story = [heading(say("Intraoperative timeline", lang)), timeline_drawing(proc, width, lang)]
    incision = derive.incision_time(proc)
    lesion_numbers = {lesion.id: str(lesion.number) for lesion in [*proc.lesions, *proc.removed_lesions]}
    removed = {lesion.id for lesion in proc.removed_lesions}
    rows = [[say("Time", lang), "+min", say("Event", lang), say("Lesion", lang), say("Note", lang)]]
    for event in sorted(proc.events, key=lambda e: (e.at, e.id)):
        offset = f"{(event.moment - incision).total_seconds() / 60:.0f}" if incision else ""
        note = text(event.note or "")
        label = text(forms.events()[event.kind].text(lang))
        if event.struck:
            label = f"<strike>{label}</strike>"
            note = (
                note + " " if note else ""
            ) + f"<i>{text(say('struck through: {reason}', lang, reason=event.struck_reason))}</i>"
            if event.lesion_id in removed:
                note += f"<i>; {say('lesion {n} removed from the record', lang, n=lesion_numbers[event.lesion_id])}</i>"
        rows.append(
            [
                para(text(when(event.at, seconds=True))),
                offset,
                para(label),
                lesion_numbers.get(event.lesion_id or "", ""),
                para(note),
            ]
        )
    story.append(grid(rows, [width * 0.24, width * 0.07, width * 0.3, width * 0.08, width * 0.31]))
    return story


# The summary's words for the changes in surgical management of forms/events.json (derive.ManagementChanges); a
# change declared there without words here is printed with the catalogue's.
MANAGEMENT_CHANGES = {
    "plane_adapted": Text("Transection plane adapted"),
    "cavity_reresection": Text("Additional resection of a fluorescent cavity"),
    "occult_extended": Text("Occult lesion leading to extended or additional resection"),
}


def _theatre_row(proc: Procedure, lesion: Lesion, lang: str) -> Story:
    """A lesion as found and treated in theatre: where, how large, how found, what fluorescence showed."""
    assessment = derive.assess_lesion(proc, lesion.id)
    index = forms.index_finding()
    specimen = {True: say("fluorescent", lang), False: say("clear", lang), None: ""}[assessment.findings[index.name]]
    # Every other finding of forms/events.json recorded for the lesion, in the words of the event that recorded
    # it, with the fields that event asks for (a re-resection's results) once they are filled in.
    catalogue = forms.events()
    others = []
    for finding in forms.findings("lesion"):
        if finding is index or finding.name not in assessment.recorded_by:
            continue
        event = catalogue[assessment.recorded_by[finding.name]]
        details = [
            f"{forms.field_def(name).text(lang)}: {_shown(lesion, name, lang)}"
            for name in event.asks
            if lesion.get(name) is not None
        ]
        others.append("; ".join([event.text(lang), *details]))
    shown = [_shown(lesion, name, lang) for name in ("segments", "size_mm", "source", "treatment")]
    return [str(lesion.number), *shown, specimen, " · ".join(others)]


def _pathology_row(lesion: Lesion, lang: str) -> Story:
    """A lesion as pathology found it: histology, margin and the R status derived from it."""
    initial, final = derive.r_status(lesion.get("margin_mm")), derive.final_r_status(lesion)
    r_text = initial or ""
    if final and final != initial:
        r_text = f"{initial} → {final}"
    shown = [_shown(lesion, name, lang) for name in ("histology", "margin_mm")]
    return [str(lesion.number), *shown, r_text, _shown(lesion, "r1_type", lang)]


def _shown(lesion: Lesion, name: str, lang: str) -> str:
    return values.display(forms.field_def(name), lesion.get(name), lang)


def _lesions(proc: Procedure, lang: str) -> Story:
    """The map, then one table for theatre and one for pathology: eleven columns do not fit a portrait page."""
    from reportlab.platypus import KeepTogether

    width = content_width()
    label = forms.field_def
    theatre = [
        "#",
        *(label(name).text(lang) for name in ("segments", "size_mm", "source", "treatment")),
        say("Specimen side (ICG)", lang),
        say("Other findings (ICG)", lang),
    ]
    pathology = ["#", label("histology").text(lang), label("margin_mm").text(lang), say("R status", lang)]
    pathology.append(label("r1_type").text(lang))
    # The heading goes inside the block: reportlab keeps a heading with the next flowable, but not with a block.
    liver = KeepTogether(
        [
            heading(say("Lesions", lang)),
            para(text(say("Couinaud segments, anterior view (schematic)", lang)), "head"),
            liver_map_drawing(proc, width * 0.62),
            para(
                text(
                    say(
                        "Numbers are lesions. Red: R1, green: R0, grey: no pathology yet. Segment I lies behind (dashed).",
                        lang,
                    )
                ),
                "small",
            ),
        ]
    )
    return [
        liver,
        heading(say("During surgery", lang), "question"),
        grid(
            [theatre, *(_theatre_row(proc, lesion, lang) for lesion in proc.lesions)],
            [width * s for s in (0.04, 0.14, 0.08, 0.23, 0.12, 0.13, 0.26)],
        ),
        heading(forms.crf().section("pathology").text(lang), "question"),
        grid(
            [pathology, *(_pathology_row(lesion, lang) for lesion in proc.lesions)],
            [width * s for s in (0.04, 0.22, 0.16, 0.18, 0.4)],
        ),
    ]


def _management(proc: Procedure, lang: str) -> Story:
    changes = derive.management_changes(proc)
    declared = forms.catalogue().management_changes
    items = [
        (MANAGEMENT_CHANGES.get(name, change).text(lang), str(changes.counts[name]))
        for name, change in declared.items()
    ]
    return [heading(say("Changes in surgical management", lang)), pairs(items, content_width())]


def _postop(proc: Procedure, lang: str) -> Story:
    width = content_width()
    items = field_pairs(proc.values, "postop", lang)
    if proc.get("readmission") and proc.get("readmission_planned"):
        planned = forms.field_def("readmission_planned").text(lang)
        items = [(k, f"{v} ({say('planned: not a complication', lang)})" if k == planned else v) for k, v in items]
    story = [
        heading(say("Post-operative course", lang)),
        pairs(items, width),
        heading(say("Complications (90 days)", lang), "question"),
    ]
    if not proc.complications:
        return [*story, para(text(say("none", lang)))]
    day = derive.surgery_date(proc)
    fields = [forms.field_def(n) for n in ("description", "clavien_dindo", "onset_date")]
    rows = [["#", *(f.text(lang) for f in fields), say("Days after surgery", lang)]]
    for comp in proc.complications:
        onset = comp.get("onset_date")
        days = ""
        if day and onset:
            days = str((datetime.fromisoformat(onset).date() - day).days)
            if derive.late_complication(proc, onset):
                days = para(f"<b>{days}</b><br/>{text(say('LATE: more than 90 days after surgery', lang))}", "alert")
        rows.append(
            [
                str(comp.number),
                para(text(comp.get("description") or "")),
                derive.clavien_dindo_text(comp),
                onset or "",
                days,
            ]
        )
    return [*story, grid(rows, [width * s for s in (0.05, 0.46, 0.17, 0.14, 0.18)])]


def _signatures(proc: Procedure, ctx: SummaryContext, lang: str) -> Story:
    width = content_width()
    story = [heading(say("Signatures", lang))]
    if not proc.signatures:
        return [*story, para(text(say("The questionnaire is not signed.", lang)), "body")]
    for signature in proc.signatures:
        if signature.valid:
            state = para(text(ctx.signature_state), "body" if ctx.signature_ok else "alert")
        else:
            voided = say(
                "VOIDED {when} by a change, reason: {reason}",
                lang,
                when=when(signature.voided_at),
                reason=signature.void_reason or "",
            )
            state = para(text(voided), "alert")
        items = [
            (say("Signed electronically by", lang), text(f"{signature.printed_name} ({signature.username})")),
            (say("Date and time", lang), text(when(signature.signed_at, seconds=True))),
            (say("Meaning", lang), signed_meaning(signature.meaning, lang)),
            (say("Content hash (SHA-256)", lang), text(signature.content_hash)),
        ]
        story += [pairs(items, width), state]
    return story


def _audit(ctx: SummaryContext, lang: str) -> Story:
    width = content_width()
    audit = ctx.audit
    chain = say("intact, {rows} entries", lang, rows=audit.chain_rows)
    if not audit.chain_ok:
        chain = say("DAMAGED: {problems}", lang, problems="; ".join(audit.problems))
    items = [
        (say("Entries for this record", lang), str(audit.entries)),
        (say("First and last entry", lang), text(f"{when(audit.first_at)} – {when(audit.last_at)}")),
        (say("People who changed the record", lang), text(", ".join(audit.people))),
        (say("Audit chain of the database", lang), text(chain) if audit.chain_ok else f"<b>{text(chain)}</b>"),
        (say("Chain head hash", lang), text(audit.head_hash)),
    ]
    story = [heading(say("Audit trail", lang)), pairs(items, width)]
    if audit.changes:
        rows = [[say("Time", lang), say("Who", lang), say("What", lang), say("Reason", lang)]]
        rows += [[when(c.at), c.username, change_text(c, lang), c.reason] for c in audit.changes]
        story += [
            heading(say("Changes with a reason", lang), "question"),
            grid(rows, [width * s for s in (0.19, 0.14, 0.4, 0.27)]),
        ]
    return story


def summary_story(proc: Procedure, ctx: SummaryContext, lang: str = "en") -> Story:
    story = [heading(f"{say('Procedure summary', lang)}: {proc.study_id}", "title")]
    story += _record_sections(proc, ctx, lang)
    story += _timeline(proc, lang)
    story += _lesions(proc, lang)
    story += _management(proc, lang)
    story += _postop(proc, lang)
    if ctx.missing:
        story.append(heading(say("Still missing before the record can be completed", lang)))
        story += [para("• " + text(item), "body") for item in ctx.missing]
    story += _signatures(proc, ctx, lang)
    story += _audit(ctx, lang)
    return story


def write_summary(proc: Procedure, ctx: SummaryContext, path: Path, lang: str = "en") -> Path:
    title = say("Procedure summary", lang)
    return build(
        path, summary_story(proc, ctx, lang), running(proc, title, lang, ctx.printed_at), subject=proc.study_id
    )
