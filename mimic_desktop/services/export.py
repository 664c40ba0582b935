"""Exporting a finished procedure as a signed session file for the trial office.

A record may leave the laptop once it is complete (and so locked). The questionnaire need not
be signed yet; the file then says so, and the export after signing supersedes it. A broken
questionnaire signature stops the export. Every export of a procedure carries the same
session id and the next session version; nothing on the laptop is deleted or changed because
it was exported, apart from noting the version and time (ProcedureService.mark_exported), and that
note is made only while the record is as the export read it.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..domain import identifiers, rules
from ..domain.clock import to_iso, utc_now
from ..domain.errors import MimicError, ValidationError
from ..domain.private_files import make_private
from ..domain.record import Procedure
from ..domain.roles import Action, User
from ..domain.wording import Text, say
from ..exchange import change_history, record_json, session_file, signing_keys
from ..storage import audit, redaction, repository, study_ids, users
from ..storage.connection import Store
from . import export_ledger, file_guard, paths, session_key
from .documents import write_questionnaire_pdf, write_summary_pdf
from .frame_travel import travelling_frames
from .own_connection import on_own_connection
from .procedures import Clock, ProcedureService
from .progress import Progress, no_progress
from .query_answers import answers_for_export
from .signing import SignatureState, check_signature

STEPS = (
    Text("Checking the record"),
    Text("Printing the summary"),
    Text("Printing the questionnaire"),
    Text("Signing"),
    Text("Saving the file"),
)


class NotExportable(ValidationError):
    """The record cannot leave the laptop yet; str() says what is missing."""


@dataclass(frozen=True)
class ExportResult:
    path: Path
    study_id: str
    session_id: str
    session_version: int
    file_hash: str
    key_fingerprint: str
    warnings: tuple[str, ...]  # in the language the export was asked in
    frames: str = ""  # whether the record's frames travel in the file, and their size, in that language


@dataclass(frozen=True)
class Preflight:
    """What the person exporting needs to know before choosing where the file goes, in their language."""

    study_id: str
    problems: tuple[str, ...]  # why it cannot be exported: nothing will be written
    warnings: tuple[str, ...]  # what to check first: the export may go ahead
    frames: str = ""  # whether the record's near-infrared frames travel in the file, and their size
    incomplete: bool = False  # among the problems: the record is not complete yet


class ExportService:
    """Session files of the signed-in user's records, signed with this laptop's key."""

    def __init__(self, store: Store, user: User, clock: Clock = utc_now, key_path: Path | None = None):
        self.store = store
        self.procedures = ProcedureService(store, user, clock)
        self.clock = clock
        self.key_path = key_path

    def problems(self, proc: Procedure, lang: str = "en") -> list[str]:
        """Why this record cannot be exported yet, in lang; empty when it can."""
        if not proc.locked:
            missing = rules.missing_for_completion(proc, lang)
            if missing:
                return [
                    say(
                        "{study_id} is not complete, so it cannot be exported yet. Missing: {missing}.",
                        lang,
                        study_id=proc.study_id,
                        missing="; ".join(missing),
                    )
                ]
            return [
                say(
                    "{study_id} is not complete, so it cannot be exported yet. Mark it complete first.",
                    lang,
                    study_id=proc.study_id,
                )
            ]
        if check_signature(self.store, proc).state is SignatureState.TAMPERED:
            return [
                say(
                    "The questionnaire signature of {study_id} is broken: the answers or the signature changed "
                    "outside the application. Ask the trial office before exporting.",
                    lang,
                    study_id=proc.study_id,
                )
            ]
        return []

    def warnings(self, proc: Procedure, lang: str = "en") -> list[str]:
        """Things to tell the person exporting, in lang, that do not stop the export."""
        found = identifiers.export_warnings([proc], Text("the session file"), lang)
        if proc.valid_signature() is None:
            found.append(
                say(
                    "The surgeon has not signed the questionnaire yet: export again after signing; "
                    "the trial office then receives the signed version.",
                    lang,
                )
            )
        return found

    def preflight(self, proc_id: str, lang: str = "en") -> Preflight:
        """Whether and how this record can leave the laptop; a role that may not export is refused and logged."""
        self.procedures._require(Action.EXPORT, proc_id)
        proc = self.procedures.load(proc_id)
        problems = self.problems(proc, lang)
        incomplete = bool(problems)
        try:
            frames = travelling_frames(self.store, proc).sentence(lang)
        except MimicError as changed:  # a frame changed since it was kept: the export would stop on it
            problems.append(changed.text(lang))
            frames = ""
        return Preflight(
            study_id=proc.study_id,
            problems=tuple(problems),
            warnings=tuple(self.warnings(proc, lang)),
            frames=frames,
            incomplete=incomplete,
        )

    def export(self, proc_id: str, out: Path, lang: str = "en", progress: Progress = no_progress) -> ExportResult:
        """Write the session file (a folder gets STUDYID-vN.mimic) and note the export; returns what was written."""
        self.procedures._require(Action.EXPORT, proc_id)
        progress(0, len(STEPS), STEPS[0].text(lang))
        proc = self.procedures.load(proc_id)
        problems = self.problems(proc, lang)
        if problems:
            raise NotExportable(" ".join(problems), lang=lang)
        # The trial office may have seen later versions than this database knows (a backup restored since).
        version = max(proc.export_version, export_ledger.highest(self.ledger_path, proc.session_id)) + 1
        target = _target(Path(out), proc.study_id, version)
        _clean_partial_files(target.parent, proc.study_id)
        header = session_file.Header(
            session_id=proc.session_id,
            session_version=version,
            study_id=proc.study_id,
            centre=proc.centre,
            exported_at=to_iso(self.clock()),
            demo=proc.demo,
        )
        from .frames import record_measurements

        frames = travelling_frames(self.store, proc)  # before anything is written: a changed frame stops it
        body = record_json.record_to_dict(
            proc,
            session_version=version,
            exported_at=header.exported_at,
            audit_head=audit.head(self.store.conn)[1],
            change_history=self._change_history(proc),
            fluorescence=record_measurements(self.store, proc),
            query_answers=answers_for_export(self.store.conn, proc_id),
            study_id_corrections=study_ids.corrections(self.store.conn, proc_id),
            redactions=redaction.redactions(self.store.conn, proc_id),
            frames=frames.part,
        )
        content = {session_file.RECORD: session_file.canonical_json(body)}
        # The summary prints the kept frames: it carries their pixels only when the frames themselves travel.
        content |= self._pdfs(proc_id, lang, progress, with_stills=frames.travel)
        content |= frames.members
        progress(3, len(STEPS), STEPS[3].text(lang))
        # A demo record is signed with the demo key, which no trial office registers.
        key = session_key.load_or_create(self.key_path or (paths.demo_signing_key_path() if proc.demo else None))
        data = session_file.write(content, header, key)
        progress(4, len(STEPS), STEPS[4].text(lang))
        self._save(data, target, proc, version)
        progress(len(STEPS), len(STEPS), say("Exported", lang))
        raw = signing_keys.raw_public_key(key)
        return ExportResult(
            path=target,
            study_id=proc.study_id,
            session_id=proc.session_id,
            session_version=version,
            file_hash=hashlib.sha256(data).hexdigest(),
            key_fingerprint=signing_keys.fingerprint(raw),
            warnings=tuple(self.warnings(proc, lang)),
            frames=frames.sentence(lang),
        )

    def _change_history(self, proc: Procedure) -> list[dict[str, Any]]:
        """What changed in the record, by whom (an account id), when and why: the trial office's comparison of
        versions needs no PDF."""
        conn = self.store.conn
        return change_history.carried(repository.audit_rows(conn, proc.id), users.account_ids(conn))

    def _pdfs(self, proc_id: str, lang: str, progress: Progress, with_stills: bool) -> dict[str, bytes]:
        """The summary and the questionnaire, printed as for paper (the summary without the frames' pictures unless
        with_stills), as bytes."""
        with tempfile.TemporaryDirectory(prefix="mimic-export-") as folder:
            progress(1, len(STEPS), STEPS[1].text(lang))
            summary = write_summary_pdf(
                self.store, proc_id, Path(folder) / session_file.SUMMARY, lang, with_stills=with_stills
            )
            progress(2, len(STEPS), STEPS[2].text(lang))
            questionnaire = write_questionnaire_pdf(
                self.store, proc_id, Path(folder) / session_file.QUESTIONNAIRE, lang
            )
            return {session_file.SUMMARY: summary.read_bytes(), session_file.QUESTIONNAIRE: questionnaire.read_bytes()}

    @property
    def ledger_path(self) -> Path:
        return export_ledger.path_beside(self.key_path or paths.signing_key_path())

    def _save(self, data: bytes, target: Path, proc: Procedure, version: int) -> None:
        """The record reads as exported only once its file is in place under its name: the file is written as
        NAME.part and synced; inside the transaction that marks the record exported, once the record is known
        unchanged, its version is noted in the ledger and the file renamed (the rename synced); the commit
        follows. A kill before the commit leaves the record unexported (its version used up, so the next export
        gets the next one); never a record marked exported without its file."""
        partial = target.with_name(target.name + PART_SUFFIX)
        try:
            with open(partial, "wb") as stream:
                make_private(partial)
                stream.write(data)
                stream.flush()
                os.fsync(stream.fileno())
        except OSError as error:
            partial.unlink(missing_ok=True)
            raise MimicError(
                Text(
                    "Cannot write {path}: {problem}. Nothing was exported.",
                    path=target,
                    problem=error.strerror or error,
                )
            ) from None

        def put_in_place() -> None:  # inside the transaction, once the record is known unchanged since read
            export_ledger.reserve(self.ledger_path, proc.session_id, version)
            try:
                partial.replace(target)
            except OSError as error:
                raise MimicError(
                    Text(
                        "The session file could not be given its name {name}: {problem}. Nothing was exported.",
                        name=target.name,
                        problem=error.strerror or error,
                    )
                ) from None
            export_ledger.sync_folder(target.parent)

        try:
            self.procedures.mark_exported(
                proc.id, version, proc.modified_at, previous=proc.export_version, then=put_in_place
            )
        finally:
            partial.unlink(missing_ok=True)


def export_in_background(
    db_path: Path, user: User, proc_id: str, out: Path, lang: str = "en", progress: Progress = no_progress
) -> ExportResult:
    """ExportService.export on a connection of its own, for a worker thread beside the screen's."""
    return on_own_connection(db_path, lambda store: ExportService(store, user).export(proc_id, out, lang, progress))


PART_SUFFIX = ".part"


def _clean_partial_files(folder: Path, study_id: str) -> None:
    """Remove what an export of this record left half written (a kill, a pulled stick): never a whole file."""
    for left in folder.glob(f"{study_id}-v*{session_file.SUFFIX}{PART_SUFFIX}"):
        left.unlink(missing_ok=True)


def _target(out: Path, study_id: str, version: int) -> Path:
    if out.is_dir():
        file_guard.check_folder(out)
        out = out / f"{study_id}-v{version}{session_file.SUFFIX}"
    elif not out.parent.is_dir():
        raise MimicError(
            Text("Cannot write {name}: the folder {folder} does not exist.", name=out.name, folder=out.parent)
        )
    file_guard.check_file(out)
    file_guard.check_file(out.with_name(out.name + ".part"))
    return out
