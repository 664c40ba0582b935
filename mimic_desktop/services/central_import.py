"""The trial office's side: importing session files into the central database (the keys it trusts: centre_keys).

Each file is checked whole (container, signature, manifest, record) before the database is
touched, and then stored in one transaction. The same file twice changes nothing; a newer
version of a session supersedes the current one and both are kept; an older version that
arrives late is kept without becoming current. Anything else is rejected with its reason and
leaves the database as it was.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from ..domain import study_id_corrections
from ..domain.clock import local_text, to_iso, utc_now
from ..domain.errors import MimicError, ValidationError
from ..domain.record import Procedure
from ..domain.roles import Action, User
from ..domain.wording import Text, said, say
from ..exchange import central, frame_check, record_check, record_json, session_file, signing_keys
from ..exchange.central import make_current
from ..exchange.files import write_files
from ..exchange.session_file import SessionFile
from ..storage import backup, central_archive, central_frames
from ..storage import central as central_storage
from ..storage.central import CentreKey, StoredFile
from ..storage.connection import Store
from ..storage.errors import CorruptDatabase, StorageError
from . import backups, central_redaction, centre_keys, data_queries, office_accounts
from .input_files import InputFileRefused, read_capped
from .procedures import Clock
from .progress import Progress


class Outcome(StrEnum):
    NEW = "new"  # the first version of a session to arrive
    SUPERSEDING = "superseding"  # a newer version, now the current one
    OLDER = "older"  # kept, but a newer version stays current
    HELD = "held"  # kept, but far ahead of the last version seen: not current until a data manager releases it
    DUPLICATE = "duplicate"  # this very file was imported before: nothing changed
    REJECTED = "rejected"  # nothing changed; message says why
    NOT_IMPORTED = "not imported"  # the database stopped the import before this file: import it again


IMPORTED = frozenset({Outcome.NEW, Outcome.SUPERSEDING, Outcome.OLDER, Outcome.HELD})
# A version more than this far ahead of the last one seen of its session is held back (a version number that
# runs away, or a file made with a stolen key, must not become current for good by itself).
HOLD_AHEAD = 10
UNREAD = "(not read)"  # the hash an import result names for a file that could not be read


@dataclass(frozen=True)
class FileResult:
    name: str
    outcome: Outcome
    reason: Text | MimicError | str  # what became of the file, said in the reader's language
    study_id: str | None = None
    session_version: int | None = None

    @property
    def message(self) -> str:
        """What became of the file, in English (the import summary file, the command line without --lang)."""
        return said(self.reason)

    def text(self, lang: str = "en") -> str:
        return said(self.reason, lang)


@dataclass
class ImportSummary:
    results: list[FileResult] = field(default_factory=list)
    stopped: MimicError | str | None = None  # why the database stopped the import, when it did
    backup: Path | None = None  # the checked copy of the database taken after the files were imported
    backup_failed: MimicError | str | None = None  # why that copy could not be made (the imports themselves are kept)

    def count(self, *outcomes: Outcome) -> int:
        return sum(1 for r in self.results if r.outcome in outcomes)

    @property
    def held(self) -> list[FileResult]:
        return [r for r in self.results if r.outcome is Outcome.HELD]

    @property
    def rejected(self) -> list[FileResult]:
        return [r for r in self.results if r.outcome is Outcome.REJECTED]

    def text(self, lang: str = "en") -> str:
        """One line of counts, why the import stopped (if it did), then one line per file rejected or not imported."""
        count = self.count
        lines = [
            say(
                "{imported} imported ({new} new, {superseding} superseding an earlier version, {older} older "
                "version(s) kept, {held} held back), {duplicates} duplicate(s), {rejected} rejected.",
                lang,
                imported=count(*IMPORTED),
                new=count(Outcome.NEW),
                superseding=count(Outcome.SUPERSEDING),
                older=count(Outcome.OLDER),
                held=count(Outcome.HELD),
                duplicates=count(Outcome.DUPLICATE),
                rejected=count(Outcome.REJECTED),
            )
        ]
        if self.stopped:
            lines.append(
                say(
                    "The import stopped: {problem} {count} file(s) were not imported: import them again once that "
                    "is solved (those imported already are kept).",
                    lang,
                    problem=self.stopped,
                    count=count(Outcome.NOT_IMPORTED),
                )
            )
        if self.backup_failed:
            lines.append(
                say(
                    "The files are imported, but the backup after the import failed: {problem}",
                    lang,
                    problem=said(self.backup_failed, lang),
                )
            )
        lines += [say("held back {name}: {reason}", lang, name=r.name, reason=r.reason) for r in self.held]
        lines += [say("rejected {name}: {reason}", lang, name=r.name, reason=r.reason) for r in self.rejected]
        not_imported = [r for r in self.results if r.outcome is Outcome.NOT_IMPORTED]
        lines += [say("not imported {name}", lang, name=r.name) for r in not_imported]
        return "\n".join(lines)

    def full_text(self, lang: str = "en") -> str:
        """A tab-separated line per file imported or a duplicate, then text(): the whole record of an import.

        The first column is the outcome's code (new, superseding, ...), the same in every language."""
        shown = IMPORTED | {Outcome.DUPLICATE}
        lines = [f"{r.outcome.value}\t{r.name}\t{r.text(lang)}" for r in self.results if r.outcome in shown]
        return "\n".join([*lines, self.text(lang)])


