"""What the coordinator recorded in theatre beyond the index test: the transection plane and the cavity, each
fluorescent, clear or not recorded, and the operations converted to open surgery.

A plane or cavity with no finding recorded is not counted as clear: the report gives the three apart, so
that an absence of records is never read as an absence of fluorescence.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated

from ..domain.wording import Text
from .accuracy import confirmed_crlm
from .estimates import Proportion, proportion

if TYPE_CHECKING:
    import pandas as pd


@dataclass(frozen=True)
class Recorded:
    """One finding over the resected, confirmed CRLM: how often it was fluorescent, clear, or not recorded."""

    fluorescent: Annotated[int, "Recorded as fluorescent."]
    clear: Annotated[int, "Recorded as clear (an explicit negative finding)."]
    not_recorded: Annotated[int, "No finding recorded: neither fluorescent nor clear (not counted as clear)."]


@dataclass(frozen=True)
class Intraoperative:
    """The plane and cavity findings of resected, confirmed CRLM, and conversions to open surgery."""

    crlm_resections: Annotated[int, "Resected, confirmed CRLM: the lesions counted below."]
    plane: Annotated[Recorded, "Fluorescence in the transection plane."]
    cavity: Annotated[Recorded, "Fluorescence in the resection cavity."]
    conversions: Annotated[
        Proportion,
        "Patients whose operation was converted to open surgery: the conversion event recorded in theatre, or "
        "the approach given as a conversion.",
    ]


def _recorded(values: pd.Series) -> Recorded:
    fluorescent = int(values.eq(True).fillna(False).sum())
    clear = int(values.eq(False).fillna(False).sum())
    return Recorded(fluorescent, clear, len(values) - fluorescent - clear)


def intraoperative(patients: pd.DataFrame, lesions: pd.DataFrame) -> Intraoperative:
    crlm = lesions[confirmed_crlm(lesions)]
    converted = patients["converted"].eq(True).fillna(False) | patients["approach"].eq("conversion").fillna(False)
    return Intraoperative(
        crlm_resections=len(crlm),
        plane=_recorded(crlm["plane_fluorescence"]),
        cavity=_recorded(crlm["cavity_fluorescent"]),
        conversions=proportion(int(converted.sum()), len(patients), Text("no patients")),
    )
