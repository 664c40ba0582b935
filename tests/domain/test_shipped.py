"""Shipped files (forms, themes, translations, PDF fonts) are found in the source tree and inside the bundle."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from mimic_desktop.domain import forms, shipped
from mimic_desktop.reports import fonts
from mimic_desktop.ui import resources

ROOT = Path(__file__).resolve().parents[2]


def test_from_the_source_tree_everything_comes_from_the_repository(monkeypatch):
    monkeypatch.delenv("MIMIC_FORMS_DIR", raising=False)
    assert not shipped.bundled()
    assert shipped.installed_at() == ROOT
    assert forms.forms_dir() == ROOT / "forms"
    assert resources.resources_dir() == ROOT / "resources"
    assert fonts.font_dirs()[0] == ROOT / "resources" / "fonts"


@pytest.fixture
def frozen(monkeypatch, tmp_path):
    """What PyInstaller's boot loader sets: sys.frozen, the unpacked folder, the executable in the install folder."""
    install = tmp_path / "mimic-desktop"
    unpacked = install / "_internal"
    unpacked.mkdir(parents=True)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(unpacked), raising=False)
    monkeypatch.setattr(sys, "executable", str(install / "mimic-desktop"))
    monkeypatch.delenv("MIMIC_FORMS_DIR", raising=False)
    return install, unpacked


def test_inside_the_bundle_nothing_comes_from_the_source_tree(frozen):
    install, unpacked = frozen
    assert shipped.bundled()
    assert shipped.installed_at() == install
    assert forms.forms_dir() == unpacked / "forms"
    assert resources.resource("themes", "dark.qss") == unpacked / "resources" / "themes" / "dark.qss"
    assert fonts.font_dirs()[0] == unpacked / "resources" / "fonts"
