"""The surgeon's electronic signature on the questionnaire: re-authenticated, bound to the content."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from ..domain import forms, rules
from ..domain.clock import to_iso, utc_now
from ..domain.errors import AuthenticationFailed, ValidationError
from ..domain.record import Procedure, Signature
from ..domain.roles import Action, User
from ..domain.signed_content import content_hash, covers_the_answers
from ..storage import audit, repository, users
from ..storage.connection import Store
from . import access
from .procedures import Clock, ProcedureService

FORM = "questionnaire"


def signature_meaning(lang: str = "en") -> str:
    """What a questionnaire signature means, in the signer's language (forms/questionnaire.json)."""
    return str(forms.questionnaire().extras["document_labels"][lang]["signature_meaning"])


class SignatureState(StrEnum):
    UNSIGNED = "unsigned"
    VALID = "valid"
    VOIDED = "voided"
    TAMPERED = "tampered"

    def text(self, lang: str = "en") -> str:
        return STATE_TEXT[self][0 if lang == "en" else 1]


STATE_TEXT = {
    SignatureState.UNSIGNED: ("Not signed", "Niet ondertekend"),
    SignatureState.VALID: (
        "Signature valid: the answers are unchanged",
        "Handtekening geldig: de antwoorden zijn ongewijzigd",
    ),
    SignatureState.VOIDED: (
        "Signature voided: an answer was changed after signing; the surgeon signs again",
        "Handtekening vervallen: een antwoord is na het ondertekenen gewijzigd; de operateur tekent opnieuw",
    ),
    SignatureState.TAMPERED: (
        "SIGNATURE BROKEN: the answers or the signature changed outside the application",
        "HANDTEKENING GEBROKEN: de antwoorden of de handtekening zijn buiten de applicatie gewijzigd",
    ),
}


@dataclass(frozen=True)
class SignatureCheck:
    state: SignatureState
    signature: Signature | None  # the valid signature, if any
    current_hash: str
    voided: Signature | None = None  # the latest voided one, when no signature is valid

    @property
    def ok(self) -> bool:
        return self.state is SignatureState.VALID


class SigningService:
    """Signing the questionnaire as the signed-in surgeon, and checking signatures."""

    def __init__(self, store: Store, user: User, clock: Clock = utc_now):
        self.store = store
        self.user = user
        self.clock = clock
        self.procedures = ProcedureService(store, user, clock)

    def sign_questionnaire(self, proc_id: str, password: str, meaning: str | None = None) -> Signature:
        """Sign with the user's own password; refuses other roles, a wrong password, gaps, a second signature.

        Without a meaning, the questionnaire's own English statement of authorship is used.
        """
        self.procedures._require(Action.SIGN, proc_id)
        meaning = (signature_meaning("en") if meaning is None else meaning).strip()
        if not meaning:
            raise ValidationError("Say what the signature means, for example that you are the author.", "meaning")
        if users.check_password(self.store.conn, self.user.username, password or "") is None:
            # A wrong password at signing is an attempt worth keeping in the trail.
            access.log_refusal(self.store, self.user.username, Action.SIGN.value, "wrong password", proc_id, self.clock)
            raise AuthenticationFailed("Wrong password: the questionnaire was not signed.")
        now = to_iso(self.clock())
        # The answers are read and hashed inside the transaction that stores the signature.
        with self.store.transaction() as db:
            proc = self.procedures.load(proc_id)
            missing = rules.missing_for_signature(proc)
            if missing:
                raise ValidationError("Answer every question before signing. Missing: " + "; ".join(missing))
            current = proc.valid_signature(FORM)
            if current is not None:
                raise ValidationError(
                    f"The questionnaire of {proc.study_id} is already signed by {current.printed_name}; "
                    "a change to an answer (with a reason) voids that signature, after which it can be signed again."
                )
            repository.insert_signature(
                db.conn,
                proc_id=proc_id,
                form=FORM,
                username=self.user.username,
                printed_name=self.user.full_name,
                meaning=meaning,
                now=now,
                content_hash=content_hash(proc),
            )
            repository.refresh_status(db.conn, proc_id)
        signature = self.procedures.load(proc_id).valid_signature(FORM)
        assert signature is not None
        return signature


def check_signature(store: Store, proc: Procedure) -> SignatureCheck:
    """Compare the valid signature with the answers now, and the whole signature (signer, printed name, moment,
    meaning, hash, not voided) with what the audit trail recorded when it was made.

    Without a valid signature the state is voided when an earlier one was voided by a change, else unsigned.
    """
    signature = proc.valid_signature(FORM)
    current = content_hash(proc)
    if signature is None:
        voided = next((s for s in reversed(proc.signatures) if s.form == FORM), None)
        return SignatureCheck(SignatureState.VOIDED if voided else SignatureState.UNSIGNED, None, current, voided)
    intact = covers_the_answers(proc, signature) and not audit.signature_problems(store.conn, proc.id, signature)
    return SignatureCheck(SignatureState.VALID if intact else SignatureState.TAMPERED, signature, current)