def save_summary(summary: ImportSummary, path: Path, lang: str = "en") -> Path:
    """The whole summary as a UTF-8 text file, for the trial office's records."""
    text = summary.full_text(lang) + "\n"
    return write_files({Path(path): lambda target: target.write_text(text, encoding="utf-8")})[0]


class Rejected(MimicError):
    """Raised inside the import of one file to roll it back and report why."""


def init_central(path: Path) -> Store:
    """Create a central study database (or open the one that is there)."""
    return central.open_central(path)


def open_existing(path: Path) -> Store:
    if not Path(path).exists():
        raise MimicError(
            Text(
                "There is no central database at {path}: create it with `mimic-central init --db {path} --user NAME "
                '--name "FULL NAME"`.',
                path=path,
            )
        )
    try:
        return central.open_central(path, create=False)
    except CorruptDatabase:
        raise CorruptDatabase(
            Text(
                "The central database {path} is damaged or is not a MIMIC database; it has not been changed. {advice}",
                path=path,
                advice=backup_advice(Path(path)),
            )
        ) from None


def backup_advice(path: Path) -> Text:
    """Where the central database's automatic backups are, and the newest intact one (or that there is none)."""
    newest = backups.newest_backup(path)
    folder = backup.folder_for(path)
    if newest is None:
        return Text("There is no intact automatic backup of it in {folder}.", folder=folder)
    return Text(
        "Its automatic backups are in {folder}; the newest intact one is {name}, taken {when}. To restore it, open "
        "the database in the window (mimic-central --db {path}), which offers it, or run `mimic-central restore "
        "--db {path} {name}`; either keeps the damaged file.",
        folder=folder,
        name=newest.path.name,
        when=local_text(newest.taken),
        path=path,
    )


def backup_after_import(store: Store, clock: Clock = utc_now) -> Path:
    """A checked copy of the central database once files were imported (storage.backup, as on the laptop)."""
    return backup.take(store.conn, store.path, "after-import", clock())


def imported_files(store: Store, search: str = "") -> list[dict[str, Any]]:
    """Every imported file (or those of the sessions that had a study ID containing search), by study ID and
    version, with the study ID its session has now (session_study_id), whether it is its session's current version,
    the void in force on its session and whether it was held back (storage.central.session_files), the fingerprint of the key that signed it and, when the registration
    it was imported under has been withdrawn since, when (signer_withdrawn_utc)."""
    wanted = search.strip().upper()
    registrations = centre_keys.registered_keys(store)
    rows = central_storage.session_files(store.conn)
    # A session is found by any study ID it had: the one it has now, or one a file of it was imported under.
    found = {r["session_id"] for r in rows if wanted in r["study_id"].upper() or wanted in r["session_study_id"]}
    files = []
    for row in rows:
        if row["session_id"] not in found:
            continue
        under = centre_keys.signed_under(registrations, row["signer_key_id"], row["centre"], row["imported_utc"])
        files.append(
            dict(row)
            | {
                "signer_fingerprint": signing_keys.id_fingerprint(row["signer_key_id"]),
                "signer_withdrawn_utc": under.withdrawn_utc if under else None,
            }
        )
    return files


