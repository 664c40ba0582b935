"""Correcting a study ID typed wrong at enrolment (or given twice at one centre): one audited action, carried in
every later session file so that the trial office links the record to what it imported under the old ID."""

from __future__ import annotations

from ..domain import rules
from ..domain.errors import ValidationError
from ..domain.study_id_corrections import StudyIdCorrection
from ..domain.wording import Text, say
from ..storage import repository, study_ids
from ..storage.repository import study_id_taken
from .procedures import ProcedureService


def rename(service: ProcedureService, proc_id: str, new_id: str, reason: str | None, lang: str = "en") -> str:
    """Give the record the study ID new_id, with a reason; refused when new_id is malformed, of another centre,
    already the record's or taken on this laptop. A valid signature of the questionnaire is voided with it (the
    signed content names the study ID), so that the surgeon signs again. Returns the new study ID as stored."""
    reason = service._reason(
        reason, Text("Say why the study ID is corrected: the reason goes with the record to the trial office.")
    )
    with service._change(proc_id, reason) as proc:
        rules.check_study_id(new_id, lang=lang)  # its form first, then the centre it must belong to
        new_id = rules.check_study_id(new_id, proc.centre, lang)
        if new_id == proc.study_id:
            raise ValidationError(
                say("{study_id} is already this record's study ID: nothing was changed.", lang, study_id=new_id),
                "study_id",
            )
        if study_id_taken(service.store.conn, new_id):
            raise ValidationError(
                say("Study ID {study_id} is already in use on this laptop.", lang, study_id=new_id), "study_id"
            )
        now, conn = service._now(), service.store.conn
        study_ids.rename(conn, proc_id, new_id, reason=reason, now=now, username=service.user.username)
        signature = proc.valid_signature()
        if signature is not None:
            # The signed content names the study ID: the surgeon signs the answers again under the right one.
            repository.void_signature(
                conn,
                proc_id=proc_id,
                signature_id=signature.id,
                reason=reason,
                now=now,
                username=service.user.username,
            )
    return new_id


def corrections(service: ProcedureService, proc_id: str) -> list[StudyIdCorrection]:
    """The record's study ID corrections, oldest first."""
    return study_ids.corrections(service.store.conn, proc_id)
