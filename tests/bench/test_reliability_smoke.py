"""The reliability report runs end to end in quick mode: every requirement is tried, measured and held."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
PARTS = {
    "Killing the app": ["| acknowledged events lost | 0 |", "| integrity_check ok after a kill | 2 of 2 |"],
    "Storage faults and damaged databases": [
        "is in use by another program (it is locked)",
        "is full, so this change was not saved",
        "is read-only, so this change was not saved",
        "| damaged file detected at start, backup offered | yes |",
        "| the first sign-in of the day (signed in twice that day) | 1 | daily | yes |",
    ],
    "Backups, restores and a moved database": [
        "| of those, failing the check (partial or empty) | 0 |",
        "| kills after which the path held no usable database | 0 |",
        "| moved | 25 | yes | 25 of 25 | 0 |",
        "| deleted | 25 | yes | 25 of 25 | 0 |",
    ],
    "Malformed and hostile session files": ["| mutated files imported | 300 |", "| a zip bomb whose headers lie |"],
    "Tamper evidence": ["| the record with one-line PDFs |", "| one row deleted |"],
    "Verify and bounds": [
        "| the update trigger dropped | yes |",
        "| against a session file | found | 1 |",
        "| strike 99999999999999999999 | 2 | yes |",
    ],
    "No direct identifiers in exported files": ["| identifiers found in the files of clean records | 0 |"],
    "Roles and locks": [
        "| attempts | 32 |",
        "| refused with a message, data unchanged, logged once with that message | 32 |",
    ],
}


def test_quick_run_tries_every_requirement_and_writes_the_report(tmp_path):
    output = tmp_path / "reliability.md"
    result = subprocess.run(
        [sys.executable, "-m", "bench.reliability", "--quick", "--output", str(output)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=540,
    )
    assert result.returncode == 0, result.stdout + result.stderr[-3000:]
    document = output.read_text(encoding="utf-8")
    assert document.startswith("# Reliability\n\nProduced by `python -m bench.reliability --quick`")
    assert f"**{len(PARTS)} of {len(PARTS)} requirements held.**" in document
    for title, figures in PARTS.items():
        assert re.search(rf"^\| \[{re.escape(title)}\]\(#[a-z-]+\) \| yes \|", document, re.MULTILINE), title
        section = document.split(f"## {title}\n", 1)[1].split("\n## ", 1)[0]
        for figure in figures:
            assert figure in section, f"{title}: {figure}"
    assert "mimic-reliability-" not in document, "the run's temporary folder is not named"
