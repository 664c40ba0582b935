"""The centre's side of data queries: the trial office's key registered once, its query files imported, each query
answered in words (and the value corrected with a reason, in the same action), the answers carried by the next
session file (record.json "query_answers").

Each step is one transaction with its audit rows; a query's rows carry its record's id, so the record's History
shows them.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..domain import data_queries, rules
from ..domain.clock import to_iso, utc_now
from ..domain.data_queries import Target, TargetKind
from ..domain.errors import MimicError, NotFound, ValidationError
from ..domain.record import Procedure
from ..domain.roles import Action, User
from ..domain.wording import Text, say
from ..exchange import query_file, signing_keys
from ..storage import received_queries, repository
from ..storage.connection import Store
from ..storage.received_queries import ReceivedQuery as ReceivedQuery  # named here for the UI
from . import access, settings
from .centre_keys import read_key_file
from .input_files import InputFileRefused, read_capped
from .procedures import Clock, ProcedureService

OFFICE_KEY = "office_public_key"  # the setting that holds the trial office's raw public key, in hex


def trust_office(store: Store, user: User, key_file: Path, clock: Clock = utc_now) -> tuple[str, bool]:
    """Register the trial office's public key (a coordinator's step, audited as a study setting); returns its
    fingerprint and whether it changed. A later key replaces the earlier one, which the trail keeps."""
    access.require(store, user, Action.MANAGE_USERS, clock=clock)
    raw = read_key_file(key_file, written_by="mimic-central office-key")
    with store.transaction() as db:
        changed = repository.change_setting(db.conn, OFFICE_KEY, raw.hex(), now=to_iso(clock()), username=user.username)
    return signing_keys.fingerprint(raw), changed


def office_key(store: Store) -> bytes | None:
    text = repository.get_setting(store.conn, OFFICE_KEY)
    return bytes.fromhex(text) if text else None


def office_fingerprint(store: Store) -> str | None:
    raw = office_key(store)
    return None if raw is None else signing_keys.fingerprint(raw)


def laptop_centre(store: Store) -> str | None:
    """This laptop's centre: its setting, else the one centre its records belong to (None when neither says)."""
    chosen = settings.centre(store)
    if chosen:
        return chosen
    centres = {row[0] for row in store.conn.execute("SELECT DISTINCT centre FROM procedures WHERE demo = 0")}
    return centres.pop() if len(centres) == 1 else None


@dataclass
class ImportResult:
    """What a query file brought: queries new here, later rounds of known ones, those known already, and the
    study IDs this laptop has no record of."""

    new: list[int] = field(default_factory=list)
    again: list[int] = field(default_factory=list)
    unchanged: list[int] = field(default_factory=list)
    elsewhere: list[str] = field(default_factory=list)

    def text(self) -> Text:
        return Text(
            "{new} new quer(y/ies), {again} asked again, {unchanged} received before (nothing changed); "
            "{elsewhere} about records not on this laptop.",
            new=len(self.new),
            again=len(self.again),
            unchanged=len(self.unchanged),
            elsewhere=len(self.elsewhere),
        )


def import_file(store: Store, user: User, path: Path, clock: Clock = utc_now) -> ImportResult:
    """Check a query file (the office's key, unaltered, this centre's) and keep its queries; the same file twice
    changes nothing."""
    access.require(store, user, Action.EDIT, clock=clock)
    try:
        data = read_capped(Path(path), query_file.MAX_FILE_BYTES, "a query file")
    except InputFileRefused as refusal:
        raise MimicError(Text("Cannot read the query file: {problem}", problem=refusal.message)) from None
    try:
        received = query_file.read(data, office_key(store), laptop_centre(store))
    except query_file.QueryFileRejected as rejected:
        # Named, so that the person can tell which file of a folder or a stick was refused.
        raise query_file.QueryFileRejected(
            Text("{name} was not imported: {problem}", name=Path(path).name, problem=rejected.message)
        ) from None
    now = to_iso(clock())
    result = ImportResult()
    with store.transaction() as db:
        for sent in received.queries:
            proc_id = repository.procedure_id_for(db.conn, study_id=sent.study_id)
            if proc_id is None:
                result.elsewhere.append(sent.study_id)
                continue
            old = received_queries.get(db.conn, sent.id)
            if old is not None and (old.round >= sent.round or old.procedure_id != proc_id):
                result.unchanged.append(sent.id)
                continue
            query = ReceivedQuery(
                id=sent.id,
                round=sent.round,
                procedure_id=proc_id,
                target_kind=sent.target.kind.value,
                field=sent.target.field,
                item_number=sent.target.number,
                event_id=sent.target.event_id,
                text=sent.text,
                raised_utc=sent.raised_at,
                raised_by=sent.raised_by,
                received_utc=now,
                file_hash=received.file_hash,
            )
            received_queries.receive(db.conn, query, old, by=user.username)
            (result.new if old is None else result.again).append(sent.id)
    return result


