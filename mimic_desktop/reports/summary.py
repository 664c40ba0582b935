"""The procedure summary PDF: the record, its derived values, signatures and the audit state."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from ..domain import derive, forms, rules, values, video_time
from ..domain.forms import SectionDef
from ..domain.frame_channels import CHANNEL_WORDS
from ..domain.record import Lesion, Procedure
from ..domain.wording import Text, TextList, decimal, say
from .changes import Change, change_text
from .layout import ALERT, Flowable, Running, Story, build, content_width, grid, heading, pairs, para, text, when
from .liver_map import liver_map_drawing
from .questionnaire import signed_meaning
from .timeline import timeline_drawing


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
    problems: tuple[Text, ...] = ()  # said in the summary's language
    changes: tuple[Change, ...] = ()


@dataclass(frozen=True)
class QueryLine:
    """One of the trial office's queries on the record, with the centre's answer (None while open)."""

    number: int
    about: str
    question: str
    answer: str | None
    answered_at: str | None


@dataclass(frozen=True)
class StillRegions:
    """A measurement drawn on a kept frame: its two rectangles (X,Y,W,H in the frame's pixels) and figures."""

    lesion_number: int
    target: str
    background: str
    sbr: float
    channel: str


@dataclass(frozen=True)
class KeptStill:
    """A near-infrared frame kept with an event, as stored (PNG, masked), with the measurements made on it; png is
    empty when the stored pixels no longer match their hash."""

    id: int
    event_kind: str
    at: str
    lesion_number: int | None
    png: bytes
    sha256: str
    width: int
    height: int
    regions: tuple[StillRegions, ...] = ()


@dataclass(frozen=True)
class SummaryContext:
    """What the summary needs beyond the record, gathered by the caller."""

    audit: AuditSummary
    signature_state: str
    signature_ok: bool
    missing: list[str] = field(default_factory=list)
    icg_window: tuple[timedelta, timedelta] = derive.DEFAULT_ICG_WINDOW
    printed_at: datetime | None = None
    queries: tuple[QueryLine, ...] = ()
    stills: tuple[KeptStill, ...] = ()


def running(proc: Procedure, title: str, lang: str, printed_at: datetime | None = None) -> Running:
    day = derive.surgery_date(proc)
    facts = [
        (say("Study ID", lang), proc.study_id),
        (say("Centre", lang), proc.centre),
        (say("Date of surgery", lang), day.isoformat() if day else "–"),
        (say("Status", lang), derive.status(proc).text(lang)),
    ]
    return Running(title, facts, lang, proc.demo, printed_at)


def field_pairs(
    record_values: Mapping[str, Any],
    section: str,
    lang: str,
    proc: Procedure | None = None,
    lesion_id: str | None = None,
) -> list[tuple[str, str]]:
    """Every field of a section of the form, read from its definition: what is filled in, and the required
    questions still empty that the form asks; optional empty ones and questions not asked stay off the page."""
    result = []
    for fdef in forms.crf().section(section).fields:
        value = record_values.get(fdef.name)
        if value is None and not (fdef.required and rules.asked(fdef, record_values, proc, lesion_id)):
            continue
        shown = text(values.display(fdef, value, lang)) if value is not None else f"<i>{say('not entered', lang)}</i>"
        result.append((fdef.text(lang), shown))
    return result


def entered(items: list[tuple[str, str]], lang: str) -> Flowable:
    """The pairs of a section, or a word for a section of optional fields none of which is filled in."""
    return pairs(items, content_width()) if items else para(text(say("none", lang)))


def sections(scope: str) -> list[SectionDef]:
    """The form's sections of one scope, in the form's order."""
    return [section for section in forms.crf().sections if section.scope == scope]


def procedure_sections() -> tuple[list[SectionDef], list[SectionDef]]:
    """The procedure's sections before the form's first lesion section (what is known by the end of surgery),
    and those after it (what follows the operation), so that the summary reads in the form's order."""
    before: list[SectionDef] = []
    after: list[SectionDef] = []
    lesions_begun = False
    for section in forms.crf().sections:
        lesions_begun = lesions_begun or section.scope == "lesion"
        if section.scope == "procedure":
            (after if lesions_begun else before).append(section)
    return before, after


def _duration(delta: timedelta) -> str:
    minutes = round(delta.total_seconds() / 60)
    return f"{minutes // 60} h {minutes % 60:02d} min"


def _record_sections(proc: Procedure, ctx: SummaryContext, lang: str) -> Story:
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
    for section in procedure_sections()[0]:
        story.append(heading(section.text(lang)))
        story.append(entered(field_pairs(proc.values, section.name, lang) + derived.get(section.name, []), lang))
    return story


def _timeline(proc: Procedure, lang: str) -> Story:
    width = content_width()
    story = [heading(say("Intraoperative timeline", lang)), timeline_drawing(proc, width, lang)]
    incision = derive.incision_time(proc)
    lesion_numbers = {lesion.id: str(lesion.number) for lesion in [*proc.lesions, *proc.removed_lesions]}
    removed = {lesion.id for lesion in proc.removed_lesions}
    # Where each event is in the tower's video recording, once a reference lines the two up (domain/video_time.py).
    positions = video_time.positions(proc)
    video = [say("Video", lang)] if positions else []
    rows = [[say("Time", lang), "+min", *video, say("Event", lang), say("Lesion", lang), say("Note", lang)]]
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
                *([video_time.shown(positions[event.id]) if event.id in positions else ""] if positions else []),
                para(label),
                ", ".join(str(lesion_numbers.get(named, "")) for named in event.lesion_ids),
                para(note),
            ]
        )
    if positions:
        story.append(grid(rows, [width * 0.22, width * 0.07, width * 0.11, width * 0.26, width * 0.08, width * 0.26]))
    else:
        story.append(grid(rows, [width * 0.24, width * 0.07, width * 0.3, width * 0.08, width * 0.31]))
    return story


