"""The trial office's data queries: raise one on a value of a current record, list them, close or ask again, let
the automatic checks raise theirs, send each centre a signed query file, and take the answers that session files
bring back (called by the central import, inside the transaction that stores the file).

Only a data manager raises, closes and sends queries (a refused attempt is kept in the audit trail); every step
is one transaction with its audit row (storage/central_queries.py).
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..domain import data_queries, rules, values
from ..domain.clock import to_iso, utc_now
from ..domain.data_queries import QueryStatus, Target
from ..domain.errors import MimicError, NotFound, ReasonRequired, ValidationError
from ..domain.record import Procedure
from ..domain.roles import Action, User
from ..domain.wording import Text
from ..exchange import query_file, record_json
from ..exchange.files import write_files
from ..storage import central as central_storage
from ..storage import central_queries
from ..storage.central_queries import QueryRow as QueryRow  # named here for the UI
from ..storage.central_queries import decode_value as decode_value
from ..storage.connection import Store
from . import office_accounts, office_key
from .procedures import Clock

PERSON = "person"  # the origin of a query a person raised; an automatic check's is its name


def _current_record(conn: sqlite3.Connection, study_id: str) -> tuple[central_storage.StoredFile, Procedure]:
    stored = central_storage.current_file(conn, study_id=study_id.strip().upper())
    if stored is None:
        raise NotFound(Text("There is no imported record with study ID {study_id}.", study_id=study_id))
    row = conn.execute("SELECT record_json FROM session_files WHERE file_hash=?", (stored.file_hash,)).fetchone()
    return stored, record_json.record_from_dict(json.loads(row[0]))


def _question(text: str) -> str:
    text = (text or "").strip()
    if not text:
        raise ValidationError(Text("Write the question: a query needs its text."))
    if len(text) > query_file.MAX_TEXT:
        raise ValidationError(Text("A question holds at most {limit} characters.", limit=query_file.MAX_TEXT))
    return values.check_text(text, Text("Question"))


def raise_query(
    store: Store,
    by: User,
    study_id: str,
    aim: Target,
    text: str,
    *,
    origin: str = PERSON,
    clock: Clock = utc_now,
) -> int:
    """Ask the record's centre about the target's value in the current version; returns the query's number."""
    by = office_accounts.require(store, by, Action.QUERY)
    text = _question(text)
    now = to_iso(clock())
    with store.transaction() as db:
        stored, proc = _current_record(db.conn, study_id)
        if not data_queries.exists(proc, aim):
            raise NotFound(
                Text(
                    "{study_id} (version {version}) has no {target}.",
                    study_id=stored.study_id,
                    version=stored.session_version,
                    target=aim,
                )
            )
        row = QueryRow(
            id=0,
            centre=stored.centre,
            study_id=stored.study_id,
            session_id=stored.session_id,
            target_kind=aim.kind.value,
            field=aim.field,
            item_number=aim.number,
            event_id=aim.event_id,
            text=text,
            origin=origin,
            round=1,
            status=QueryStatus.OPEN.value,
            raised_utc=now,
            raised_by=by.username,
            raised_on_version=stored.session_version,
            value_raised=central_queries.encode_value(data_queries.value_of(proc, aim)),
        )
        return central_queries.insert(db.conn, row, by=by.username, now=now)


def queries(
    store: Store, *, centre: str | None = None, study_id: str | None = None, status: str | None = None
) -> list[QueryRow]:
    """The queries of a centre, a record or a status (every one by default)."""
    if status is not None:
        status = QueryStatus(status).value
    if centre is not None:
        centre = rules.check_centre(centre)
    return central_queries.matching(
        store.conn, centre=centre, study_id=None if study_id is None else study_id.strip().upper(), status=status
    )


def target_of(row: QueryRow) -> Target:
    return Target(data_queries.TargetKind(row.target_kind), row.field, row.item_number, row.event_id)


def _query(conn: sqlite3.Connection, query_id: int) -> QueryRow:
    row = central_queries.get(conn, query_id)
    if row is None:
        raise NotFound(Text("There is no query {id}.", id=query_id))
    return row


def close(store: Store, by: User, query_id: int, reason: str | None = None, clock: Clock = utc_now) -> QueryRow:
    """Close a query: an answered one as settled; an open one only with the reason it is withdrawn."""
    by = office_accounts.require(store, by, Action.QUERY)
    reason = values.check_reason(reason) if reason and reason.strip() else None
    now = to_iso(clock())
    with store.transaction() as db:
        row = _query(db.conn, query_id)
        if row.status == QueryStatus.CLOSED:
            raise ValidationError(Text("Query {id} is closed already.", id=query_id))
        if row.status == QueryStatus.OPEN and reason is None:
            raise ReasonRequired(
                Text("Query {id} has not been answered: give the reason for withdrawing it.", id=query_id)
            )
        return central_queries.change(
            db.conn,
            row,
            by=by.username,
            now=now,
            reason=reason,
            status=QueryStatus.CLOSED.value,
            closed_utc=now,
            closed_by=by.username,
            close_reason=reason,
        )


