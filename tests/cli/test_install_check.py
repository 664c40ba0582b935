"""`mimic-desktop check-install`, as hospital IT runs it after installing: plain lines, an exit code."""

from __future__ import annotations

import os
import subprocess
import sys

from mimic_desktop import __version__
from mimic_desktop.services import paths

CHECK = [sys.executable, "-m", "mimic_desktop.cli.main", "check-install"]


def check(**env: str) -> subprocess.CompletedProcess:
    return subprocess.run(CHECK, capture_output=True, text=True, env=os.environ | env, timeout=120)


def test_a_working_installation_passes_every_check_without_touching_real_data():
    result = check()
    lines = result.stdout.strip().splitlines()
    assert result.returncode == 0, result.stdout + result.stderr
    assert lines[-1] == "Installation OK."
    found = {line.split(":")[0].split(maxsplit=1)[1]: line for line in lines[:-1]}
    assert set(found) == {"program", "forms", "PDF fonts", "data folder", "database", "main window"}
    assert all(line.startswith("ok") for line in found.values())
    assert f"MIMIC Desktop {__version__}" in found["program"]
    assert "recorded incision" in found["main window"]
    # The practice database lived in a temporary folder: the data folder holds no database, no leftovers.
    assert list(paths.data_dir().iterdir()) == []


def test_missing_forms_fail_in_plain_words_and_exit_non_zero(tmp_path):
    empty = tmp_path / "no-forms"
    empty.mkdir()
    result = check(MIMIC_FORMS_DIR=str(empty), MIMIC_DEVELOPMENT="1")
    assert result.returncode == 1
    forms_line = next(line for line in result.stdout.splitlines() if "forms:" in line)
    assert forms_line.startswith("FAIL") and "crf.json" in forms_line
    assert "FAILED" in result.stdout.splitlines()[-1]
    assert "Traceback" not in result.stdout + result.stderr