# The summary's words for the changes in surgical management of forms/events.json (derive.ManagementChanges); a
# change declared there without words here is printed with the catalogue's.
MANAGEMENT_CHANGES = {
    "plane_adapted": Text("Transection plane adapted"),
    "cavity_reresection": Text("Additional resection of a fluorescent cavity"),
    "occult_extended": Text("Occult lesion leading to extended or additional resection"),
}


def _findings(proc: Procedure, lesion: Lesion, lang: str) -> list[tuple[str, str]]:
    """What the fluorescence showed in theatre, derived from the lesion's events."""
    assessment = derive.assess_lesion(proc, lesion.id)
    index = forms.index_finding()
    specimen = {True: say("fluorescent", lang), False: say("clear", lang), None: ""}[assessment.findings[index.name]]
    shown = [(say("Specimen side (ICG)", lang), specimen)]
    # Every other finding of forms/events.json recorded for the lesion, in the words of the event that recorded it.
    catalogue = forms.events()
    shown += [
        (finding.text(lang), catalogue[assessment.recorded_by[finding.name]].text(lang))
        for finding in forms.findings("lesion")
        if finding is not index and finding.name in assessment.recorded_by
    ]
    return [(label, text(value)) for label, value in shown if value]


def _r_status(lesion: Lesion, lang: str) -> list[tuple[str, str]]:
    """The R status derived from the margin, and after a cavity re-resection the final one."""
    initial, final = derive.r_status(lesion.get("margin_mm")), derive.final_r_status(lesion)
    if initial is None:
        return []
    return [(say("R status", lang), initial if final in (None, initial) else f"{initial} → {final}")]


def lesion_pairs(proc: Procedure, lesion: Lesion, lang: str) -> list[tuple[str, str]]:
    """Every field of every lesion section of the form, each section followed by what is derived from it: the
    findings in theatre after the first, the R status after the section that holds the margin."""
    items: list[tuple[str, str]] = []
    lesion_sections = sections("lesion")
    for section in lesion_sections:
        items += field_pairs(lesion.values, section.name, lang, proc, lesion.id)
        if section is lesion_sections[0]:
            items += _findings(proc, lesion, lang)
        if section.name == forms.field_def("margin_mm").section:
            items += _r_status(lesion, lang)
    return items


