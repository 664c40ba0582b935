"""A synthetic MIMIC cohort as complete domain records, deterministic for a seed and as large as needed.

One copy is the 201 patients of cohort_design.py, surgery between September 2018 and June 2021,
with Table 1 of the paper where the case report form allows it (85 women and 116 men, primary
tumour sites with 2 unknown, T, N and M stages with the 2 and 3 unknown stages given as T3 and
N1 because the form requires them, median age 65 (57-72), CEA 5.9 (2.7-15.0), largest lesion
22 mm (14-35), 130 robot-assisted, complications: 15 of grade I-II and 11 of grade III or more).
`scale` copies multiply every count; each copy is one centre block of study IDs, so at scale the
centres are more (at most 99 codes of 999 study numbers) and their first ten procedures fewer in
proportion. The records are complete and locked, the questionnaire unsigned.
"""

from __future__ import annotations

import itertools
import math
import random
import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from functools import cache
from typing import Any

from ..domain.clock import to_iso
from ..domain.errors import ValidationError
from ..domain.record import Complication, Event, Lesion, Procedure
from ..domain.wording import Text
from .cohort_design import CENTRE_SIZES, LesionPlan, PatientPlan, design
from .simulate import seen_with

FIRST_DAY, LAST_DAY = date(2018, 9, 3), date(2021, 6, 28)
CENTRE_CODES = 99
STUDY_NUMBERS = 999
USER = "synthetic.coordinator"
SEGMENTS = ("I", "II", "III", "IVa", "IVb", "V", "VI", "VII", "VIII")
SEX = {"female": 85, "male": 116}
PRIMARY = {"ascending": 40, "transverse": 6, "descending": 9, "sigmoid": 72, "rectum": 72, None: 2}
T_STAGE = {"T1": 8, "T2": 23, "T3": 137, "T4": 33}
N_STAGE = {"N0": 63, "N1": 93, "N2": 45}
M_STAGE = {"M0": 99, "M1": 102}
# Quantile knots (fraction, value) through which the values of one copy are spread.
AGE = ((0, 31), (0.25, 57), (0.5, 65), (0.75, 72), (1, 87))
CEA = ((0, 0.5), (0.25, 2.7), (0.5, 5.9), (0.75, 15.0), (1, 850))
LARGEST_MM = ((0, 6), (0.25, 14), (0.5, 22), (0.75, 35), (1, 120))
BLOOD_LOSS = ((0, 10), (0.25, 50), (0.5, 150), (0.75, 350), (1, 2500))
HOSPITAL_DAYS = ((0, 1), (0.25, 2), (0.5, 3), (0.75, 4), (1, 21))
SEVERE = ("IIIa", "IIIb", "IVa", "IVb", "V")
INTENSIVE_CARE = ("IVa", "IVb")
LAPAROSCOPIC_SYSTEMS = ("storz_rubina", "olympus_visera_elite_ii", "stryker_1588", "stryker_1688")


@cache
def lesions_per_copy() -> int:
    return sum(len(patient.lesions) for patient in design(random.Random(0)))


def scale_for_lesions(lesions: int) -> int:
    """The smallest scale whose cohort has at least this many lesions."""
    return max(1, math.ceil(lesions / lesions_per_copy()))


def centre_code(copy: int, centre: int) -> str:
    return f"{(copy * len(CENTRE_SIZES) + centre) % CENTRE_CODES + 1:02d}"


def check_scale(scale: int) -> None:
    """Every study ID must fit MIM-CC-NNN: at most 999 patients per centre code."""
    load: dict[str, int] = {}
    for copy in range(max(scale, 0)):
        for centre, size in enumerate(CENTRE_SIZES):
            code = centre_code(copy, centre)
            load[code] = load.get(code, 0) + size
    if scale < 1 or max(load.values()) > STUDY_NUMBERS:
        raise ValidationError(
            Text(
                "A synthetic cohort of scale {scale} does not fit the study IDs (MIM-CC-NNN, at most {centres} "
                "centres of {patients} patients); choose a scale from 1 to about 480.",
                scale=scale,
                centres=CENTRE_CODES,
                patients=STUDY_NUMBERS,
            ),
            "scale",
        )


def _counts(rng: random.Random, counts: dict[Any, int]) -> list[Any]:
    values = [value for value, count in counts.items() for _ in range(count)]
    rng.shuffle(values)
    return values


