"""A laptop's redaction, arrived in a signed session file, applied to what the trial office keeps of that record.

Every earlier stored version of the session that holds a redacted text (exchange/central_redaction.py finds it)
gets its record JSON rewritten without it, with an audit row naming the session file that carried the redaction;
the flat rows are made again when the current version was among them; the archived signed file of each such version
is rewritten (record.json redacted, PDFs removed, the signed manifest and signature kept) once the transaction
committed; then the database file is rewritten without free pages, so that its bytes hold none of the text.
`mimic-central verify --signatures` accepts a rewritten archive file only as its redaction's audit row describes it.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..exchange import central, central_redaction
from ..exchange.record_json import record_from_dict
from ..storage import central as central_storage
from ..storage import central_archive, redaction
from ..storage.central import StoredFile
from ..storage.connection import Store


@dataclass(frozen=True)
class Rewrite:
    """An archived file to rewrite once the transaction that redacted its version committed."""

    file_hash: str
    data: bytes | None  # None: the version was imported before the archive was kept


def apply(
    conn: sqlite3.Connection,
    db_path: Path,
    carrier: StoredFile,
    document: dict[str, Any],
    *,
    by: str,
    now: str | None = None,
) -> list[Rewrite]:
    """Redact the session's versions older than the carrier's (inside the import's transaction); returns one Rewrite
    per version redacted, for finish to complete once the transaction commits (empty: nothing to redact)."""
    redactions = central_redaction.carried(document)
    if not redactions:
        return []
    now = now or carrier.imported_utc
    reason = "; ".join(sorted({str(r.get("reason") or "") for r in redactions if r.get("reason")}))
    rewrites: list[Rewrite] = []
    redacted: dict[str, str] = {}
    for row in central_storage.stored_versions(conn, carrier.session_id):
        if row["session_version"] >= carrier.session_version:
            continue
        texts = central_redaction.texts_held(json.loads(row["record_json"]), document)
        record_text = central_redaction.redacted_record(row["record_json"], texts)
        if record_text == row["record_json"]:
            continue
        data = central_archive.read(db_path, row["file_hash"])
        archived = central_redaction.redacted_archive(data, record_text) if data is not None else None
        facts = {
            "carried_by": carrier.file_hash,
            "carried_in_version": carrier.session_version,
            "archived_sha256": hashlib.sha256(archived).hexdigest() if archived is not None else None,
        }
        central_storage.redact_version(conn, row["file_hash"], record_text, facts, by=by, now=now, reason=reason)
        redacted[row["file_hash"]] = record_text
        rewrites.append(Rewrite(row["file_hash"], archived))
    current = central_storage.current_file(conn, session_id=carrier.session_id)
    if current is not None and current.file_hash in redacted:  # the carrier came late: the current version's rows
        central_storage.delete_flat_rows(conn, current.session_id)
        if central_storage.void_in_force(conn, current.session_id) is None:
            central.insert_flat_rows(conn, record_from_dict(json.loads(redacted[current.file_hash])))
    if redacted:
        versions = sorted(
            row["session_version"]
            for row in central_storage.stored_versions(conn, carrier.session_id)
            if row["file_hash"] in redacted
        )
        central_storage.record_event(
            conn,
            "redaction",
            carrier.file_hash,
            "applied",
            {
                "session_id": carrier.session_id,
                "versions": versions,
                "archived_files": sum(1 for rewrite in rewrites if rewrite.data is not None),
            },
            by=by,
            now=now,
            reason=reason,
        )
    return rewrites


def finish(store: Store, rewrites: list[Rewrite]) -> None:
    """After the transaction committed: rewrite the archived files, then the database file without free pages."""
    for rewrite in rewrites:
        if rewrite.data is not None:
            central_archive.rewrite(store.path, rewrite.file_hash, rewrite.data)
    redaction.scrub(store.conn)


def unfinished(store: Store) -> list[str]:
    """Redacted versions whose archived file still holds the bytes first imported (the application stopped between
    the commit and the rewrite): the next import finishes them."""
    found = []
    for file_hash, facts in central_storage.redactions_of_files(store.conn).items():
        data = central_archive.read(store.path, file_hash)
        if data is not None and facts.get("archived_sha256") and hashlib.sha256(data).hexdigest() == file_hash:
            found.append(file_hash)
    return found


def finish_unfinished(store: Store) -> None:
    """Rewrite each archived file left unfinished from its stored (redacted) record, as the import would have."""
    for file_hash in unfinished(store):
        data = central_archive.read(store.path, file_hash)
        if data is None:
            continue
        record_text = central_storage.record_json_of(store.conn, file_hash)
        central_archive.rewrite(store.path, file_hash, central_redaction.redacted_archive(data, record_text))
