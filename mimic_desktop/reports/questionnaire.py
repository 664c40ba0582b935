"""The surgeon questionnaire PDF, filled in and signed or blank for paper; every label from forms/."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from ..domain import derive, forms, values
from ..domain.forms import LANGUAGES, FieldDef
from ..domain.record import Procedure, Signature
from .layout import Flowable, Running, Story, build, content_width, grid, heading, pairs, para, text, when
from .wording import word

TICKED = "☒"
EMPTY = "☐"
WRITING_LINES = 4


@dataclass(frozen=True)
class QuestionnaireContext:
    blank: bool
    signature: Signature | None = None
    signature_state: str = ""
    signature_ok: bool = False
    printed_at: datetime | None = None
    # Who entered and who confirmed each answer, by field, worded (from the audit trail).
    sources: dict[str, str] = field(default_factory=dict)


def labels(lang: str) -> dict[str, str]:
    labels: dict[str, str] = forms.questionnaire().extras["document_labels"][lang]
    return labels


def _options(fdef: FieldDef, lang: str) -> list[tuple[object, str]]:
    """Each answer a box can stand for, with its printed text."""
    if fdef.type == "likert":
        return list(enumerate(forms.likert_labels(lang), start=1))
    if fdef.type == "boolean":
        return [(answer, values.display(fdef, answer, lang)) for answer in (True, False)]
    return [(code, fdef.choice_text(code, lang)) for code in fdef.choice_codes()]


def _answer(fdef: FieldDef, answer: object, blank: bool, lang: str) -> Flowable:
    width = content_width()
    if fdef.type == "text":
        if blank:
            return grid([[""]] * WRITING_LINES, [width], header=False, row_height=20)
        if answer is None:
            return para(f"<i>{text(labels(lang)['not_answered'])}</i>", "body")
        return para(text(answer), "body")
    options = _options(fdef, lang)
    boxes = [f"{TICKED if not blank and answer == code else EMPTY} {text(label)}" for code, label in options]
    if fdef.type == "choice":
        return para("<br/>".join(boxes), "boxes")
    return para("&nbsp;&nbsp;&nbsp;&nbsp;".join(boxes), "boxes")


def _questions(proc: Procedure | None, blank: bool, lang: str, sources: dict[str, str] | None = None) -> Story:
    from reportlab.platypus import KeepTogether, Spacer

    story = []
    number = 0
    for section in forms.questionnaire().sections:
        # A section's heading goes into its first question's block, so that a page never ends on a heading.
        opening = [heading(section.text(lang))]
        for fdef in section.fields:
            number += 1
            answer = proc.get(fdef.name) if proc is not None else None
            question = para(f"{number}. {text(fdef.text(lang))}", "question")
            block = [*opening, question, Spacer(1, 3), _answer(fdef, answer, blank, lang)]
            if sources and fdef.name in sources:
                block.append(para(f"<i>{text(sources[fdef.name])}</i>", "small"))
            block.append(Spacer(1, 8))
            story.append(KeepTogether(block))
            opening = []
    return story


def signed_meaning(meaning: str, lang: str) -> str:
    """The meaning exactly as it was signed; when that is the form's statement in another language, the
    statement in this document's language follows, marked as such (the signed words are never replaced)."""
    shown = text(meaning)
    for other in LANGUAGES:
        for defined in forms.questionnaire().extras["signature_meanings"]:
            if other != lang and meaning == defined[other]:
                language = word(f"language_{other}", lang)
                note = word("meaning_signed_in", lang, language=language, statement=defined[lang])
                return f"{shown}<br/><i>({text(note)})</i>"
    return shown


def _signature_block(ctx: QuestionnaireContext, lang: str) -> Story:
    words = labels(lang)
    width = content_width()
    story = [heading(words["signature"])]
    if ctx.blank:
        rows = [[words[key], ""] for key in ("printed_name", "date_time", "signature")]
        rows.append([words["meaning"], words["paper_meaning"]])
        return [*story, grid(rows, [width * 0.25, width * 0.75], header=False, row_height=30)]
    signature = ctx.signature
    if signature is None:
        return [*story, para(text(words["not_signed"]), "alert")]
    items = [
        (words["signed_electronically"], text(f"{signature.printed_name} ({signature.username})")),
        (words["date_time"], text(when(signature.signed_at, seconds=True))),
        (words["meaning"], signed_meaning(signature.meaning, lang)),
        (words["content_hash"], text(signature.content_hash)),
    ]
    return [*story, pairs(items, width), para(text(ctx.signature_state), "body" if ctx.signature_ok else "alert")]


def _identity(proc: Procedure | None, lang: str) -> list[tuple[str, str]]:
    words = labels(lang)
    day = derive.surgery_date(proc) if proc is not None else None
    return [
        (words["study_id"], proc.study_id if proc else ""),
        (words["centre"], proc.centre if proc else ""),
        (words["surgery_date"], day.isoformat() if day else ""),
        (words["form_version"], str(forms.questionnaire().version)),
    ]


def questionnaire_story(proc: Procedure | None, ctx: QuestionnaireContext, lang: str = "en") -> Story:
    form = forms.questionnaire()
    identity = [(label, text(value)) for label, value in _identity(proc, lang)]
    story = [heading(form.title[lang], "title"), pairs(identity, content_width(), row_height=22 if ctx.blank else None)]
    if ctx.blank:
        story.append(para(text(labels(lang)["instructions"]), "body"))
    story += _questions(proc, ctx.blank, lang, ctx.sources)
    story += _signature_block(ctx, lang)
    return story


def write_questionnaire(proc: Procedure | None, ctx: QuestionnaireContext, path: Path, lang: str = "en") -> Path:
    title = forms.questionnaire().title[lang]
    facts = [(label, value) for label, value in _identity(proc, lang)[:3] if value]
    running = Running(title, facts, lang, bool(proc and proc.demo), ctx.printed_at)
    subject = proc.study_id if proc else "blank"
    return build(path, questionnaire_story(proc, ctx, lang), running, subject=subject)