def _lesions(proc: Procedure, lang: str) -> Story:
    """The map, then each lesion with every field the form defines for a lesion."""
    from reportlab.platypus import KeepTogether

    width = content_width()
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
    story: Story = [liver]
    for lesion in proc.lesions:
        story.append(
            KeepTogether(
                [
                    heading(say("Lesion {number}", lang, number=lesion.number), "question"),
                    entered(lesion_pairs(proc, lesion, lang), lang),
                ]
            )
        )
    return story


def _management(proc: Procedure, lang: str) -> Story:
    changes = derive.management_changes(proc)
    declared = forms.catalogue().management_changes
    items = [
        (MANAGEMENT_CHANGES.get(name, change).text(lang), str(changes.counts[name]))
        for name, change in declared.items()
    ]
    return [heading(say("Changes in surgical management", lang)), pairs(items, content_width())]


def _days_after_surgery(proc: Procedure, values_: Mapping[str, Any], lang: str) -> list[tuple[str, str]]:
    """A complication's onset counted from the day of surgery, flagged when it falls after the 90 days."""
    day, onset = derive.surgery_date(proc), values_.get("onset_date")
    if not (day and onset):
        return []
    days = text(str((datetime.fromisoformat(str(onset)).date() - day).days))
    if derive.late_complication(proc, onset):
        days = (
            f"<b>{days}</b><br/><font color='{ALERT}'>{text(say('LATE: more than 90 days after surgery', lang))}</font>"
        )
    return [(say("Days after surgery", lang), days)]


def _postop(proc: Procedure, lang: str) -> Story:
    """The sections that follow the operation, then each complication with every field the form defines."""
    story: Story = []
    planned = forms.field_def("readmission_planned").text(lang)
    for section in procedure_sections()[1]:
        items = field_pairs(proc.values, section.name, lang, proc)
        if proc.get("readmission") and proc.get("readmission_planned"):
            items = [(k, f"{v} ({say('planned: not a complication', lang)})" if k == planned else v) for k, v in items]
        story += [heading(section.text(lang)), entered(items, lang)]
    story.append(heading(say("Complications (90 days)", lang), "question"))
    if not proc.complications:
        return [*story, para(text(say("none", lang)))]
    for comp in proc.complications:
        items = [
            pair for section in sections("complication") for pair in field_pairs(comp.values, section.name, lang, proc)
        ]
        items += _days_after_surgery(proc, comp.values, lang)
        story.append(heading(say("Complication {number}", lang, number=comp.number), "question"))
        story.append(entered(items, lang))
    return story


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
        chain = say("DAMAGED: {problems}", lang, problems=TextList(audit.problems, "; "))
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


def _queries(ctx: SummaryContext, lang: str) -> Story:
    """The trial office's queries with their answers, when there are any."""
    if not ctx.queries:
        return []
    width = content_width()
    rows = [[say("No.", lang), say("About", lang), say("Question", lang), say("Answer", lang)]]
    for query in ctx.queries:
        answer = say("open", lang) if query.answer is None else f"{query.answer} ({when(query.answered_at)})"
        rows.append([str(query.number), query.about, query.question, answer])
    return [
        heading(say("Queries from the trial office", lang)),
        grid(rows, [width * s for s in (0.07, 0.23, 0.35, 0.35)]),
    ]


# The rectangles' colours on paper, as on the lesion's page: target solid amber, background dashed blue.
_TARGET_COLOUR, _BACKGROUND_COLOUR = "#ffb000", "#1f9fe0"


