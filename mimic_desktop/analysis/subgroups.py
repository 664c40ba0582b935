"""Subgroups by neoadjuvant chemotherapy: the diagnostic accuracy and the initial R0 rate of each."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated

from ..domain.wording import Text
from .accuracy import Diagnostic, confirmed_crlm, diagnostic
from .estimates import Comparison, Proportion, compare, proportion

if TYPE_CHECKING:
    import pandas as pd


@dataclass(frozen=True)
class Subgroup:
    """The patients of one subgroup and their lesions' analysis."""

    patients: Annotated[int, "Patients in the subgroup."]
    initial_r0: Annotated[
        Proportion, "R0 at the initial resection among confirmed CRLM with a margin (vascular R1 in)."
    ]
    diagnostic: Annotated[Diagnostic, "Specimen fluorescence against histological R1 in the subgroup."]


@dataclass(frozen=True)
class Neoadjuvant:
    """Patients with and without neoadjuvant chemotherapy compared."""

    without_chemotherapy: Annotated[Subgroup, "Patients who had no neoadjuvant chemotherapy."]
    with_chemotherapy: Annotated[Subgroup, "Patients who had neoadjuvant chemotherapy."]
    unknown_patients: Annotated[int, "Patients without the answer recorded (in neither subgroup)."]
    initial_r0_comparison: Annotated[Comparison, "The initial R0 rates of the two subgroups compared."]


def _subgroup(patients: pd.DataFrame, lesions: pd.DataFrame) -> Subgroup:
    crlm = lesions[confirmed_crlm(lesions) & lesions["initial"].notna()]
    r0 = int(crlm["initial"].eq("R0").sum())
    return Subgroup(
        patients=len(patients),
        initial_r0=proportion(r0, len(crlm), Text("no confirmed CRLM with a margin")),
        diagnostic=diagnostic(lesions),
    )


def neoadjuvant(patients: pd.DataFrame, lesions: pd.DataFrame) -> Neoadjuvant:
    def having(frame: pd.DataFrame, chemo: bool) -> pd.DataFrame:
        return frame[frame["chemo"].eq(chemo).fillna(False).astype(bool)]

    without = _subgroup(having(patients, False), having(lesions, False))
    treated = _subgroup(having(patients, True), having(lesions, True))
    return Neoadjuvant(
        without_chemotherapy=without,
        with_chemotherapy=treated,
        unknown_patients=int(patients["chemo"].isna().sum()),
        initial_r0_comparison=compare(treated.initial_r0, without.initial_r0),
    )
