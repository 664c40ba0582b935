"""A record's audit trail as a PDF a monitor files: the changes, then the refused attempts apart."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from ..domain.record import Procedure
from .layout import Story, build, content_width, grid, heading, para, text
from .summary import running

TITLES = {
    "en": ("Audit trail of the record", "Changes", "Refused attempts", "None."),
    "nl": ("Audittrail van het dossier", "Wijzigingen", "Geweigerde pogingen", "Geen."),
}
# Entry, when, who, what, old, new, reason: the values get the room.
WIDTHS = (0.06, 0.14, 0.14, 0.18, 0.17, 0.17, 0.14)


def write_history_pdf(
    proc: Procedure,
    header: Sequence[str],
    changes: Sequence[Sequence[str]],
    refused: Sequence[Sequence[str]],
    path: Path,
    lang: str = "en",
    printed_at: datetime | None = None,
) -> Path:
    """header names the seven columns; changes and refused hold one row of seven texts per audit row."""
    title, changes_title, refused_title, none = TITLES["nl" if lang == "nl" else "en"]
    widths = [content_width() * share for share in WIDTHS]
    story: Story = [heading(title, "title")]
    for part, rows in ((changes_title, changes), (refused_title, refused)):
        # Not a heading that keeps with what follows: a long trail's table starts under it and runs on.
        story.append(para(f"<b>{text(part)}</b>", "body"))
        if rows:
            story.append(grid([list(header), *[list(row) for row in rows]], widths, cell_style="narrow"))
        else:
            story.append(para(text(none)))
    return build(path, story, running(proc, title, lang, printed_at), subject=proc.study_id)