def _still_drawing(still: KeptStill, width: float) -> Flowable:
    """The frame as stored, at the page's width or less, with each measurement's rectangles drawn over it."""
    from io import BytesIO

    from reportlab.lib.colors import HexColor
    from reportlab.lib.utils import ImageReader
    from reportlab.platypus import Flowable as PlatypusFlowable

    shown_width = min(width, 12 * 28.35)  # at most 12 cm: two frames a page
    scale = shown_width / still.width
    shown_height = still.height * scale

    class Still(PlatypusFlowable):  # type: ignore[misc]
        def wrap(self, *_available: float) -> tuple[float, float]:
            return shown_width, shown_height

        def draw(self) -> None:
            canvas = self.canv
            canvas.drawImage(ImageReader(BytesIO(still.png)), 0, 0, shown_width, shown_height)
            for region in still.regions:
                for rect, colour, dashed in (
                    (region.target, _TARGET_COLOUR, False),
                    (region.background, _BACKGROUND_COLOUR, True),
                ):
                    x, y, w, h = (int(part) for part in rect.split(","))
                    canvas.setStrokeColor(HexColor(colour))
                    canvas.setLineWidth(1.5)
                    if dashed:
                        canvas.setDash(4, 3)
                    else:
                        canvas.setDash()
                    # PDF's y grows upwards, the frame's downwards.
                    canvas.rect(x * scale, shown_height - (y + h) * scale, w * scale, h * scale, stroke=1, fill=0)

    return Still()


def _stills(proc: Procedure, ctx: SummaryContext, lang: str) -> Story:
    """The near-infrared frames kept with the record's events, with the regions measured on them."""
    from reportlab.platypus import KeepTogether

    if not ctx.stills:
        return []
    catalogue = forms.events()
    # The heading and its words go with the first frame: never alone at the foot of a page.
    opening: Story = [
        heading(say("Near-infrared frames kept", lang)),
        para(
            text(
                say(
                    "Masked as stored. Target regions solid, background regions dashed; figures uncalibrated, "
                    "relative to this frame.",
                    lang,
                )
            ),
            "small",
        ),
    ]
    story: Story = []
    for still in ctx.stills:
        event = catalogue[still.event_kind].text(lang) if still.event_kind in catalogue else still.event_kind
        about = say("Frame {id}: {event}, {at}", lang, id=still.id, event=event, at=when(still.at))
        if still.lesion_number is not None:
            about += " · " + say("Lesion {number}", lang, number=still.lesion_number)
        lines = [
            say(
                "Lesion {number}: ratio {sbr} on the {channel} channel (target {target}, background {background})",
                lang,
                number=region.lesion_number,
                sbr=decimal(region.sbr, 2, lang),
                channel=CHANNEL_WORDS.get(region.channel, region.channel),
                target=region.target,
                background=region.background,
            )
            for region in still.regions
        ]
        if not still.png:
            changed = say(
                "Not printed: the stored pixels no longer match the hash they were kept with ({sha256}). "
                "mimic-desktop verify names the change.",
                lang,
                sha256=still.sha256,
            )
            story.append(KeepTogether([*opening, para(text(about), "head"), para(text(changed), "body")]))
            opening = []
            continue
        story.append(
            KeepTogether(
                [
                    *opening,
                    para(text(about), "head"),
                    _still_drawing(still, content_width()),
                    para(text(f"SHA-256 {still.sha256}"), "small"),
                    *(para(text(line), "body") for line in lines),
                ]
            )
        )
        opening = []
    return story


def summary_story(proc: Procedure, ctx: SummaryContext, lang: str = "en") -> Story:
    story = [heading(f"{say('Procedure summary', lang)}: {proc.study_id}", "title")]
    story += _record_sections(proc, ctx, lang)
    story += _timeline(proc, lang)
    story += _lesions(proc, lang)
    story += _stills(proc, ctx, lang)
    story += _management(proc, lang)
    story += _postop(proc, lang)
    if ctx.missing:
        story.append(heading(say("Still missing before the record can be completed", lang)))
        story += [para("• " + text(item), "body") for item in ctx.missing]
    story += _signatures(proc, ctx, lang)
    story += _queries(ctx, lang)
    story += _audit(ctx, lang)
    return story


def write_summary(proc: Procedure, ctx: SummaryContext, path: Path, lang: str = "en") -> Path:
    title = say("Procedure summary", lang)
    return build(
        path, summary_story(proc, ctx, lang), running(proc, title, lang, ctx.printed_at), subject=proc.study_id
    )
