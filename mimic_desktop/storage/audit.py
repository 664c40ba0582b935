"""The append-only, hash-chained audit trail: who changed what, when, from what, to what, why."""

from __future__ import annotations

import functools
import hashlib
import hmac
import json
import secrets
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..domain.forms import all_fields
from ..domain.record import Signature
from ..domain.values import check_reason_length
from ..domain.wording import Text, TextList
from . import row_seals
from .trail_words import changed_outside, deleted_outside, no_entry

GENESIS = "0" * 64
CHAINED_COLUMNS = (
    "seq",
    "at_utc",
    "username",
    "procedure_id",
    "entity",
    "entity_id",
    "field",
    "old_value",
    "new_value",
    "reason",
)


# The columns that may hold what a person typed. From schema m009 on, the chain commits to each of them by a keyed
# hash (HMAC-SHA256 with a key of its own, kept beside the text): removing a text and its key (a redaction) leaves
# the commitment, and the chain, as they were, and without the key the text cannot be guessed back from its hash.
COMMITTED = ("old_value", "new_value", "reason")
REDACTED = "[redacted]"
KEYED = "keyed"  # marks the payload of a row whose values the chain holds by their commitments


def row_hash(prev_hash: str, row: dict[str, Any], commitments: dict[str, str | None] | None = None) -> str:
    """The hash of one row after prev_hash: over its values as they are (older schemas) or, with commitments, over
    the commitments in place of the typed values."""
    if commitments is None:
        values = [prev_hash] + [row[c] for c in CHAINED_COLUMNS]
    else:
        values = [KEYED, prev_hash] + [commitments[c] if c in COMMITTED else row[c] for c in CHAINED_COLUMNS]
    payload = json.dumps(values, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def commitment(key_hex: str, text: str) -> str:
    return hmac.new(bytes.fromhex(key_hex), text.encode("utf-8"), hashlib.sha256).hexdigest()


def commit(row: dict[str, Any]) -> tuple[dict[str, str | None], dict[str, str]]:
    """Fresh keys for the typed values of one row, and their commitments (None for a column without a value)."""
    keys = {column: secrets.token_hex(32) for column in COMMITTED if row[column] is not None}
    commitments = {column: commitment(keys[column], row[column]) if column in keys else None for column in COMMITTED}
    return commitments, keys


def keyed(conn: sqlite3.Connection) -> bool:
    """Whether this audit table commits to values by keyed hashes (the laptop's schema from m009 on)."""
    return any(row[1] == "commitments" for row in conn.execute("PRAGMA table_info(audit)"))


def encode(value: Any) -> str | None:
    """Audit values are stored as JSON text so that types survive."""
    return None if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True)


def decode(text: str | None) -> Any:
    return None if text is None else json.loads(text)


