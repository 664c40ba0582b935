"""The primary end point: the R0 rate per lesion before and after re-resection of a fluorescent cavity.

On resected, confirmed CRLM with a recorded margin, vascular R1 (intended) left out as in the paper.
"Before" is the initial resection's margin, "after" the final margin once a cavity re-resection is
taken into account; the paired change is tested with McNemar's exact test.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated

from ..domain.wording import Text
from .accuracy import confirmed_crlm, is_r1, vascular_r1
from .clustered import Clustered, clustered
from .estimates import Comparison, Difference, Proportion, mcnemar, paired_difference, proportion

if TYPE_CHECKING:
    import pandas as pd


@dataclass(frozen=True)
class Reresections:
    """Re-resections of a fluorescent cavity among resected, confirmed CRLM, and what they achieved."""

    total: Annotated[int, "Lesions whose cavity was re-resected."]
    on_r1: Annotated[int, "Of those, lesions with an R1 initial margin (vascular or parenchymal)."]
    converted_to_r0: Annotated[Proportion, "R1 lesions whose final margin became R0, of the re-resections on R1."]
    converted_of_all: Annotated[
        Proportion, "The same converted lesions, of all re-resections: the paper's figure (16 of 27, 59.3%)."
    ]
    no_tumour_in_extra_tissue: Annotated[int, "Of the converted, those whose re-resected tissue held no tumour."]
    on_r0: Annotated[
        Proportion,
        "Re-resections on lesions that were R0 already, of all re-resections (the paper's false-positive rate).",
    ]


@dataclass(frozen=True)
class Margins:
    """R0 rate before and after cavity re-resection (vascular R1 left out), with McNemar's test."""

    crlm_with_margin: Annotated[int, "Resected, confirmed CRLM with an initial margin recorded."]
    r1_initial: Annotated[Proportion, "R1 of those at the initial resection (vascular R1 included)."]
    vascular_of_r1: Annotated[Proportion, "Vascular (intended) R1 among the initial R1."]
    parenchymal_of_r1: Annotated[Proportion, "Parenchymal (unintended) R1 among the initial R1."]
    vascular_r1_left_out: Annotated[int, "Vascular R1 lesions left out of the R0 rates below."]
    lesions: Annotated[int, "Lesions in the R0 rates: confirmed CRLM with a margin, vascular R1 left out."]
    r0_before: Annotated[Proportion, "R0 at the initial resection."]
    r0_after: Annotated[Proportion, "R0 after re-resection of a fluorescent cavity (the final margin)."]
    r0_before_by_patient: Annotated[Clustered, "R0 before: its 95% interval with lesions clustered within patients."]
    r0_after_by_patient: Annotated[Clustered, "R0 after: its 95% interval with lesions clustered within patients."]
    r0_to_r0: Annotated[int, "Paired: R0 before and after."]
    r0_to_r1: Annotated[int, "Paired: R0 before, R1 after (expected 0)."]
    r1_to_r0: Annotated[int, "Paired: R1 before, R0 after: converted by the re-resection."]
    r1_to_r1: Annotated[int, "Paired: R1 before and after."]
    mcnemar: Annotated[Comparison, "McNemar's exact test of R0 before against R0 after."]
    r0_change: Annotated[
        Difference, "R0 after minus R0 before on the same lesions, with its 95% interval (the paper gives none)."
    ]
    reresections: Annotated[Reresections, "The re-resections of fluorescent cavities (vascular R1 included)."]


def _reresections(crlm: pd.DataFrame) -> Reresections:
    done = crlm[crlm["reresected"]]
    on_r1 = done[is_r1(done["initial"])]
    converted = on_r1[on_r1["final"].eq("R0").fillna(False).astype(bool)]
    return Reresections(
        total=len(done),
        on_r1=len(on_r1),
        converted_to_r0=proportion(len(converted), len(on_r1), Text("no re-resections on R1 lesions")),
        converted_of_all=proportion(len(converted), len(done), Text("no re-resections")),
        no_tumour_in_extra_tissue=int(converted["reresection_tumour"].eq(False).fillna(False).sum()),
        on_r0=proportion(int(done["initial"].eq("R0").fillna(False).sum()), len(done), Text("no re-resections")),
    )


def margins(lesions: pd.DataFrame) -> Margins:
    crlm = lesions[confirmed_crlm(lesions) & lesions["initial"].notna()]
    r1 = is_r1(crlm["initial"])
    vascular = vascular_r1(crlm)
    analysed = crlm[~vascular]
    before = analysed["initial"].eq("R0").fillna(False).astype(bool)
    after = analysed["final"].eq("R0").fillna(False).astype(bool)
    cells = [int((b & a).sum()) for b, a in ((before, after), (before, ~after), (~before, after), (~before, ~after))]
    # Say why the rates are empty in the words that fit: no margins at all, or only intended (vascular) R1.
    empty = (
        Text("every lesion with a margin is a vascular (intended) R1, left out as in the paper")
        if len(crlm)
        else Text("no confirmed CRLM with a margin")
    )
    return Margins(
        crlm_with_margin=len(crlm),
        r1_initial=proportion(int(r1.sum()), len(crlm), Text("no confirmed CRLM with a margin")),
        vascular_of_r1=proportion(int(vascular.sum()), int(r1.sum()), Text("no R1 lesions")),
        parenchymal_of_r1=proportion(
            int((r1 & crlm["r1_type"].eq("parenchymal").fillna(False)).sum()), int(r1.sum()), Text("no R1 lesions")
        ),
        vascular_r1_left_out=int(vascular.sum()),
        lesions=len(analysed),
        r0_before=proportion(int(before.sum()), len(analysed), empty),
        r0_after=proportion(int(after.sum()), len(analysed), empty),
        r0_before_by_patient=clustered(before, before | ~before, analysed["session_id"], empty),
        r0_after_by_patient=clustered(after, after | ~after, analysed["session_id"], empty),
        r0_to_r0=cells[0],
        r0_to_r1=cells[1],
        r1_to_r0=cells[2],
        r1_to_r1=cells[3],
        mcnemar=mcnemar(*cells),
        r0_change=paired_difference(*cells),
        reresections=_reresections(crlm),
    )