def _spread(rng: random.Random, count: int, knots: tuple[tuple[float, float], ...], digits: int = 0) -> list[float]:
    """count values whose quantiles pass through the knots, in random order."""
    values = []
    for index in range(count):
        q = (index + 0.5) / count
        (q0, v0), (q1, v1) = next((a, b) for a, b in itertools.pairwise(knots) if q <= b[0])
        values.append(round(v0 + (v1 - v0) * (q - q0) / (q1 - q0), digits))
    rng.shuffle(values)
    return values if digits else [int(v) for v in values]


def _days(rng: random.Random, count: int) -> list[date]:
    weekdays = [FIRST_DAY + timedelta(days=d) for d in range((LAST_DAY - FIRST_DAY).days + 1)]
    return sorted(rng.sample([d for d in weekdays if d.weekday() < 5], count))


def _uid(rng: random.Random) -> str:
    return uuid.UUID(int=rng.getrandbits(128), version=4).hex


class _Timeline:
    """Events one after the other, a few minutes apart, attributed to the synthetic coordinator."""

    def __init__(self, rng: random.Random, start: datetime):
        self.rng, self.at = rng, start
        self.events: list[Event] = []

    def add(self, kind: str, lesion_id: str | None = None, minutes: tuple[int, int] = (2, 6)) -> None:
        stamp = to_iso(self.at)
        self.events.append(Event(len(self.events) + 1, kind, stamp, stamp, USER, lesion_id))
        self.at += timedelta(minutes=self.rng.randint(*minutes))


def _margins(rng: random.Random, plan: LesionPlan) -> dict[str, Any]:
    if plan.treatment != "resection":
        return {}
    margin = rng.choice([0.0, 0.0, 0.0, 0.1, 0.5]) if plan.r1_type else round(rng.uniform(1.0, 15.0), 1)
    values = {"histology": plan.histology, "margin_mm": margin, "r1_type": plan.r1_type}
    if plan.reresection == "done":
        values |= {
            "reresection_tumour": plan.reresection_tumour,
            "final_margin_mm": round(margin + rng.uniform(2, 9), 1),
        }
    return values


def _lesion_values(rng: random.Random, plan: LesionPlan, size: float) -> dict[str, Any]:
    count = rng.choice([1, 1, 1, 2])
    values = {
        "segments": sorted(rng.sample(SEGMENTS, count), key=SEGMENTS.index),
        "size_mm": size,
        "source": "occult" if plan.occult else "imaging",
        "detected_by": "icg" if plan.occult else "preop_imaging",
        "icg_pattern": "rim" if plan.histology in ("crlm", "other_malignancy") else rng.choice(["homogeneous", "none"]),
        "treatment": plan.treatment,
    }
    values["seen_with"] = seen_with(plan.occult, values["icg_pattern"])
    return values | _margins(rng, plan)


def _lesions(rng: random.Random, plan: PatientPlan, largest: float) -> list[tuple[Lesion, LesionPlan]]:
    # Lesions seen on imaging are identified first, the occult ones during the ICG inspection.
    ordered = sorted(plan.lesions, key=lambda lesion: lesion.occult)
    result = []
    for number, lesion_plan in enumerate(ordered, start=1):
        if lesion_plan.occult:
            size = float(rng.randint(3, 12))
        else:
            size = largest if number == 1 else float(rng.randint(5, max(5, int(largest))))
        result.append((Lesion(_uid(rng), number, _lesion_values(rng, lesion_plan, size)), lesion_plan))
    return result


def _surgery(timeline: _Timeline, lesions: list[tuple[Lesion, LesionPlan]]) -> None:
    for kind in ("incision", "inspect_white_light", "inspect_icg", "ious"):
        timeline.add(kind)
    for lesion, plan in lesions:
        timeline.add("occult_lesion" if plan.occult else "lesion_found", lesion.id)
    timeline.add("resection_planning", minutes=(5, 15))
    for lesion, plan in lesions:
        if plan.treatment == "ablation":
            timeline.add("ablation", lesion.id, minutes=(8, 20))
        if plan.treatment != "resection":
            continue
        timeline.add("transection_start", lesion.id, minutes=(5, 25))
        if plan.plane_fluorescence:
            timeline.add("plane_fluorescence", lesion.id)
        if plan.plane_adapted:
            timeline.add("plane_adapted", lesion.id)
        timeline.add("transection_end", lesion.id)
        timeline.add("specimen_fluorescent" if plan.fluorescent else "specimen_clear", lesion.id)
        if plan.reresection:
            timeline.add("cavity_fluorescent", lesion.id)
            timeline.add(f"reresection_{plan.reresection}", lesion.id, minutes=(4, 12))
        if plan.occult:
            timeline.add("extended_resection", lesion.id)
    timeline.add("closure")


