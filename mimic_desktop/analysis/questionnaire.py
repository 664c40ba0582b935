"""The surgeon questionnaire summarised per surgeon, as the paper reports it ("89% of participating surgeons
continued using ICG fluorescence").

A surgeon is the pseudonymous code of the procedures table's optional `surgeon` column (the services give each
surgeon of the central database or of the records a code; a CSV input may carry its own). Each surgeon's
answers to the four 1-5 items are summarised by their median, and whether they continue is the answer of
their latest questionnaire (by date of surgery). Not in the paper: the items' medians over surgeons.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated

from ..domain.wording import Text
from .estimates import Proportion, fraction, proportion

if TYPE_CHECKING:
    import pandas as pd

from .selection import QUESTIONNAIRE_ITEMS as ITEMS

AGREE = 4  # a median of 4 or 5 on the 1-5 scale
METHOD = Text(
    "Per surgeon: the median of their answers (1-5) per item, and whether they continue from their latest "
    "questionnaire by date of surgery; surgeons continuing with a Wilson score 95% interval"
)


@dataclass(frozen=True)
class SurgeonAnswers:
    """One surgeon's questionnaires, summarised."""

    surgeon: Annotated[str, "The surgeon's pseudonymous code."]
    centre: Annotated[str, "The centre of their latest questionnaire."]
    questionnaires: Annotated[int, "Procedures analysed with their questionnaire answered."]
    q_usefulness: Annotated[float | None, "Median answer: usefulness of ICG imaging (1-5)."]
    q_margin_realtime: Annotated[float | None, "Median answer: judging the margin in real time (1-5)."]
    q_image_quality: Annotated[float | None, "Median answer: image quality (1-5)."]
    q_benign_malignant: Annotated[float | None, "Median answer: telling benign from malignant lesions (1-5)."]
    continues: Annotated[bool | None, "Their latest answer to 'will you keep using ICG'; null when never answered."]


@dataclass(frozen=True)
class ItemSummary:
    """One 1-5 item over surgeons: the median of their medians, and the surgeons whose median is 4 or 5."""

    item: Annotated[str, "The questionnaire field (forms/questionnaire.json)."]
    median: Annotated[float | None, "Median over surgeons of each surgeon's median answer; null when none answered."]
    agreeing: Annotated[Proportion, "Surgeons whose median answer is 4 or 5, of the surgeons who answered."]


@dataclass(frozen=True)
class Questionnaire:
    """The surgeon questionnaire per surgeon (the paper's 89% continuing)."""

    questionnaires: Annotated[int, "Procedures analysed with an answered questionnaire and a surgeon code."]
    without_surgeon: Annotated[int, "Answered questionnaires of procedures without a surgeon code (left out)."]
    surgeons: Annotated[int, "Surgeons with at least one answered questionnaire."]
    continuing: Annotated[Proportion, "Surgeons whose latest questionnaire says they keep using ICG."]
    items: Annotated[list[ItemSummary], "The four 1-5 items over surgeons."]
    by_surgeon: Annotated[list[SurgeonAnswers], "Each surgeon's answers, by code."]
    method: Annotated[Text, "How the answers were summarised, in words."] = METHOD


def _median(values: pd.Series) -> float | None:
    present = values.dropna()
    return None if present.empty else fraction(float(present.median()))


def questionnaire(patients: pd.DataFrame) -> Questionnaire:
    answered = patients[patients[[*ITEMS, "q_continue_use"]].notna().any(axis=1)]
    coded = answered[answered["surgeon"].notna()]
    rows = []
    for surgeon, own in coded.sort_values(["surgery_date", "study_id"], na_position="first").groupby(
        "surgeon", sort=True
    ):
        said = own["q_continue_use"].dropna()
        rows.append(
            SurgeonAnswers(
                surgeon=str(surgeon),
                centre=str(own["centre"].iloc[-1]),
                questionnaires=len(own),
                q_usefulness=_median(own["q_usefulness"]),
                q_margin_realtime=_median(own["q_margin_realtime"]),
                q_image_quality=_median(own["q_image_quality"]),
                q_benign_malignant=_median(own["q_benign_malignant"]),
                continues=None if said.empty else bool(said.iloc[-1]),
            )
        )
    items = []
    for item in ITEMS:
        medians = [getattr(row, item) for row in rows if getattr(row, item) is not None]
        items.append(
            ItemSummary(
                item=item,
                median=fraction(statistics.median(medians)) if medians else None,
                agreeing=proportion(
                    sum(value >= AGREE for value in medians), len(medians), Text("no surgeon answered")
                ),
            )
        )
    decided = [row.continues for row in rows if row.continues is not None]
    return Questionnaire(
        questionnaires=len(coded),
        without_surgeon=len(answered) - len(coded),
        surgeons=len(rows),
        continuing=proportion(sum(decided), len(decided), Text("no surgeon answered")),
        items=items,
        by_surgeon=rows,
    )
