"""The procedure summary PDF: the record, its derived values, signatures and the audit state."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from ..domain import derive, forms, values
from ..domain.record import Lesion, Procedure
from .changes import Change, change_text
from .layout import Running, Story, build, content_width, grid, heading, pairs, para, text, when
from .liver_map import liver_map_drawing
from .questionnaire import signed_meaning
from .timeline import timeline_drawing
from .wording import word

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
        (word("study_id", lang), proc.study_id),
        (word("centre", lang), proc.centre),
        (word("surgery_date", lang), day.isoformat() if day else "–"),
        (word("status", lang), derive.status(proc).text(lang)),
    ]
    return Running(title, facts, lang, proc.demo, printed_at)


def field_pairs(record_values: dict[str, Any], section: str, lang: str) -> list[tuple[str, str]]:
    """Filled-in fields, and required ones that are still empty; optional empty ones stay off the page."""
    result = []
    for fdef in forms.crf().section(section).fields:
        value = record_values.get(fdef.name)
        if value is None and not fdef.required:
            continue
        shown = text(values.display(fdef, value, lang)) if value is not None else f"<i>{word('not_entered', lang)}</i>"
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
            (word("fong", lang), str(derive.fong(proc).score if derive.fong(proc).score is not None else "–"))
        ],
        "icg": [],
        "surgery": [],
    }
    interval = derive.icg_interval(proc)
    if interval is not None:
        inside = derive.icg_in_window(interval, ctx.icg_window)
        low, high = (int(limit.total_seconds() // 3600) for limit in ctx.icg_window)
        verdict = word("icg_inside_window" if inside else "icg_outside_window", lang) + f" {low}–{high} h"
        shown = f"{_duration(interval)} ({verdict})"
        derived["icg"].append((word("icg_interval", lang), shown if inside else f"<b>{shown}</b>"))
    minutes = derive.operation_minutes(proc)
    if minutes is not None:
        derived["surgery"].append((word("operation_time", lang), _duration(timedelta(minutes=minutes))))
    for section in RECORD_SECTIONS:
        story.append(heading(forms.crf().section(section).text(lang)))
        story.append(pairs(field_pairs(proc.values, section, lang) + derived.get(section, []), width))
    return story


def _timeline(proc: Procedure, lang: str) -> Story:
    width = content_width()
    story = [heading(word("timeline", lang)), timeline_drawing(proc, width, lang)]
    incision = derive.incision_time(proc)
    lesion_numbers = {lesion.id: str(lesion.number) for lesion in [*proc.lesions, *proc.removed_lesions]}
    removed = {lesion.id for lesion in proc.removed_lesions}
    rows = [[word("time", lang), "+min", word("event", lang), word("lesion", lang), word("note", lang)]]
    for event in sorted(proc.events, key=lambda e: (e.at, e.id)):
        offset = f"{(event.moment - incision).total_seconds() / 60:.0f}" if incision else ""
        note = text(event.note or "")
        label = text(forms.events()[event.kind].text(lang))
        if event.struck:
            label = f"<strike>{label}</strike>"
            note = (note + " " if note else "") + f"<i>{text(word('struck', lang, reason=event.struck_reason))}</i>"
            if event.lesion_id in removed:
                note += f"<i>; {word('lesion_removed', lang, n=lesion_numbers[event.lesion_id])}</i>"
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


def _theatre_row(proc: Procedure, lesion: Lesion, lang: str) -> Story:
    """A lesion as found and treated in theatre: where, how large, how found, what fluorescence showed."""
    assessment = derive.assess_lesion(proc, lesion.id)
    specimen = {True: word("fluorescent", lang), False: word("clear", lang), None: ""}[assessment.specimen_fluorescent]
    reresection = word(f"reresection_{assessment.reresection}", lang) if assessment.reresection else ""
    if assessment.reresection == "done":
        details = [
            f"{forms.field_def(name).text(lang)}: {_shown(lesion, name, lang)}"
            for name in ("reresection_tumour", "final_margin_mm")
            if lesion.get(name) is not None
        ]
        reresection = "; ".join([reresection, *details])
    shown = [_shown(lesion, name, lang) for name in ("segments", "size_mm", "source", "treatment")]
    return [str(lesion.number), *shown, specimen, reresection]


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
        word("specimen", lang),
        word("reresection", lang),
    ]
    pathology = ["#", label("histology").text(lang), label("margin_mm").text(lang), word("r_status", lang)]
    pathology.append(label("r1_type").text(lang))
    # The heading goes inside the block: reportlab keeps a heading with the next flowable, but not with a block.
    liver = KeepTogether(
        [
            heading(word("lesions", lang)),
            para(text(word("liver_map", lang)), "head"),
            liver_map_drawing(proc, width * 0.62),
            para(text(word("map_legend", lang)), "small"),
        ]
    )
    return [
        liver,
        heading(word("in_theatre", lang), "question"),
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
    items = [
        (word(name, lang), str(getattr(changes, name)))
        for name in ("plane_adapted", "cavity_reresection", "occult_extended")
    ]
    return [heading(word("management", lang)), pairs(items, content_width())]


def _postop(proc: Procedure, lang: str) -> Story:
    width = content_width()
    items = field_pairs(proc.values, "postop", lang)
    if proc.get("readmission") and proc.get("readmission_planned"):
        planned = forms.field_def("readmission_planned").text(lang)
        items = [(k, f"{v} ({word('planned_readmission', lang)})" if k == planned else v) for k, v in items]
    story = [heading(word("postop", lang)), pairs(items, width), heading(word("complications", lang), "question")]
    if not proc.complications:
        return [*story, para(text(word("none", lang)))]
    day = derive.surgery_date(proc)
    fields = [forms.field_def(n) for n in ("description", "clavien_dindo", "onset_date")]
    rows = [["#", *(f.text(lang) for f in fields), word("days_after", lang)]]
    for comp in proc.complications:
        onset = comp.get("onset_date")
        days = ""
        if day and onset:
            days = str((datetime.fromisoformat(onset).date() - day).days)
            if derive.late_complication(proc, onset):
                days = para(f"<b>{days}</b><br/>{text(word('late', lang))}", "alert")
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
    story = [heading(word("signatures", lang))]
    if not proc.signatures:
        return [*story, para(text(word("no_signature", lang)), "body")]
    for signature in proc.signatures:
        if signature.valid:
            state = para(text(ctx.signature_state), "body" if ctx.signature_ok else "alert")
        else:
            voided = word("voided", lang, when=when(signature.voided_at), reason=signature.void_reason or "")
            state = para(text(voided), "alert")
        items = [
            (word("signed_by", lang), text(f"{signature.printed_name} ({signature.username})")),
            (word("signed_at", lang), text(when(signature.signed_at, seconds=True))),
            (word("meaning", lang), signed_meaning(signature.meaning, lang)),
            (word("content_hash", lang), text(signature.content_hash)),
        ]
        story += [pairs(items, width), state]
    return story


def _audit(ctx: SummaryContext, lang: str) -> Story:
    width = content_width()
    audit = ctx.audit
    chain = word("audit_intact", lang, rows=audit.chain_rows)
    if not audit.chain_ok:
        chain = word("audit_damaged", lang, problems="; ".join(audit.problems))
    items = [
        (word("audit_entries", lang), str(audit.entries)),
        (word("audit_span", lang), text(f"{when(audit.first_at)} – {when(audit.last_at)}")),
        (word("audit_people", lang), text(", ".join(audit.people))),
        (word("audit_chain", lang), text(chain) if audit.chain_ok else f"<b>{text(chain)}</b>"),
        (word("audit_head", lang), text(audit.head_hash)),
    ]
    story = [heading(word("audit", lang)), pairs(items, width)]
    if audit.changes:
        rows = [[word("time", lang), word("who", lang), word("what", lang), word("reason", lang)]]
        rows += [[when(c.at), c.username, change_text(c, lang), c.reason] for c in audit.changes]
        story += [
            heading(word("corrections", lang), "question"),
            grid(rows, [width * s for s in (0.19, 0.14, 0.4, 0.27)]),
        ]
    return story


def summary_story(proc: Procedure, ctx: SummaryContext, lang: str = "en") -> Story:
    story = [heading(f"{word('summary_title', lang)}: {proc.study_id}", "title")]
    story += _record_sections(proc, ctx, lang)
    story += _timeline(proc, lang)
    story += _lesions(proc, lang)
    story += _management(proc, lang)
    story += _postop(proc, lang)
    if ctx.missing:
        story.append(heading(word("open_items", lang)))
        story += [para("• " + text(item), "body") for item in ctx.missing]
    story += _signatures(proc, ctx, lang)
    story += _audit(ctx, lang)
    return story


def write_summary(proc: Procedure, ctx: SummaryContext, path: Path, lang: str = "en") -> Path:
    title = word("summary_title", lang)
    return build(
        path, summary_story(proc, ctx, lang), running(proc, title, lang, ctx.printed_at), subject=proc.study_id
    )
