"""What the trial office settles by hand, each with a reason and its audit rows: voiding a session (or every session
imported under a key) and restoring it, and releasing a version held back because it was far ahead of the last one
seen.

A voided session is kept and shown, with its files and the reason; it is out of the flat tables, and so of the
analysis and every export, until it is restored the same way. Two sessions in force never share a study ID: a
restore that would make them is refused, as an import is.
"""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import dataclass

from ..domain import values
from ..domain.clock import to_iso, utc_now
from ..domain.errors import MimicError, NotFound, ReasonRequired, ValidationError
from ..domain.record import Procedure
from ..domain.roles import Action, User
from ..domain.wording import Text
from ..exchange import central
from ..exchange.record_json import record_from_dict
from ..exchange.signing_keys import id_fingerprint
from ..storage import central as central_storage
from ..storage.central import Held, StoredFile, Void
from ..storage.connection import Store
from . import central_redaction, office_accounts
from .central_import import two_records
from .procedures import Clock

SESSION_ID = re.compile(r"^[0-9a-f]{32}$")


class Refused(MimicError):
    """A settling step that cannot be taken as asked (nothing changed)."""


@dataclass(frozen=True)
class Settled:
    """What a step changed: the study IDs of the sessions, and the words for it."""

    study_ids: list[str]
    message: Text


def _reason(reason: str | None, what: Text) -> str:
    """The reason, trimmed; refused when there is none, when it holds invisible control characters or when it is
    longer than the one limit of a reason."""
    if not (reason and reason.strip()):
        raise ReasonRequired(what)
    return values.check_reason(reason)


def _sessions(conn: sqlite3.Connection, target: str) -> list[sqlite3.Row]:
    """The sessions a study ID (any it has now) or a session id names, in force first."""
    text = target.strip()
    column = "session_id" if SESSION_ID.match(text.lower()) else "study_id"
    value = text.lower() if column == "session_id" else text.upper()
    return conn.execute(
        f"SELECT s.session_id, s.study_id, s.current_file_hash, {central_storage.IN_FORCE} AS in_force"
        f" FROM sessions s WHERE s.{column}=? ORDER BY in_force DESC, s.rowid",
        (value,),
    ).fetchall()


def _one_session(conn: sqlite3.Connection, target: str, *, in_force: bool) -> sqlite3.Row:
    rows = [row for row in _sessions(conn, target) if bool(row["in_force"]) is in_force]
    if not rows:
        if in_force:
            raise NotFound(Text("No session in force has the study ID or session id {target}.", target=target))
        raise NotFound(Text("No voided session has the study ID or session id {target}.", target=target))
    if len(rows) > 1:
        raise Refused(
            Text(
                "{target} names {count} voided sessions ({sessions}): name the one meant by its session id.",
                target=target,
                count=len(rows),
                sessions=", ".join(row["session_id"] for row in rows),
            )
        )
    return rows[0]


def void_session(store: Store, by: User, target: str, reason: str | None, clock: Clock = utc_now) -> Settled:
    """Void the session in force that this study ID or session id names: kept and shown, out of the analysis and
    every export."""
    by = office_accounts.require(store, by, Action.SETTLE)
    reason = _reason(reason, Text("Say why the session is voided: the reason is kept and shown with it."))
    with store.transaction() as db:
        row = _one_session(db.conn, target, in_force=True)
        central_storage.insert_void(db.conn, row["session_id"], None, reason, by=by.username, now=to_iso(clock()))
    return Settled([row["study_id"]], Text("{study_id} is voided.", study_id=row["study_id"]))


def void_key(store: Store, by: User, key_id: str, reason: str | None, clock: Clock = utc_now) -> Settled:
    """Void every session in force with a file imported under this key (a stolen key's)."""
    by = office_accounts.require(store, by, Action.SETTLE)
    reason = _reason(reason, Text("Say why the sessions are voided: the reason is kept and shown with them."))
    now = to_iso(clock())
    with store.transaction() as db:
        voided = []
        for session_id in central_storage.sessions_signed_by(db.conn, key_id):
            if central_storage.void_in_force(db.conn, session_id) is None:
                central_storage.insert_void(db.conn, session_id, key_id, reason, by=by.username, now=now)
                voided.append(_study_id(db.conn, session_id))
    return Settled(
        voided,
        Text(
            "{count} session(s) imported under key {fingerprint} voided: {study_ids}.",
            count=len(voided),
            fingerprint=id_fingerprint(key_id),
            study_ids=", ".join(voided) or "-",
        ),
    )


def restore_session(store: Store, by: User, target: str, reason: str | None, clock: Clock = utc_now) -> Settled:
    """Restore the voided session this study ID or session id names: back in the analysis and the exports."""
    by = office_accounts.require(store, by, Action.SETTLE)
    reason = _reason(reason, Text("Say why the session is restored: the reason is kept with it."))
    with store.transaction() as db:
        row = _one_session(db.conn, target, in_force=False)
        void = central_storage.void_in_force(db.conn, row["session_id"])
        assert void is not None  # not in force means a void in force
        _restore(db.conn, void, reason, by.username, to_iso(clock()))
    return Settled([row["study_id"]], Text("{study_id} is restored.", study_id=row["study_id"]))


