"""The A4 page template shared by every PDF: styles, running header, 'page x of y', tables."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from .. import APP_NAME, __version__
from ..domain.clock import from_iso
from . import fonts
from .wording import word

# reportlab ships no type information: a Paragraph, Table, Drawing or other flowable is an Any to the checker.
Flowable = Any
Story = list[Flowable]

MARGIN = 42.0  # points; about 15 mm
HEADER_SPACE = 30.0
INK = "#1d2b36"
RULE = "#9aa7b1"
SHADE = "#e9eef2"
ALERT = "#b3261e"
DEMO_MARK = "DEMO"
CELL_PADDING = 3.0
# A longer run of characters without a space is a code (a hash, a file path), not a word: it may break anywhere.
CODE_LENGTH = 30
# Words of letters joined by hyphens, perhaps in brackets or followed by punctuation: reportlab breaks these
# after a hyphen when the whole word does not fit (embeddedHyphenation), and nowhere else.
HYPHENATED = re.compile(r"[(\[\"']*[^\W\d_]+(?:-[^\W\d_]+)+[)\]\"'.,;:!?]*")
# Where a line may break: reportlab's white space, except the no-break space.
BREAKS = re.compile(r"[^\S\xa0]+")


def when(iso: str | None, seconds: bool = False) -> str:
    """A stored UTC timestamp as local date and time with the zone, so a reader elsewhere is not misled."""
    if not iso:
        return ""
    moment = from_iso(iso).astimezone()
    return moment.strftime("%Y-%m-%d %H:%M:%S %Z" if seconds else "%Y-%m-%d %H:%M %Z").strip()


def text(value: object) -> str:
    """Free text made safe for a Paragraph; line breaks kept."""
    return escape(str(value)).replace("\n", "<br/>")


@cache
def styles() -> dict[str, Any]:
    from reportlab.lib.styles import ParagraphStyle

    base = fonts.register()
    # A hyphenated word that does not fit breaks after its hyphen rather than mid-word.
    body = ParagraphStyle("body", fontName=base, fontSize=9, leading=11.5, textColor=INK, embeddedHyphenation=1)
    return {
        "body": body,
        "small": ParagraphStyle("small", parent=body, fontSize=7.5, leading=9.5),
        "cell": ParagraphStyle("cell", parent=body, fontSize=8, leading=10),
        "head": ParagraphStyle("head", parent=body, fontName=fonts.BOLD, fontSize=8, leading=10),
        "narrow_head": ParagraphStyle("narrow_head", parent=body, fontName=fonts.BOLD, fontSize=7, leading=8.5),
        "narrow": ParagraphStyle("narrow", parent=body, fontSize=7.5, leading=9),
        "boxes": ParagraphStyle("boxes", parent=body, fontSize=10, leading=14),
        "title": ParagraphStyle("title", parent=body, fontName=fonts.BOLD, fontSize=15, leading=19, spaceAfter=6),
        "h2": ParagraphStyle(
            "h2",
            parent=body,
            fontName=fonts.BOLD,
            fontSize=11,
            leading=14,
            spaceBefore=10,
            spaceAfter=4,
            keepWithNext=1,
        ),
        "question": ParagraphStyle(
            "question", parent=body, fontName=fonts.BOLD, fontSize=10, leading=13, spaceBefore=4, keepWithNext=1
        ),
        "alert": ParagraphStyle("alert", parent=body, fontName=fonts.BOLD, textColor=ALERT),
    }


def para(content: str, style: str = "cell") -> Flowable:
    from reportlab.platypus import Paragraph

    return Paragraph(content, styles()[style])


def heading(content: str, style: str = "h2") -> Flowable:
    return para(text(content), style)


def grid(
    rows: Sequence[Sequence[Any]],
    widths: Sequence[float],
    header: bool = True,
    header_style: str = "head",
    cell_style: str = "cell",
    row_height: float | None = None,
) -> Flowable:
    """A table whose cells wrap at word boundaries (strings become Paragraphs); the header row repeats on each page.

    Each column is made at least as wide as its longest word (see fitted_widths), within the table's total width.
    """
    from reportlab.platypus import Table, TableStyle

    cells = [
        [para(text(c), header_style if header and i == 0 else cell_style) if isinstance(c, str) else c for c in row]
        for i, row in enumerate(rows)
    ]
    heights = [row_height] * len(cells) if row_height else None
    table = Table(
        cells,
        colWidths=fitted_widths(cells, widths),
        rowHeights=heights,
        repeatRows=1 if header else 0,
        hAlign="LEFT",
    )
    commands = [
        ("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.3, RULE),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
    if header:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), SHADE))
    table.setStyle(TableStyle(commands))
    return table


def unbreakable(content: str) -> list[str]:
    """The pieces of a text that a line cannot break inside: its words, a hyphenated word split after each hyphen.

    Codes longer than CODE_LENGTH are left out: they break anywhere.
    """
    pieces: list[str] = []
    for run in BREAKS.split(content):
        pieces += re.findall(r"[^-]*-|[^-]+$", run) if HYPHENATED.fullmatch(run) else [run]
    return [piece for piece in pieces if piece and len(piece) <= CODE_LENGTH]


def longest_word(cell: object) -> float:
    """The width of the widest piece of a Paragraph's text that cannot break, in its own font; 0 for others."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    widths = [
        stringWidth(piece, frag.fontName, frag.fontSize)
        for frag in getattr(cell, "frags", ())
        for piece in unbreakable(getattr(frag, "text", ""))
    ]
    return max(widths, default=0.0)


