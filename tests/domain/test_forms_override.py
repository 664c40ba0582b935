"""Only the shipped form definitions are used: MIMIC_FORMS_DIR is refused in a normal run, in plain words."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from mimic_desktop.domain import forms


@pytest.fixture
def other_forms(tmp_path):
    folder = tmp_path / "forms"
    shutil.copytree(forms.forms_dir(), folder)
    return folder


def test_other_form_definitions_are_refused_without_the_development_switch(other_forms, monkeypatch):
    monkeypatch.setenv("MIMIC_FORMS_DIR", str(other_forms))
    monkeypatch.delenv("MIMIC_DEVELOPMENT", raising=False)
    with pytest.raises(forms.FormsOverrideRefused, match="works only with the form definitions it ships with"):
        forms.forms_dir()
    monkeypatch.setenv("MIMIC_DEVELOPMENT", "1")
    assert forms.forms_dir() == other_forms


@pytest.mark.parametrize("command", [["init", "--user", "anna.coord", "--name", "Anna"], ["verify"]])
def test_a_command_run_with_other_forms_refuses_in_one_plain_line_and_writes_nothing(other_forms, tmp_path, command):
    db = tmp_path / "mimic.sqlite"
    env = {k: v for k, v in os.environ.items() if k != "MIMIC_DEVELOPMENT"}
    env |= {"MIMIC_FORMS_DIR": str(other_forms), "MIMIC_PASSWORD": "correct horse"}
    result = subprocess.run(
        [sys.executable, "-m", "mimic_desktop.cli.main", command[0], "--db", str(db), *command[1:]],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 2, result.stdout + result.stderr
    assert result.stderr.startswith("error: MIMIC_FORMS_DIR is set to") and "Traceback" not in result.stderr
    assert "Haal MIMIC_FORMS_DIR uit de omgeving" in result.stderr
    assert not db.exists()
