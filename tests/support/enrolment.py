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