def fitted_widths(cells: Sequence[Sequence[Any]], widths: Sequence[float]) -> list[float]:
    """Column widths near those asked for in which every column holds its longest word.

    A column whose word does not fit is widened, and the width it takes comes from the columns with room to
    spare, in proportion to their room, so the table keeps its total width. Only when the words together
    are wider than the table do they share it out in proportion to their width (and then break).
    """
    need = [0.0] * len(widths)
    for row in cells:
        for column, cell in enumerate(row):
            need[column] = max(need[column], longest_word(cell) + 2 * CELL_PADDING + 0.5)
    total = sum(widths)
    wanted = [max(width, needed) for width, needed in zip(widths, need, strict=True)]
    excess = sum(wanted) - total
    if excess <= 0:
        return wanted
    room = [width - needed for width, needed in zip(wanted, need, strict=True)]
    if sum(room) < excess:
        return [needed * total / sum(need) for needed in need]
    return [width - excess * spare / sum(room) for width, spare in zip(wanted, room, strict=True)]


def pairs(items: Sequence[tuple[str, str]], width: float, row_height: float | None = None) -> Flowable:
    """Label and value pairs, two pairs to a row; values wrap, never cut."""
    rows = []
    for start in range(0, len(items), 2):
        row = []
        for label, value in items[start : start + 2]:
            row += [para(text(label), "head"), para(value)]
        rows.append(row + [""] * (4 - len(row)))
    return grid(rows, [width * 0.2, width * 0.3, width * 0.2, width * 0.3], header=False, row_height=row_height)


def content_width() -> float:
    from reportlab.lib.pagesizes import A4

    return float(A4[0]) - 2 * MARGIN


@dataclass(frozen=True)
class Running:
    """What every page repeats: the document title, the record it belongs to, the print time."""

    title: str
    facts: Sequence[tuple[str, str]]
    lang: str
    demo: bool = False
    printed_at: datetime | None = None


def _canvas_maker(running: Running) -> Callable[..., Any]:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    class NumberedCanvas(Canvas):  # type: ignore[misc]  # reportlab ships no type information
        """Holds each page back until the end, so every page can say how many there are."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._held: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._held.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._held)
            for number, state in enumerate(self._held, start=1):
                self.__dict__.update(state)
                _decorate(self, running, number, total, A4)
                super().showPage()
            super().save()

    return NumberedCanvas


def _decorate(canvas: Any, running: Running, number: int, total: int, pagesize: tuple[float, float]) -> None:
    width, height = pagesize
    top = height - MARGIN + 14
    canvas.saveState()
    canvas.setFillColor(INK)
    canvas.setFont(fonts.BOLD, 10)
    canvas.drawString(MARGIN, top, f"MIMIC · {running.title}")
    facts = "   ".join(f"{label}: {value}" for label, value in running.facts)
    canvas.setFont(fonts.REGULAR, 8)
    canvas.drawString(MARGIN, top - 11, facts)
    if running.demo:
        _demo_mark(canvas, running.lang, width, height, top)
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.5)
    canvas.line(MARGIN, top - 16, width - MARGIN, top - 16)
    canvas.line(MARGIN, MARGIN - 8, width - MARGIN, MARGIN - 8)
    canvas.setFont(fonts.REGULAR, 7.5)
    footer = word("version", running.lang, app=APP_NAME, version=__version__)
    if running.printed_at:
        printed = running.printed_at.astimezone().strftime("%Y-%m-%d %H:%M %Z").strip()
        footer += "   " + word("printed", running.lang, when=printed)
    canvas.drawString(MARGIN, MARGIN - 20, footer)
    canvas.drawRightString(width - MARGIN, MARGIN - 20, word("page", running.lang, page=number, pages=total))
    canvas.restoreState()


def _demo_mark(canvas: Any, lang: str, width: float, height: float, top: float) -> None:
    """A practice record says so on every page: in the header and across the page, behind nothing it hides."""
    canvas.saveState()
    canvas.setFillColor(ALERT)
    canvas.setFont(fonts.BOLD, 8)
    canvas.drawRightString(width - MARGIN, top, word("demo", lang))
    canvas.setFillAlpha(0.13)
    canvas.setFont(fonts.BOLD, 120)
    canvas.translate(width / 2, height / 2)
    canvas.rotate(55)
    canvas.drawCentredString(0, -40, DEMO_MARK)
    canvas.restoreState()


def build(path: Path, story: Story, running: Running, subject: str) -> Path:
    """Write the story to an A4 PDF with the running header and footer on every page."""
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate

    fonts.register()
    path = Path(path)
    doc = SimpleDocTemplate(
        str(path),
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN + HEADER_SPACE - 14,
        bottomMargin=MARGIN,
        title=running.title,
        author=APP_NAME,
        subject=subject,
        creator=f"{APP_NAME} {__version__}",
        lang=running.lang,
        # Otherwise every page starts by naming Helvetica, a font that is not embedded.
        initialFontName=fonts.REGULAR,
    )
    doc.build(story, canvasmaker=_canvas_maker(running))
    return path
