"""Changes in surgical management led by ICG fluorescence, and the occult lesions it found.

The three changes of the protocol: (1) the transection plane adapted, (2) additional resection of a
fluorescent cavity, (3) an occult lesion leading to an extended or additional resection. Per patient
they come from the procedure table's derived counts; per resection from the lesions, over resected
and confirmed CRLM as in the paper.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated

from ..domain.wording import Text
from .accuracy import confirmed_crlm, resected
from .estimates import Proportion, proportion

if TYPE_CHECKING:
    import pandas as pd

NO_PATIENTS = Text("no patients")


@dataclass(frozen=True)
class Management:
    """Changes in surgical management per patient and per resection."""

    patients: Annotated[int, "Patients analysed."]
    any_change: Annotated[Proportion, "Patients with at least one of the three changes."]
    patients_plane_adapted: Annotated[Proportion, "Patients with a transection plane adapted."]
    patients_cavity_reresection: Annotated[Proportion, "Patients with a fluorescent cavity re-resected."]
    patients_occult_extended: Annotated[Proportion, "Patients with an occult lesion leading to a wider resection."]
    crlm_resections: Annotated[int, "Resected, confirmed CRLM: the denominator per resection."]
    plane_adapted: Annotated[Proportion, "Resections of confirmed CRLM with the transection plane adapted."]
    cavity_reresection: Annotated[Proportion, "Resections of confirmed CRLM followed by a cavity re-resection."]
    occult_extended_lesions: Annotated[int, "Occult lesions that led to an extended or additional resection."]


@dataclass(frozen=True)
class Occult:
    """Occult lesions: not on pre-operative imaging, found during surgery."""

    lesions: Annotated[int, "Occult lesions recorded."]
    resected: Annotated[int, "Of those, resected."]
    confirmed_crlm: Annotated[Proportion, "Resected occult lesions that histology confirmed as CRLM."]
    patients_with_occult: Annotated[Proportion, "Patients with at least one occult lesion."]
    patients_with_additional_crlm: Annotated[Proportion, "Patients with at least one occult lesion confirmed as CRLM."]


def management(patients: pd.DataFrame, lesions: pd.DataFrame) -> Management:
    crlm = lesions[confirmed_crlm(lesions)]
    count = len(patients)
    return Management(
        patients=count,
        any_change=proportion(int(patients["changed"].fillna(False).sum()), count, NO_PATIENTS),
        patients_plane_adapted=proportion(int((patients["plane_adapted"] > 0).sum()), count, NO_PATIENTS),
        patients_cavity_reresection=proportion(int((patients["reresection"] > 0).sum()), count, NO_PATIENTS),
        patients_occult_extended=proportion(int((patients["occult_extended"] > 0).sum()), count, NO_PATIENTS),
        crlm_resections=len(crlm),
        plane_adapted=proportion(int(crlm["plane_adapted"].sum()), len(crlm), Text("no confirmed CRLM resected")),
        cavity_reresection=proportion(int(crlm["reresected"].sum()), len(crlm), Text("no confirmed CRLM resected")),
        occult_extended_lesions=int((lesions["occult"] & lesions["extended"]).sum()),
    )


def occult(patients: pd.DataFrame, lesions: pd.DataFrame) -> Occult:
    found = lesions[lesions["occult"]]
    taken = found[resected(found)]
    crlm = taken[confirmed_crlm(taken)]
    return Occult(
        lesions=len(found),
        resected=len(taken),
        confirmed_crlm=proportion(len(crlm), len(taken), Text("no occult lesions resected")),
        patients_with_occult=proportion(found["session_id"].nunique(), len(patients), NO_PATIENTS),
        patients_with_additional_crlm=proportion(crlm["session_id"].nunique(), len(patients), NO_PATIENTS),
    )
