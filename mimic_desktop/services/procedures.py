"""Recording a procedure: one transaction, with its audit rows, per user action."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from datetime import datetime
from typing import Any

from ..domain import derive, forms, rules, values
from ..domain.clock import from_iso, to_iso, utc_now
from ..domain.errors import ChangedDuringExport, NotFound, ReasonRequired, ValidationError
from ..domain.record import Procedure
from ..domain.roles import Action, User
from ..storage import audit, repository, users
from ..storage.connection import Store
from ..storage.errors import StorageError
from . import access
from .backups import BackupFailed, take_backup

Clock = Callable[[], datetime]
ENTITY_TABLES = {"lesion": "lesions", "complication": "complications"}


class ProcedureService:
    """Everything a signed-in user does to procedure records."""

    def __init__(self, store: Store, user: User, clock: Clock = utc_now):
        self.store = store
        self.user = user
        self.clock = clock

    # -- reading ---------------------------------------------------------------------------
    def load(self, proc_id: str) -> Procedure:
        return self._load(proc_id)

    def _load(self, proc_id: str, child_values: bool = True) -> Procedure:
        proc = repository.load_procedure(self.store.conn, proc_id, child_values=child_values)
        if proc is None:
            raise NotFound(f"There is no procedure with id {proc_id}.")
        return proc

    def find(self, study_id: str) -> Procedure:
        proc_id = repository.procedure_id_for(self.store.conn, study_id=study_id.strip().upper())
        if proc_id is None:
            raise NotFound(f"There is no procedure with study ID {study_id}.")
        return self.load(proc_id)

    def list(self, search: str = ""):
        return repository.list_procedures(self.store.conn, search)

    def audit_trail(self, proc_id: str | None = None):
        return repository.audit_rows(self.store.conn, proc_id)

    def verify_audit(self) -> audit.Verification:
        result = audit.verify(self.store.conn)
        extra = audit.cross_check(self.store.conn)
        if extra:
            return audit.Verification(False, result.rows, result.head_hash, result.problems + tuple(extra))
        return result

    # -- guarding --------------------------------------------------------------------------
    def _now(self) -> str:
        return to_iso(self.clock())

    def _require(self, action: Action, proc_id: str | None = None) -> None:
        access.require(self.store, self.user, action, proc_id, self.clock)

    @contextlib.contextmanager
    def _change(self, proc_id: str, reason: str | None, child_values: bool = True) -> Iterator[Procedure]:
        """One user action on a record: permission, lock, one transaction, status refresh.

        child_values=False yields the record without its lesions' and complications' values.
        """
        self._require(Action.EDIT, proc_id)
        proc = self._load(proc_id, child_values)
        if proc.locked and not (reason and reason.strip()):
            self._refuse_locked(proc)
        with self.store.transaction() as db:
            yield proc
            repository.refresh_status(db.conn, proc_id)

    def _refuse_locked(self, proc: Procedure) -> None:
        message = f"{proc.study_id} is complete and locked: give a reason for the change."
        access.log_refusal(self.store, self.user.username, "edit_locked", message, proc.id, self.clock)
        raise ReasonRequired(message)

    # -- creating --------------------------------------------------------------------------
    def create(self, study_id: str, centre: str, initial: dict[str, Any] | None = None) -> str:
        """Enrol a patient; refuses a malformed or taken study ID and an ineligible patient.

        The record is a demo record (practice, never trial data) when a demo account makes it or the database is
        the demo one, whoever calls.
        """
        self._require(Action.EDIT)
        centre = rules.check_centre(centre)
        study_id = rules.check_study_id(study_id, centre)
        if repository.study_id_taken(self.store.conn, study_id):
            raise ValidationError(f"Study ID {study_id} is already in use on this laptop.", "study_id")
        clean = self._normalise(initial or {}, "procedure")
        draft = Procedure(id="", study_id=study_id, centre=centre, created_at="", session_id="", values=clean)
        failures = derive.eligibility_failures(draft)
        if failures:
            raise ValidationError("The patient cannot be enrolled: " + "; ".join(failures) + ".", "eligibility")
        now = self._now()
        demo = self.user.demo or users.holds_demo_accounts(self.store.conn)
        with self.store.transaction() as db:
            proc_id = repository.insert_procedure(
                db.conn, study_id=study_id, centre=centre, now=now, username=self.user.username, demo=demo
            )
            for name, value in clean.items():
                repository.set_value(
                    db.conn,
                    proc_id=proc_id,
                    entity="procedure",
                    entity_id="",
                    field=name,
                    value=value,
                    now=now,
                    username=self.user.username,
                    reason=None,
                )
        return proc_id

    # -- values ----------------------------------------------------------------------------
    @staticmethod
    def _normalise(raw: dict[str, Any], scope: str) -> dict[str, Any]:
        clean = {}
        for name, value in raw.items():
            try:
                fdef = forms.field_def(name)
            except KeyError:
                raise ValidationError(f"{name!r} is not a field of the case report form.", name) from None
            if fdef.scope != scope:
                raise ValidationError(f"{fdef.text()} belongs to a {fdef.scope}, not to a {scope}.", name)
            clean[name] = values.normalise(fdef, value)
        return clean

    def set_values(
        self,
        proc_id: str,
        updates: dict[str, Any],
        *,
        entity: str = "procedure",
        entity_id: str = "",
        reason: str | None = None,
    ) -> int:
        """Save a group of fields (one form) in one transaction; returns how many changed."""
        clean = self._normalise(updates, entity)
        changed = 0
        with self._change(proc_id, reason) as proc:
            if entity != "procedure":
                self._child(proc, entity, entity_id)
            if "icg_given_at" in clean:
                rules.check_icg_time(proc, clean["icg_given_at"])
            questionnaire_fields = {f.name for f in forms.questionnaire().fields()}
            signature = proc.valid_signature()
            touches_signed = signature and questionnaire_fields & clean.keys()
            if touches_signed and not (reason and reason.strip()):
                raise ReasonRequired(
                    "The questionnaire is signed: give a reason for the change. The signature will be voided."
                )
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
            if touches_signed and changed:
                repository.void_signature(
                    conn,
                    proc_id=proc_id,
                    signature_id=signature.id,
                    reason=reason,
                    now=self._now(),
                    username=self.user.username,
                )
        return changed

    def set_value(self, proc_id: str, name: str, value: Any, reason: str | None = None) -> int:
        return self.set_values(proc_id, {name: value}, reason=reason)

    @staticmethod
    def _child(proc: Procedure, entity: str, entity_id: str):
        children = proc.lesions if entity == "lesion" else proc.complications
        for child in children:
            if child.id == entity_id:
                return child
        raise NotFound(f"There is no {entity} {entity_id} in {proc.study_id}.")

    def add_lesion(self, proc_id: str, updates: dict[str, Any] | None = None, reason: str | None = None) -> str:
        return self._add_child(proc_id, "lesion", updates or {}, reason)

    def add_complication(self, proc_id: str, updates: dict[str, Any], reason: str | None = None) -> str:
        return self._add_child(proc_id, "complication", updates, reason)

    def _add_child(self, proc_id: str, entity: str, updates: dict[str, Any], reason: str | None) -> str:
        clean = self._normalise(updates, entity)
        with self._change(proc_id, reason):
            child_id = self._insert_child(proc_id, entity, clean, reason)
        return child_id

    def _insert_child(self, proc_id: str, entity: str, clean: dict[str, Any], reason: str | None) -> str:
        conn, now = self.store.conn, self._now()
        child_id, _ = repository.add_child(
            conn, ENTITY_TABLES[entity], proc_id=proc_id, now=now, username=self.user.username
        )
        for name, value in clean.items():
            repository.set_value(
                conn,
                proc_id=proc_id,
                entity=entity,
                entity_id=child_id,
                field=name,
                value=value,
                now=now,
                username=self.user.username,
                reason=reason,
            )
        return child_id

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
    ) -> int:
        """Log one intraoperative moment; returns the event id once it has been committed.

        Events that identify a lesion create it and make it the current lesion; others attach
        to the lesion given, or to the current one when the event needs a lesion.
        """
        catalogue = forms.events()
        if kind not in catalogue:
            raise ValidationError(f"{kind!r} is not a known intraoperative event.", "kind")
        definition = catalogue[kind]
        moment = at or self.clock()
        if moment.tzinfo is None:
            raise ValidationError("An event time must carry a time zone.", "at")
        note = (note or "").strip() or None
        if kind == "note" and not note:
            raise ValidationError("A note needs some text.", "note")
        # The event rules read the timeline and the procedure's values, never a lesion's values.
        with self._change(proc_id, reason, child_values=False) as proc:
            if definition.lesion == "creates":
                lesion_id = self._insert_child(proc_id, "lesion", {"source": definition.source}, reason)
                repository.set_procedure_column(
                    self.store.conn,
                    proc_id=proc_id,
                    column="current_lesion_id",
                    value=lesion_id,
                    now=self._now(),
                    username=self.user.username,
                )
            elif definition.lesion in {"required", "optional"}:
                lesion_id = lesion_id or proc.current_lesion_id
                if lesion_id:
                    self._child(proc, "lesion", lesion_id)
            else:
                lesion_id = None
            if definition.lesion != "creates":
                rules.check_lesion_event(proc, kind, lesion_id)
            rules.check_event_time(proc, kind, moment)
            event_id = repository.insert_event(
                self.store.conn,
                proc_id=proc_id,
                kind=kind,
                at=to_iso(moment),
                now=self._now(),
                username=self.user.username,
                lesion_id=lesion_id,
                note=note,
            )
        return event_id

    def strike_event(self, event_id: int, reason: str) -> None:
        """Strike a wrong event through; it stays visible in the timeline and the audit trail."""
        if not (reason and reason.strip()):
            raise ReasonRequired("Say why this event is wrong: a struck event keeps its reason.")
        proc_id = repository.procedure_id_for(self.store.conn, event_id=event_id)
        if proc_id is None:
            raise NotFound(f"There is no event {event_id}.")
        with self._change(proc_id, reason) as proc:
            event = next(e for e in proc.events if e.id == event_id)
            if event.struck:
                raise ValidationError(f"Event {event_id} is already struck through.")
            repository.strike_event(
                self.store.conn,
                proc_id=proc_id,
                event_id=event_id,
                reason=reason.strip(),
                now=self._now(),
                username=self.user.username,
            )

    def correct_event_time(self, event_id: int, at: datetime, reason: str) -> int:
        """Replace an event's time: the old one is struck through, a new one recorded."""
        proc_id = repository.procedure_id_for(self.store.conn, event_id=event_id)
        if proc_id is None:
            raise NotFound(f"There is no event {event_id}.")
        old = next(e for e in self.load(proc_id).events if e.id == event_id)
        self.strike_event(event_id, reason)
        return self.record_event(proc_id, old.kind, at=at, lesion_id=old.lesion_id, note=old.note, reason=reason)

    def switch_lesion(self, proc_id: str, lesion_id: str) -> None:
        self._require(Action.EDIT, proc_id)
        self._child(self.load(proc_id), "lesion", lesion_id)
        with self.store.transaction() as db:
            repository.set_procedure_column(
                db.conn,
                proc_id=proc_id,
                column="current_lesion_id",
                value=lesion_id,
                now=self._now(),
                username=self.user.username,
            )

    # -- completing ------------------------------------------------------------------------
    def missing(self, proc_id: str, lang: str = "en") -> list[str]:
        """What still stands between the record and completion, in plain words in lang."""
        return rules.missing_for_completion(self.load(proc_id), lang)

    def complete(self, proc_id: str) -> None:
        """Mark the record complete and lock it; refuses while anything is missing."""
        missing = self.missing(proc_id)
        if missing:
            raise ValidationError("The record cannot be completed yet. Missing: " + "; ".join(missing))
        with self._change(proc_id, None):
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
                f"{study_id} is complete and locked, and that is saved. Only the automatic backup that follows "
                f"a completion was not made: {failure} The next completion tries again."
            ) from None

    def mark_exported(self, proc_id: str, version: int, modified_at: str | None) -> None:
        """Record that a session file of this version left the laptop (nothing is deleted).

        modified_at is the record's modified time when the export read it. A record changed (or exported)
        since is refused with ChangedDuringExport: the file does not hold the change, so it must not read
        as exported.
        """
        self._require(Action.EXPORT, proc_id)
        with self.store.transaction() as db:
            now = self._now()
            stored = self._load(proc_id, child_values=False)
            if (stored.modified_at, stored.export_version) != (modified_at, version - 1):
                raise ChangedDuringExport(
                    f"{stored.study_id} changed while its session file was being made, so the file does not hold "
                    "the change: nothing was exported. Export it again to send the record as it is now."
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


def event_time(text: str) -> datetime:
    """Parse a user-typed event time (ISO 8601); a time without zone is local time."""
    try:
        moment = (
            from_iso(text) if ("+" in text[10:] or text.endswith("Z")) else datetime.fromisoformat(text).astimezone()
        )
    except ValueError:
        raise ValidationError(f"{text!r} is not a date and time such as 2026-11-24T09:30.", "at") from None
    return moment
