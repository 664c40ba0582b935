"""Hand-made flat tables (the columns of exchange/flat.py), small enough to work the report out by hand."""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd

from mimic_desktop.analysis.report import build_report
from mimic_desktop.exchange import flat

PROCEDURES = [c.name for c in flat.procedure_columns()]
LESIONS = [c.name for c in flat.lesion_columns()]
COMPLICATIONS = [c.name for c in flat.complication_columns()]


def procedure(number: int, centre: str = "01", **values) -> dict:
    """A complete procedure; surgery dates follow the number, so number n is the centre's n-th."""
    row = dict.fromkeys(PROCEDURES)
    row |= {
        "session_id": f"session-{centre}-{number:03d}",
        "study_id": f"MIM-{centre}-{number:03d}",
        "centre": centre,
        "status": "complete",
        "demo": False,
        "surgery_date": (date(2020, 1, 1) + timedelta(days=number)).isoformat(),
        "neoadjuvant_chemo": False,
        "management_changed": False,
        "mc_plane_adapted": 0,
        "mc_cavity_reresection": 0,
        "mc_occult_extended": 0,
    }
    return row | values


def lesion(proc: dict, *, fluorescent: bool | None = False, r1: str | None = None, **values) -> dict:
    """A resected CRLM of the procedure; r1 is None for R0, or "vascular" / "parenchymal"."""
    status = "R1" if r1 else "R0"
    row = dict.fromkeys(LESIONS)
    row |= {
        "session_id": proc["session_id"],
        "study_id": proc["study_id"],
        "centre": proc["centre"],
        "treatment": "resection",
        "histology": "crlm",
        "source": "imaging",
        "specimen_fluorescent": fluorescent,
        "margin_mm": 0.0 if r1 else 5.0,
        "r_status": status,
        "final_r_status": status,
        "r1_type": r1,
        "plane_adapted": False,
        "extended_resection": False,
    }
    return row | values


def complication(proc: dict, grade: str, late: bool = False) -> dict:
    row = dict.fromkeys(COMPLICATIONS)
    return row | {"session_id": proc["session_id"], "clavien_dindo": grade, "late": late}


def frames(procedures: list[dict], lesions: list[dict], complications: list[dict] = ()) -> tuple[pd.DataFrame, ...]:
    return (
        pd.DataFrame(procedures, columns=PROCEDURES),
        pd.DataFrame(lesions, columns=LESIONS),
        pd.DataFrame(list(complications), columns=COMPLICATIONS),
    )


def report(procedures: list[dict], lesions: list[dict], complications: list[dict] = ()) -> dict:
    return build_report(*frames(procedures, lesions, complications), source="hand-made")
