"""`verify`: the database, its audit trail and its schema, and the chain against outside anchors, as a verdict.

The files verify exists for are the damaged and the tampered ones, so it ends in a verdict and an exit code
whatever the file holds: SQLite refusing to read a page, a value that is not text, an entry that is not JSON.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from ..domain import forms
from ..domain.errors import MimicError
from ..domain.wording import Sayable, Text, say
from ..exchange import session_file
from ..storage import audit, chain_compare
from ..storage.connection import Store, open_read_only
from ..storage.migrations import migrations
from ..storage.schema_check import schema_problems
from .input_files import read_capped, refuse_unless_regular

INTACT, DAMAGED, NOT_VERIFIED = 0, 1, 2  # the exit codes
SQLITE_MAGIC = b"SQLite format 3\0"
ZIP_MAGIC = b"PK\x03\x04"


@dataclass
class Verdict:
    """What verify found, every sentence a Text said in the reader's language by lines(lang)."""

    code: int = INTACT
    notes: list[Sayable] = field(default_factory=list)
    problems: list[Sayable] = field(default_factory=list)
    anchors: list[Sayable] = field(default_factory=list)  # what the comparisons with outside anchors said
    mismatches: list[Sayable] = field(default_factory=list)  # the anchors this chain does not extend
    summary: Sayable | None = None
    opened: bool = False  # whether the database could be read at all

    def summary_text(self, lang: str = "en") -> str:
        return "" if self.summary is None else self.summary.text(lang)

    def lines(self, lang: str = "en") -> list[str]:
        summary = self.summary_text(lang)
        out = [say("Note: {note}", lang, note=note) for note in self.notes]
        if self.code == NOT_VERIFIED and not self.opened:
            return [*out, say("NOT VERIFIED: {summary}", lang, summary=summary)]
        if self.problems:
            out.append(say("Audit trail or database DAMAGED: {summary}", lang, summary=summary).rstrip(": "))
            out += [f"  - {problem.text(lang)}" for problem in self.problems]
        elif self.mismatches:
            out.append(say("On its own: {summary}", lang, summary=summary))
            out.append(say("Audit trail REWRITTEN or replaced: it does not extend the copies kept elsewhere:", lang))
            out += [f"  - {mismatch.text(lang)}" for mismatch in self.mismatches]
        else:
            out.append(say("OK: {summary}", lang, summary=summary))
        return out + [say("Against {anchor}", lang, anchor=anchor) for anchor in self.anchors]


def _starts_with(path: Path, magic: bytes) -> bool:
    with path.open("rb") as file:
        return file.read(len(magic)) == magic


def verify(path: Path, against: list[Path] | None = None) -> Verdict:
    """The whole check of the database at path, and of its chain against each anchor named."""
    forms.forms_dir()  # refused form definitions are said as such, not as damage the check ran into
    verdict = Verdict()
    try:
        if path.exists():
            refuse_unless_regular(path)
        store = open_read_only(path)
    except MimicError as problem:
        cause = problem.__cause__
        if isinstance(cause, sqlite3.DatabaseError) and _starts_with(path, SQLITE_MAGIC):
            # SQLite's own words: the message for the app speaks of saving, which verify never does.
            verdict.code = DAMAGED
            verdict.problems.append(Text("SQLite cannot open it: {cause}", cause=str(cause)))
            verdict.summary = Text("{path} is an SQLite file that cannot be read as a database.", path=path)
        elif isinstance(cause, sqlite3.DatabaseError):
            verdict.code = NOT_VERIFIED
            verdict.summary = Text(
                "{path} is not a MIMIC database, or is damaged beyond reading (SQLite says: {cause}).",
                path=path,
                cause=str(cause),
            )
        else:
            verdict.code, verdict.summary = NOT_VERIFIED, problem
        return verdict
    except (sqlite3.Error, UnicodeDecodeError) as problem:  # its own schema unreadable: a damaged page 1
        damaged = _starts_with(path, SQLITE_MAGIC)
        verdict.code = DAMAGED if damaged else NOT_VERIFIED
        verdict.problems.append(Text("SQLite cannot read its schema: {problem}", problem=str(problem)))
        verdict.summary = (
            Text("{path} is an SQLite file that cannot be read as a database.", path=path)
            if damaged
            else Text("{path} is a file that cannot be read as a database.", path=path)
        )
        return verdict
    verdict.opened = True
    try:
        _check(store, verdict)
        for anchor in against or []:
            _compare(store, anchor, verdict)
    finally:
        store.close()
    if (verdict.problems or verdict.mismatches) and verdict.code in (INTACT, NOT_VERIFIED):
        verdict.code = DAMAGED
    return verdict