def restore_key(store: Store, by: User, key_id: str, reason: str | None, clock: Clock = utc_now) -> Settled:
    """Restore every session voided with this key (not those voided one by one)."""
    by = office_accounts.require(store, by, Action.SETTLE)
    reason = _reason(reason, Text("Say why the sessions are restored: the reason is kept with them."))
    now = to_iso(clock())
    with store.transaction() as db:
        restored = []
        for void in central_storage.voids(db.conn, in_force=True):
            if void.key_id == key_id:
                _restore(db.conn, void, reason, by.username, now)
                restored.append(_study_id(db.conn, void.session_id))
    return Settled(
        restored,
        Text(
            "{count} session(s) voided under key {fingerprint} restored: {study_ids}.",
            count=len(restored),
            fingerprint=id_fingerprint(key_id),
            study_ids=", ".join(restored) or "-",
        ),
    )


def _restore(conn: sqlite3.Connection, void: Void, reason: str, by: str, now: str) -> None:
    """Lift the void and put the session's current version back in the flat tables; refused when another session
    in force has its study ID meanwhile."""
    current = central_storage.current_file(conn, session_id=void.session_id)
    assert current is not None
    study_id = _study_id(conn, void.session_id)
    other = central_storage.current_file(conn, study_id=study_id)
    if other is not None and other.session_id != void.session_id:
        raise Refused(two_records(study_id, other))
    central_storage.restore_void(conn, void, reason, by=by, now=now)
    central_storage.delete_flat_rows(conn, void.session_id)
    central.insert_flat_rows(conn, _record(conn, current.file_hash))


def _study_id(conn: sqlite3.Connection, session_id: str) -> str:
    return str(conn.execute("SELECT study_id FROM sessions WHERE session_id=?", (session_id,)).fetchone()[0])


def _record(conn: sqlite3.Connection, file_hash: str) -> Procedure:
    """A stored file's record (checked against its form versions when it was imported)."""
    return record_from_dict(json.loads(central_storage.record_json_of(conn, file_hash)))


# -- versions held back ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class HeldFile:
    """A file held back, with what a data manager needs to decide."""

    file: StoredFile
    held: Held


def held_files(store: Store, *, waiting: bool = True) -> list[HeldFile]:
    """The files held back (those still waiting for a release, unless waiting is False), oldest first."""
    found = []
    for held in central_storage.held_versions(store.conn, waiting=waiting):
        stored = central_storage.file_by_hash(store.conn, held.file_hash)
        assert stored is not None
        found.append(HeldFile(stored, held))
    return found


def release(store: Store, by: User, study_id: str, version: int, reason: str | None, clock: Clock = utc_now) -> Settled:
    """Release the held version of this study ID: it becomes current when it is newer than the current one (and is
    kept as an older version otherwise); the redactions it carries are applied to the earlier versions then."""
    rewrites: list[central_redaction.Rewrite] = []
    settled = _release(store, by, study_id, version, reason, clock, rewrites)
    if rewrites:  # once the release committed
        central_redaction.finish(store, rewrites)
    return settled


def _release(
    store: Store,
    by: User,
    study_id: str,
    version: int,
    reason: str | None,
    clock: Clock,
    rewrites: list[central_redaction.Rewrite],
) -> Settled:
    by = office_accounts.require(store, by, Action.SETTLE)
    reason = _reason(reason, Text("Say why the version is released: the reason is kept with it."))
    wanted = study_id.strip().upper()
    now = to_iso(clock())
    with store.transaction() as db:
        conn = db.conn
        waiting = [
            h
            for h in central_storage.held_versions(conn, waiting=True)
            if (stored := central_storage.file_by_hash(conn, h.file_hash)) is not None
            and stored.session_version == version
            and wanted in (stored.study_id, _session_study_id(conn, stored))
        ]
        if not waiting:
            raise NotFound(Text("No version {version} of {study_id} is held back.", version=version, study_id=study_id))
        stored = central_storage.file_by_hash(conn, waiting[0].file_hash)
        assert stored is not None
        central_storage.release(conn, stored.file_hash, reason, by=by.username, now=now)
        record = json.loads(central_storage.record_json_of(conn, stored.file_hash))
        rewrites += central_redaction.apply(conn, store.path, stored, record, by=by.username, now=now)
        current = central_storage.current_file(conn, session_id=stored.session_id)
        if current is not None and current.session_version > stored.session_version:
            return Settled(
                [stored.study_id],
                Text(
                    "Version {version} of {study_id} is released and kept; version {current} stays current.",
                    version=version,
                    study_id=stored.study_id,
                    current=current.session_version,
                ),
            )
        other = central_storage.current_file(conn, study_id=stored.study_id)
        if other is not None and other.session_id != stored.session_id:
            raise Refused(two_records(stored.study_id, other))
        if current is not None and current.study_id != stored.study_id:
            raise ValidationError(
                Text(
                    "Version {version} names study ID {file_study_id}, but its session is {study_id} here: import the "
                    "centre's next version, which carries the correction, instead.",
                    version=version,
                    file_study_id=stored.study_id,
                    study_id=current.study_id,
                )
            )
        central.make_current(conn, stored, _record(conn, stored.file_hash), by=by.username)
    return Settled(
        [stored.study_id],
        Text(
            "Version {version} of {study_id} is released and is now current.", version=version, study_id=stored.study_id
        ),
    )


def _session_study_id(conn: sqlite3.Connection, stored: StoredFile) -> str | None:
    row = conn.execute("SELECT study_id FROM sessions WHERE session_id=?", (stored.session_id,)).fetchone()
    return None if row is None else str(row[0])


def voids(store: Store) -> list[Void]:
    """Every void, restored ones too, oldest first."""
    return central_storage.voids(store.conn)
