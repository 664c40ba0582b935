"""`mimic-central verify`: is the central study database what its imports, registrations and audit trail say?

It checks, without changing the file: the audit trail's hash chain; every key, registration, imported file,
current session and account against the latest values its audit rows recorded; every flat row against the rows
the stored record JSON of its session's current version makes; and SQLite's integrity check. A direct UPDATE or
DELETE of any central table (its trigger dropped first, where there is one) is found by one of these.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..domain import derive
from ..domain.errors import MimicError
from ..domain.wording import Text, said, say
from ..exchange import central, central_redaction, frame_check, session_file
from ..exchange.record_json import record_from_dict
from ..storage import audit, central_archive, central_frames
from ..storage import central as central_storage
from ..storage.connection import open_read_only


@dataclass
class CentralVerification:
    found: list[Text | str] = field(default_factory=list)  # each problem, in words (the storage layer's in English)
    remarks: list[Text] = field(default_factory=list)  # what could not be checked, without being a problem
    entries: int = 0
    sessions: int = 0

    @property
    def ok(self) -> bool:
        return not self.found

    @property
    def problems(self) -> list[str]:
        return [said(problem) for problem in self.found]

    @property
    def notes(self) -> list[str]:
        return [said(note) for note in self.remarks]

    def text(self, lang: str = "en") -> str:
        if self.ok:
            head = Text(
                "The central study database is intact: audit trail of {entries} entries unbroken, {sessions} "
                "session(s) as imported, every flat row as its record makes it.",
                entries=self.entries,
                sessions=self.sessions,
            )
        else:
            head = Text(
                "The central study database is NOT as its audit trail and imports say ({count} problem(s)):",
                count=len(self.found),
            )
        note = say("note", lang)
        return "\n".join(
            [
                head.text(lang),
                *(f"  {said(line, lang)}" for line in self.found),
                *(f"{note}: {said(line, lang)}" for line in self.remarks),
            ]
        )


def verify_central(path: Path, signatures: bool = False) -> CentralVerification:
    """Check the central database at path, read-only (signatures: check the archived files' signatures again)."""
    store = open_read_only(path, schema=central_storage.central_migrations)
    try:
        conn = store.conn
        pending = central_storage.central_migrations.pending_names(conn)
        if pending:
            raise MimicError(
                Text(
                    "{path} was written by an earlier version of mimic-central: open it once with this version "
                    "(any command) to upgrade it, then verify it.",
                    path=path,
                )
            )
        result = CentralVerification()
        chain = audit.verify(conn)
        result.entries = chain.rows
        result.found += [Text("audit trail: {problem}", problem=problem) for problem in chain.problems]
        try:
            result.found += central_storage.trail_problems(conn)
        except ValueError as error:  # an audit value edited into text that is not JSON: the chain names the entry
            result.found.append(Text("the data cannot be compared with the trail ({error})", error=str(error)))
        records = central_storage.current_records_by_session(conn)
        result.sessions = len(records)
        stamp = central_storage.derivation_stamp(conn)
        if stamp != derive.DERIVATION_VERSION:
            result.found.append(
                Text(
                    "the flat tables were computed with derivation version {stamp}, not {version}: open the database "
                    "once with this version to recompute them",
                    stamp=stamp,
                    version=derive.DERIVATION_VERSION,
                )
            )
        result.found += flat_problems(conn, records)
        archive, notes = archive_problems(Path(path), conn, signatures)
        result.found += archive
        result.remarks += notes
        result.found += central_storage.integrity_problems(conn)
        return result
    finally:
        store.close()


def flat_problems(conn: sqlite3.Connection, records: dict[str, str]) -> list[Text]:
    """Each flat table against the rows the current records make: a changed, added or deleted row is named."""
    expected: dict[str, dict[str, list[dict[str, Any]]]] = defaultdict(lambda: defaultdict(list))
    for session_id, text in records.items():
        for name, rows in central.flat_rows(record_from_dict(json.loads(text))).items():
            expected[name][session_id] = rows
    problems: list[Text] = []
    for table in central.FLAT_TABLES:
        expected_names = [c.name for c in table.columns()]
        if central_storage.flat_columns(conn, table.name) != expected_names:
            problems.append(
                Text(
                    "{table}: its columns are not the ones this version makes (open the database once)",
                    table=table.name,
                )
            )
            continue
        found: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for row in central_storage.flat_table_rows(conn, table.name):
            found[row["session_id"]].append(row)
        for session_id in sorted(set(found) | set(expected[table.name])):
            want = sorted(expected[table.name].get(session_id, []), key=_row_key)
            have = sorted(found.get(session_id, []), key=_row_key)
            if len(want) != len(have):
                problems.append(
                    Text(
                        "{table}: session {session} has {have} row(s) where its record makes {want}",
                        table=table.name,
                        session=session_id,
                        have=len(have),
                        want=len(want),
                    )
                )
                continue
            for a, b in zip(want, have, strict=True):
                # SQLite gives 1 for True and 2 for 2.0: equal in Python, while "1" for 1 is not.
                differing = [name for name in expected_names if a.get(name) != b.get(name)]
                if differing:
                    problems.append(
                        Text(
                            "{table}: {study_id} row {row}: the column(s) {columns} differ from what its stored record "
                            "makes (changed outside the application)",
                            table=table.name,
                            study_id=b.get("study_id") or session_id,
                            row=_row_key(b)[1],
                            columns=", ".join(differing[:5]),
                        )
                    )
    return problems


def _row_key(row: dict[str, Any]) -> tuple[Any, ...]:
    return row["session_id"], row.get("lesion_number") or row.get("complication_number") or 0


def archive_problems(db_path: Path, conn: sqlite3.Connection, signatures: bool) -> tuple[list[Text], list[Text]]:
    """Every stored record against the signed file it came from, kept in the archive: the file is there, its bytes
    have the stored hash, and its record.json is the stored record JSON; with signatures, its signature is checked
    again against the key it was imported under. Files imported before the archive existed are named in a note."""
    problems: list[Text] = []
    before = []
    for row in central_storage.archived_files(conn):
        name = Text("{study_id} version {version}", study_id=row["study_id"], version=row["session_version"])
        if not row[central_storage.ARCHIVED]:
            before.append(name)
            continue
        data = central_archive.read(db_path, row["file_hash"])
        if data is None:
            problems.append(
                Text(
                    "{name}: its signed session file is missing from {folder}",
                    name=name,
                    folder=central_archive.folder_for(db_path),
                )
            )
            continue
        redacted = row[central_storage.REDACTION]
        changed = _changed(hashlib.sha256(data).hexdigest(), row["file_hash"], redacted, name)
        if changed is not None:
            problems.append(changed)
            continue
        try:
            if session_file.unverified_record(data).decode("utf-8") != row["record_json"]:
                problems.append(
                    Text("{name}: the stored record differs from the record in its signed session file", name=name)
                )
            problems += frame_problems(conn, name, data, row)
            if signatures and redacted is not None:
                problems += _redaction_problems(conn, name, data, row, redacted)
            elif signatures:
                session_file.read(data, _the_key(row["public_key"]))
        except (session_file.SessionFileRejected, UnicodeDecodeError) as error:
            problems.append(
                Text("{name}: its archived session file fails its check again: {error}", name=name, error=error)
            )
    notes = []
    if before:
        shown: Listed | Text = Listed(tuple(before[:10]))
        if len(before) > 10:
            shown = Text("{shown} and {more} more", shown=shown, more=len(before) - 10)
        notes.append(
            Text(
                "{count} session file(s) were imported before the archive of signed files existed, so their "
                "signatures cannot be checked again: {shown}.",
                count=len(before),
                shown=shown,
            )
        )
    return problems, notes


def frame_problems(conn: sqlite3.Connection, name: Text, data: bytes, row: dict[str, Any]) -> list[Text]:
    """An archived file's frames: the central index holds exactly the frames its record lists, and the file carries
    the pixels of exactly those indexed as travelled, each with its SHA-256 and size."""
    listed = frame_check.listed_frames(json.loads(row["record_json"]))
    expected = sorted(
        (item["event_id"], item["sha256"], item["size"], item["width"], item["height"], bool(item["travels"]))
        for item in listed
    )
    indexed = central_frames.of_file(conn, row["file_hash"])
    found = sorted((f.event_id, f.sha256, f.size, f.width, f.height, f.travelled) for f in indexed)
    problems = []
    if found != expected:
        problems.append(Text("{name}: the index of its frames differs from the frames its record lists", name=name))
    carried = session_file.frames_of(session_file.members_of(data))
    for frame in indexed:
        pixels = carried.get(frame.sha256)
        if frame.travelled and (pixels is None or len(pixels) != frame.size):
            problems.append(
                Text(
                    "{name}: its archived session file does not carry the frame {sha256} its index says travelled",
                    name=name,
                    sha256=frame.sha256,
                )
            )
    travelled = {frame.sha256 for frame in indexed if frame.travelled}
    for sha256 in sorted(set(carried) - travelled):
        problems.append(
            Text(
                "{name}: its archived session file carries the frame {sha256}, which is not indexed",
                name=name,
                sha256=sha256,
            )
        )
    return problems


def _changed(digest: str, imported: str, redacted: dict[str, Any] | None, name: Text) -> Text | None:
    """Why an archived file's bytes are not the ones on record: those imported, or those its redaction wrote."""
    if redacted is None or redacted.get("archived_sha256") is None:
        if digest == imported:
            return None
        return Text("{name}: its archived session file was changed (its SHA-256 is not the one imported)", name=name)
    if digest == redacted["archived_sha256"]:
        return None
    if digest == imported:
        return Text(
            "{name}: its archived session file still holds the text a redaction took out of its record: import any "
            "session file (or the same one again) to finish the redaction",
            name=name,
        )
    return Text(
        "{name}: its archived session file was changed (its SHA-256 is neither the one imported nor the one its "
        "redaction wrote)",
        name=name,
    )


def _redaction_problems(
    conn: sqlite3.Connection, name: Text, data: bytes, row: dict[str, Any], redacted: dict[str, Any]
) -> list[Text]:
    """A redacted archive file: what was signed still verifies (its manifest, by the key it was imported under,
    naming the record first imported), and the redaction came in a signed file kept here of the same session."""
    problems = []
    why = central_redaction.signed_original(data, row["public_key"], str(redacted.get("original_record_sha256")))
    if why is not None:
        problems.append(Text("{name}: its redacted session file fails its check: {why}", name=name, why=why))
    carrier = central_storage.file_by_hash(conn, str(redacted.get("carried_by")))
    own = central_storage.file_by_hash(conn, row["file_hash"])
    carries = carrier is not None and central_redaction.carried(
        json.loads(central_storage.record_json_of(conn, carrier.file_hash))
    )
    if carrier is None or own is None or carrier.session_id != own.session_id or not carries:
        problems.append(
            Text(
                "{name}: its archived session file was rewritten by a redaction that no session file kept here carries",
                name=name,
            )
        )
    return problems


@dataclass(frozen=True)
class Listed:
    """Texts said one after the other, each in the reader's language."""

    items: tuple[Text, ...]

    def text(self, lang: str = "en") -> str:
        return ", ".join(item.text(lang) for item in self.items)


def _the_key(registered: bytes | None) -> Callable[[bytes], bytes | None]:
    """The signer lookup of a file checked again: the key it was imported under, and no other."""
    return lambda raw: raw if raw == registered else None
