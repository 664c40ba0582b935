from datetime import UTC, datetime, timedelta

from mimic_desktop.domain import derive
from mimic_desktop.domain.clock import to_iso
from mimic_desktop.domain.record import Event, Lesion, Procedure

T0 = datetime(2026, 11, 24, 8, 0, tzinfo=UTC)


def proc(**values):
    return Procedure(id="p", study_id="MIM-01-001", centre="01", created_at=to_iso(T0), session_id="s", values=values)


def add_event(p, kind, minutes, lesion_id=None, struck=False):
    p.events.append(
        Event(
            len(p.events) + 1, kind, to_iso(T0 + timedelta(minutes=minutes)), to_iso(T0), "u", lesion_id, struck=struck
        )
    )


def test_r_status_boundary_is_one_millimetre():
    assert derive.r_status(1.0) == "R0"
    assert derive.r_status(0.99) == "R1"
    assert derive.r_status(0) == "R1"
    assert derive.r_status(None) is None


def test_final_r_status_follows_the_re_resection():
    lesion = Lesion("l", 1, {"margin_mm": 0.2, "final_margin_mm": 4.0})
    assert derive.final_r_status(lesion) == "R0"
    assert derive.final_r_status(Lesion("m", 2, {"margin_mm": 0.2})) == "R1"


def test_icg_interval_and_window():
    p = proc(icg_given_at=to_iso(T0 - timedelta(hours=24)))
    add_event(p, "incision", 0)
    interval = derive.icg_interval(p)
    assert interval == timedelta(hours=24)
    assert derive.icg_in_window(interval) is True
    assert derive.icg_in_window(timedelta(hours=6)) is False
    assert derive.icg_in_window(timedelta(hours=48)) is False


def test_struck_events_do_not_count():
    p = proc()
    add_event(p, "incision", 0, struck=True)
    add_event(p, "incision", 5)
    add_event(p, "closure", 95)
    assert derive.operation_minutes(p) == 90


def test_fong_score_from_its_five_criteria():
    p = proc(n_stage="N1", disease_free_interval_months=6, suspected_lesions=3, largest_lesion_mm=60, cea=250)
    assert derive.fong(p).score == 5
    p = proc(n_stage="N0", disease_free_interval_months=24, suspected_lesions=1, largest_lesion_mm=50, cea=200)
    assert derive.fong(p).score == 0
    assert derive.fong(proc(n_stage="N1")).score is None  # incomplete criteria give no score


def test_management_changes_counted_from_events():
    p = proc()
    p.lesions = [Lesion("a", 1, {"source": "imaging"}), Lesion("b", 2, {"source": "occult"})]
    add_event(p, "incision", 0)
    add_event(p, "plane_adapted", 10, "a")
    add_event(p, "reresection_done", 20, "a")
    add_event(p, "extended_resection", 30, "b")
    add_event(p, "extended_resection", 31, "a")  # not occult: not a protocol change
    changes = derive.management_changes(p)
    assert (changes.plane_adapted, changes.cavity_reresection, changes.occult_extended) == (1, 1, 1)
    assert changes.any


def test_assessment_uses_the_latest_specimen_call():
    p = proc()
    p.lesions = [Lesion("a", 1)]
    add_event(p, "transection_start", 1, "a")
    add_event(p, "specimen_fluorescent", 2, "a")
    add_event(p, "specimen_clear", 3, "a")
    assert derive.assess_lesion(p, "a").specimen_fluorescent is False


def test_status_follows_the_record():
    p = proc()
    assert derive.status(p) is derive.Status.DRAFT
    add_event(p, "incision", 0)
    assert derive.status(p) is derive.Status.IN_PROGRESS
    add_event(p, "closure", 60)
    assert derive.status(p) is derive.Status.AWAITING_PATHOLOGY
    p.completed_at = to_iso(T0 + timedelta(days=10))
    assert derive.status(p) is derive.Status.COMPLETE


def test_late_complication_flag():
    p = proc()
    add_event(p, "incision", 0)
    assert not derive.late_complication(p, "2027-02-20")
    assert derive.late_complication(p, "2027-02-23")
