"""Refresh the catalogues from the interface's source and compile them for the app.

Run after changing any text in mimic_desktop/ui: `python packaging/update_translations.py`.
lupdate keeps the translations already in resources/translations/mimic_nl.ts, adds new texts as
unfinished (translate them with pyside6-linguist or an editor), and drops texts no longer used;
lrelease then writes the mimic_nl.qm the app loads. English is the source language: mimic_en.ts
holds only the texts with a count (tr(text, "", n)), whose singular and plural forms it gives.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
UI = ROOT / "mimic_desktop" / "ui"
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("en", "nl")
# English needs only the plural forms of counted texts; every other English text is its source.
LUPDATE_OPTIONS = {"en": ["-pluralonly"], "nl": []}


def tool(name: str) -> str:
    """The Qt tool installed with PySide6 next to this Python, else the one on PATH."""
    beside = Path(sys.executable).with_name(name)
    found = str(beside) if beside.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: install PySide6 in this environment")
    return found


def sources() -> list[str]:
    return sorted(str(path.relative_to(ROOT)) for path in UI.rglob("*.py"))


def lupdate_command(lang: str, ts: Path) -> list[str]:
    return [tool("pyside6-lupdate"), *sources(), "-no-obsolete", *LUPDATE_OPTIONS[lang], "-ts", str(ts)]


def update(lang: str, ts: Path) -> None:
    subprocess.run(lupdate_command(lang, ts), cwd=ROOT, check=True)


def release(ts: Path, qm: Path) -> None:
    subprocess.run([tool("pyside6-lrelease"), str(ts), "-qm", str(qm)], cwd=ROOT, check=True)


def main() -> int:
    for lang in LANGUAGES:
        ts = TRANSLATIONS / f"mimic_{lang}.ts"
        update(lang, ts)
        release(ts, ts.with_suffix(".qm"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