def target_of(query: ReceivedQuery) -> Target:
    return Target(TargetKind(query.target_kind), query.field, query.item_number, query.event_id)


def queries(store: Store, study_id: str | None = None, *, open_only: bool = False) -> list[ReceivedQuery]:
    """The queries received for one record (every record when None); with open_only, those not answered yet."""
    proc_id = None
    if study_id is not None:
        proc_id = repository.procedure_id_for(store.conn, study_id=study_id.strip().upper())
        if proc_id is None:
            raise NotFound(Text("There is no procedure with study ID {study_id}.", study_id=study_id))
    found = received_queries.of_procedure(store.conn, proc_id)
    return [query for query in found if not (open_only and query.answer_text)]


def current_value(proc: Procedure, query: ReceivedQuery) -> Any:
    return data_queries.value_of(proc, target_of(query))


def answer(
    service: ProcedureService,
    query_id: int,
    text: str,
    *,
    value: Any = None,
    reason: str | None = None,
    lang: str = "en",
) -> None:
    """Answer a query in words; with a value, correct the target to it in the same action (a locked record takes
    the reason, as any correction does, and is locked again when the change keeps what completion requires)."""
    from ..domain import values

    text = (text or "").strip()
    if not text:
        raise ValidationError(Text("Write the answer: the trial office reads it beside its question."))
    if len(text) > query_file.MAX_TEXT:
        raise ValidationError(Text("An answer holds at most {limit} characters.", limit=query_file.MAX_TEXT))
    text = values.check_text(text, Text("Answer"))
    query = received_queries.get(service.store.conn, query_id)
    if query is None:
        raise NotFound(Text("There is no query {id} on this laptop.", id=query_id))
    now = service._now()

    def keep(conn: sqlite3.Connection, proc: Procedure | None = None) -> None:
        current = received_queries.get(conn, query_id)  # read again inside the transaction
        assert current is not None
        received_queries.answer(conn, current, text, by=service.user.username, now=now)

    if value is None:
        service._require(Action.EDIT, query.procedure_id)
        with service.store.transaction() as db:
            keep(db.conn)
        return
    aim = target_of(query)
    if aim.kind is TargetKind.EVENT:
        raise ValidationError(
            Text(
                "A query on an event is answered in words; correct the event's time on the timeline "
                "(or with `mimic-desktop correct-time`) first."
            )
        )
    if aim.field is None:
        raise ValidationError(Text("This query names no field to correct: answer it in words."))
    proc = service.load(query.procedure_id)
    entity, entity_id = "procedure", ""
    if aim.kind is not TargetKind.FIELD:
        entries = proc.lesions if aim.kind is TargetKind.LESION else proc.complications
        entry = next((e for e in entries if e.number == aim.number), None)
        if entry is None:
            raise NotFound(Text("{study_id} has no {target}.", study_id=proc.study_id, target=aim))
        entity, entity_id = aim.kind.value, entry.id
    service.set_values(
        query.procedure_id,
        {aim.field: value},
        entity=entity,
        entity_id=entity_id,
        reason=reason,
        lang=lang,
        also=keep,
    )


def answers_for_export(conn: sqlite3.Connection, proc_id: str) -> list[dict[str, Any]]:
    """The answers record.json carries to the trial office ("query_answers"), by query number."""
    return [
        {
            "query_id": query.id,
            "round": query.round,
            "text": query.answer_text,
            "answered_at": query.answered_utc,
            "answered_by": query.answered_by,
        }
        for query in received_queries.of_procedure(conn, proc_id)
        if query.answer_text
    ]


def field_notes(store: Store, proc: Procedure, lang: str = "en") -> list[rules.Query]:
    """The record's unanswered queries on its fields, as the record pages mark fields: beside the field, the office's
    question in its words (the lesion's or complication's id names whose field it is)."""
    notes = []
    for query in received_queries.of_procedure(store.conn, proc.id):
        if query.answer_text or not query.field:
            continue
        entry_id = ""
        if query.target_kind != TargetKind.FIELD:
            entries = proc.lesions if query.target_kind == TargetKind.LESION else proc.complications
            entry = next((e for e in entries if e.number == query.item_number), None)
            if entry is None:
                continue
            entry_id = entry.id
        words = say("Trial office, query {id}: {question}", lang, id=query.id, question=query.text)
        notes.append(rules.Query(words, (query.field,), entry_id))
    return notes
