"""The results as a printed table and as docs/benchmarks.md."""

from __future__ import annotations

import os
import platform
import sqlite3
import sys
from collections.abc import Sequence
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path

from .core import Row

HEADERS = ("Benchmark", "MIMIC", "Baseline", "Ratio", "Aim", "Verdict")


def amount(value: float | None, unit: str) -> str:
    if value is None:
        return "-"
    if unit == "s":
        if value < 0.01:
            return f"{value * 1000:.2f} ms"
        return f"{value * 1000:.1f} ms" if value < 1 else f"{value:.2f} s"
    if unit == "bytes":
        return f"{value / 2**20:.1f} MB"
    return f"{value:,.0f} {unit}"


def cells(row: Row) -> tuple[str, ...]:
    ratio = row.ratio
    return (
        row.measure.title,
        amount(row.value, row.measure.unit) if row.status == "ok" else row.status,
        amount(row.baseline, row.measure.unit) if row.status == "ok" else "-",
        f"{ratio:.2f}×" if ratio is not None else "-",
        row.measure.aim.text if row.measure.aim else "-",
        row.verdict,
    )


def table(rows: Sequence[Row]) -> str:
    """A plain-text table for the terminal, followed by what each figure is."""
    lines = [cells(row) for row in rows]
    widths = [max(len(str(line[i])) for line in (HEADERS, *lines)) for i in range(len(HEADERS))]
    render = ["  ".join(text.ljust(width) for text, width in zip(line, widths, strict=True)) for line in lines]
    header = "  ".join(text.ljust(width) for text, width in zip(HEADERS, widths, strict=True))
    notes = [f"- {row.measure.title}: {row.note or row.statistic}" for row in rows]
    return "\n".join([header, "-" * len(header), *render, "", *notes])


def environment() -> list[tuple[str, str]]:
    def version(package: str) -> str:
        try:
            return metadata.version(package)
        except metadata.PackageNotFoundError:
            return "not installed"

    cpu = platform.processor() or platform.machine()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        names = [line.split(":", 1)[1].strip() for line in cpuinfo.read_text().splitlines() if "model name" in line]
        cpu = names[0] if names else cpu
    return [
        ("Machine", f"{cpu}, {os.cpu_count()} logical cores, {platform.system()} {platform.release()}"),
        ("Python", sys.version.split()[0]),
        ("SQLite", sqlite3.sqlite_version),
        ("PySide6", version("PySide6-Essentials")),
        ("reportlab", version("reportlab")),
        ("pandas", version("pandas")),
    ]


def markdown(
    rows: Sequence[Row],
    *,
    command: str,
    seconds: float,
    methods: Sequence[tuple[str, str]],
    load: tuple[float, ...] | None = None,
) -> str:
    """The whole docs/benchmarks.md: how to run it, where it ran, the results, how each is measured."""

    def line(values: Sequence[str]) -> str:
        return "| " + " | ".join(value.replace("|", "\\|") for value in values) + " |"

    out = [
        "# Benchmarks",
        "",
        f"Produced by `{command}`, run from the repository root. The full run is `python -m bench`;",
        "`python -m bench --quick` is a short run with smaller sizes and fewer repetitions.",
        "Every figure is set against a baseline measured in the same run on the same machine;",
        "the ratio says how many times the baseline's cost the application's figure is",
        "(for a throughput, the baseline's rate divided by the application's).",
        "The benchmarks report; they do not fail a build.",
        "",
        f"Run on {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, taking {seconds:.0f} s.",
        "",
        *(f"- {name}: {value}" for name, value in environment()),
        *(
            [f"- Load average when the run began (1, 5, 15 minutes): {', '.join(f'{x:.2f}' for x in load)}"]
            if load
            else []
        ),
        "",
        "## Results",
        "",
        line((*HEADERS, "Measured")),
        line(["---"] * (len(HEADERS) + 1)),
        *(line((*cells(row), row.note or row.statistic)) for row in rows),
        "",
        "## How each figure is measured",
        "",
    ]
    for title, text in methods:
        out += [f"### {title}", "", text.strip(), ""]
    return "\n".join(out) + "\n"