def ask_again(store: Store, by: User, query_id: int, text: str, clock: Clock = utc_now) -> QueryRow:
    """An answer that does not settle the question: the query opens again with the new words, as its next round,
    and goes to the centre in its next query file (the earlier round and its answer stay in the trail)."""
    by = office_accounts.require(store, by, Action.QUERY)
    text = _question(text)
    now = to_iso(clock())
    with store.transaction() as db:
        row = _query(db.conn, query_id)
        if row.status != QueryStatus.ANSWERED:
            raise ValidationError(
                Text(
                    "Only an answered query can be asked again; query {id} is {status}.",
                    id=query_id,
                    status=QueryStatus(row.status),
                )
            )
        return central_queries.change(
            db.conn,
            row,
            by=by.username,
            now=now,
            reason=None,
            text=text,
            round=row.round + 1,
            status=QueryStatus.OPEN.value,
            answer_text=None,
            answer_value=None,
            answered_utc=None,
            answered_by=None,
            answer_version=None,
        )


def run_checks(store: Store, by: User, clock: Clock = utc_now) -> list[int]:
    """Raise what the automatic checks find in the current records, once per target and check: the numbers of the
    queries raised now."""
    office_accounts.require(store, by, Action.QUERY)
    from ..exchange.central import current_records

    raised = []
    for proc in current_records(store.conn):
        known = {(row.origin, target_of(row)) for row in central_queries.matching(store.conn, study_id=proc.study_id)}
        for finding in data_queries.automatic_findings(proc):
            if (finding.check, finding.target) not in known:
                words = finding.text.text("en")  # the office's working language is the trial's: English
                raised.append(
                    raise_query(store, by, proc.study_id, finding.target, words, origin=finding.check, clock=clock)
                )
    return raised


@dataclass(frozen=True)
class SentFile:
    path: Path
    centre: str
    count: int
    key_fingerprint: str


def send(
    store: Store,
    by: User,
    centre: str,
    out: Path,
    *,
    again: bool = False,
    key_path: Path | None = None,
    clock: Clock = utc_now,
) -> SentFile:
    """Write the centre's query file: its open queries that no file has carried yet (every open one with again),
    signed with the office's key; they are marked sent in the same transaction, which the file's rename ends."""
    by = office_accounts.require(store, by, Action.QUERY)
    centre = rules.check_centre(centre)
    key = office_key.load_or_create(key_path)
    now = to_iso(clock())
    out = Path(out)
    if out.is_dir():
        out = out / f"queries-centre-{centre}-{now[:10]}{query_file.SUFFIX}"
    with store.transaction() as db:
        rows = (
            central_queries.matching(db.conn, centre=centre, status=QueryStatus.OPEN.value)
            if again
            else central_queries.unsent(db.conn, centre)
        )
        if not rows:
            raise MimicError(
                Text("Centre {centre} has no open query that it has not been sent; nothing was written.", centre=centre)
            )
        names = dict(db.conn.execute("SELECT username, full_name FROM users").fetchall())
        sent = [
            query_file.SentQuery(
                row.id,
                row.round,
                row.study_id,
                target_of(row),
                row.text,
                row.raised_utc,
                names.get(row.raised_by, row.raised_by),
            )
            for row in rows
        ]
        data = query_file.write(centre, now, sent, key)
        for row in rows:
            if row.sent_round != row.round:
                central_queries.change(db.conn, row, by=by.username, now=now, reason=None, sent_round=row.round)
        central_storage.record_event(
            db.conn,
            "query_file",
            centre,
            "sent",
            {"file": out.name, "queries": [row.id for row in rows]},
            by=by.username,
            now=now,
        )
        write_files({out: lambda target: target.write_bytes(data)})
    return SentFile(out, centre, len(rows), office_key.fingerprint(key))


# -- answers arriving in session files ---------------------------------------------------------------------
def take_answers(
    conn: sqlite3.Connection,
    stored: central_storage.StoredFile,
    record: dict[str, Any],
    proc: Procedure,
    *,
    by: str,
) -> int:
    """Mark answered the open queries of this record that the file answers (their round), with the target's value
    in this version beside the answer; inside the import's transaction. Returns how many."""
    answered = 0
    for item in record.get("query_answers") or []:
        row = central_queries.get(conn, item["query_id"])
        if row is None or (row.centre, row.study_id) != (stored.centre, stored.study_id):
            continue  # not a question this office asked of this record: ignored
        if row.status != QueryStatus.OPEN or row.round != item["round"]:
            continue  # settled already, or the answer to an earlier round
        value = central_queries.encode_value(data_queries.value_of(proc, target_of(row)))
        central_queries.change(
            conn,
            row,
            by=by,
            now=stored.imported_utc,
            reason=None,
            status=QueryStatus.ANSWERED.value,
            answer_text=item["text"],
            answer_value=value,
            answered_utc=item["answered_at"],
            answered_by=item["answered_by"],
            answer_version=stored.session_version,
        )
        answered += 1
    return answered
