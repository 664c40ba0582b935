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
    assert set(found) == {"program", "forms", "PDF fonts", "data folder", "database", "video", "main window"}
    assert all(line.startswith("ok") for line in found.values())
    assert f"MIMIC Desktop {__version__}" in found["program"]
    assert "recorded incision" in found["main window"]
    assert "OpenCV" in found["video"] and "frames can be read and measured" in found["video"]
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


def test_an_installation_without_opencv_says_frames_cannot_be_read_and_passes(tmp_path):
    """A Python installation without the video extra: cv2 cannot be imported (a module in its place that fails
    to load, as a missing or broken OpenCV does)."""
    shadow = tmp_path / "shadow"
    shadow.mkdir()
    (shadow / "cv2.py").write_text("raise ImportError('no OpenCV here')\n", encoding="utf-8")
    result = check(PYTHONPATH=str(shadow))
    assert result.returncode == 0, result.stdout + result.stderr
    video = next(line for line in result.stdout.splitlines() if "video:" in line)
    assert video.startswith("ok") and "OpenCV is not installed" in video and "mimic-desktop[video]" in video
    assert "Traceback" not in result.stdout + result.stderr


def test_a_bundle_without_opencv_fails_the_video_check(monkeypatch):
    """The standalone bundle carries OpenCV: without it the build is broken, and the check says so."""
    from mimic_desktop.services import install_check

    monkeypatch.setattr(install_check, "bundled", lambda: True)
    monkeypatch.setitem(sys.modules, "cv2", None)  # import cv2 now fails, as in a bundle built without it
    result = install_check.finding("video", install_check._video)
    assert not result.ok
    assert result.line().startswith("FAIL") and "OpenCV" in result.line() and "not installed" in result.line()
    assert result.line("nl").startswith("FOUT  video: Voor het lezen van beelden is OpenCV nodig")
