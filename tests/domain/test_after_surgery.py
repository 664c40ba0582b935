"""Pathology per lesion and the post-operative course: what is derived and what is inconsistent."""

from datetime import UTC, datetime, timedelta

import pytest

from mimic_desktop.domain import derive, rules
from mimic_desktop.domain.clock import to_iso
from mimic_desktop.domain.record import Complication, Event, Lesion, Procedure

T0 = datetime(2026, 11, 24, 8, 0, tzinfo=UTC)


def procedure(*lesion_events: list[str], **values) -> Procedure:
    """One lesion per list of event kinds, each transected before its events."""
    proc = Procedure(id="p", study_id="MIM-01-001", centre="01", created_at=to_iso(T0), session_id="s", values=values)
    proc.events.append(Event(1, "incision", to_iso(T0), to_iso(T0), "u"))
    for number, kinds in enumerate(lesion_events, start=1):
        lesion = Lesion(f"l{number}", number, {"treatment": "resection"})
        proc.lesions.append(lesion)
        for kind in ["transection_start", *kinds]:
            at = to_iso(T0 + timedelta(minutes=len(proc.events)))
            proc.events.append(Event(len(proc.events) + 1, kind, at, at, "u", lesion.id))
    return proc


@pytest.mark.parametrize(("margin", "status"), [(0.0, "R1"), (0.9, "R1"), (1.0, "R0"), (12.5, "R0"), (None, None)])
def test_r_status_from_the_margin(margin, status):
    assert derive.r_status(margin) == status


def test_an_r1_needs_its_type_and_an_r0_must_not_have_one():
    proc = procedure([], [])
    proc.lesions[0].values |= {"histology": "crlm", "margin_mm": 0.4}
    proc.lesions[1].values |= {"histology": "crlm", "margin_mm": 3.0, "r1_type": "vascular"}
    problems = rules.pathology_problems(proc)
    assert any("Lesion 1" in p and "vascular or parenchymal" in p for p in problems)
    assert any("Lesion 2" in p and "3 mm is R0" in p for p in problems)
    proc.lesions[0].values["r1_type"] = "parenchymal"
    del proc.lesions[1].values["r1_type"]
    assert rules.pathology_problems(proc) == []


def test_a_re_resection_result_without_a_re_resection_is_named():
    proc = procedure(["specimen_clear"])
    proc.lesions[0].values |= {"margin_mm": 4.0, "reresection_tumour": False, "final_margin_mm": 6.0}
    problems = rules.pathology_problems(proc)
    assert (
        "Lesion 1: Tumour in the re-resected cavity tissue is filled in, but Cavity re-resection done was not recorded."
        in problems
    )
    assert (
        "Lesion 1: Final margin after re-resection is filled in, but Cavity re-resection done was not recorded."
        in problems
    )


def test_a_re_resection_needs_its_result_and_gives_the_final_status():
    proc = procedure(["specimen_fluorescent", "cavity_fluorescent", "reresection_done"])
    lesion = proc.lesions[0]
    lesion.values |= {"histology": "crlm", "margin_mm": 0.2, "r1_type": "parenchymal"}
    problems = rules.pathology_problems(proc)
    assert any("fill in tumour in the re-resected cavity tissue" in p for p in problems)
    assert any("fill in final margin after re-resection" in p for p in problems)
    lesion.values |= {"reresection_tumour": False, "final_margin_mm": 5.0}
    assert rules.pathology_problems(proc) == []
    assert derive.r_status(lesion.get("margin_mm")) == "R1"
    assert derive.final_r_status(lesion) == "R0"


def test_a_final_margin_smaller_than_the_first_is_named():
    proc = procedure(["specimen_fluorescent", "cavity_fluorescent", "reresection_done"])
    proc.lesions[0].values |= {"margin_mm": 2.0, "reresection_tumour": True, "final_margin_mm": 0.5}
    assert any("smaller than the initial one" in p for p in rules.pathology_problems(proc))


def test_a_struck_re_resection_no_longer_counts():
    proc = procedure(["specimen_fluorescent", "cavity_fluorescent", "reresection_done"])
    proc.events[-1].struck = True
    proc.lesions[0].values |= {"margin_mm": 2.0, "final_margin_mm": 4.0}
    assert any("Cavity re-resection done was not recorded" in p for p in rules.pathology_problems(proc))


def complication(number: int, onset: str, grade: str = "II", at_discharge: bool = False) -> Complication:
    return Complication(
        f"c{number}",
        number,
        {"description": "x", "clavien_dindo": grade, "onset_date": onset, "present_at_discharge": at_discharge},
    )


def test_complications_after_90_days_are_flagged_not_refused():
    proc = procedure([])
    proc.complications += [complication(1, "2026-12-01"), complication(2, "2027-02-23", "IIIb")]
    assert not derive.late_complication(proc, "2026-12-01")
    assert derive.late_complication(proc, "2027-02-23")
    assert rules.postop_problems(proc) == []


def test_a_complication_before_surgery_is_named():
    proc = procedure([])
    proc.complications.append(complication(1, "2026-11-20"))
    assert rules.postop_problems(proc) == ["Complication 1: the onset (2026-11-20) is before the surgery (2026-11-24)."]


@pytest.mark.parametrize(
    ("grade", "at_discharge", "text"), [("IIIa", True, "IIIad"), ("IVb", False, "IVb"), ("V", None, "V")]
)
def test_clavien_dindo_suffix_d(grade, at_discharge, text):
    assert derive.clavien_dindo_text(complication(1, "2026-11-25", grade, at_discharge)) == text


def test_a_planned_readmission_needs_a_readmission():
    proc = procedure([], readmission=False, readmission_planned=True)
    assert rules.postop_problems(proc) == [
        "A planned readmission is given, but no readmission within 90 days was recorded."
    ]
    proc.values["readmission"] = True
    assert rules.postop_problems(proc) == []


def test_post_operative_problems_block_completion():
    proc = procedure([], readmission=False, readmission_planned=True)
    assert "A planned readmission is given, but no readmission within 90 days was recorded." in (
        rules.missing_for_completion(proc)
    )


def test_days_after_surgery_are_calendar_days_from_the_surgery_date():
    proc = procedure()
    assert derive.days_after_surgery(proc, "2026-11-24") == 0
    assert derive.days_after_surgery(proc, "2026-11-28") == 4
    assert derive.days_after_surgery(proc, None) is None
    assert derive.days_after_surgery(rules.draft({}), "2026-11-28") is None, "no surgery yet"
