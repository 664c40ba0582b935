"""The surgeon's electronic signature on the questionnaire: re-authenticated, bound to the content."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from ..domain import forms, rules
from ..domain.answers import AnswerSource, answer_sources
from ..domain.clock import to_iso, utc_now
from ..domain.errors import AuthenticationFailed, NotFound, PermissionDenied, ValidationError
from ..domain.record import Procedure, Signature
from ..domain.roles import Action, User
from ..domain.signed_content import content_hash, covers_the_answers
from ..domain.wording import Messages, say_in
from ..storage import audit, repository, users
from ..storage.connection import Store
from . import access
from .procedures import Clock, ProcedureService

FORM = "questionnaire"


def signature_meaning(lang: str = "en", code: str = "author") -> str:
    """The words of one of the signature meanings forms/questionnaire.json defines, in the signer's language."""
    for meaning in signature_meanings():
        if meaning["code"] == code:
            return meaning["nl" if lang == "nl" else "en"]
    codes = ", ".join(m["code"] for m in signature_meanings())
    raise ValidationError(say("unknown_meaning", lang, code=code, codes=codes), "meaning")


def signature_meanings() -> list[dict[str, str]]:
    """The meanings a questionnaire signature can have (code, English and Dutch words), as the form defines them."""
    return list(forms.questionnaire().extras["signature_meanings"])


MESSAGES: Messages = {
    "unknown_meaning": (
        "{code!r} is not a meaning the questionnaire defines for a signature; choose one of: {codes}.",
        "{code!r} is geen betekenis die de vragenlijst voor een handtekening kent; kies uit: {codes}.",
    ),
    "meaning_not_yours": (
        "The meaning {code!r} does not fit this signature; it can mean: {codes}.",
        "De betekenis {code!r} past niet bij deze handtekening; ze kan betekenen: {codes}.",
    ),
    "typed_surgeon": (
        "The operating surgeon of {study_id} is still the typed name {name!r}: a coordinator maps it to a surgeon "
        "account before the questionnaire can be signed.",
        "De operateur van {study_id} is nog de getypte naam {name!r}: een coördinator koppelt die aan het account van "
        "een chirurg voordat de vragenlijst kan worden ondertekend.",
    ),
    "not_surgeon_of_record": (
        "Only the operating surgeon of {study_id} ({surgeon}) signs its questionnaire, or another surgeon with a "
        "delegation recorded with a reason; {username} has none.",
        "Alleen de operateur van {study_id} ({surgeon}) tekent de vragenlijst, of een andere chirurg met een "
        "vastgelegde delegatie met reden; {username} heeft die niet.",
    ),
    "not_confirmed": (
        "These answers were entered by someone else and are not yet confirmed by {username}: {fields}. Confirm each "
        "answer before signing.",
        "Deze antwoorden zijn door iemand anders ingevoerd en nog niet bevestigd door {username}: {fields}. Bevestig "
        "elk antwoord voor het ondertekenen.",
    ),
    "nothing_to_confirm": (
        "{field} has no answer to confirm.",
        "{field} heeft geen antwoord om te bevestigen.",
    ),
}


