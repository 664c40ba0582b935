"""The developer's install (`pip install -e .`, as packaging/setup.sh runs it) says nothing to worry about.

setuptools warns about "folders named like the package" when it has to install a flat source tree through a
meta path finder; pyproject.toml's package-dir makes it a plain .pth file instead. Slow (a fresh virtual
environment, and pip fetching the build backend): `bash packaging/setup.sh test -m slow`.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def source_tree(tmp_path: Path) -> Path:
    """What the install reads, copied: an editable install writes its egg-info into the tree it installs."""
    tree = tmp_path / "source"
    tree.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, tree / name)
    shutil.copytree(ROOT / "mimic_desktop", tree / "mimic_desktop", ignore=shutil.ignore_patterns("__pycache__"))
    return tree


def test_the_editable_install_warns_of_nothing_and_puts_only_the_tree_on_the_path(tmp_path, source_tree):
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = venv / "bin" / "python"
    # setup.sh upgrades pip first; the pip that came with Python would hide what the build backend says.
    subprocess.run([str(python), "-m", "pip", "install", "-q", "--upgrade", "pip"], check=True, capture_output=True)
    installed = subprocess.run(
        [str(python), "-m", "pip", "install", "-q", "--no-deps", "-e", str(source_tree)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert installed.returncode == 0, installed.stderr
    said = [
        line
        for line in (installed.stdout + installed.stderr).splitlines()
        if not line.startswith("WARNING: Location ")  # this machine's pip configuration, not the project
        and "pip version" not in line  # pip's notice of its own newer version
    ]
    assert not any("arning" in line or "careful" in line for line in said), "\n".join(said)
    found = subprocess.run(
        [str(python), "-c", "import mimic_desktop; print(mimic_desktop.__file__)"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=True,
    )
    assert Path(found.stdout.strip()) == source_tree / "mimic_desktop" / "__init__.py"
