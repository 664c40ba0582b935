"""The PDF procedure summary of a ten-lesion procedure, against a minimal one-page reportlab PDF."""

from __future__ import annotations

from pathlib import Path

from . import workspace
from .core import Aim, Clocks, Context, Measure, Row, median, require, timed

METHOD = """
`write_summary_pdf` is timed, in the benchmark's own process, on a finished ten-lesion record
recorded through the service layer, from loading the record to the file being written. The
first call (which pays for importing reportlab and registering fonts) is reported apart; the
figure is the median wall-clock time of the calls after it (the note adds their CPU time). The
baseline writes a one-page A4 PDF with one line
of text with reportlab's canvas, after its own warm-up call, the same number of times.
"""

SUMMARY = Measure(
    "pdf_summary",
    "PDF summary of a ten-lesion procedure",
    "s",
    "minimal one-page reportlab PDF",
    Aim("< 0.5 s", 0.5),
)
MEASURES = (SUMMARY,)


def bare_pdf(path: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    page = canvas.Canvas(str(path), pagesize=A4)
    page.drawString(72, 770, "Procedure summary")
    page.showPage()
    page.save()


def run(ctx: Context) -> list[Row]:
    documents = require("mimic_desktop.services.documents", "write_summary_pdf")
    laptop = workspace.local(ctx)
    proc_id = workspace.procedure(ctx, 10)
    folder = ctx.folder("pdf")
    repetitions = ctx.settings.repetitions * 2

    def summary(number: int) -> None:
        documents.write_summary_pdf(laptop.service, proc_id, folder / f"summary-{number}.pdf")

    first = timed(lambda: summary(0))
    bare_pdf(folder / "bare-0.pdf")
    app, bare = Clocks(), Clocks()
    for number in range(1, repetitions + 1):
        app.time(lambda n=number: summary(n))
        bare.time(lambda n=number: bare_pdf(folder / f"bare-{n}.pdf"))
    note = f"median of {repetitions} after a first call of {first:.2f} s; CPU time {median(app.cpu) * 1000:.0f} ms (median)"
    return [Row(SUMMARY, median(app.wall), median(bare.wall), note)]
