"""The design of the synthetic cohort: which patient gets which lesion, so that the counts published in
the MIMIC paper come out exactly.

201 patients in 8 centres; 436 lesions: 355 resected (316 confirmed CRLM, 3 other malignancies,
36 benign), 24 ablated, 57 not treated. The 316 CRLM fill Table 2 (fluorescent specimen: 14
vascular R1, 18 parenchymal R1, 27 R0; clear: 1, 20, 236). 27 cavity re-resections, all after a
fluorescent specimen: 16 on R1 (15 parenchymal, 1 vascular), each converted to R0, one with tumour
in the extra tissue; 11 on R0. The plane fluoresced during the 59 fluorescent resections and was
adapted in 56. 38 occult lesions in 29 patients, 26 of them CRLM in 19 patients. 56 patients had a
change in management. 58 had neoadjuvant chemotherapy; without it, Table 2 gives sensitivity 62%,
specificity 91%, PPV 61%, NPV 91%, and the initial R0 rates are 86% with and 81% without. A
centre's first ten procedures hold 92 CRLM with 20 R1 (21.7%), the later ones 224 with 33 (14.7%).

The randomness (a seeded random.Random) only decides who is who; every count above is fixed.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field, replace

CENTRE_SIZES = (52, 44, 33, 28, 20, 12, 7, 5)
LEARNING_PHASE = 10
CHEMO_PATIENTS = {True: 21, False: 37}  # by learning phase: 58 in all
ROBOT_PATIENTS = 130


@dataclass(frozen=True)
class LesionPlan:
    """What happens to one lesion; the values and events are filled in from this."""

    treatment: str = "resection"  # resection, ablation, none
    histology: str | None = "crlm"
    occult: bool = False
    fluorescent: bool = False  # specimen side, resected lesions only
    r1_type: str | None = None  # vascular or parenchymal for an R1 initial margin
    plane_adapted: bool = False  # plane fluorescence seen, and the plane adapted
    plane_fluorescence: bool = False
    reresection: str | None = None  # done, not_feasible, not_safe
    reresection_tumour: bool = False


@dataclass
class PatientPlan:
    centre: int  # index into CENTRE_SIZES
    number: int  # the procedure's number within its centre, by date
    chemo: bool
    lesions: list[LesionPlan] = field(default_factory=list)
    robot: bool = False
    complication: str | None = None  # worst Clavien-Dindo grade

    @property
    def learning(self) -> bool:
        return self.number <= LEARNING_PHASE


@dataclass(frozen=True)
class GroupDesign:
    """The confirmed CRLM of one group of patients (learning phase or not, chemotherapy or not)."""

    tp_vascular: int
    tp_parenchymal: int
    fn_vascular: int
    fn_parenchymal: int
    fp: int
    tn: int
    reresected_parenchymal: int  # re-resections on fluorescent parenchymal R1 (all converted to R0)
    reresected_vascular: int
    reresected_fp: int
    not_adapted: int  # fluorescent specimens whose plane was not adapted (and not re-resected)
    occult_kinds: tuple[str, ...]  # per occult patient: "2", "1", "1+" (one CRLM, one other) or "0+"
    changed_without_occult: int  # patients with a change in management but no occult lesion
    tumour_in_extra_tissue: int = 0


# Keyed by (learning phase, neoadjuvant chemotherapy).
GROUPS = {
    (True, True): GroupDesign(
        tp_vascular=1,
        tp_parenchymal=2,
        fn_vascular=0,
        fn_parenchymal=3,
        fp=3,
        tn=20,
        reresected_parenchymal=2,
        reresected_vascular=0,
        reresected_fp=1,
        not_adapted=0,
        occult_kinds=("2", "1", "0+", "0+"),
        changed_without_occult=2,
    ),
    (True, False): GroupDesign(
        tp_vascular=3,
        tp_parenchymal=5,
        fn_vascular=0,
        fn_parenchymal=6,
        fp=5,
        tn=44,
        reresected_parenchymal=4,
        reresected_vascular=0,
        reresected_fp=2,
        not_adapted=0,
        occult_kinds=("2",) * 3 + ("1",) * 3 + ("1+",) + ("0+",) * 4,
        changed_without_occult=7,
    ),
    (False, True): GroupDesign(
        tp_vascular=3,
        tp_parenchymal=3,
        fn_vascular=0,
        fn_parenchymal=4,
        fp=9,
        tn=69,
        reresected_parenchymal=2,
        reresected_vascular=0,
        reresected_fp=3,
        not_adapted=0,
        occult_kinds=("2", "1", "1", "0+"),
        changed_without_occult=6,
    ),
    (False, False): GroupDesign(
        tp_vascular=7,
        tp_parenchymal=8,
        fn_vascular=1,
        fn_parenchymal=7,
        fp=10,
        tn=103,
        reresected_parenchymal=7,
        reresected_vascular=1,
        reresected_fp=5,
        not_adapted=3,
        occult_kinds=("2",) * 2 + ("1",) * 4 + ("1+",) + ("0+",) * 3,
        changed_without_occult=12,
        tumour_in_extra_tissue=1,
    ),
}
OCCULT_OTHER = ("other_malignancy",) + ("benign",) * 11  # the 12 occult lesions that were not CRLM
IMAGING_NON_CRLM = ("benign",) * 25 + ("other_malignancy",) * 2  # resected, not CRLM, seen on imaging
FLUORESCENT_BENIGN = 5  # the first benign specimens of the list fluoresced (they do not enter Table 2)
ABLATED = 24
NOT_TREATED = 57
COMPLICATIONS = ("I",) * 8 + ("II",) * 7 + ("IIIa",) * 6 + ("IIIb",) * 3 + ("IVa",) * 2


def _slots(rng: random.Random) -> list[PatientPlan]:
    """Every centre's procedures by number, with neoadjuvant chemotherapy drawn within each phase."""
    slots = [PatientPlan(c, n, False) for c, size in enumerate(CENTRE_SIZES) for n in range(1, size + 1)]
    for learning, count in CHEMO_PATIENTS.items():
        for patient in rng.sample([p for p in slots if p.learning == learning], count):
            patient.chemo = True
    return slots