def say(key: str, lang: str = "en", **values: object) -> str:
    return say_in(MESSAGES, key, lang, **values)


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

    def answers(self, proc_id: str) -> dict[str, AnswerSource]:
        """Who entered and who confirmed each answer of the record's questionnaire, from its audit trail."""
        return answer_sources(repository.audit_rows(self.store.conn, proc_id))

    def may_sign(self, proc_id: str, lang: str = "en") -> None:
        """Refuse (PermissionDenied) unless this surgeon is the record's surgeon of record or holds a delegation.

        Reads only the record's surgeon and delegations, so that the answers are first read inside the transaction
        that signs them."""
        found = repository.surgeon_of_record(self.store.conn, proc_id)
        if found is None:
            raise NotFound(f"There is no procedure with id {proc_id}.")
        study_id, surgeon, typed = found
        if surgeon is None:
            raise PermissionDenied(say("typed_surgeon", lang, study_id=study_id, name=typed or ""))
        if self.user.username == surgeon:
            return
        if self.user.username not in {row["username"] for row in repository.delegations(self.store.conn, proc_id)}:
            raise PermissionDenied(
                say(
                    "not_surgeon_of_record",
                    lang,
                    study_id=study_id,
                    surgeon=typed or surgeon,
                    username=self.user.username,
                )
            )

    def meanings_for(self, proc: Procedure) -> list[str]:
        """The codes of the form's meanings that fit this signer on this record: a delegate signs as delegate; the
        surgeon of record as the author, who confirmed answers when someone else entered them."""
        if self.user.username != proc.surgeon_username:
            return ["delegate"]
        sources = self.answers(proc.id).values()
        if all(source.entered_by == self.user.username for source in sources):
            return ["author", "confirmed_author"]
        return ["confirmed_author"]

    def confirm_answers(self, proc_id: str, fields: list[str] | None = None, lang: str = "en") -> int:
        """The signer confirms answers someone else entered on their word (all such answers when none are named),
        answer by answer, each with its audit row, in one transaction; returns how many were confirmed."""
        self.procedures._require(Action.SIGN, proc_id)
        try:
            with self.store.transaction() as db:
                self.may_sign(proc_id, lang)
                sources = self.answers(proc_id)
                for name in fields or []:
                    if name not in sources:
                        raise ValidationError(say("nothing_to_confirm", lang, field=forms.field_def(name).text(lang)))
                wanted = [sources[name] for name in fields] if fields else list(sources.values())
                open_ones = [source for source in wanted if not source.belongs_to(self.user.username)]
                now = to_iso(self.clock())
                for source in open_ones:
                    repository.confirm_answer(
                        db.conn,
                        proc_id=proc_id,
                        field=source.field,
                        value=source.value,
                        now=now,
                        username=self.user.username,
                    )
                return len(open_ones)
        except PermissionDenied as refusal:
            access.log_refusal(self.store, self.user.username, "confirm", str(refusal), proc_id, self.clock)
            raise

    def sign_questionnaire(
        self, proc_id: str, password: str, meaning: str | None = None, lang: str = "en"
    ) -> Signature:
        """Sign as the surgeon of record or a delegate, with the user's own password given at this moment.

        Refuses other roles and other surgeons, a wrong password, gaps, answers someone else entered that this
        surgeon has not confirmed, and a second signature. The meaning is the code of one of the form's meanings
        that fits (meanings_for; the first when none is given); its words are stored in the signer's language.
        """
        self.procedures._require(Action.SIGN, proc_id)
        try:
            self.may_sign(proc_id, lang)
        except PermissionDenied as refusal:
            access.log_refusal(self.store, self.user.username, Action.SIGN.value, str(refusal), proc_id, self.clock)
            raise
        if users.check_password(self.store.conn, self.user.username, password or "") is None:
            # A wrong password at signing is an attempt worth keeping in the trail.
            access.log_refusal(self.store, self.user.username, Action.SIGN.value, "wrong password", proc_id, self.clock)
            raise AuthenticationFailed("Wrong password: the questionnaire was not signed.")
        now = to_iso(self.clock())
        # The answers are read and hashed inside the transaction that stores the signature.
        with self.store.transaction() as db:
            proc = self.procedures.load(proc_id)
            self.may_sign(proc_id, lang)
            missing = rules.missing_for_signature(proc, lang)
            if missing:
                raise ValidationError("Answer every question before signing. Missing: " + "; ".join(missing))
            current = proc.valid_signature(FORM)
            if current is not None:
                raise ValidationError(
                    f"The questionnaire of {proc.study_id} is already signed by {current.printed_name}; "
                    "a change to an answer (with a reason) voids that signature, after which it can be signed again."
                )
            not_mine = [s for s in self.answers(proc_id).values() if not s.belongs_to(self.user.username)]
            if not_mine:
                names = "; ".join(forms.field_def(s.field).text(lang) for s in not_mine)
                raise ValidationError(say("not_confirmed", lang, username=self.user.username, fields=names))
            fitting = self.meanings_for(proc)
            code = meaning or fitting[0]
            words = signature_meaning(lang, code)  # refuses a code the form does not define
            if code not in fitting:
                raise ValidationError(say("meaning_not_yours", lang, code=code, codes=", ".join(fitting)), "meaning")
            repository.insert_signature(
                db.conn,
                proc_id=proc_id,
                form=FORM,
                username=self.user.username,
                printed_name=self.user.full_name,
                meaning=words,
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
