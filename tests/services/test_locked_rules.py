"""A complete, locked record changes only with a reason and only into a record completion would still accept; its
questionnaire stays open for the surgeon's first answers."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta

import pytest

from mimic_desktop.domain.errors import BreaksCompletionRules, ReasonRequired
from mimic_desktop.services.demo import DEMO_QUESTIONNAIRE
from mimic_desktop.storage import audit
from tests.support.roles import snapshot

# Within the year ahead that a date may take at all (a later one is refused as implausible, whatever the record):
# a completed record's complication cannot lie ahead.
SOON = date.today() + timedelta(days=30)


@pytest.fixture
def locked(service, recorded):
    service.complete(recorded)
    return recorded


def resected_lesion(service, proc_id) -> str:
    return next(lesion.id for lesion in service.load(proc_id).lesions if lesion.get("treatment") == "resection")


def refused_rows(service, proc_id) -> list[dict]:
    return [json.loads(r["new_value"]) for r in service.audit_trail(proc_id) if r["field"] == "refused"]


@pytest.mark.parametrize(
    ("change", "words", "dutch"),
    [
        (
            lambda s, p: s.set_values(
                p,
                {"margin_mm": 0.5, "r1_type": None},
                entity="lesion",
                entity_id=resected_lesion(s, p),
                reason="pathology revised",
            ),
            "the margin is under 1 mm (R1): say whether the R1 is vascular or parenchymal",
            "de marge is kleiner dan 1 mm (R1)",
        ),
        (
            lambda s, p: s.set_values(p, {"icu_days": 20, "hospital_stay_days": 9}, reason="letter read again"),
            "ICU stay (20 days) is longer than the hospital stay (9 days)",
            "is langer dan",
        ),
        (
            lambda s, p: s.add_complication(
                p, {"description": "Ileus", "clavien_dindo": "II", "onset_date": SOON}, reason="late"
            ),
            f"({SOON.isoformat()}) lies in the future",
            "ligt in de toekomst",
        ),
    ],
    ids=["R1 margin without R1 type", "20 ICU days in a 9-day stay", "a complication next month"],
)
def test_a_change_that_breaks_a_completion_rule_is_refused_in_the_rules_words(
    store, service, locked, change, words, dutch
):
    before = snapshot(store)
    with pytest.raises(BreaksCompletionRules) as refused:
        change(service, locked)
    assert "complete and locked, and this change would break what completion requires" in str(refused.value)
    assert words in str(refused.value)
    assert snapshot(store) == before, "nothing of the change was saved"
    assert refused_rows(service, locked)[-1]["action"] == "edit_locked_rules"
    assert service.load(locked).locked
    assert audit.check(store.conn).ok
    if "ICU" in words:  # the same refusal in Dutch, for a Dutch screen
        with pytest.raises(BreaksCompletionRules, match=dutch):
            service.set_values(locked, {"icu_days": 20, "hospital_stay_days": 9}, reason="brief", lang="nl")


def test_a_change_that_keeps_the_rules_is_saved_with_its_reason(service, locked):
    service.set_values(locked, {"icu_days": 1, "hospital_stay_days": 9}, reason="letter read again")
    proc = service.load(locked)
    assert (proc.get("icu_days"), proc.get("hospital_stay_days")) == (1, 9)


def test_locking_leaves_an_empty_questionnaire_open_for_its_first_answers(store, service, locked):
    first = dict(list(DEMO_QUESTIONNAIRE.items())[:3])
    assert service.set_values(locked, first) == 3, "first answers need no reason"
    rows = [r for r in service.audit_trail(locked) if r["field"] in first]
    assert [r["reason"] for r in rows] == [None, None, None]
    with pytest.raises(ReasonRequired, match="complete and locked"):
        service.set_values(locked, {"q_usefulness": 1})  # a changed answer is a change to a locked record
    with pytest.raises(ReasonRequired, match="complete and locked"):
        service.set_values(locked, {"q_changed_plan": True, "icu_days": 2})  # with a CRF field, it is a change
    service.set_values(locked, {k: v for k, v in DEMO_QUESTIONNAIRE.items() if k not in first})
    assert all(service.load(locked).get(k) == v for k, v in DEMO_QUESTIONNAIRE.items())
    assert audit.check(store.conn).ok


def test_a_record_locked_long_ago_is_checked_against_today(store, service, recorded, coordinator):
    """The future is measured from the moment of the change, not from when the record was completed."""
    from mimic_desktop.services.procedures import ProcedureService

    service.complete(recorded)
    later = ProcedureService(store, coordinator, clock=lambda: datetime.now(UTC) + timedelta(days=400))
    day = (datetime.now(UTC) + timedelta(days=200)).date()
    later.add_complication(
        recorded, {"description": "Hernia", "clavien_dindo": "IIIb", "onset_date": day}, reason="found at follow-up"
    )
    assert len(service.load(recorded).complications) >= 1
