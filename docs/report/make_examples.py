"""Write the trial report of the synthetic cohort, render its pages to PNG in this folder, and refresh
the key reference and the list of methods in docs/trial-report.md.

Run from the repository: `python docs/report/make_examples.py` (needs pdftoppm from poppler-utils).
"""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

from mimic_desktop.analysis.keys import METHODS_END, METHODS_START, key_reference, methods_reference, replace_reference
from mimic_desktop.analysis.report import METHODS, TrialReport
from mimic_desktop.services.trial_report import synthetic_tables, trial_report, write_report_pdf

HERE = Path(__file__).resolve().parent
PAGE = HERE.parent / "trial-report.md"
RESOLUTION = "60"
STEM = "trial-report"


def main() -> None:
    report = trial_report(synthetic_tables(seed=1), "synthetic cohort, seed 1")
    page = replace_reference(PAGE.read_text(encoding="utf-8"), key_reference(TrialReport))
    page = replace_reference(page, methods_reference(METHODS), METHODS_START, METHODS_END)
    PAGE.write_text(page, encoding="utf-8")
    for old in HERE.glob(f"{STEM}-*.png"):
        old.unlink()
    with tempfile.TemporaryDirectory() as scratch:
        pdf = write_report_pdf(report, Path(scratch) / f"{STEM}.pdf")
        subprocess.run(["pdftoppm", "-r", RESOLUTION, "-png", str(pdf), str(HERE / STEM)], check=True)


if __name__ == "__main__":
    main()
