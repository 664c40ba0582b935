"""Specimen fluorescence against histological R1, per lesion, on resected and confirmed CRLM (Table 2).

Fluorescence on the parenchymal side of the specimen predicts R1 (margin under 1 mm): a true positive
is a fluorescent specimen with histological R1, a false positive a fluorescent one with R0, and so on.
As in the paper, vascular (intended) and parenchymal R1 both count as R1; the table shows them apart,
and the accuracy is also given with the vascular R1 left out.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated

from ..domain.wording import Text
from .clustered import Clustered, clustered
from .estimates import Proportion, proportion
from .roc import Auroc, auroc

if TYPE_CHECKING:
    import pandas as pd


def resected(lesions: pd.DataFrame) -> pd.Series:
    return lesions["treatment"].eq("resection").fillna(False).astype(bool)


def confirmed_crlm(lesions: pd.DataFrame) -> pd.Series:
    """Resected lesions that histology confirmed as colorectal liver metastases."""
    return resected(lesions) & lesions["histology"].eq("crlm").fillna(False).astype(bool)


def is_r1(status: pd.Series) -> pd.Series:
    return status.eq("R1").fillna(False).astype(bool)


def vascular_r1(lesions: pd.DataFrame) -> pd.Series:
    return is_r1(lesions["initial"]) & lesions["r1_type"].eq("vascular").fillna(False).astype(bool)


@dataclass(frozen=True)
class ContingencyRow:
    """Confirmed CRLM of one row of Table 2 by histological margin of the initial resection."""

    vascular_r1: Annotated[int, "R1 (margin under 1 mm) by vascular involvement: intended."]
    parenchymal_r1: Annotated[int, "R1 in the parenchyma: unintended."]
    r1_type_missing: Annotated[int, "R1 without its type recorded (0 in complete records)."]
    r0: Annotated[int, "R0: margin of at least 1 mm."]
    total: Annotated[int, "All of the row."]


@dataclass(frozen=True)
class Contingency:
    """Table 2 of the paper: specimen fluorescence against the histological margin, and the four cells."""

    fluorescent: Annotated[ContingencyRow, "Specimens fluorescent on the parenchymal side (suspected R1)."]
    clear: Annotated[ContingencyRow, "Specimens without fluorescence (suspected R0)."]
    total: Annotated[ContingencyRow, "Both rows together."]
    true_positive: Annotated[int, "Fluorescent and histological R1 (vascular or parenchymal)."]
    false_positive: Annotated[int, "Fluorescent and histological R0."]
    false_negative: Annotated[int, "Clear and histological R1."]
    true_negative: Annotated[int, "Clear and histological R0."]


@dataclass(frozen=True)
class ByPatient:
    """The four proportions' 95% intervals with each patient's lesions counted as one cluster (not in the paper)."""

    sensitivity: Annotated[Clustered, "Sensitivity, clustered by patient."]
    specificity: Annotated[Clustered, "Specificity, clustered by patient."]
    ppv: Annotated[Clustered, "Positive predictive value, clustered by patient."]
    npv: Annotated[Clustered, "Negative predictive value, clustered by patient."]


@dataclass(frozen=True)
class Accuracy:
    """How well specimen fluorescence predicts R1: four proportions with Wilson 95% intervals, and the AUROC."""

    lesions: Annotated[int, "Lesions in this analysis."]
    sensitivity: Annotated[Proportion, "True positives of all histological R1: TP / (TP + FN)."]
    specificity: Annotated[Proportion, "True negatives of all histological R0: TN / (TN + FP)."]
    ppv: Annotated[Proportion, "Positive predictive value: R1 among fluorescent specimens, TP / (TP + FP)."]
    npv: Annotated[Proportion, "Negative predictive value: R0 among clear specimens, TN / (TN + FN)."]
    auroc: Annotated[Auroc, "Area under the ROC curve of specimen fluorescence (fluorescent 1, clear 0) for R1."]
    by_patient: Annotated[ByPatient, "The same proportions' intervals with lesions clustered within patients."]


@dataclass(frozen=True)
class Diagnostic:
    """Specimen fluorescence against histological R1 on resected, confirmed CRLM, per lesion."""

    crlm_resected: Annotated[int, "Resected lesions confirmed as CRLM by histology."]
    not_assessable: Annotated[
        int, "Of those, lesions left out because the specimen fluorescence or the margin was not recorded."
    ]
    contingency: Annotated[Contingency, "The contingency table (Table 2 of the paper)."]
    accuracy: Annotated[Accuracy, "Every R1, vascular or parenchymal, counts as R1 (as in the paper)."]
    accuracy_without_vascular_r1: Annotated[Accuracy, "The same with the vascular (intended) R1 lesions left out."]


def _row(lesions: pd.DataFrame) -> ContingencyRow:
    r1 = is_r1(lesions["initial"])
    vascular = int(vascular_r1(lesions).sum())
    parenchymal = int((r1 & lesions["r1_type"].eq("parenchymal").fillna(False).astype(bool)).sum())
    return ContingencyRow(
        vascular_r1=vascular,
        parenchymal_r1=parenchymal,
        r1_type_missing=int(r1.sum()) - vascular - parenchymal,
        r0=int(lesions["initial"].eq("R0").fillna(False).sum()),
        total=len(lesions),
    )


def accuracy(assessed: pd.DataFrame) -> Accuracy:
    """From lesions with both a specimen fluorescence and an initial R status."""
    r1 = is_r1(assessed["initial"])
    fluorescent = assessed["fluorescent"].astype(bool)
    tp, fp = int((fluorescent & r1).sum()), int((fluorescent & ~r1).sum())
    fn, tn = int((~fluorescent & r1).sum()), int((~fluorescent & ~r1).sum())
    scores = fluorescent.astype(int)
    patients = assessed["session_id"]
    return Accuracy(
        lesions=len(assessed),
        sensitivity=proportion(tp, tp + fn, Text("no histological R1 lesions")),
        specificity=proportion(tn, tn + fp, Text("no histological R0 lesions")),
        ppv=proportion(tp, tp + fp, Text("no fluorescent specimens")),
        npv=proportion(tn, tn + fn, Text("no clear specimens")),
        auroc=auroc(scores[r1].tolist(), scores[~r1].tolist()),
        by_patient=ByPatient(
            sensitivity=clustered(fluorescent, r1, patients, Text("no histological R1 lesions")),
            specificity=clustered(~fluorescent, ~r1, patients, Text("no histological R0 lesions")),
            ppv=clustered(r1, fluorescent, patients, Text("no fluorescent specimens")),
            npv=clustered(~r1, ~fluorescent, patients, Text("no clear specimens")),
        ),
    )


def assessable(lesions: pd.DataFrame) -> pd.DataFrame:
    """Confirmed CRLM with both the specimen fluorescence and the initial margin recorded."""
    crlm = lesions[confirmed_crlm(lesions)]
    return crlm[crlm["fluorescent"].notna() & crlm["initial"].notna()]


def diagnostic(lesions: pd.DataFrame) -> Diagnostic:
    crlm_count = int(confirmed_crlm(lesions).sum())
    assessed = assessable(lesions)
    fluorescent = assessed["fluorescent"].astype(bool)
    rows = [_row(assessed[fluorescent]), _row(assessed[~fluorescent]), _row(assessed)]
    return Diagnostic(
        crlm_resected=crlm_count,
        not_assessable=crlm_count - len(assessed),
        contingency=Contingency(
            fluorescent=rows[0],
            clear=rows[1],
            total=rows[2],
            true_positive=rows[0].total - rows[0].r0,
            false_positive=rows[0].r0,
            false_negative=rows[1].total - rows[1].r0,
            true_negative=rows[1].r0,
        ),
        accuracy=accuracy(assessed),
        accuracy_without_vascular_r1=accuracy(assessed[~vascular_r1(assessed)]),
    )
