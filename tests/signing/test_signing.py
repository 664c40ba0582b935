import json

import pytest

from mimic_desktop.domain import derive
from mimic_desktop.domain.errors import AuthenticationFailed, PermissionDenied, ReasonRequired, ValidationError
from mimic_desktop.services.accounts import AccountService
from mimic_desktop.services.procedures import ProcedureService
from mimic_desktop.services.signing import (
    SignatureState,
    SigningService,
    check_signature,
    content_hash,
    signature_meaning,
)
from mimic_desktop.storage import audit
from tests.support.signers import make_surgeon_of_record

from .conftest import SURGEON_PASSWORD


def refusals(service, proc_id):
    return [
        json.loads(r["new_value"])
        for r in service.audit_trail(proc_id)
        if r["entity"] == "access" and r["field"] == "refused"
    ]


def test_the_surgeon_signs_with_name_time_meaning_and_a_content_hash(store, service, surgeon, answered):
    assert check_signature(store, service.load(answered)).state is SignatureState.UNSIGNED
    signature = SigningService(store, surgeon).sign_questionnaire(
        answered, SURGEON_PASSWORD, meaning="confirmed_author"
    )
    proc = service.load(answered)
    assert signature.printed_name == "Sam Snijder"
    assert signature.username == "sam.surgeon"
    assert signature.meaning == signature_meaning("en", "confirmed_author")
    assert signature.signed_at
    assert signature.content_hash == content_hash(proc)
    assert check_signature(store, proc).state is SignatureState.VALID
    signed_rows = [r for r in service.audit_trail(answered) if r["entity"] == "signature"]
    assert json.loads(signed_rows[-1]["new_value"])["content_hash"] == signature.content_hash
    assert audit.check(service.store.conn).ok


def test_the_hash_covers_answers_study_id_and_form_version(service, answered):
    proc = service.load(answered)
    before = content_hash(proc)
    proc.values["q_usefulness"] = 1
    assert content_hash(proc) != before
    proc.values["q_usefulness"] = service.load(answered).get("q_usefulness")
    proc.study_id = "MIM-01-999"
    assert content_hash(proc) != before
    proc.values["age"] = 99  # a CRF field is not part of the questionnaire
    proc.study_id = service.load(answered).study_id
    assert content_hash(proc) == before


def test_a_wrong_password_signs_nothing_and_is_logged(store, service, surgeon, answered):
    with pytest.raises(AuthenticationFailed, match="Wrong password"):
        SigningService(store, surgeon).sign_questionnaire(answered, "not my password")
    proc = service.load(answered)
    assert proc.signatures == []
    assert refusals(service, answered)[-1] == {"action": "sign", "message": "wrong password"}


def test_another_users_password_does_not_sign(store, service, surgeon, answered):
    with pytest.raises(AuthenticationFailed):
        SigningService(store, surgeon).sign_questionnaire(answered, "correct horse")  # the coordinator's
    assert service.load(answered).signatures == []


@pytest.mark.parametrize("role", ["coordinator", "monitor"])
def test_only_a_surgeon_can_sign_and_the_attempt_is_logged(store, service, coordinator, answered, role):
    other = AccountService(store).create_user(f"x.{role}", f"X {role}", role, "password-of-x", by=coordinator)
    with pytest.raises(PermissionDenied, match="Only a surgeon can sign"):
        SigningService(store, other).sign_questionnaire(answered, "password-of-x")
    assert service.load(answered).signatures == []
    assert refusals(service, answered)[-1]["action"] == "sign"


def test_unanswered_questions_are_named(store, service, surgeon, recorded):
    make_surgeon_of_record(store, recorded, surgeon)
    with pytest.raises(ValidationError, match="How useful was ICG"):
        SigningService(store, surgeon).sign_questionnaire(recorded, SURGEON_PASSWORD)


def test_a_meaning_is_required_and_a_second_signature_refused(store, surgeon, answered):
    signing = SigningService(store, surgeon)
    for free_text in ("  ", "Author", "I agree"):
        with pytest.raises(ValidationError, match="not a meaning the questionnaire defines"):
            signing.sign_questionnaire(answered, SURGEON_PASSWORD, meaning=free_text)
    with pytest.raises(ValidationError, match="does not fit this signature"):
        signing.sign_questionnaire(answered, SURGEON_PASSWORD, meaning="author")  # someone else typed the answers
    signing.sign_questionnaire(answered, SURGEON_PASSWORD)
    with pytest.raises(ValidationError, match="already signed by Sam Snijder"):
        signing.sign_questionnaire(answered, SURGEON_PASSWORD)


def test_an_edit_after_signing_needs_a_reason_and_voids_the_signature(store, service, surgeon, answered):
    signing = SigningService(store, surgeon)
    signing.sign_questionnaire(answered, SURGEON_PASSWORD)
    surgeon_service = ProcedureService(store, surgeon)
    with pytest.raises(ReasonRequired, match="give a reason"):
        surgeon_service.set_values(answered, {"q_image_quality": 2})
    assert service.load(answered).get("q_image_quality") == 5
    surgeon_service.set_values(answered, {"q_image_quality": 2}, reason="misread the scale")
    proc = service.load(answered)
    assert proc.valid_signature() is None
    assert proc.signatures[0].void_reason == "misread the scale"
    check = check_signature(signing.store, proc)
    assert check.state is SignatureState.VOIDED and check.signature is None
    assert check.voided.void_reason == "misread the scale"
    voids = [r for r in service.audit_trail(answered) if r["entity"] == "signature" and r["field"] == "voided"]
    assert voids[-1]["reason"] == "misread the scale"
    again = signing.sign_questionnaire(answered, SURGEON_PASSWORD)
    assert again.content_hash == content_hash(service.load(answered))
    assert check_signature(signing.store, service.load(answered)).ok


def test_answers_changed_behind_the_applications_back_break_the_signature(store, service, surgeon, answered):
    signing = SigningService(store, surgeon)
    signing.sign_questionnaire(answered, SURGEON_PASSWORD)
    with store.transaction() as db:
        db.conn.execute("UPDATE field_values SET value='1' WHERE procedure_id=? AND field='q_usefulness'", (answered,))
    check = check_signature(signing.store, service.load(answered))
    assert check.state is SignatureState.TAMPERED
    assert not check.ok


def test_a_rewritten_signature_hash_is_caught_by_the_audit_trail(store, service, surgeon, answered):
    signing = SigningService(store, surgeon)
    signing.sign_questionnaire(answered, SURGEON_PASSWORD)
    with store.transaction() as db:
        db.conn.execute("UPDATE field_values SET value='1' WHERE procedure_id=? AND field='q_usefulness'", (answered,))
    forged = content_hash(service.load(answered))
    with store.transaction() as db:
        db.conn.execute("UPDATE signatures SET content_hash=? WHERE procedure_id=?", (forged, answered))
    assert check_signature(signing.store, service.load(answered)).state is SignatureState.TAMPERED


def test_signing_a_completed_record_makes_it_signed(store, service, surgeon, answered):
    service.complete(answered)
    assert derive.status(service.load(answered)) is derive.Status.COMPLETE
    SigningService(store, surgeon).sign_questionnaire(answered, SURGEON_PASSWORD)
    assert derive.status(service.load(answered)) is derive.Status.SIGNED
    row = store.read("SELECT status FROM procedures WHERE id=?", (answered,))[0]
    assert row[0] == "signed"
