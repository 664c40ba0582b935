"""The trial report tells a plane or cavity recorded clear from one with nothing recorded, and counts the operations
converted to open surgery."""

from __future__ import annotations

import itertools

import pandas as pd

from mimic_desktop.analysis.report import build_report
from mimic_desktop.exchange import flat
from mimic_desktop.services.synthetic_cohort import synthetic_cohort


def test_the_report_tells_clear_from_not_recorded_and_counts_conversions():
    records = list(itertools.islice(synthetic_cohort(seed=3), 12))
    procedures = pd.DataFrame([flat.procedure_row(proc) for proc in records])
    lesions = pd.DataFrame([row for proc in records for row in flat.lesion_rows(proc)])
    complications = pd.DataFrame(
        [row for proc in records for row in flat.complication_rows(proc)],
        columns=[c.name for c in flat.complication_columns()],
    )
    report = build_report(procedures, lesions, complications)
    found = report["intraoperative"]
    crlm = found["crlm_resections"]
    assert crlm > 0
    assert found["plane"]["not_recorded"] == 0, "the cohort records the plane of every resection"
    assert found["plane"]["fluorescent"] + found["plane"]["clear"] == crlm
    # Tables written before the plane and cavity had explicit findings (or that leave them out): not recorded.
    older = lesions.drop(columns=["plane_fluorescence", "cavity_fluorescent"])
    before = build_report(procedures.drop(columns=["converted_to_open"]), older, complications)["intraoperative"]
    assert before["plane"] == {"fluorescent": 0, "clear": 0, "not_recorded": crlm}
    assert before["cavity"]["not_recorded"] == crlm
    converted = procedures.assign(converted_to_open=[True] + [False] * (len(procedures) - 1))
    assert build_report(converted, lesions, complications)["intraoperative"]["conversions"]["count"] == 1
