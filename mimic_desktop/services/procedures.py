"""Recording a procedure: one transaction, with its audit rows, per user action."""

from __future__ import annotations

import builtins  # the method list() hides the built-in list in the class's annotations
import contextlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING, Any

from ..domain import derive, event_order, forms, identifiers, plausible, rules, subject_status, values, video_time
from ..domain.clock import parse_typed, to_iso, utc_now
from ..domain.errors import (
    BreaksCompletionRules,
    ChangedDuringExport,
    LooksLikeIdentifier,
    MimicError,
    NotFound,
    ReasonRequired,
    RecordLocked,
    SignedAnswersChanged,
    ValidationError,
)
from ..domain.event_catalogue import EventDef
from ..domain.record import Complication, Event, Lesion, Procedure, VideoReference
from ..domain.roles import Action, Role, User
from ..domain.wording import Sayable, Text, Worded, say
from ..storage import redaction, repository, users
from ..storage.connection import Store
from ..storage.errors import StorageError
from . import access
from .backups import BackupFailed, take_backup

if TYPE_CHECKING:
    import sqlite3

Clock = Callable[[], datetime]
TypedText = tuple[str, Sayable, str | None]  # where (a field's name, "note", "reason"), what names it, the text
ENTITY_TABLES = {"lesion": "lesions", "complication": "complications"}

MESSAGES: dict[str, Text] = {
    "locked_rules": Text(
        "{study_id} is complete and locked, and this change would break what completion requires, so nothing was changed: {problems}"
    ),
    "not_a_surgeon": Text(
        "{username!r} is not an active surgeon account: choose the operating surgeon from the surgeons' accounts."
    ),
    "surgeon_by_account": Text(
        "The operating surgeon of {study_id} is the account {username}: choose another surgeon's account to change it, rather than typing a name."
    ),
}


