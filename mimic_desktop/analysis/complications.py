"""Complications within 90 days per patient, by the worst Clavien-Dindo grade (planned readmissions are
not recorded as complications; those starting after 90 days are left out)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated

from ..domain import forms
from ..domain.wording import Text
from .estimates import Proportion, proportion
from .tables import ReportInputError

if TYPE_CHECKING:
    import pandas as pd

SEVERE_FROM = "IIIa"
DEATH = "V"


@dataclass(frozen=True)
class Complications:
    """Patients by their worst complication within 90 days of surgery."""

    patients: Annotated[int, "Patients analysed."]
    none: Annotated[Proportion, "Patients without a complication."]
    low_grade: Annotated[Proportion, "Patients whose worst complication is Clavien-Dindo I or II."]
    high_grade: Annotated[Proportion, "Patients whose worst complication is Clavien-Dindo IIIa or higher."]
    deaths: Annotated[int, "Patients with a Clavien-Dindo V complication (death)."]
    late_left_out: Annotated[int, "Complications that started more than 90 days after surgery (not counted)."]
    grade_missing: Annotated[int, "Complications without a grade (their patient counts under none if no other)."]


def complications(patients: pd.DataFrame, rows: pd.DataFrame) -> Complications:
    order = forms.field_def("clavien_dindo").choice_codes()
    counted = rows[~rows["late"]]
    rank = counted["grade"].map({grade: index for index, grade in enumerate(order)})
    unknown = counted["grade"].notna() & rank.isna()
    if unknown.any():
        value = counted.loc[unknown, "grade"].iloc[0]
        raise ReportInputError(
            Text("complications.clavien_dindo holds {value!r}, which is not a Clavien-Dindo grade.", value=value)
        )
    worst = rank.groupby(counted["session_id"]).max().dropna()
    severe = order.index(SEVERE_FROM)
    total = len(patients)
    high = int((worst >= severe).sum())
    low = int((worst < severe).sum())
    return Complications(
        patients=total,
        none=proportion(total - high - low, total, Text("no patients")),
        low_grade=proportion(low, total, Text("no patients")),
        high_grade=proportion(high, total, Text("no patients")),
        deaths=int((worst == order.index(DEATH)).sum()),
        late_left_out=int(rows["late"].sum()),
        grade_missing=int(counted["grade"].isna().sum()),
    )