def _fluorescent(design: GroupDesign) -> list[LesionPlan]:
    """The group's fluorescent CRLM specimens with their re-resections and plane adaptations."""
    fluorescent = LesionPlan(fluorescent=True, plane_fluorescence=True, plane_adapted=True)
    done = replace(fluorescent, reresection="done")
    tumour = [replace(done, r1_type="parenchymal", reresection_tumour=True)] * design.tumour_in_extra_tissue
    lesions = [
        *tumour,
        *[replace(done, r1_type="parenchymal")] * (design.reresected_parenchymal - design.tumour_in_extra_tissue),
        *[replace(fluorescent, r1_type="parenchymal")] * (design.tp_parenchymal - design.reresected_parenchymal),
        *[replace(done, r1_type="vascular")] * design.reresected_vascular,
        *[replace(fluorescent, r1_type="vascular")] * (design.tp_vascular - design.reresected_vascular),
        *[done] * design.reresected_fp,
        *[fluorescent] * (design.fp - design.reresected_fp),
    ]
    kept = [i for i, lesion in enumerate(lesions) if lesion.reresection is None]
    for index in kept[len(kept) - design.not_adapted :]:
        lesions[index] = replace(lesions[index], plane_adapted=False)
    return lesions


def _cavity_without_reresection(rng: random.Random, lesion: LesionPlan) -> LesionPlan:
    """A fluorescent specimen not re-resected: a fluorescent cavity left for a reason, or none seen."""
    if lesion.reresection or rng.random() < 0.5:
        return lesion
    return replace(lesion, reresection=rng.choice(["not_feasible", "not_safe"]))


def _fill_group(rng: random.Random, design: GroupDesign, patients: list[PatientPlan], others: list[str]) -> None:
    """Give the group's patients their CRLM and occult lesions; `others` holds the occult non-CRLM histologies."""
    rng.shuffle(patients)
    occult_patients = patients[: len(design.occult_kinds)]
    plain_changed = patients[len(design.occult_kinds) : len(design.occult_kinds) + design.changed_without_occult]
    changed = plain_changed + occult_patients
    fluorescent = [_cavity_without_reresection(rng, lesion) for lesion in _fluorescent(design)]
    changing = [lesion for lesion in fluorescent if lesion.plane_adapted]
    # Each changed patient without an occult lesion needs a change of their own; the rest spread out.
    for patient, lesion in zip(changed, changing, strict=False):
        patient.lesions.append(lesion)
    for lesion in changing[len(changed) :]:
        rng.choice(changed).lesions.append(lesion)
    for lesion in fluorescent:
        if not lesion.plane_adapted:
            min(patients, key=lambda p: (len(p.lesions), rng.random())).lesions.append(lesion)
    occult_crlm = sum(kind.count("2") * 2 + kind.count("1") for kind in design.occult_kinds)
    clear = [LesionPlan(r1_type="vascular")] * design.fn_vascular
    clear += [LesionPlan(r1_type="parenchymal")] * design.fn_parenchymal
    clear += [LesionPlan()] * (design.tn - occult_crlm)
    rng.shuffle(clear)
    for patient in patients:
        if not patient.lesions:
            patient.lesions.append(clear.pop())
    for lesion in clear:
        rng.choice(patients).lesions.append(lesion)
    for patient, kind in zip(occult_patients, design.occult_kinds, strict=True):
        patient.lesions += [LesionPlan(occult=True)] * (2 if kind == "2" else int(kind[0]))
        if kind.endswith("+"):
            patient.lesions.append(LesionPlan(occult=True, histology=others.pop()))


def design(rng: random.Random) -> list[PatientPlan]:
    """The 201 patients of one cohort, ordered by centre and procedure number."""
    patients = _slots(rng)
    others = rng.sample(OCCULT_OTHER, len(OCCULT_OTHER))
    for (learning, chemo), group in GROUPS.items():
        _fill_group(rng, group, [p for p in patients if p.learning == learning and p.chemo == chemo], others)
    extra = [LesionPlan(histology=h, fluorescent=i < FLUORESCENT_BENIGN) for i, h in enumerate(IMAGING_NON_CRLM)]
    extra += [LesionPlan(treatment="ablation", histology=None)] * ABLATED
    extra += [LesionPlan(treatment="none", histology=None)] * NOT_TREATED
    for lesion in extra:
        rng.choice(patients).lesions.append(lesion)
    for patient in rng.sample(patients, ROBOT_PATIENTS):
        patient.robot = True
    for patient, grade in zip(rng.sample(patients, len(COMPLICATIONS)), COMPLICATIONS, strict=True):
        patient.complication = grade
    for patient in patients:
        rng.shuffle(patient.lesions)
    return patients
