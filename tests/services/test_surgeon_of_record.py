"""The questionnaire is the operating surgeon's: only the surgeon of record (an account) or a delegate signs it, the
answers are theirs (entered by them, or confirmed answer by answer), and the meaning is one the form defines."""

from __future__ import annotations

import json

import pytest

from mimic_desktop.domain.errors import NotFound, PermissionDenied, ValidationError
from mimic_desktop.services.accounts import AccountService
from mimic_desktop.services.demo import DEMO_QUESTIONNAIRE
from mimic_desktop.services.procedures import ProcedureService
from mimic_desktop.services.signing import SigningService, signature_meaning
from mimic_desktop.services.surgeons import SurgeonService
from mimic_desktop.storage import audit
from tests.support.enrolment import ENROLMENT
from tests.support.signers import make_surgeon_of_record

SAM, KIM = "steady hands 42", "other steady hands"


@pytest.fixture
def sam(store, coordinator):
    return AccountService(store).create_user("sam.surgeon", "Sam Snijder", "surgeon", SAM, by=coordinator)


@pytest.fixture
def kim(store, coordinator):
    return AccountService(store).create_user("kim.surgeon", "Kim Kapper", "surgeon", KIM, by=coordinator)


@pytest.fixture
def sams_record(store, service, recorded, sam):
    """A recorded procedure of which Sam is the surgeon of record, with every answer entered by Sam."""
    make_surgeon_of_record(store, recorded, sam)
    ProcedureService(store, sam).set_values(recorded, DEMO_QUESTIONNAIRE)
    return recorded


def refusals(service, proc_id) -> list[dict]:
    rows = service.audit_trail(proc_id)
    return [json.loads(r["new_value"]) | {"user": r["username"]} for r in rows if r["field"] == "refused"]


def test_enrolment_names_the_surgeon_by_account(store, service, sam, coordinator):
    proc_id = service.create("MIM-01-001", "01", ENROLMENT | {"surgeon": "typed over"}, surgeon="sam.surgeon")
    proc = service.load(proc_id)
    assert (proc.surgeon_username, proc.get("surgeon")) == ("sam.surgeon", "Sam Snijder")
    rows = [r for r in service.audit_trail(proc_id) if r["field"] == "surgeon_username"]
    assert [(json.loads(r["new_value"]), r["username"]) for r in rows] == [("sam.surgeon", "anna.coord")]
    for not_a_surgeon in ("anna.coord", "nobody", ""):
        with pytest.raises(ValidationError, match="not an active surgeon account"):
            service.create("MIM-01-002", "01", ENROLMENT, surgeon=not_a_surgeon)
    assert service.list("MIM-01-002") == []
    with pytest.raises(ValidationError, match="choose another surgeon's account"):
        service.set_values(proc_id, {"surgeon": "Dr. Somebody Else"})
    assert audit.check(store.conn).ok


def test_a_surgeon_who_is_not_the_surgeon_of_record_cannot_sign(store, service, sams_record, kim):
    kims = SigningService(store, kim)
    with pytest.raises(PermissionDenied, match=r"Only the operating surgeon of MIM-01-001 \(Sam Snijder\) signs"):
        kims.sign_questionnaire(sams_record, KIM)
    with pytest.raises(PermissionDenied, match="delegation"):
        kims.confirm_answers(sams_record)
    assert service.load(sams_record).signatures == []
    assert [(r["user"], r["action"]) for r in refusals(service, sams_record)] == [
        ("kim.surgeon", "sign"),
        ("kim.surgeon", "confirm"),
    ]


def test_another_surgeon_signs_only_with_a_delegation_recorded_with_a_reason(
    store, service, coordinator, sams_record, sam, kim
):
    surgeons = SurgeonService(store, coordinator)
    with pytest.raises(ValidationError, match="Say why another surgeon signs"):
        surgeons.delegate(sams_record, "kim.surgeon", "  ")
    with pytest.raises(ValidationError, match="signs without a delegation"):
        surgeons.delegate(sams_record, "sam.surgeon", "himself")
    with pytest.raises(PermissionDenied, match="Only a coordinator or the operating surgeon"):
        SurgeonService(store, kim).delegate(sams_record, "kim.surgeon", "I was there too")
    assert surgeons.delegations(sams_record) == []
    SurgeonService(store, sam).delegate(sams_record, "kim.surgeon", "Sam is abroad for a month")
    with pytest.raises(ValidationError, match="may already sign"):
        surgeons.delegate(sams_record, "kim.surgeon", "again")
    [delegation] = surgeons.delegations(sams_record)
    assert (delegation.username, delegation.reason, delegation.granted_by) == (
        "kim.surgeon",
        "Sam is abroad for a month",
        "sam.surgeon",
    )
    row = next(r for r in service.audit_trail(sams_record) if r["entity"] == "delegation")
    assert (row["username"], row["reason"]) == ("sam.surgeon", "Sam is abroad for a month")
    kims = SigningService(store, kim)
    with pytest.raises(ValidationError, match=r"not yet confirmed by kim\.surgeon"):
        kims.sign_questionnaire(sams_record, KIM)  # Sam's answers are not Kim's until Kim confirms them
    assert kims.confirm_answers(sams_record) == 7
    with pytest.raises(ValidationError, match="does not fit"):
        kims.sign_questionnaire(sams_record, KIM, meaning="author")
    signature = kims.sign_questionnaire(sams_record, KIM)
    assert signature.username == "kim.surgeon"
    assert signature.meaning == signature_meaning("en", "delegate")
    assert audit.check(store.conn).ok