def _check(store: Store, verdict: Verdict) -> None:
    try:
        older = migrations.pending_names(store.conn)
        if older:
            verdict.notes.append(
                Text(
                    "{path} was written by an earlier version of MIMIC Desktop (it lacks schema {missing}); it is "
                    "verified as it is, without upgrading it.",
                    path=store.path,
                    missing=", ".join(older),
                )
            )
        result = audit.check(store.conn)
        # The schema against the one its migrations make: applies them in memory (sqlite-utils), so here only.
        schema = schema_problems(store.conn)
        untimed = audit.events_without_recorded_time(store.conn)
    except Exception as error:  # whatever a damaged file makes the check meet is part of the verdict
        verdict.problems.append(Text("the check could not read the whole database: {error}", error=_said(error)))
        verdict.problems += _integrity(store.conn)
        verdict.summary = Text("{path} is damaged.", path=store.path)
        return
    if untimed:
        verdict.notes.append(
            Text(
                "{count} event(s) were recorded before the audit trail kept every event's time, "
                "so their times cannot be checked against it.",
                count=untimed,
            )
        )
    verdict.problems += [*result.problems, *schema]
    verdict.summary = (
        Text(
            "database intact, audit trail of {rows} entries verified (head {head}).",
            rows=result.rows,
            head=result.head_hash,
        )
        if not verdict.problems
        else None
    )


def _said(error: Exception) -> Text:
    if isinstance(error, sqlite3.Error):
        return Text("SQLite says: {error}", error=str(error))
    return Text("{kind}: {error}", kind=type(error).__name__, error=str(error))


def _integrity(conn: sqlite3.Connection) -> list[Text]:
    try:
        damage = [row[0] for row in conn.execute("PRAGMA integrity_check")]
    except sqlite3.Error as error:
        return [Text("integrity_check cannot run: {error}", error=str(error))]
    return [] if damage == ["ok"] else [Text("integrity_check: {damage}", damage=text) for text in damage]


def _compare(store: Store, anchor: Path, verdict: Verdict) -> None:
    try:
        refuse_unless_regular(anchor)
        if _starts_with(anchor, SQLITE_MAGIC):
            comparison = _against_database(store, anchor)
        elif _starts_with(anchor, ZIP_MAGIC):
            comparison = _against_session_file(store, anchor)
        else:
            raise MimicError(Text("{path} is neither a MIMIC database (a backup) nor a session file.", path=anchor))
    except Exception as problem:  # a damaged anchor is said as such: it is no reason for a traceback
        # A MimicError has its words in each language; anything else is said as Python says it.
        said_problem = problem if isinstance(problem, MimicError) else str(problem)
        verdict.anchors.append(Text("{anchor}: cannot compare: {problem}", anchor=anchor, problem=said_problem))
        verdict.code = NOT_VERIFIED if verdict.code == INTACT else verdict.code
        return
    verdict.anchors += [Text("{anchor}: {line}", anchor=anchor, line=line) for line in comparison.lines]
    if not comparison.extends:
        verdict.mismatches.append(Text("the audit chain does not extend that of {anchor}", anchor=anchor))


def _against_database(store: Store, anchor: Path) -> chain_compare.Comparison:
    other = open_read_only(anchor)
    try:
        return chain_compare.against_database(store.conn, other.conn, Text("the backup"))
    finally:
        other.close()


def _against_session_file(store: Store, anchor: Path) -> chain_compare.Comparison:
    """The head a session file recorded; the file is read as the central import reads it, whoever signed it
    (a copy from this laptop or from the trial office's folder)."""
    data = read_capped(anchor, session_file.MAX_FILE_BYTES, "a session file")
    verified = session_file.read(data, lambda key: key)
    record = session_file.strict_json(verified.record_bytes, "record.json")
    head = record.get("audit_head") if isinstance(record, dict) else None
    if not isinstance(head, str):
        raise MimicError(Text("{path} holds no audit head to compare with.", path=anchor))
    name = Text(
        "the session file of {study_id} (version {version})",
        study_id=verified.header.study_id,
        version=verified.header.session_version,
    )
    return chain_compare.against_head(store.conn, head, verified.header.exported_at, name)
