"""The benchmark suite runs end to end in quick mode and reports every figure it promises."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from bench.__main__ import suite

REPO = Path(__file__).resolve().parents[2]
FIGURE = re.compile(r"^[\d,.]+ (ms|s|MB|files/s)$")


def titles() -> list[str]:
    return [measure.title for module in suite() for measure in module.MEASURES]


def test_quick_run_prints_the_table_and_writes_every_row(tmp_path):
    output = tmp_path / "benchmarks.md"
    result = subprocess.run(
        [sys.executable, "-m", "bench", "--quick", "--output", str(output)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=540,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    document = output.read_text(encoding="utf-8")
    table_rows = {
        line.split(" | ")[0].removeprefix("| "): line for line in document.splitlines() if line.startswith("| ")
    }
    for title in titles():
        assert title in result.stdout, f"{title} missing from the printed table"
        assert title in table_rows, f"{title} missing from {output.name}"
        cells = [cell.strip() for cell in table_rows[title].strip("|").split(" | ")]
        mimic, baseline = cells[1], cells[2]
        # Each row holds two measured figures, or says plainly that its component is not there yet.
        assert (FIGURE.match(mimic) and FIGURE.match(baseline)) or mimic == "not available", table_rows[title]
    assert "python -m bench --quick" in document


def test_every_benchmark_explains_its_method():
    for module in suite():
        assert module.__doc__ and module.METHOD.strip(), module.__name__
        assert module.MEASURES, module.__name__
