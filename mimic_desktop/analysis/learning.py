"""The learning curve: procedures during a centre's first ten against those after.

A procedure's number within its centre counts every non-demo procedure in the input by date of
surgery, including those not analysed (a centre learns from an incomplete record too), after the
procedures the centre did before the trial (a setting of the central database, a column of the CSV
input; the paper counted its two centres with prior experience as experienced). Procedures numbered
1 to 10 are the learning phase; later ones count as experienced.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Annotated

from ..domain.wording import Text
from .accuracy import assessable, confirmed_crlm, is_r1, resected
from .estimates import Comparison, OddsRatio, Proportion, compare, odds_ratio, proportion

if TYPE_CHECKING:
    import pandas as pd

THRESHOLD = 10
BLOCK = 10  # procedures per point of the curve


@dataclass(frozen=True)
class BlockRate:
    """The R1 rate of the procedures whose number within their centre falls in one block (1-10, 11-20, ...)."""

    first: Annotated[int, "First procedure number of the block (1, 11, 21, ...)."]
    last: Annotated[int, "Last procedure number of the block (10, 20, 30, ...)."]
    procedures: Annotated[int, "Procedures analysed with a number in the block, over all centres."]
    r1: Annotated[Proportion, "R1 among their confirmed CRLM with a margin (vascular R1 included)."]


@dataclass(frozen=True)
class CentreLearning:
    """One centre's procedures analysed in the learning phase and after, with its prior experience counted."""

    centre: Annotated[str, "Centre code."]
    prior_procedures: Annotated[int, "Procedures the centre did before the trial (0 when none were recorded)."]
    procedures_learning: Annotated[int, "Its procedures analysed within the learning phase."]
    procedures_experienced: Annotated[int, "Its procedures analysed after the learning phase."]


@dataclass(frozen=True)
class LearningCurve:
    """Learning phase (a centre's procedures 1 to 10) against experienced (11 onwards)."""

    threshold: Annotated[int, "Procedures per centre in the learning phase."]
    procedures_learning: Annotated[int, "Procedures analysed that fall in their centre's learning phase."]
    procedures_experienced: Annotated[int, "Procedures analysed after their centre's learning phase."]
    procedures_undated: Annotated[int, "Procedures analysed without a date of surgery (left out here)."]
    r1_learning: Annotated[Proportion, "R1 among confirmed CRLM with a margin, learning phase."]
    r1_experienced: Annotated[Proportion, "R1 among confirmed CRLM with a margin, experienced."]
    r1_comparison: Annotated[Comparison, "The two R1 rates compared."]
    r1_detected: Annotated[
        OddsRatio,
        "Among histological R1: odds of a fluorescent specimen (R1 predicted), experienced (group) against "
        "learning phase (reference).",
    ]
    false_positives: Annotated[
        OddsRatio,
        "Among fluorescent specimens: odds of histological R0 (a false positive), experienced (group) against "
        "learning phase (reference).",
    ]
    occult_confirmed: Annotated[
        OddsRatio,
        "Among resected occult lesions: odds of confirmed CRLM, experienced (group) against learning phase "
        "(reference).",
    ]
    by_block: Annotated[
        list[BlockRate],
        "The curve: the R1 rate per block of 10 procedures by their number within their centre (prior procedures "
        "counted), from the first block to the last that holds a procedure (not in the paper).",
    ] = field(default_factory=list)
    centres: Annotated[
        list[CentreLearning], "Per centre, by code: its prior experience and its procedures in each phase."
    ] = field(default_factory=list)


def _odds(experienced: pd.Series, event: pd.Series) -> OddsRatio:
    """Experienced is the group, the learning phase the reference."""
    return odds_ratio(
        int((experienced & event).sum()),
        int((experienced & ~event).sum()),
        int((~experienced & event).sum()),
        int((~experienced & ~event).sum()),
    )


def by_block(patients: pd.DataFrame, crlm: pd.DataFrame) -> list[BlockRate]:
    """R1 among confirmed CRLM with a margin (crlm) per block of BLOCK procedure numbers."""
    numbers = patients["procedure_number"].dropna()
    if numbers.empty:
        return []
    blocks = []
    for start in range(1, int(numbers.max()) + 1, BLOCK):
        end = start + BLOCK - 1
        inside = crlm["procedure_number"].between(start, end).fillna(False).astype(bool)
        r1 = is_r1(crlm["initial"][inside])
        blocks.append(
            BlockRate(
                first=start,
                last=end,
                procedures=int(numbers.between(start, end).sum()),
                r1=proportion(int(r1.sum()), len(r1), Text("no confirmed CRLM with a margin in these procedures")),
            )
        )
    return blocks


def learning_curve(patients: pd.DataFrame, lesions: pd.DataFrame) -> LearningCurve:
    numbers = patients["procedure_number"]
    dated = lesions[lesions["procedure_number"].notna()]
    experienced_of = (dated["procedure_number"] > THRESHOLD).astype(bool)

    crlm = dated[confirmed_crlm(dated) & dated["initial"].notna()]
    late = experienced_of[crlm.index]
    r1 = is_r1(crlm["initial"])
    r1_learning = proportion(int((r1 & ~late).sum()), int((~late).sum()), Text("no lesions in the learning phase"))
    r1_experienced = proportion(int((r1 & late).sum()), int(late.sum()), Text("no lesions after the learning phase"))

    assessed = assessable(dated)
    assessed_r1 = is_r1(assessed["initial"])
    fluorescent = assessed["fluorescent"].astype(bool)
    occult = dated[dated["occult"] & resected(dated)]
    return LearningCurve(
        threshold=THRESHOLD,
        procedures_learning=int((numbers <= THRESHOLD).sum()),
        procedures_experienced=int((numbers > THRESHOLD).sum()),
        procedures_undated=int(numbers.isna().sum()),
        r1_learning=r1_learning,
        r1_experienced=r1_experienced,
        r1_comparison=compare(r1_experienced, r1_learning),
        r1_detected=_odds(experienced_of[assessed.index][assessed_r1], fluorescent[assessed_r1]),
        false_positives=_odds(experienced_of[assessed.index][fluorescent], ~assessed_r1[fluorescent]),
        occult_confirmed=_odds(experienced_of[occult.index], confirmed_crlm(occult)),
        by_block=by_block(patients, crlm),
        centres=by_centre(patients),
    )


def by_centre(patients: pd.DataFrame) -> list[CentreLearning]:
    rows = []
    for centre, group in patients.groupby("centre", sort=True):
        numbers = group["procedure_number"]
        rows.append(
            CentreLearning(
                centre=str(centre),
                prior_procedures=int(group["prior"].max()),
                procedures_learning=int((numbers <= THRESHOLD).sum()),
                procedures_experienced=int((numbers > THRESHOLD).sum()),
            )
        )
    return rows