class ProcedureService:
    """Everything a signed-in user does to procedure records."""

    def __init__(self, store: Store, user: User, clock: Clock = utc_now, identifier_reason: str | None = None):
        self.store = store
        self.user = user
        self.clock = clock
        # Why free text that looks like it holds an identifier is saved as typed (None: such text is refused).
        self.identifier_reason = identifier_reason

    def keeping_identifiers(self, reason: str) -> ProcedureService:
        """This service again, saving free text that looks like it holds an identifier as typed, each such text with
        an audit row that holds this reason."""
        reason = self._reason(reason, Text("Say why this text is kept as it is, although it looks like an identifier."))
        return type(self)(self.store, self.user, self.clock, reason)

    # -- reading ---------------------------------------------------------------------------
    def load(self, proc_id: str) -> Procedure:
        return self._load(proc_id)

    def _load(self, proc_id: str, child_values: bool = True) -> Procedure:
        proc = repository.load_procedure(self.store.conn, proc_id, child_values=child_values)
        if proc is None:
            raise NotFound(Text("There is no procedure with id {id}.", id=proc_id))
        return proc

    def find(self, study_id: str) -> Procedure:
        proc_id = repository.procedure_id_for(self.store.conn, study_id=study_id.strip().upper())
        if proc_id is None:
            raise NotFound(Text("There is no procedure with study ID {study_id}.", study_id=study_id))
        return self.load(proc_id)

    def list(self, search: str = "") -> builtins.list[sqlite3.Row]:
        return repository.list_procedures(self.store.conn, search)

    def audit_trail(self, proc_id: str | None = None) -> builtins.list[sqlite3.Row]:
        return repository.audit_rows(self.store.conn, proc_id)

    def reopens(self, proc_id: str) -> bool:
        """Whether a start reopens this procedure's live screen: still being recorded, for a user who may record."""
        if not self.user.may(Action.EDIT):
            return False
        try:
            return derive.being_recorded(self.load(proc_id))
        except NotFound:
            return False

    # -- guarding --------------------------------------------------------------------------
    def _now(self) -> str:
        return to_iso(self.clock())

    def _require(self, action: Action, proc_id: str | None = None) -> None:
        access.require(self.store, self.user, action, proc_id, self.clock)

    @staticmethod
    def _reason(reason: str | None, message: Text) -> str:
        """The reason, trimmed; ReasonRequired with this message when there is none."""
        if not (reason and reason.strip()):
            raise ReasonRequired(message)
        return values.check_reason(reason)

    @contextlib.contextmanager
    def _change(
        self,
        proc_id: str,
        reason: str | None,
        fields: Iterable[str] = (),
        child_values: bool = True,
        lang: str = "en",
        texts: Iterable[TypedText] = (),
    ) -> Iterator[Procedure]:
        """One user action on a record: permission, one transaction, lock and signature, status refresh.

        The record is read after BEGIN IMMEDIATE, so the rules are checked on what no other
        connection can change before this one commits. child_values=False yields the record
        without its lesions' and complications' values. texts are the free texts the action saves (the reason is
        one of them): one that looks like it holds an identifier is refused (LooksLikeIdentifier) unless the service
        keeps identifiers with a reason, which its own audit row records.
        """
        self._require(Action.EDIT, proc_id)
        if reason:
            values.check_reason(reason, lang)
        try:
            with self.store.transaction() as db:
                proc = self._load(proc_id, child_values)
                if not (reason and reason.strip()):
                    if proc.locked and not _first_answers(proc, fields):
                        raise RecordLocked(
                            Text(
                                "{study_id} is complete and locked: give a reason for the change.",
                                study_id=proc.study_id,
                            )
                        )
                    if proc.valid_signature() and set(fields) & _questionnaire_fields():
                        raise SignedAnswersChanged(
                            Text(
                                "The questionnaire is signed: give a reason for the change. "
                                "The signature will be voided."
                            )
                        )
                self._screen(proc_id, [*texts, ("reason", values.TEXT_NAMES["reason"], reason)], lang)
                yield proc
                if proc.locked:
                    self._keeps_completion_rules(proc_id, lang)
                repository.refresh_status(db.conn, proc_id)
        except (RecordLocked, SignedAnswersChanged, BreaksCompletionRules) as refusal:
            # Logged once the refused transaction has rolled back: the refusal row is the only trace.
            actions: dict[type[MimicError], str] = {RecordLocked: "edit_locked", SignedAnswersChanged: "edit_signed"}
            action = actions.get(type(refusal), "edit_locked_rules")
            access.log_refusal(self.store, self.user.username, action, str(refusal), proc_id, self.clock)
            raise

    def screen(self, proc_id: str, texts: Iterable[TypedText], lang: str = "en") -> None:
        """_screen, for another service's action on this record (inside its open transaction)."""
        self._screen(proc_id, texts, lang)

    def _screen(self, proc_id: str, texts: Iterable[TypedText], lang: str) -> None:
        """Refuse free text that looks like it holds an identifier, or record why it is kept (inside the open
        transaction, so that the audit row commits with the text)."""
        for where, what, text in texts:
            warning = identifiers.typed_warning(text, what) if text else None
            if warning is None:
                continue
            if self.identifier_reason is None:
                raise LooksLikeIdentifier(warning, where, lang=lang)
            repository.keep_identifier(
                self.store.conn,
                proc_id=proc_id,
                where=where,
                kinds=identifiers.findings(text or ""),
                reason=self.identifier_reason,
                now=self._now(),
                username=self.user.username,
            )

    def _keeps_completion_rules(self, proc_id: str, lang: str) -> None:
        """Refuse (inside the open transaction, so that it rolls back) a change that leaves a locked record
        breaking a rule completion enforces, with the rules' own words."""
        changed = self._load(proc_id)
        problems = rules.missing_for_completion(changed, lang, self.clock())
        if problems:
            message = MESSAGES["locked_rules"].fill(study_id=changed.study_id, problems="; ".join(problems)).text(lang)
            raise BreaksCompletionRules(message)

    # -- creating --------------------------------------------------------------------------
    def create(
        self,
        study_id: str,
        centre: str,
        initial: dict[str, Any] | None = None,
        lang: str = "en",
        surgeon: str | None = None,
    ) -> str:
        """Enrol a patient; refuses a malformed or taken study ID, and names what enrolment still needs
        (rules.enrolment_problems: eligibility answered and met, consent with its date, the planned surgery).

        The record is a demo record (practice, never trial data) when a demo account makes it or the database is
        the demo one, whoever calls.
        """
        self._require(Action.EDIT)
        rules.check_study_id(study_id, lang=lang)  # its own format first, before the centre it has to match
        centre = rules.check_centre(centre, lang)
        study_id = rules.check_study_id(study_id, centre, lang)
        if repository.study_id_taken(self.store.conn, study_id):
            raise ValidationError(
                say("Study ID {study_id} is already in use on this laptop.", lang, study_id=study_id), "study_id"
            )
        clean = self._normalise(initial or {}, "procedure", lang)
        account = None if surgeon is None else self.surgeon_account(surgeon, lang)
        if account is not None:
            clean["surgeon"] = account.full_name  # the name printed on the record is the account's
        problems = rules.enrolment_problems(clean, self.clock(), lang)
        if problems:
            message = say("The patient cannot be enrolled: {problems}.", lang, problems="; ".join(map(str, problems)))
            raise ValidationError(message, problems[0].fields[0])
        now = self._now()
        demo = self.user.demo or users.holds_demo_accounts(self.store.conn)
        with self.store.transaction() as db:
            proc_id = repository.insert_procedure(
                db.conn, study_id=study_id, centre=centre, now=now, username=self.user.username, demo=demo
            )
            self._write_values(proc_id, "procedure", "", clean, now, None)
            self._screen(proc_id, _free_texts(clean), lang)
            if account is not None:
                repository.set_procedure_column(
                    db.conn,
                    proc_id=proc_id,
                    column="surgeon_username",
                    value=account.username,
                    now=now,
                    username=self.user.username,
                )
        return proc_id

    def surgeon_account(self, username: str, lang: str = "en") -> User:
        """The active surgeon account of this user name, or ValidationError naming it."""
        account = users.find_user(self.store.conn, username.strip().lower())
        if account is None or account.role is not Role.SURGEON or not users.is_active(self.store.conn, account):
            raise ValidationError(MESSAGES["not_a_surgeon"].fill(username=username).text(lang), "surgeon")
        return account

    def assign_surgeon(self, proc_id: str, account: User, reason: str | None = None) -> None:
        """Make a surgeon account the record's operating surgeon, in one transaction with its audit rows; the record's
        surgeon name becomes the account's full name. Only a coordinator changes it after enrolment: whoever could
        name themselves the surgeon could sign."""
        self._require(Action.MANAGE_USERS, proc_id)
        with self._change(proc_id, reason, {"surgeon"}):
            now = self._now()
            repository.set_procedure_column(
                self.store.conn,
                proc_id=proc_id,
                column="surgeon_username",
                value=account.username,
                now=now,
                username=self.user.username,
                reason=reason,
            )
            repository.set_value(
                self.store.conn,
                proc_id=proc_id,
                entity="procedure",
                entity_id="",
                field="surgeon",
                value=account.full_name,
                now=now,
                username=self.user.username,
                reason=reason,
            )

    # -- values ----------------------------------------------------------------------------
    def _normalise(self, raw: dict[str, Any], scope: str, lang: str = "en") -> dict[str, Any]:
        clean = {}
        now: datetime | None = None  # read once, and only for a date or a time (which must not lie ahead)
        for name, value in raw.items():
            try:
                fdef = forms.field_def(name)
            except KeyError:
                raise ValidationError(
                    Text("{name!r} is not a field of the case report form.", name=name), name
                ) from None
            if fdef.scope != scope:
                raise ValidationError(
                    Text(
                        "{field} belongs to a {scope}, not to a {other}.",
                        field=fdef,
                        scope=SCOPES[fdef.scope],
                        other=SCOPES[scope],
                    ),
                    name,
                )
            if fdef.type in {"date", "datetime"} and now is None:
                now = self.clock()
            clean[name] = values.normalise(fdef, value, lang, now=now)
        return clean

    def set_values(
        self,
        proc_id: str,
        updates: dict[str, Any],
        *,
        entity: str = "procedure",
        entity_id: str = "",
        reason: str | None = None,
        lang: str = "en",
        also: Callable[[sqlite3.Connection, Procedure], None] | None = None,
    ) -> int:
        """Save a group of fields (one form) in one transaction; returns how many changed. also, when given, writes
        what belongs to the same action (a query's answer) in that transaction, with the record as read in it."""
        self._require(Action.EDIT, proc_id)  # who may not edit hears that, whatever the values
        clean = self._normalise(updates, entity, lang)
        changed = 0
        with self._change(proc_id, reason, clean, lang=lang, texts=_free_texts(clean)) as proc:
            if entity != "procedure":
                self._child(proc, entity, entity_id)
            if proc.surgeon_username and "surgeon" in clean and clean["surgeon"] != proc.get("surgeon"):
                message = (
                    MESSAGES["surgeon_by_account"]
                    .fill(study_id=proc.study_id, username=proc.surgeon_username)
                    .text(lang)
                )
                raise ValidationError(message, "surgeon")
            if entity == "lesion":
                rules.check_lesion_values(proc.lesion(entity_id), clean, lang)
            if "icg_given_at" in clean:
                rules.check_icg_time(proc, clean["icg_given_at"])
            signature = proc.valid_signature()
            touches_signed = bool(_questionnaire_fields() & clean.keys())
            conn = self.store.conn
            for name, value in clean.items():
                changed += repository.set_value(
                    conn,
                    proc_id=proc_id,
                    entity=entity,
                    entity_id=entity_id,
                    field=name,
                    value=value,
                    now=self._now(),
                    username=self.user.username,
                    reason=reason,
                )
            if signature is not None and touches_signed and changed:
                assert reason is not None, "_change refuses a change to signed answers without a reason"
                repository.void_signature(
                    conn,
                    proc_id=proc_id,
                    signature_id=signature.id,
                    reason=reason,
                    now=self._now(),
                    username=self.user.username,
                )
            if also is not None:
                also(conn, proc)
        return changed

    def set_value(self, proc_id: str, name: str, value: Any, reason: str | None = None) -> int:
        return self.set_values(proc_id, {name: value}, reason=reason)

    @staticmethod
    def _child(proc: Procedure, entity: str, entity_id: str) -> Lesion | Complication:
        children: builtins.list[Lesion] | builtins.list[Complication] = (
            proc.lesions if entity == "lesion" else proc.complications
        )
        for child in children:
            if child.id == entity_id:
                return child
        raise NotFound(
            Text(
                "There is no {entity} {id} in {study_id}.", entity=SCOPES[entity], id=entity_id, study_id=proc.study_id
            )
        )

    def add_complication(
        self, proc_id: str, updates: dict[str, Any], reason: str | None = None, lang: str = "en"
    ) -> str:
        self._require(Action.EDIT, proc_id)  # who may not edit hears that, whatever the values
        clean = self._normalise(updates, "complication", lang)
        with self._change(proc_id, reason, lang=lang, texts=_free_texts(clean)):
            child_id = self._insert_child(proc_id, "complication", clean, reason)
        return child_id

    def _insert_child(self, proc_id: str, entity: str, clean: dict[str, Any], reason: str | None) -> str:
        conn, now = self.store.conn, self._now()
        child_id, _ = repository.add_child(
            conn, ENTITY_TABLES[entity], proc_id=proc_id, now=now, username=self.user.username
        )
        self._write_values(proc_id, entity, child_id, clean, now, reason)
        return child_id

    def _write_values(
        self, proc_id: str, entity: str, entity_id: str, clean: dict[str, Any], now: str, reason: str | None
    ) -> None:
        """The values of a new record or lesion or complication, each with its audit row, in the open transaction."""
        for name, value in clean.items():
            repository.set_value(
                self.store.conn,
                proc_id=proc_id,
                entity=entity,
                entity_id=entity_id,
                field=name,
                value=value,
                now=now,
                username=self.user.username,
                reason=reason,
            )

    # -- events ----------------------------------------------------------------------------
    def record_event(
        self,
        proc_id: str,
        kind: str,
        *,
        at: datetime | None = None,
        lesion_id: str | None = None,
        note: str | None = None,
        reason: str | None = None,
        lang: str = "en",
        with_event: Callable[[int], object] | None = None,
        also_lesion_ids: Sequence[str] = (),
    ) -> int:
        """Log one intraoperative moment; returns the event id once it has been committed (a refusal in lang).

        Events that identify a lesion create it and make it the current lesion; others attach
        to the lesion given, or to the current one when the event needs a lesion. also_lesion_ids: the other
        lesions the event names, for an event the catalogue lets name several (one transection or specimen
        holding several lesions). with_event(event_id) writes what belongs to the event (its frame) in the same
        transaction: both are saved, or neither.
        """
        catalogue = forms.events()
        if kind not in catalogue:
            raise ValidationError(Text("{kind!r} is not a known intraoperative event.", kind=kind), "kind")
        definition = catalogue[kind]
        moment = at or self.clock()
        note = values.check_text((note or "").strip(), "note", "note") or None
        if definition.note_required and not note:
            raise ValidationError(Text("A note needs some text."), "note")
        if definition.needs_frame and with_event is None:  # a still is its frame: nothing without one
            raise ValidationError(
                Text("{event} is recorded only with a frame of the video source.", event=definition), "kind"
            )
        # The event rules read the timeline and the procedure's values, never a lesion's values.
        typed = [("note", values.TEXT_NAMES["note"], note)]
        with self._change(proc_id, reason, child_values=False, lang=lang, texts=typed) as proc:
            if definition.lesion == "creates":
                lesion_id = self._insert_child(proc_id, "lesion", {"source": definition.source}, reason)
                self._make_current(proc_id, lesion_id)
            elif definition.lesion in {"required", "optional"}:
                lesion_id = lesion_id or proc.current_lesion_id
                if lesion_id:
                    self._child(proc, "lesion", lesion_id)
            else:
                lesion_id = None
            also = self._also_lesions(proc, definition, lesion_id, also_lesion_ids)
            event_id = self._insert_event(proc, kind, moment, lesion_id, note, lang=lang, also_lesion_ids=also)
            if with_event is not None:
                with_event(event_id)
            return event_id

    def _insert_event(
        self,
        proc: Procedure,
        kind: str,
        moment: datetime,
        lesion_id: str | None,
        note: str | None,
        corrects: int | None = None,
        before: Procedure | None = None,
        lang: str = "en",
        also_lesion_ids: tuple[str, ...] = (),
    ) -> int:
        """Check one event against the rules on the record as it stands, then store it (inside _change).

        corrects is the struck event whose time this one corrects; before is the record as it was before
        the change (proc itself when the change is this event alone): the order of the events may break no
        rule of forms/events.json that it kept then.
        """
        if moment.tzinfo is None:
            raise ValidationError(Text("An event time must carry a time zone."), "at")
        plausible.check_moment(forms.events()[kind].text(), "at", moment, self.clock())
        if forms.events()[kind].lesion != "creates":
            for named in (lesion_id, *also_lesion_ids):
                rules.check_lesion_event(proc, kind, named)
        rules.check_event_time(proc, kind, moment)
        after = event_order.with_event(proc, kind, moment, lesion_id, also_lesion_ids)
        event_order.check_order(before or proc, after, lang)
        return repository.insert_event(
            self.store.conn,
            proc_id=proc.id,
            kind=kind,
            at=to_iso(moment),
            now=self._now(),
            username=self.user.username,
            lesion_id=lesion_id,
            note=note,
            corrects=corrects,
            also_lesion_ids=also_lesion_ids,
        )

    def _also_lesions(
        self, proc: Procedure, definition: EventDef, lesion_id: str | None, also_lesion_ids: Sequence[str]
    ) -> tuple[str, ...]:
        """The other lesions an event names, checked: lesions of this record, each once, and only for an event the
        catalogue lets name several."""
        also = tuple(also_lesion_ids)
        if not also:
            return ()
        if not definition.several_lesions or lesion_id is None:
            raise ValidationError(Text("{event} belongs to one lesion only.", event=definition), "lesions")
        if len(set((lesion_id, *also))) != len(also) + 1:
            raise ValidationError(Text("{event}: each lesion is named once.", event=definition), "lesions")
        for other in also:
            self._child(proc, "lesion", other)
        return also

    def _make_current(self, proc_id: str, lesion_id: str | None) -> None:
        repository.set_procedure_column(
            self.store.conn,
            proc_id=proc_id,
            column="current_lesion_id",
            value=lesion_id,
            now=self._now(),
            username=self.user.username,
        )

    def _event_proc(self, event_id: int) -> str:
        if not 0 < event_id <= plausible.LARGEST_INTEGER:  # SQLite could not even look for it
            raise NotFound(Text("There is no event {id}.", id=event_id))
        proc_id = repository.procedure_id_for(self.store.conn, event_id=event_id)
        if proc_id is None:
            raise NotFound(Text("There is no event {id}.", id=event_id))
        return proc_id

    @staticmethod
    def _live_event(proc: Procedure, event_id: int) -> Event:
        event = next(e for e in proc.events if e.id == event_id)
        if event.struck:
            raise ValidationError(Text("Event {id} is already struck through.", id=event_id))
        return event

    def strike_event(self, event_id: int, reason: str) -> None:
        """Strike a wrong event through; it stays visible in the timeline and the audit trail.

        Striking the event that identified a lesion removes that lesion with the same reason, in
        the same transaction; refused while other live events still refer to the lesion.
        """
        reason = self._reason(reason, Text("Say why this event is wrong: a struck event keeps its reason."))
        proc_id = self._event_proc(event_id)
        with self._change(proc_id, reason, child_values=False) as proc:
            event = self._live_event(proc, event_id)
            lesion = rules.lesion_removed_with(proc, event)
            if lesion is not None:
                self._remove_lesion(proc, lesion.id, reason)
            else:
                self._strike(proc, event.id, reason)

    def _strike(self, proc: Procedure, event_id: int, reason: str) -> None:
        repository.strike_event(
            self.store.conn,
            proc_id=proc.id,
            event_id=event_id,
            reason=reason,
            now=self._now(),
            username=self.user.username,
        )

    def correct_event_time(self, event_id: int, at: datetime, reason: str, lang: str = "en") -> int:
        """Replace an event's time in one transaction: the old one is struck through, a new one recorded.

        The new time is checked against the rules as they stand without the old event; the
        replacement keeps the old event's lesion and note (a corrected lesion event makes no new lesion).
        """
        reason = self._reason(reason, Text("Say why the time is wrong: the old time stays, struck through."))
        proc_id = self._event_proc(event_id)
        with self._change(proc_id, reason, child_values=False) as proc:
            old = self._live_event(proc, event_id)
            rules.check_corrected_time(old, at)
            before = replace(proc, events=[replace(event) for event in proc.events])  # the timeline as it was
            old.struck = True  # the record as the rules see it once the old event is struck
            self._strike(proc, old.id, reason)
            return self._insert_event(
                proc,
                old.kind,
                at,
                old.lesion_id,
                old.note,
                corrects=old.id,
                before=before,
                lang=lang,
                also_lesion_ids=old.also_lesion_ids,
            )

    def remove_lesion(self, proc_id: str, lesion_id: str, reason: str) -> None:
        """Take a lesion out of the record with a reason; its number is never reused.

        The event that identified it is struck through with it; refused while other live events
        refer to it.
        """
        reason = self._reason(reason, Text("Say why this lesion is removed: the reason stays in the audit trail."))
        with self._change(proc_id, reason, child_values=False) as proc:
            self._remove_lesion(proc, lesion_id, reason)

    def _remove_lesion(self, proc: Procedure, lesion_id: str, reason: str) -> None:
        lesion = self._child(proc, "lesion", lesion_id)
        assert isinstance(lesion, Lesion)
        rules.check_lesion_removable(proc, lesion)
        for event in rules.lesion_creating_events(proc, lesion_id):
            self._strike(proc, event.id, reason)
        self._remove_child(proc, "lesion", lesion_id, reason)
        if proc.current_lesion_id == lesion_id:
            remaining = [other.id for other in proc.lesions if other.id != lesion_id]
            self._make_current(proc.id, remaining[-1] if remaining else None)

    def remove_complication(self, proc_id: str, complication_id: str, reason: str) -> None:
        """Take a complication out of the record with a reason; its number is never reused."""
        reason = self._reason(
            reason, Text("Say why this complication is removed: the reason stays in the audit trail.")
        )
        with self._change(proc_id, reason, child_values=False) as proc:
            self._child(proc, "complication", complication_id)
            self._remove_child(proc, "complication", complication_id, reason)

    def _remove_child(self, proc: Procedure, entity: str, child_id: str, reason: str) -> None:
        repository.remove_child(
            self.store.conn,
            ENTITY_TABLES[entity],
            proc_id=proc.id,
            child_id=child_id,
            reason=reason,
            now=self._now(),
            username=self.user.username,
        )

    def redact(self, proc_id: str, text: str, reason: str, lang: str = "en") -> int:
        """Take a typed text out of the record (a coordinator, with a reason): every free-text value, note and reason
        of the record that is exactly this text, current or earlier, then reads "[redacted]", in its audit rows too,
        and the database file keeps none of its bytes (storage/redaction.py). Returns how many audit values changed;
        refused when the record holds no such text."""
        self._require(Action.REDACT, proc_id)
        reason = self._reason(reason, Text("Say why this text is redacted: the reason stays in the audit trail."))
        if not text.strip() or text == redaction.REDACTED:
            raise ValidationError(Text("Name the text to redact, exactly as the record holds it."), "text")
        with self.store.transaction() as db:
            proc = self._load(proc_id)
            cells = redaction.redact(
                db.conn, proc_id=proc_id, text=text, reason=reason, at_utc=self._now(), username=self.user.username
            )
            signature = proc.valid_signature()
            if cells and signature is not None and any(proc.get(name) == text for name in _questionnaire_fields()):
                # A signed answer changes: the signature is voided, as by any change to a signed answer.
                repository.void_signature(
                    db.conn,
                    proc_id=proc_id,
                    signature_id=signature.id,
                    reason=reason,
                    now=self._now(),
                    username=self.user.username,
                )
            if not cells:
                raise NotFound(
                    Text(
                        "{study_id} holds no free text, note or reason that is exactly this text: nothing was redacted.",
                        study_id=proc.study_id,
                    ),
                    lang=lang,
                )
            repository.refresh_status(db.conn, proc_id)  # a voided signature changes it
        redaction.scrub(self.store.conn)
        return len(cells)

    def switch_lesion(self, proc_id: str, lesion_id: str) -> None:
        """Make another lesion the current one (navigation: not a change to the record)."""
        self._require(Action.EDIT, proc_id)
        with self.store.transaction():
            self._child(self._load(proc_id, child_values=False), "lesion", lesion_id)
            self._make_current(proc_id, lesion_id)

    # -- the subject's status ----------------------------------------------------------------
    def set_subject_status(
        self, proc_id: str, status: subject_status.SubjectStatus, reason: str, on: str | None = None, lang: str = "en"
    ) -> None:
        """Set whether the patient is still in the trial, with why and since when (YYYY-MM-DD, today by default):
        one transaction with its audit rows. The reason is the change's reason too, so a locked record takes it."""
        reason = self._reason(reason, subject_status.REASON_NEEDED)
        today = self.clock().astimezone(forms.study_time_zone()).date()
        try:
            day = subject_status.parse_date(on) if on else today
        except ValueError:
            raise ValidationError(subject_status.BAD_DATE.fill(date=on), "date", lang=lang) from None
        if day > today:
            raise ValidationError(subject_status.DATE_AHEAD.fill(date=day.isoformat()), "date", lang=lang)
        with self._change(proc_id, reason, child_values=False, lang=lang) as proc:
            consent = proc.get("consent_date")
            if consent and day.isoformat() < consent:
                problem = subject_status.DATE_BEFORE_ENROLMENT.fill(date=day.isoformat(), enrolled=consent)
                raise ValidationError(problem, "date", lang=lang)
            if status.value == proc.subject_status and status is subject_status.SubjectStatus.ENROLLED:
                raise ValidationError(subject_status.SAME_STATUS.fill(study_id=proc.study_id, status=status), lang=lang)
            self._set_columns(
                proc_id,
                {
                    "subject_status": status.value,
                    "subject_status_reason": reason,
                    "subject_status_date": day.isoformat(),
                },
                reason,
            )

    def _set_columns(self, proc_id: str, values: dict[str, object], reason: str | None) -> None:
        """Columns of the procedure's own row, each with its audit row, inside the caller's transaction."""
        now = self._now()
        for column, value in values.items():
            repository.set_procedure_column(
                self.store.conn,
                proc_id=proc_id,
                column=column,
                value=value,
                now=now,
                username=self.user.username,
                reason=reason,
            )
        repository.touch(self.store.conn, proc_id, now)

    # -- the video recording's time ----------------------------------------------------------------
    def set_video_reference(
        self,
        proc_id: str,
        shown: str,
        event_id: int | None = None,
        reason: str | None = None,
        read_at: datetime | None = None,
        lang: str = "en",
    ) -> VideoReference:
        """Line the tower's recording up with the timeline, in one transaction with its audit rows: the recording
        showed `shown` (H:MM:SS) at the event `event_id` (the incision when None), or, with `read_at`, at that
        moment, which is turned into the time it showed at the event. A locked record asks for a reason."""
        shown_ms = video_time.parse_shown(shown, lang)
        with self._change(proc_id, reason, child_values=False, lang=lang) as proc:
            event = self._reference_event(proc, event_id, lang)
            if read_at is not None:
                # A recording started after the incision holds no incision: the first event it holds is named.
                live = proc.live_events()  # in time order, the incision among them
                later = live[live.index(event) :] if event_id is None else [event]
                held = [(e, video_time.shown_at(e, shown_ms, read_at)) for e in later]
                first = next(((e, ms) for e, ms in held if ms >= 0), None)
                if first is None:
                    raise ValidationError(video_time.STARTED_AFTER.fill(shown=shown, event=event.id), lang=lang)
                event, shown_ms = first
            self._set_columns(proc_id, {"video_event_id": event.id, "video_shown": video_time.exact(shown_ms)}, reason)
        return VideoReference(event.id, shown_ms)

    @staticmethod
    def _reference_event(proc: Procedure, event_id: int | None, lang: str) -> Event:
        """The live event a reference may name: the one given, or the incision."""
        if event_id is None:
            incision = proc.first_event(forms.marking("surgery_start").kind)
            if incision is None:
                raise ValidationError(video_time.NO_INCISION.fill(study_id=proc.study_id), "event", lang=lang)
            return incision
        event = next((e for e in proc.events if e.id == event_id), None)
        if event is None:
            raise ValidationError(
                video_time.NO_SUCH_EVENT.fill(id=event_id, study_id=proc.study_id), "event", lang=lang
            )
        if event.struck:
            raise ValidationError(video_time.STRUCK_EVENT.fill(id=event_id), "event", lang=lang)
        return event

    # -- completing ------------------------------------------------------------------------
    def missing(self, proc_id: str, lang: str = "en") -> builtins.list[str]:
        """What still stands between the record and completion, in plain words in lang."""
        return rules.missing_for_completion(self.load(proc_id), lang, self.clock())

    def complete(self, proc_id: str) -> None:
        """Mark the record complete and lock it; refuses while anything is missing."""
        with self._change(proc_id, None) as proc:
            now = self.clock()
            if rules.missing_for_completion(proc, now=now):
                missing = Worded(lambda lang: "; ".join(rules.missing_for_completion(proc, lang, now)))
                raise ValidationError(Text("The record cannot be completed yet. Missing: {missing}", missing=missing))
            repository.set_procedure_column(
                self.store.conn,
                proc_id=proc_id,
                column="completed_utc",
                value=self._now(),
                now=self._now(),
                username=self.user.username,
            )
        # A completed record is the moment worth a copy: the next crash cannot take it.
        try:
            take_backup(self.store, "completed", self.clock())
        except StorageError as failure:
            study_id = self._load(proc_id, child_values=False).study_id
            raise BackupFailed(
                Text(
                    "{study_id} is complete and locked, and that is saved. Only the automatic backup that follows "
                    "a completion was not made: {failure} The next completion tries again.",
                    study_id=study_id,
                    failure=failure,
                )
            ) from None

    def mark_exported(
        self,
        proc_id: str,
        version: int,
        modified_at: str | None,
        previous: int | None = None,
        then: Callable[[], None] | None = None,
    ) -> None:
        """Record that a session file of this version left the laptop (nothing is deleted).

        modified_at and previous (version - 1 unless given: a restored database may be behind the versions
        handed out) are the record's modified time and export version when the export read it. A record changed
        (or exported) since is refused with ChangedDuringExport: the file does not hold the change, so it must
        not read as exported. then() runs inside the transaction, after the checks, before the commit: the
        export puts its file in place there, so the record never reads as exported without it.
        """
        self._require(Action.EXPORT, proc_id)
        with self.store.transaction() as db:
            now = self._now()
            stored = self._load(proc_id, child_values=False)
            read = version - 1 if previous is None else previous
            if (stored.modified_at, stored.export_version) != (modified_at, read):
                raise ChangedDuringExport(
                    Text(
                        "{study_id} changed while its session file was being made, so the file does not hold "
                        "the change: nothing was exported. Export it again to send the record as it is now.",
                        study_id=stored.study_id,
                    )
                )
            for column, value in (("export_version", version), ("exported_utc", now)):
                repository.set_procedure_column(
                    db.conn,
                    proc_id=proc_id,
                    column=column,
                    value=value,
                    now=now,
                    username=self.user.username,
                    reason="session file exported",
                )
            repository.refresh_status(db.conn, proc_id)
            if then is not None:
                then()


# The parts of a record a field or an entry belongs to (forms/ "scope"), as a message names them.
SCOPES = {"procedure": Text("procedure"), "lesion": Text("lesion"), "complication": Text("complication")}


def _free_texts(clean: dict[str, Any]) -> list[TypedText]:
    """The values of free-text fields among clean, each with its field (to be screened for identifiers)."""
    return [
        (name, fdef, value)
        for name, value in clean.items()
        if (fdef := forms.field_def(name)).free_text and isinstance(value, str)
    ]


def _questionnaire_fields() -> set[str]:
    return {f.name for f in forms.questionnaire().fields()}


def _first_answers(proc: Procedure, fields: Iterable[str]) -> bool:
    """Whether a change only gives unanswered questions their first answers: locking leaves the questionnaire
    open for the surgeon, so these need no reason."""
    names = set(fields)
    return bool(names) and names <= _questionnaire_fields() and all(proc.get(name) is None for name in names)


def event_time(text: str) -> datetime:
    """Parse a user-typed event time (ISO 8601); a time without zone is local time."""
    try:
        return parse_typed(text)
    except (ValueError, OverflowError):
        raise ValidationError(
            Text("{text!r} is not a date and time such as 2026-11-24T09:30.", text=text), "at"
        ) from None