def test_a_typed_surgeon_cannot_sign_until_a_coordinator_maps_the_name(store, service, coordinator, recorded, sam):
    service.set_values(recorded, DEMO_QUESTIONNAIRE)
    assert service.load(recorded).get("surgeon") == "Surgeon A"  # typed, as records were before accounts
    with pytest.raises(PermissionDenied, match="still the typed name 'Surgeon A'"):
        SigningService(store, sam).sign_questionnaire(recorded, SAM)
    surgeons = SurgeonService(store, coordinator)
    assert [(t.name, t.study_ids) for t in surgeons.typed_names()] == [("Surgeon A", ("MIM-01-001",))]
    with pytest.raises(PermissionDenied, match="Only a coordinator"):
        SurgeonService(store, sam).map_typed_name("Surgeon A", "sam.surgeon")
    with pytest.raises(NotFound, match="No record has the typed surgeon name"):
        surgeons.map_typed_name("Surgeon Z", "sam.surgeon")
    with pytest.raises(ValidationError, match="not an active surgeon account"):
        surgeons.map_typed_name("Surgeon A", "anna.coord")
    assert surgeons.map_typed_name("Surgeon A", "sam.surgeon") == ["MIM-01-001"]
    mapped = [r for r in service.audit_trail(recorded) if r["field"] in {"surgeon", "surgeon_username"}][-2:]
    assert {r["reason"] for r in mapped} == {"the typed surgeon name 'Surgeon A' mapped to the account sam.surgeon"}
    signing = SigningService(store, sam)
    signing.confirm_answers(recorded)
    assert signing.sign_questionnaire(recorded, SAM).printed_name == "Sam Snijder"
    assert audit.check(store.conn).ok


def test_answers_entered_on_the_surgeons_word_are_confirmed_one_by_one(store, service, coordinator, recorded, sam):
    make_surgeon_of_record(store, recorded, sam)
    service.set_values(recorded, DEMO_QUESTIONNAIRE)  # the coordinator types what the surgeon said
    signing = SigningService(store, sam)
    sources = signing.answers(recorded)
    assert {s.entered_by for s in sources.values()} == {"anna.coord"}
    assert all(s.confirmed_by is None for s in sources.values())
    with pytest.raises(ValidationError, match=r"not yet confirmed by sam\.surgeon: How useful"):
        signing.sign_questionnaire(recorded, SAM)
    assert signing.confirm_answers(recorded, ["q_usefulness"]) == 1
    assert signing.answers(recorded)["q_usefulness"].confirmed_by == "sam.surgeon"
    assert signing.answers(recorded)["q_image_quality"].confirmed_by is None
    with pytest.raises(ValidationError, match="has no answer to confirm"):
        signing.confirm_answers(recorded, ["q_comments"])
    assert signing.confirm_answers(recorded) == 6
    service.set_values(recorded, {"q_usefulness": 2})  # changed again by someone else: no longer confirmed
    assert signing.answers(recorded)["q_usefulness"].confirmed_by is None
    assert signing.meanings_for(service.load(recorded)) == ["confirmed_author"]
    with pytest.raises(ValidationError, match="How useful"):
        signing.sign_questionnaire(recorded, SAM)
    signing.confirm_answers(recorded, ["q_usefulness"])
    signature = signing.sign_questionnaire(recorded, SAM)
    assert signature.meaning == signature_meaning("en", "confirmed_author")
    confirmations = [r for r in service.audit_trail(recorded) if r["entity"] == "answer"]
    assert len(confirmations) == 8 and {r["username"] for r in confirmations} == {"sam.surgeon"}
    assert audit.check(store.conn).ok


def test_the_meaning_is_one_the_form_defines_in_the_signers_language(store, service, sams_record, sam):
    signing = SigningService(store, sam)
    assert signing.meanings_for(service.load(sams_record)) == ["author", "confirmed_author"]
    for free_text in (
        "I am the author",
        "Author: I answered this questionnaire and confirm that the answers are mine.",
    ):
        with pytest.raises(ValidationError, match="not a meaning the questionnaire defines"):
            signing.sign_questionnaire(sams_record, SAM, meaning=free_text)
    with pytest.raises(ValidationError, match="past niet bij deze handtekening"):
        signing.sign_questionnaire(sams_record, SAM, meaning="delegate", lang="nl")
    signature = signing.sign_questionnaire(sams_record, SAM, lang="nl")
    assert signature.meaning == signature_meaning("nl", "author")
    assert signature.meaning.startswith("Auteur: ik heb deze vragenlijst ingevuld")


def test_a_delegation_written_into_the_database_is_found_by_verify(store, service, coordinator, sams_record, kim):
    with store.transaction() as db:
        db.conn.execute(
            "INSERT INTO delegations (procedure_id, username, reason, granted_by, granted_utc)"
            " VALUES (?, 'kim.surgeon', 'trust me', 'anna.coord', '2026-12-01T08:00:00+00:00')",
            (sams_record,),
        )
    assert "delegation 1 has no audit entry" in [str(p) for p in audit.check(store.conn).problems]
    with store.transaction() as db:
        db.conn.execute("DELETE FROM delegations")
    assert audit.check(store.conn).ok
    SurgeonService(store, coordinator).delegate(sams_record, "kim.surgeon", "Sam is abroad")
    with store.transaction() as db:
        db.conn.execute("UPDATE delegations SET username = 'anna.coord'")
    assert any("delegation 2: its username" in str(p) for p in audit.check(store.conn).problems)
