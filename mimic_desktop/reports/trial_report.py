"""The trial report as a PDF: the sections that services/report_layout.py describes, laid out on A4.

Nothing here words or computes a figure: each table, note and chart comes as it is shown in the
window as well (reports/report_blocks.py), in the language the report was described in.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ..domain.wording import say
from . import fonts
from .layout import Flowable, Running, Story, build, content_width, grid, heading, para, text
from .report_blocks import BarChart, Block, Note, RocChart, Section, Table
from .trial_charts import ROC_SIZE, drawing


def side_by_side(left: Flowable, right: Story) -> Flowable:
    """A figure with its explanation beside it."""
    from reportlab.platypus import Table as Grid
    from reportlab.platypus import TableStyle

    width = content_width()
    table = Grid([[left, right]], colWidths=[ROC_SIZE + 10, width - ROC_SIZE - 10], hAlign="LEFT")
    style = [("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR), ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]
    table.setStyle(TableStyle([*style, ("LEFTPADDING", (0, 0), (0, 0), 0)]))
    return table


def table_flowable(table: Table) -> Flowable:
    width = content_width()
    shares = table.widths or [1 / len(table.headers)] * len(table.headers)
    widths = [width * share for share in shares]
    if table.show_header:
        return grid([list(table.headers), *map(list, table.rows)], widths)
    return grid([[para(text(row[0]), "head"), *row[1:]] for row in table.rows], widths, header=False)


def blocks_story(blocks: Sequence[Block]) -> Story:
    """Each block in order; a ROC curve stands beside the note that follows it."""
    story: Story = []
    index = 0
    while index < len(blocks):
        block = blocks[index]
        if isinstance(block, Table):
            story.append(table_flowable(block))
        elif isinstance(block, Note):
            story.append(para(text(block.text), "small"))
        elif isinstance(block, RocChart):
            beside = blocks[index + 1] if index + 1 < len(blocks) else None
            explained = [para(text(beside.text), "small")] if isinstance(beside, Note) else []
            story.append(side_by_side(drawing(block, ROC_SIZE), explained))
            index += 1 if explained else 0
        else:
            if isinstance(block, BarChart):
                story.append(para(text(block.title), "head"))
            story.append(drawing(block, content_width() * (0.8 if isinstance(block, BarChart) else 1)))
        index += 1
    return story


def report_story(title: str, sections: Sequence[Section]) -> Story:
    """Each section kept on one page where it fits."""
    from reportlab.platypus import KeepTogether

    story: Story = [heading(title, "title")]
    for section in sections:
        story.append(KeepTogether([heading(section.heading), *blocks_story(section.blocks)]))
    return story


def write_trial_report(
    title: str, sections: Sequence[Section], facts: Sequence[tuple[str, str]], path: Path, lang: str
) -> Path:
    running = Running(say("Trial report", lang), facts, lang)
    return build(path, report_story(title, sections), running, subject=say("MIMIC trial report", lang))