# An export in progress is written under this suffix and renamed when whole: such a file is never imported.
PART_SUFFIX = ".part"
PART_REFUSAL = Text("An unfinished export (a .part file), never imported: ask the centre to export the record again.")


def session_files(paths: Iterable[Path]) -> list[Path]:
    """The files named, and the .mimic files in the folders named (sorted, folders searched to any depth)."""
    found: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            found += sorted(p for p in path.rglob(f"*{session_file.SUFFIX}") if p.is_file())
        else:
            found.append(path)
    return found


def import_files(db_path: Path, by: User, paths: Iterable[Path], progress: Progress | None = None) -> ImportSummary:
    """Import into the central database at db_path through a connection of this thread's own (for background work)."""
    store = open_existing(db_path)
    try:
        return CentralImporter(store, by).import_paths(paths, progress)
    finally:
        store.close()


class CentralImporter:
    """Imports session files into one central database; keys registered there are the only trusted signers.

    Only a data manager imports (a refused attempt is kept in the audit trail); the result of every file, with its
    hash, goes into the trail, in the transaction that stores it when it is stored."""

    def __init__(self, store: Store, by: User, clock: Clock = utc_now):
        self.store = store
        self.clock = clock
        self.by = office_accounts.require(store, by, Action.IMPORT)
        self.keys = centre_keys.signers(store)

    def import_paths(self, paths: Iterable[Path], progress: Progress | None = None) -> ImportSummary:
        """Import file after file; a database problem (full, locked, read-only) stops the import, and the summary
        says which files were imported and which were not."""
        files = session_files(paths)
        summary = ImportSummary()
        central_redaction.finish_unfinished(self.store)  # a redaction's archived files left by a stop
        for done, path in enumerate(files, start=1):
            try:
                summary.results.append(self.import_file(path))
            except StorageError as problem:
                summary.stopped = problem
                reason: Text | MimicError = problem
                for left in files[done - 1 :]:
                    summary.results.append(FileResult(str(left), Outcome.NOT_IMPORTED, reason))
                    reason = Text("not tried: the import had stopped at an earlier file")
                break
            if progress:
                progress(done, len(files), path.name)
        if summary.count(*IMPORTED):
            try:
                summary.backup = backup_after_import(self.store, self.clock)
            except StorageError as problem:
                summary.backup_failed = str(problem)
        return summary

    def import_file(self, path: Path) -> FileResult:
        """One file's outcome; only a problem of the central database itself (StorageError) is raised."""
        name = str(path)
        if path.name.endswith(PART_SUFFIX):
            result = FileResult(name, Outcome.REJECTED, PART_REFUSAL)
        else:
            try:
                data = read_capped(path, session_file.MAX_FILE_BYTES, "a session file")
            except InputFileRefused as refusal:
                result = FileResult(name, Outcome.REJECTED, refusal.message)
            else:
                try:
                    return self.import_bytes(data, name)
                except StorageError:
                    raise
                except Exception as error:  # one file's surprise must not stop a folder's import: it is named instead
                    reason = Text(
                        "The file could not be imported ({kind}: {problem}).", kind=type(error).__name__, problem=error
                    )
                    result = FileResult(name, Outcome.REJECTED, reason)
                    self._keep_result(self.store.conn, hashlib.sha256(data).hexdigest(), result, own_transaction=True)
                    return result
        # Not read, so known by its name alone in the trail.
        self._keep_result(self.store.conn, UNREAD, result, own_transaction=True)
        return result

    def import_bytes(self, data: bytes, name: str) -> FileResult:
        """Check and store one session file, all or nothing, and keep its result in the audit trail."""
        file_hash = hashlib.sha256(data).hexdigest()
        result = self._check_and_store(data, name, file_hash)
        if result.outcome not in IMPORTED:  # an imported file's result was kept in the transaction that stored it
            self._keep_result(self.store.conn, file_hash, result, own_transaction=True)
        return result

    def _keep_result(
        self, conn: sqlite3.Connection, file_hash: str, result: FileResult, own_transaction: bool = False
    ) -> None:
        def keep(conn: sqlite3.Connection) -> None:
            central_storage.record_import(
                conn,
                file_hash,
                Path(result.name).name,
                result.outcome.value,
                result.message,
                by=self.by.username,
                now=to_iso(self.clock()),
            )

        if own_transaction:
            with self.store.transaction() as db:
                keep(db.conn)
        else:
            keep(conn)

    def _check_and_store(self, data: bytes, name: str, file_hash: str) -> FileResult:
        known = central_storage.file_by_hash(self.store.conn, file_hash)
        if known is not None:
            return _duplicate(name, known)
        try:
            verified = session_file.read(data, self.keys.get)
            withdrawn = centre_keys.refuse_withdrawn(verified.signer, verified.header.centre)
            if withdrawn:
                raise Rejected(withdrawn)
            record = session_file.strict_json(verified.record_bytes, "record.json")
            proc = record_check.check_record(record)
            _agree(verified, record)
            frame_check.check_frames(record, proc, verified.frames)
        except (session_file.SessionFileRejected, ValidationError, Rejected) as problem:
            return FileResult(name, Outcome.REJECTED, problem)
        stored = StoredFile(
            file_hash=file_hash,
            session_id=proc.session_id,
            session_version=verified.header.session_version,
            study_id=proc.study_id,
            centre=proc.centre,
            imported_utc=to_iso(self.clock()),
            file_name=Path(name).name,
        )
        # The signed file itself is kept before its row: a stored row never lacks its file.
        central_archive.keep(self.store.path, data, file_hash)
        rewrites: list[central_redaction.Rewrite] = []
        try:
            earlier = study_id_corrections.earlier_ids(record_json.study_id_corrections(record), proc.study_id)
            with self.store.transaction() as db:
                outcome, message = self._store(db.conn, stored, verified, proc, earlier)
                # The frames the record lists, and whether the file carried them, beside the file's row.
                central_frames.index(db.conn, stored.file_hash, stored.session_id, frame_check.listed_frames(record))
                # The answers to the office's queries that the file carries, beside the value they leave.
                data_queries.take_answers(db.conn, stored, record, proc, by=self.by.username)
                if outcome is not Outcome.HELD:  # a held file may come from a stolen key: it redacts once released
                    rewrites = central_redaction.apply(db.conn, self.store.path, stored, record, by=self.by.username)
                result = FileResult(name, outcome, message, stored.study_id, stored.session_version)
                self._keep_result(db.conn, file_hash, result)
        except Rejected as problem:
            return FileResult(name, Outcome.REJECTED, problem, stored.study_id, stored.session_version)
        except _Duplicate as again:
            return _duplicate(name, again.known)
        if rewrites:
            central_redaction.finish(self.store, rewrites)
        return result

    def _store(
        self,
        conn: sqlite3.Connection,
        stored: StoredFile,
        verified: SessionFile[CentreKey],
        proc: Procedure,
        earlier_ids: list[str],
    ) -> tuple[Outcome, Text]:
        """Store the file and decide its outcome. earlier_ids: the study IDs the record had before its corrections
        (newest first), under which the trial office may know the same session."""
        known = central_storage.file_by_hash(conn, stored.file_hash)
        if known is not None:  # imported by another process since the first look
            raise _Duplicate(known)
        same = central_storage.file_by_version(conn, stored.session_id, stored.session_version)
        if same is not None:
            raise Rejected(
                Text(
                    "Version {version} of {study_id} was imported before from another file ({file}, {when}) with "
                    "different content. Ask the centre to export the record again: the new version will supersede both.",
                    version=stored.session_version,
                    study_id=stored.study_id,
                    file=same.file_name,
                    when=local_text(same.imported_utc),
                )
            )
        other = central_storage.current_file(conn, study_id=stored.study_id)
        if other is not None and other.session_id != stored.session_id:
            raise Rejected(two_records(stored.study_id, other))
        current = central_storage.current_file(conn, session_id=stored.session_id)
        corrected = current is not None and current.study_id != stored.study_id and current.study_id in earlier_ids
        if (
            current is not None
            and not corrected
            and (current.study_id, current.centre) != (stored.study_id, stored.centre)
        ):
            raise Rejected(
                Text(
                    "Session {session} belongs to {study_id} of centre {centre}, but this file names study ID "
                    "{file_study_id} of centre {file_centre}: a session keeps its study ID and centre. Ask centre "
                    "{file_centre} where this file comes from.",
                    session=stored.session_id,
                    study_id=current.study_id,
                    centre=current.centre,
                    file_study_id=stored.study_id,
                    file_centre=stored.centre,
                )
            )
        central_storage.insert_file(
            conn,
            stored,
            signer_key_id=signing_keys.key_id(verified.public_key),
            exported_utc=verified.header.exported_at,
            record_json=verified.record_bytes.decode("utf-8"),
            by=self.by.username,
        )
        last_seen = current.session_version if current is not None else 0
        if stored.session_version > last_seen + HOLD_AHEAD:
            central_storage.hold(conn, stored.file_hash, last_seen, by=self.by.username, now=stored.imported_utc)
            return Outcome.HELD, held_text(stored.session_version, last_seen)
        if current is not None and current.session_version > stored.session_version:
            return Outcome.OLDER, Text("kept; version {version} stays current", version=current.session_version)
        make_current(conn, stored, proc, by=self.by.username)
        if corrected and current is not None:
            return (
                Outcome.SUPERSEDING,
                Text(
                    "{study_id} version {version} supersedes version {older} of {old_id}: the centre corrected the "
                    "study ID, and the session keeps its earlier versions",
                    study_id=stored.study_id,
                    version=stored.session_version,
                    older=current.session_version,
                    old_id=current.study_id,
                ),
            )
        if current is None:
            return Outcome.NEW, Text(
                "{study_id} version {version} imported", study_id=stored.study_id, version=stored.session_version
            )
        return (
            Outcome.SUPERSEDING,
            Text(
                "{study_id} version {version} supersedes version {older}",
                study_id=stored.study_id,
                version=stored.session_version,
                older=current.session_version,
            ),
        )