def _complication(rng: random.Random, grade: str, day: date) -> Complication:
    values = {
        "description": "Bile leak, drained" if grade in SEVERE else "Wound infection, antibiotics",
        "clavien_dindo": grade,
        "onset_date": (day + timedelta(days=rng.randint(1, 30))).isoformat(),
        "present_at_discharge": False,
    }
    return Complication(_uid(rng), 1, values)


def _record(
    rng: random.Random, plan: PatientPlan, baseline: dict[str, Any], study_id: str, centre: str, day: date
) -> Procedure:
    start = datetime.combine(day, time(7, 30), UTC) + timedelta(minutes=rng.randint(0, 90))
    lesions = _lesions(rng, plan, baseline["largest_lesion_mm"])
    timeline = _Timeline(rng, start)
    _surgery(timeline, lesions)
    values = {
        "age_18_or_over": True,
        "scheduled_mi_resection": True,
        "iodine_or_icg_allergy": False,
        "recurrence_at_treated_site": False,
        "oral_consent": True,
        "consent_date": (day - timedelta(days=rng.randint(7, 28))).isoformat(),
        **baseline,
        "disease_free_interval_months": rng.choice([0, 0, 6, 14, 30]),
        "neoadjuvant_chemo": plan.chemo,
        "suspected_lesions": sum(1 for _, lesion in lesions if not lesion.occult),
        "scan_type": rng.choice(["ct", "mri", "ct_mri"]),
        "icg_dose_mg": 10,
        "icg_volume_ml": 2,
        "icg_concentration_mg_ml": 5,
        "icg_given_at": to_iso(start - timedelta(minutes=rng.randint(21 * 60, 27 * 60))),
        "icg_adverse_reaction": False,
        "surgeon": f"Surgeon {centre}-{rng.choice('AB')}",
        "approach": "robot" if plan.robot else "laparoscopic",
        "imaging_system": "intuitive_firefly" if plan.robot else rng.choice(LAPAROSCOPIC_SYSTEMS),
        "planned_procedure": "multiple" if len(lesions) > 1 else rng.choice(["wedge", "segmentectomy"]),
        "icu_days": 1 if plan.complication in INTENSIVE_CARE else 0,
        "readmission": False,
        "icg_adverse_event": False,
    }
    values["executed_procedure"] = values["planned_procedure"]
    complications = [_complication(rng, plan.complication, day)] if plan.complication else []
    completed = to_iso(datetime.combine(day + timedelta(days=95), time(12), UTC))
    return Procedure(
        id=_uid(rng),
        study_id=study_id,
        centre=centre,
        created_at=to_iso(start - timedelta(days=2)),
        session_id=_uid(rng),
        values=values,
        lesions=[lesion for lesion, _ in lesions],
        complications=complications,
        events=timeline.events,
        completed_at=completed,
        modified_at=completed,
    )


def _baselines(rng: random.Random, count: int) -> list[dict[str, Any]]:
    columns = {
        "sex": _counts(rng, SEX),
        "primary_location": _counts(rng, PRIMARY),
        "t_stage": _counts(rng, T_STAGE),
        "n_stage": _counts(rng, N_STAGE),
        "m_stage": _counts(rng, M_STAGE),
        "age": _spread(rng, count, AGE),
        "cea": _spread(rng, count, CEA, 1),
        "largest_lesion_mm": [float(v) for v in _spread(rng, count, LARGEST_MM)],
        "blood_loss_ml": [round(v, -1) for v in _spread(rng, count, BLOOD_LOSS)],
        "hospital_stay_days": _spread(rng, count, HOSPITAL_DAYS),
    }
    return [{name: values[index] for name, values in columns.items()} for index in range(count)]


def synthetic_cohort(seed: int = 1, scale: int = 1) -> Iterator[Procedure]:
    """scale copies of the designed cohort, one procedure at a time (so a large cohort needs little memory)."""
    check_scale(scale)
    numbers: dict[str, int] = {}
    for copy in range(scale):
        rng = random.Random(f"mimic-synthetic:{seed}:{copy}")
        plans = design(rng)
        baselines = _baselines(rng, len(plans))
        days = {centre: _days(rng, size) for centre, size in enumerate(CENTRE_SIZES)}
        for plan, baseline in zip(plans, baselines, strict=True):
            code = centre_code(copy, plan.centre)
            numbers[code] = numbers.get(code, 0) + 1
            study_id = f"MIM-{code}-{numbers[code]:03d}"
            yield _record(rng, plan, baseline, study_id, code, days[plan.centre][plan.number - 1])
