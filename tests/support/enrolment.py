"""The eligibility answers of a patient who may be enrolled, and everything enrolment needs besides."""

ELIGIBLE = {
    "age_18_or_over": True,
    "scheduled_mi_resection": True,
    "iodine_or_icg_allergy": False,
    "recurrence_at_treated_site": False,
    "oral_consent": True,
}

# Consent on a past day, and what is known of the surgery before it starts.
ENROLMENT = ELIGIBLE | {
    "consent_date": "2026-11-01",
    "surgeon": "Dr. Surgeon",
    "approach": "laparoscopic",
    "imaging_system": "storz_rubina",
    "planned_procedure": "wedge",
}


def in_surgery(service, kinds: tuple[str, ...] = ("incision", "lesion_found"), minutes_ago: int = 30) -> str:
    """An enrolled procedure whose surgery began minutes_ago (ICG a day before), with these events a minute apart."""
    from datetime import timedelta

    from mimic_desktop.domain.clock import utc_now

    start = utc_now() - timedelta(minutes=minutes_ago)
    proc_id = service.create("MIM-03-001", "03", ENROLMENT | {"icg_given_at": start - timedelta(hours=24)})
    for minute, kind in enumerate(kinds):
        service.record_event(proc_id, kind, at=start + timedelta(minutes=minute))
    return proc_id
