"""The intraoperative timeline as a vector chart: one row for the procedure, one per lesion."""

from __future__ import annotations

from ..domain import forms
from ..domain.record import Event, Procedure
from ..domain.wording import say
from . import fonts
from .layout import Flowable

ROW_HEIGHT = 22.0
LABEL_WIDTH = 52.0
MARK_RADIUS = 5.0
LEGEND_ROW = 11.0
LEGEND_COLUMNS = 3
TRANSECTION_COLOUR = "#c9d6df"


def _colour(kind: str) -> str:
    """Each event's colour is declared with it in forms/events.json."""
    return forms.events()[kind].colour


def _tick_step(span_minutes: float) -> int:
    for step in (5, 10, 15, 30, 60):
        if span_minutes / step <= 12:
            return step
    return 120


def timeline_drawing(proc: Procedure, width: float, lang: str = "en") -> Flowable:
    """Minutes since incision across; events as lettered marks (the key used to log them), legend below."""
    from reportlab.graphics.shapes import Circle, Drawing, Line, Rect, String

    catalogue = forms.events()
    events = [e for e in proc.live_events() if catalogue[e.kind].chart]
    rows = [(say("Procedure", lang), None)] + [
        (say("Lesion {n}", lang, n=lesion.number), lesion.id) for lesion in proc.lesions
    ]
    kinds = list(dict.fromkeys(e.kind for e in events))
    legend_lines = -(-len(kinds) // LEGEND_COLUMNS)
    plot_height = ROW_HEIGHT * len(rows)
    axis_space = 34.0
    height = plot_height + axis_space + legend_lines * LEGEND_ROW + 6
    drawing = Drawing(width, height, initialFontName=fonts.REGULAR)
    if not events:
        return drawing
    origin = proc.first_event(forms.marking("surgery_start").kind) or events[0]
    span = max((events[-1].moment - origin.moment).total_seconds() / 60, 1.0)
    plot_left, plot_right = LABEL_WIDTH + MARK_RADIUS + 2, width - MARK_RADIUS - 2
    top = height

    def x_of(event: Event) -> float:
        minutes = (event.moment - origin.moment).total_seconds() / 60
        return plot_left + (plot_right - plot_left) * max(minutes, 0) / span

    row_index = {lesion_id: index for index, (_, lesion_id) in enumerate(rows)}
    for index, (label, _) in enumerate(rows):
        y = top - ROW_HEIGHT * (index + 0.5)
        if index % 2 == 0:
            drawing.add(
                Rect(
                    plot_left,
                    y - ROW_HEIGHT / 2,
                    plot_right - plot_left,
                    ROW_HEIGHT,
                    fillColor="#f4f6f8",
                    strokeColor=None,
                )
            )
        drawing.add(String(0, y - 3, label, fontName=fonts.REGULAR, fontSize=7.5))
    for lesion in proc.lesions:
        lesion_events = proc.lesion_events(lesion.id)
        start = next((e for e in lesion_events if catalogue[e.kind].marks == "transection_start"), None)
        end = next((e for e in lesion_events if catalogue[e.kind].marks == "transection_end"), None)
        if start and end:
            y = top - ROW_HEIGHT * (row_index[lesion.id] + 0.5)
            drawing.add(
                Rect(
                    x_of(start),
                    y - 4,
                    max(x_of(end) - x_of(start), 1),
                    8,
                    fillColor=TRANSECTION_COLOUR,
                    strokeColor=None,
                )
            )
    last_x: dict[int, float] = {}
    crowd: dict[int, int] = {}
    # An event naming several lesions (one specimen holding them) is marked on each lesion's row.
    marks = [(event, row_index.get(named, 0)) for event in events for named in (event.lesion_ids or (None,))]
    for event, index in marks:
        x = x_of(event)
        y = top - ROW_HEIGHT * (index + 0.5)
        # Marks closer than their width take turns above and below the row's midline.
        crowded = index in last_x and x - last_x[index] < 2 * MARK_RADIUS
        crowd[index] = crowd.get(index, 0) + 1 if crowded else 0
        if crowded:
            y += MARK_RADIUS * (1 if crowd[index] % 2 else -1)
        last_x[index] = x
        colour = _colour(event.kind)
        drawing.add(Circle(x, y, MARK_RADIUS, fillColor=colour, strokeColor="#ffffff", strokeWidth=0.6))
        key = catalogue[event.kind].key
        drawing.add(String(x, y - 2.3, key, fontName=fonts.BOLD, fontSize=6, fillColor="#ffffff", textAnchor="middle"))
    axis_y = top - plot_height - 4
    drawing.add(Line(plot_left, axis_y, plot_right, axis_y, strokeColor="#9aa7b1", strokeWidth=0.5))
    step = _tick_step(span)
    for minute in range(0, int(span) + 1, step):
        x = plot_left + (plot_right - plot_left) * minute / span
        drawing.add(Line(x, axis_y, x, axis_y - 3, strokeColor="#9aa7b1", strokeWidth=0.5))
        drawing.add(String(x, axis_y - 11, str(minute), fontName=fonts.REGULAR, fontSize=6.5, textAnchor="middle"))
    caption = say("minutes since incision", lang)
    drawing.add(String(plot_right, axis_y - 20, caption, fontName=fonts.REGULAR, fontSize=6.5, textAnchor="end"))
    column_width = width / LEGEND_COLUMNS
    for number, kind in enumerate(kinds):
        x = column_width * (number % LEGEND_COLUMNS)
        y = axis_y - axis_space + 4 - LEGEND_ROW * (number // LEGEND_COLUMNS)
        drawing.add(Circle(x + 4, y + 3, 4, fillColor=_colour(kind), strokeColor=None))
        drawing.add(
            String(
                x + 4,
                y + 1,
                catalogue[kind].key,
                fontName=fonts.BOLD,
                fontSize=5,
                fillColor="#ffffff",
                textAnchor="middle",
            )
        )
        drawing.add(String(x + 11, y, catalogue[kind].text(lang), fontName=fonts.REGULAR, fontSize=6.5))
    return drawing
