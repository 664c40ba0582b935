"""Enrolment per centre: patients analysed and left out, lesions, and the span of surgery dates."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated

from .accuracy import confirmed_crlm

if TYPE_CHECKING:
    import pandas as pd


@dataclass(frozen=True)
class CentreEnrolment:
    """One centre's share of the trial."""

    centre: Annotated[str, "Centre code."]
    patients: Annotated[int, "Patients analysed."]
    lesions: Annotated[int, "Their lesions."]
    confirmed_crlm: Annotated[int, "Their resected lesions confirmed as CRLM."]
    first_surgery: Annotated[str | None, "Date of the first surgery analysed (YYYY-MM-DD); null when none is dated."]
    last_surgery: Annotated[str | None, "Date of the last surgery analysed (YYYY-MM-DD); null when none is dated."]


NO_CENTRE = "(none)"


def enrolment(patients: pd.DataFrame, lesions: pd.DataFrame) -> list[CentreEnrolment]:
    lesion_counts = lesions.groupby(lesions["centre"].fillna(NO_CENTRE)).size()
    crlm = lesions[confirmed_crlm(lesions)]
    crlm_counts = crlm.groupby(crlm["centre"].fillna(NO_CENTRE)).size()
    result = []
    for centre, group in patients.groupby(patients["centre"].fillna(NO_CENTRE), sort=True):
        dates = group["surgery_date"].dropna()
        result.append(
            CentreEnrolment(
                centre=str(centre),
                patients=len(group),
                lesions=int(lesion_counts.get(centre, 0)),
                confirmed_crlm=int(crlm_counts.get(centre, 0)),
                first_surgery=str(dates.min()) if len(dates) else None,
                last_surgery=str(dates.max()) if len(dates) else None,
            )
        )
    return result
