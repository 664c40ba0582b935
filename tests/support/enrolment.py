"""The eligibility answers of a patient who may be enrolled."""

ELIGIBLE = {
    "age_18_or_over": True,
    "scheduled_mi_resection": True,
    "iodine_or_icg_allergy": False,
    "recurrence_at_treated_site": False,
    "oral_consent": True,
}