def head(conn: sqlite3.Connection) -> tuple[int, str]:
    row = conn.execute("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
    return (row[0], row[1]) if row else (0, GENESIS)


# The audit table of the laptop's database and of the central study database, defined once (storage/migrations.py
# and storage/central.py create it in their first migrations): one hash-chained row per change. The text is the
# one those migrations always ran, so that a database made now has the same schema as one made before.
TABLE_SQL = """CREATE TABLE audit (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            at_utc TEXT NOT NULL,
            username TEXT NOT NULL,
            procedure_id TEXT,
            entity TEXT NOT NULL,
            entity_id TEXT NOT NULL,
            field TEXT NOT NULL,
            old_value TEXT,
            new_value TEXT,
            reason TEXT,
            prev_hash TEXT NOT NULL,
            hash TEXT NOT NULL)"""
# The application never updates or deletes audit rows; these make an accident fail loudly.
APPEND_ONLY_SQL = tuple(
    f"CREATE TRIGGER audit_no_{action.lower()} BEFORE {action} ON audit "
    "BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END"
    for action in ("UPDATE", "DELETE")
)


def create_table(execute: Callable[[str], object], index_sql: str) -> None:
    """Create the audit table, its index (each database reads its trail its own way: by record on the laptop, by
    entity centrally) and the triggers that keep it append-only."""
    for statement in (TABLE_SQL, index_sql, *APPEND_ONLY_SQL):
        execute(statement)


def append(
    conn: sqlite3.Connection,
    *,
    at_utc: str,
    username: str,
    procedure_id: str | None,
    entity: str,
    entity_id: str,
    field: str,
    old: Any,
    new: Any,
    reason: str | None = None,
) -> int:
    """Append one row (must run inside the caller's transaction, after the change it records, so it commits with
    it); a change to a sealed row other than a form field's value seals the row again (row_seals)."""
    seq = append_row(
        conn,
        at_utc=at_utc,
        username=username,
        procedure_id=procedure_id,
        entity=entity,
        entity_id=entity_id,
        field=field,
        old=old,
        new=new,
        reason=reason,
    )
    if entity in row_seals.SEALED and field not in _form_field_names():
        row_seals.seal(conn, entity, entity_id, at_utc=at_utc, username=username)
    return seq


@functools.cache
def _form_field_names() -> frozenset[str]:
    return frozenset(all_fields())


def append_row(
    conn: sqlite3.Connection,
    *,
    at_utc: str,
    username: str,
    procedure_id: str | None,
    entity: str,
    entity_id: str,
    field: str,
    old: Any,
    new: Any,
    reason: str | None = None,
) -> int:
    """Append exactly one row, inside the caller's transaction. Every reason taken passes here, so that none is
    kept longer than the one limit (a ValidationError rolls the caller's change back with it)."""
    check_reason_length(reason)
    last_seq, prev = head(conn)
    seq = last_seq + 1
    row: dict[str, Any] = {
        "seq": seq,
        "at_utc": at_utc,
        "username": username,
        "procedure_id": procedure_id,
        "entity": entity,
        "entity_id": entity_id,
        "field": field,
        "old_value": encode(old),
        "new_value": encode(new),
        "reason": reason,
    }
    row["prev_hash"] = prev
    if keyed(conn):
        commitments, keys = commit(row)
        row["hash"] = row_hash(prev, row, commitments)
        row["commitments"] = json.dumps(commitments)
        row["value_keys"] = json.dumps(keys)
    else:
        row["hash"] = row_hash(prev, row)
    columns = ", ".join(row)
    conn.execute(f"INSERT INTO audit ({columns}) VALUES ({', '.join('?' * len(row))})", list(row.values()))
    return seq


@dataclass(frozen=True)
class Verification:
    ok: bool
    rows: int
    head_hash: str
    problems: tuple[Text, ...]  # said in the reader's language where they are shown

    def summary(self) -> Text:
        if self.ok:
            return Text("Audit trail intact: {rows} entries, head {head}.", rows=self.rows, head=self.head_hash[:16])
        return Text(
            "Audit trail DAMAGED ({count} problems): {problems}",
            count=len(self.problems),
            problems=TextList(self.problems[:5], "; "),
        )


def verify(conn: sqlite3.Connection) -> Verification:
    """Walk the chain: an edited, inserted, deleted or reordered row breaks it, a deleted last row too. Where the
    chain commits to values by keyed hashes, each value kept must match its commitment, and each value removed must
    be one that a redaction row of the chain names, reading as that row says."""
    problems: list[Text] = []
    prev = GENESIS
    expected_seq = 1
    count = 0
    with_keys = keyed(conn)
    names = (*CHAINED_COLUMNS, "prev_hash", "hash", *(("commitments", "value_keys") if with_keys else ()))
    removed: dict[tuple[int, str], str | None] = {}  # (seq, column): the text it holds without its key
    redactions: dict[tuple[int, str], str] = {}  # (seq, column): what the redaction row says it reads now
    for raw in conn.execute(f"SELECT {', '.join(names)} FROM audit ORDER BY seq"):
        row = dict(zip(names, raw, strict=True))
        count += 1
        if row["seq"] != expected_seq:
            problems.append(Text("entry {seq} is missing (next is {next})", seq=expected_seq, next=row["seq"]))
        if row["prev_hash"] != prev:
            problems.append(Text("entry {seq} does not follow the entry before it", seq=row["seq"]))
        if with_keys:
            problems += _committed_problems(row, removed)
            if row["entity"] == REDACTION_ENTITY:
                redactions.update(_redacted_cells(row["new_value"]))
            commitments = _loaded(row["commitments"]) or {}
            hashed = row_hash(row["prev_hash"], row, {c: commitments.get(c) for c in COMMITTED})
        else:
            hashed = row_hash(row["prev_hash"], row)
        if hashed != row["hash"]:
            problems.append(Text("entry {seq} was altered", seq=row["seq"]))
        prev = row["hash"]
        expected_seq = row["seq"] + 1
    for (seq, column), text in removed.items():
        if (seq, column) not in redactions:
            problems.append(
                Text(
                    "entry {seq}: its {column} lost its key without a redaction (changed outside the application)",
                    seq=seq,
                    column=column,
                )
            )
        elif redactions[(seq, column)] != text:
            problems.append(
                Text(
                    "entry {seq}: its {column} is not what its redaction left (changed outside the application)",
                    seq=seq,
                    column=column,
                )
            )
    highest = _highest_seq_ever(conn)
    if highest is not None and highest >= expected_seq:
        problems.append(
            Text("entries {first} to {last} are missing from the end of the trail", first=expected_seq, last=highest)
        )
    return Verification(not problems, count, prev, tuple(problems))


REDACTION_ENTITY = "redaction"


def _loaded(text: str | None) -> Any:
    try:
        return None if text is None else json.loads(text)
    except ValueError:
        return None


def _redacted_cells(new_value: str | None) -> dict[tuple[int, str], str]:
    """The values a redaction row names, and how each reads since (nothing, for a row that is not one)."""
    details = _loaded(new_value)
    cells = details.get("cells") if isinstance(details, dict) else None
    return {
        (cell[0], cell[1]): cell[2]
        for cell in (cells if isinstance(cells, list) else [])
        if isinstance(cell, list) and len(cell) == 3
    }


def _committed_problems(row: dict[str, Any], removed: dict[tuple[int, str], str | None]) -> list[Text]:
    """Each typed value of a row against its commitment: kept with its key, it must match; without its key (redacted)
    it is noted in removed, to be matched with the redaction that removed it."""
    commitments, keys = _loaded(row["commitments"]), _loaded(row["value_keys"])
    if not isinstance(commitments, dict) or not isinstance(keys, dict):
        return [Text("entry {seq} was altered", seq=row["seq"])]
    problems: list[Text] = []
    for column in COMMITTED:
        text, committed = row[column], commitments.get(column)
        if committed is None:
            if text is not None:
                problems.append(Text("entry {seq} was altered", seq=row["seq"]))
        elif column in keys:
            if text is None or commitment(keys[column], text) != committed:
                problems.append(Text("entry {seq} was altered", seq=row["seq"]))
        else:
            removed[(row["seq"], column)] = text
    return problems


def _highest_seq_ever(conn: sqlite3.Connection) -> int | None:
    """SQLite's own record of the largest seq ever appended (AUTOINCREMENT): a deleted tail leaves it behind."""
    if not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_sequence'").fetchone():
        return None
    row = conn.execute("SELECT seq FROM sqlite_sequence WHERE name = 'audit'").fetchone()
    return row[0] if row else None


@dataclass(frozen=True)
class Entry:
    """The latest audit row of one field of one entity: when, by whom, the value it recorded, and why."""

    at_utc: str
    username: str
    value: Any
    reason: str | None
    procedure_id: str | None = None


Latest = dict[tuple[str, str, str], Entry]  # by (entity, entity_id, field)


def latest_entries(conn: sqlite3.Connection, procedure_id: str | None = None) -> Latest:
    """The latest audit row of every field (of one procedure's record when named): what the data must hold now."""
    sql = "SELECT entity, entity_id, field, at_utc, username, new_value, reason, procedure_id FROM audit"
    params: tuple[str, ...] = ()
    if procedure_id is not None:
        sql, params = sql + " WHERE procedure_id = ?", (procedure_id,)
    return {
        (kind, key, field): Entry(at_utc, username, decode(new), reason, proc)
        for kind, key, field, at_utc, username, new, reason, proc in conn.execute(sql + " ORDER BY seq", params)
    }


def cross_check(conn: sqlite3.Connection) -> list[Text]:
    """Compare the data with the latest values their audit rows recorded: a change made outside the application,
    or a deleted tail of the chain, leaves data the trail does not describe.

    Databases written before event times, printed names and user names were recorded in the trail hold no such
    rows: what they lack is compared with what they have (an event without its details row has no lesion and no
    note; a printed name is the signer's name) or, for those events' times, cannot be checked
    (events_without_recorded_time).
    """
    latest = latest_entries(conn)
    tables = {name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    problems = _value_problems(conn, latest)
    problems += _procedure_problems(conn, latest)
    problems += _child_problems(conn, latest)
    problems += _event_problems(conn, latest)
    names = dict(conn.execute("SELECT username, full_name FROM users").fetchall())
    if "signatures" in tables:  # older schemas have none
        kept = set()
        for row in conn.execute(f"SELECT {SIGNATURE_COLUMNS} FROM signatures"):
            kept.add(str(row[0]))
            problems += _signature_problems(Signature(*row), latest, names)
        problems += _deleted(latest, "signature", "signed", kept)
    problems += _user_problems(conn, latest)
    if "delegations" in tables:  # older schemas have none
        problems += _delegation_problems(conn, latest)
    problems += row_seals.problems(conn, latest)
    if row_seals.STARTED in latest:  # the schema seals and status checks were written for
        problems += _status_problems(conn)
    # A column checked by field and by its seal is named once.
    return list(dict.fromkeys(problems))


def _status_problems(conn: sqlite3.Connection) -> list[Text]:
    """The stored status is derived from the record on each change: derived again, it must be the same."""
    from .repository import derived_status  # the repository writes through this module

    return [
        Text("procedure {id}: its status is not what its record gives (changed outside the application)", id=proc_id)
        for proc_id, status in conn.execute("SELECT id, status FROM procedures").fetchall()
        if derived_status(conn, proc_id) != status
    ]


def check(conn: sqlite3.Connection) -> Verification:
    """The check every caller makes: the chain, the data against its trail, and SQLite's integrity check (verify
    adds the schema, storage/schema_check.py)."""
    chain = verify(conn)
    problems = list(chain.problems)
    try:
        problems += cross_check(conn)
    except ValueError as error:  # a value edited into text that is not JSON: the chain has named the entry
        problems.append(
            Text(
                "the data cannot be compared with the trail: an entry holds a value that is not JSON ({error})",
                error=str(error),
            )
        )
    damage = [row[0] for row in conn.execute("PRAGMA integrity_check")]
    if damage != ["ok"]:
        problems += [Text("integrity_check: {damage}", damage=text) for text in damage]
    return Verification(not problems, chain.rows, chain.head_hash, tuple(problems))


def _differing(kind: str, key: str, found: dict[str, Any], expected: dict[str, Any]) -> list[Text]:
    return [changed_outside(kind, key, name) for name, value in expected.items() if found[name] != value]


def _deleted(latest: Latest, entity: str, field: str, kept: set[str]) -> list[Text]:
    gone = sorted(key for kind, key, name in latest if (kind, name) == (entity, field) and key not in kept)
    return [deleted_outside(entity, key) for key in gone]


def _value_problems(conn: sqlite3.Connection, latest: Latest) -> list[Text]:
    problems: list[Text] = []
    stored = set()
    for proc_id, entity, entity_id, field, value in conn.execute(
        "SELECT procedure_id, entity, entity_id, field, value FROM field_values"
    ):
        key = (entity, entity_id or proc_id, field)
        stored.add(key)
        if key not in latest or latest[key].value != decode(value):
            problems.append(Text("{entity} {field} has no matching audit entry", entity=entity, field=field))
    fields = all_fields()
    for key, entry in latest.items():
        if key[2] in fields and entry.value is not None and key not in stored:
            problems.append(deleted_outside(key[0], key[2]))
    return problems


def _procedure_problems(conn: sqlite3.Connection, latest: Latest) -> list[Text]:
    columns = [row[1] for row in conn.execute("PRAGMA table_info(procedures)")]
    audited = [
        c
        for c in ("study_id", "centre", "completed_utc", "export_version", "exported_utc", "surgeon_username")
        if c in columns
    ]
    problems: list[Text] = []
    kept = set()
    for row in conn.execute(f"SELECT id, {', '.join(audited)} FROM procedures"):
        proc_id = row[0]
        kept.add(proc_id)
        if ("procedure", proc_id, "study_id") not in latest:
            problems.append(no_entry("procedure", proc_id))
            continue
        unset = {"export_version": 0}  # what a column holds before its first audited change
        expected = {
            name: entry.value if (entry := latest.get(("procedure", proc_id, name))) else unset.get(name)
            for name in audited
        }
        problems += _differing("procedure", proc_id, dict(zip(audited, row[1:], strict=True)), expected)
    return problems + _deleted(latest, "procedure", "study_id", kept)


def _child_problems(conn: sqlite3.Connection, latest: Latest) -> list[Text]:
    """Lesions and complications: each was added, and is removed (if it is) as the trail says."""
    problems: list[Text] = []
    for table in ("lesions", "complications"):
        entity = table.removesuffix("s")
        for child_id, removed_utc, removed_reason in conn.execute(
            f"SELECT id, removed_utc, removed_reason FROM {table}"
        ):
            if (entity, child_id, "number") not in latest:
                problems.append(no_entry(entity, child_id))
                continue
            removal = latest.get((entity, child_id, "removed"))
            expected = {
                "removed_utc": removal.at_utc if removal else None,
                "removed_reason": removal.reason if removal else None,
            }
            found = {"removed_utc": removed_utc, "removed_reason": removed_reason}
            problems += _differing(entity, child_id, found, expected)
    return problems


EVENT_COLUMNS = (
    "id",
    "procedure_id",
    "kind",
    "at_utc",
    "recorded_utc",
    "username",
    "lesion_id",
    "note",
    "struck",
    "struck_reason",
    "also_lesion_ids",
)


def also_lesions_column(also_lesion_ids: tuple[str, ...]) -> str | None:
    """The events column of the lesions an event names besides its first: a JSON list, NULL when there are none
    (as for every event recorded before an event could name several lesions)."""
    return json.dumps(list(also_lesion_ids)) if also_lesion_ids else None


def also_lesions_from_column(value: str | None) -> tuple[str, ...]:
    return tuple(json.loads(value)) if value else ()


def _event_problems(conn: sqlite3.Connection, latest: Latest) -> list[Text]:
    """Events are not sealed (a seal would add an audit row to every click in theatre): their own audit rows
    describe each column; a column added later must hold its declared default until that changes."""
    problems: list[Text] = []
    kept = set()
    names = [row[1] for row in conn.execute("PRAGMA table_info(events)")]
    # An older database, verified without being upgraded, lacks the columns added since.
    columns = [name for name in EVENT_COLUMNS if name in names]
    others = [name for name in names if name not in EVENT_COLUMNS]
    defaults = row_seals.declared_defaults(conn, "events")
    for row in conn.execute(f"SELECT {', '.join((*columns, *others))} FROM events"):
        found = dict(zip(columns, row, strict=False))
        extra = dict(zip(others, row[len(columns) :], strict=True))
        key = str(found.pop("id"))
        kept.add(key)
        added = latest.get(("event", key, "kind"))
        if added is None:
            problems.append(no_entry("event", key))
            continue
        details = latest.get(("event", key, "details"))
        recorded = details.value if details else {"at": found["at_utc"], "lesion_id": None, "note": None}
        struck = latest.get(("event", key, "struck"))
        problems += [
            changed_outside("event", key, name)
            for name, value in extra.items()
            if row_seals.digest(name, value) != defaults[name]
        ]
        expected = {
            "procedure_id": added.procedure_id,
            "kind": added.value,
            "at_utc": recorded["at"],
            "recorded_utc": added.at_utc,
            "username": added.username,
            "lesion_id": recorded["lesion_id"],
            "note": recorded["note"],
            "struck": int(struck is not None and struck.value is True),
            "struck_reason": struck.reason if struck else None,
            "also_lesion_ids": also_lesions_column(tuple(recorded.get("also_lesion_ids") or ())),
        }
        problems += _differing("event", key, found, {name: expected[name] for name in found})
    return problems + _deleted(latest, "event", "kind", kept)


def events_without_recorded_time(conn: sqlite3.Connection) -> int:
    """Events recorded before every event's audit rows carried its time (no details row): their time is unchecked."""
    count = conn.execute(
        "SELECT COUNT(*) FROM events WHERE CAST(id AS TEXT) NOT IN"
        " (SELECT entity_id FROM audit WHERE entity = 'event' AND field = 'details')"
    ).fetchone()[0]
    return int(count)


SIGNATURE_COLUMNS = "id, form, username, printed_name, meaning, signed_utc, content_hash, voided_utc, void_reason"


def signature_problems(conn: sqlite3.Connection, procedure_id: str, signature: Signature) -> list[Text]:
    """How a signature of this procedure differs from what the audit trail recorded when it was made (and voided):
    empty if in nothing."""
    latest = latest_entries(conn, procedure_id)
    names = dict(conn.execute("SELECT username, full_name FROM users WHERE username = ?", (signature.username,)))
    return _signature_problems(signature, latest, names)


def _signature_problems(signature: Signature, latest: Latest, names: dict[str, str]) -> list[Text]:
    key = str(signature.id)
    signed = latest.get(("signature", key, "signed"))
    if signed is None:
        return [no_entry("signature", key)]
    voided = latest.get(("signature", key, "voided"))
    expected = {
        "form": signed.value["form"],
        "username": signed.username,
        # Older trails did not record the printed name: it was the signer's own name.
        "printed_name": signed.value.get("printed_name", names.get(signed.username)),
        "meaning": signed.value["meaning"],
        "signed_at": signed.at_utc,
        "content_hash": signed.value["content_hash"],
        "voided_at": voided.at_utc if voided else None,
        "void_reason": voided.reason if voided else None,
    }
    return _differing("signature", key, vars(signature), expected)


def account_problems(conn: sqlite3.Connection, latest: Latest) -> list[Text]:
    """Every account against its audit rows (as cross_check does), for a database of any kind that has accounts."""
    return _user_problems(conn, latest)


def _user_problems(conn: sqlite3.Connection, latest: Latest) -> list[Text]:
    """Every column of every account against the latest value its audit rows recorded: a password hash copied
    from one account onto another, a role raised or an account woken outside the application is found.

    A database from before the trail held every column of an account recorded only its role (and later its full
    name): there the other columns are taken as they are."""
    problems: list[Text] = []
    kept = set()
    cursor = conn.execute("SELECT * FROM users")
    columns = [description[0] for description in cursor.description]
    whole = "pw_cost" in columns  # the schema that records every column of an account
    for row in cursor.fetchall():
        account = dict(zip(columns, row, strict=True))
        username = account.pop("username")
        kept.add(username)
        if ("user", username, "role") not in latest:
            problems.append(no_entry("user", username))
            continue
        for column, value in account.items():
            entry = latest.get(("user", username, column))
            if entry is None and whole:
                problems.append(
                    Text(
                        "{entity} {key}: its {column} has no audit entry (changed outside the application)",
                        entity="user",
                        key=username,
                        column=column,
                    )
                )
            elif entry is not None and entry.value != value:
                problems.append(changed_outside("user", username, column))
    return problems + _deleted(latest, "user", "role", kept)


def _delegation_problems(conn: sqlite3.Connection, latest: Latest) -> list[Text]:
    """A delegation lets a surgeon sign: one added or altered outside the application must be found."""
    problems: list[Text] = []
    kept = set()
    for key, username, reason, granted_by, granted_utc in conn.execute(
        "SELECT id, username, reason, granted_by, granted_utc FROM delegations"
    ):
        kept.add(str(key))
        granted = latest.get(("delegation", str(key), "granted"))
        if granted is None:
            problems.append(no_entry("delegation", key))
            continue
        found = {"username": username, "reason": reason, "granted_by": granted_by, "granted_utc": granted_utc}
        expected = {
            "username": granted.value["username"],
            "reason": granted.reason,
            "granted_by": granted.username,
            "granted_utc": granted.at_utc,
        }
        problems += _differing("delegation", str(key), found, expected)
    return problems + _deleted(latest, "delegation", "granted", kept)