def two_records(study_id: str, other: StoredFile) -> Text:
    """Why a second session under a study ID in force is refused, and how the trial office settles it."""
    return Text(
        "{study_id} already belongs to another session ({session}, from {file}): two records for one study ID. "
        "Decide which record is the patient's: void the other session with a reason, or ask the centre to correct "
        "the study ID of the other record on its laptop; a corrected record imports as another patient.",
        study_id=study_id,
        session=other.session_id,
        file=other.file_name,
    )


def held_text(version: int, last_seen: int) -> Text:
    return Text(
        "kept but held back: version {version} is more than {ahead} versions ahead of the last one seen ({last_seen}); "
        "a data manager releases it with a reason once the centre confirms it",
        version=version,
        ahead=HOLD_AHEAD,
        last_seen=last_seen,
    )


class _Duplicate(Exception):
    def __init__(self, known: StoredFile):
        super().__init__(known.file_hash)
        self.known = known


def _duplicate(name: str, known: StoredFile) -> FileResult:
    return FileResult(
        name,
        Outcome.DUPLICATE,
        Text(
            "already imported on {when} as {file}; nothing changed",
            when=local_text(known.imported_utc, seconds=True),
            file=known.file_name,
        ),
        known.study_id,
        known.session_version,
    )


def _agree(verified: SessionFile[CentreKey], record: dict[str, Any]) -> None:
    """The signed manifest, the record and the signer's centre must tell the same story."""
    header, body = verified.header, record["record"]
    pairs = (
        ("session_id", header.session_id, record["session_id"]),
        ("session_version", header.session_version, record["session_version"]),
        ("study_id", header.study_id, body["study_id"]),
        ("centre", header.centre, body["centre"]),
        ("exported_at", header.exported_at, record["exported_at"]),
        ("demo", header.demo, record["demo"]),
    )
    for name, in_manifest, in_record in pairs:
        if in_manifest != in_record:
            raise Rejected(
                Text(
                    "The manifest and the record disagree on {name} ({in_manifest!r} against {in_record!r}).",
                    name=name,
                    in_manifest=in_manifest,
                    in_record=in_record,
                )
            )
    signer: CentreKey = verified.signer
    if signer.centre != header.centre:
        raise Rejected(
            Text(
                "The file is signed with a key registered for centre {signer}, but its record belongs to centre "
                "{centre}.",
                signer=signer.centre,
                centre=header.centre,
            )
        )
    if header.demo:
        raise Rejected(Text("This is a demonstration record, made to try the application: it is not trial data."))
