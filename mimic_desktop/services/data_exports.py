"""Exports of the laptop's records for statisticians and other systems: flat CSV, REDCap, CDISC ODM (also as
the archive copy, with its audit records and signature), Castor EDC, CDISC Dataset-JSON.

Each export needs the export permission, reads the records named by study ID (or all of them), writes
its files atomically, leaves an audit entry naming who exported which records to which files, and
returns the same warnings as the session-file export for free text that looks like an identifier.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..domain import identifiers
from ..domain.clock import to_iso
from ..domain.errors import NotFound
from ..domain.record import Procedure
from ..domain.roles import Action, User
from ..domain.wording import Text
from ..exchange import change_history
from ..exchange.castor import write_castor
from ..exchange.dataset_json import write_dataset_json
from ..exchange.files import export_folder
from ..exchange.flat_csv import Snapshot, write_flat_csv
from ..exchange.odm import Archive, write_odm
from ..exchange.redcap import write_redcap
from ..storage import audit, redaction, users
from ..storage.connection import Store
from .own_connection import on_own_connection
from .procedures import ProcedureService
from .progress import Progress, no_progress

BULK_PREFIX = "mimic"


def load_records(service: ProcedureService, study_ids: Sequence[str] | None = None) -> list[Procedure]:
    """The records with these study IDs, or every record when none are named, in study-ID order."""
    service._require(Action.EXPORT)
    if study_ids:
        records = [service.find(study_id) for study_id in study_ids]
    else:
        records = [service.load(row["id"]) for row in service.list()]
        if not records:
            raise NotFound(Text("There are no procedures in this database to export."))
    unique = {proc.id: proc for proc in records}
    return sorted(unique.values(), key=lambda proc: proc.study_id)


@dataclass(frozen=True)
class Exported:
    """The files written, and what to tell the person exporting (texts that look like identifiers)."""

    paths: list[Path]
    warnings: list[str]


def _audited(service: ProcedureService, kind: str, records: list[Procedure], paths: list[Path]) -> list[Path]:
    with service.store.transaction() as db:
        audit.append(
            db.conn,
            at_utc=to_iso(service.clock()),
            username=service.user.username,
            procedure_id=records[0].id if len(records) == 1 else None,
            entity="export",
            entity_id=kind,
            field="files",
            old=None,
            new={"study_ids": [proc.study_id for proc in records], "files": [path.name for path in paths]},
        )
    return paths


def _export(
    service: ProcedureService,
    kind: str,
    study_ids: Sequence[str] | None,
    write: Callable[[list[Procedure], str], list[Path]],
    lang: str = "en",
) -> Exported:
    """Files are named after the study ID when one record is asked for, 'mimic' otherwise; warnings in lang."""
    records = load_records(service, study_ids)
    prefix = records[0].study_id if study_ids and len(records) == 1 else BULK_PREFIX
    paths = _audited(service, kind, records, write(records, prefix))
    return Exported(paths, identifiers.export_warnings(records, Text("these files"), lang))


def export_csv(
    service: ProcedureService, study_ids: Sequence[str] | None, folder: Path, *, lang: str = "en"
) -> Exported:
    """The flat CSV tables and their data dictionary, in folder (lang: the language of the warnings)."""
    snapshot = Snapshot(to_iso(service.clock()))

    def write(records: list[Procedure], prefix: str) -> list[Path]:
        from .frames import record_measurements

        measured = [
            {"study_id": proc.study_id, "session_id": proc.session_id, "lesion_number": numbers[str(row["lesion_id"])]}
            | row
            for proc in records
            for numbers in [{lesion.id: lesion.number for lesion in proc.lesions}]
            for row in record_measurements(service.store, proc)
        ]
        return write_flat_csv(records, folder, prefix, snapshot=snapshot, fluorescence=measured)

    return _export(service, "csv", study_ids, write, lang)


def export_redcap(
    service: ProcedureService, study_ids: Sequence[str] | None, folder: Path, lang: str = "en"
) -> Exported:
    """The REDCap data dictionary (labels in lang), import CSV and repeating-instrument list, in folder."""
    return _export(
        service, "redcap", study_ids, lambda records, prefix: write_redcap(records, folder, prefix, lang), lang
    )


def export_castor(
    service: ProcedureService,
    study_ids: Sequence[str] | None,
    folder: Path,
    variable_map: Path | None = None,
    *,
    lang: str = "en",
) -> Exported:
    """Castor EDC's import files (study data, lesions and complications as repeating data) and the variable map
    they were written with; variable_map: an edited map (CSV), else the one left in folder, else MIMIC's own."""
    return _export(
        service, "castor", study_ids, lambda records, prefix: write_castor(records, folder, prefix, variable_map), lang
    )


def export_dataset_json(
    service: ProcedureService, study_ids: Sequence[str] | None, folder: Path, *, lang: str = "en"
) -> Exported:
    """The flat tables as CDISC Dataset-JSON 1.1 datasets, in folder."""
    return _export(
        service,
        "dataset-json",
        study_ids,
        lambda records, prefix: write_dataset_json(records, folder, prefix, created=service.clock()),
        lang,
    )


def export_odm(
    service: ProcedureService,
    study_ids: Sequence[str] | None,
    path: Path,
    with_audit: bool = False,
    *,
    lang: str = "en",
) -> Exported:
    """One CDISC ODM 1.3.2 file carrying the audit chain head at the moment of export; with_audit: the archive copy,
    with every change of a value (who by account id, when, why) and the questionnaire's signature."""
    return _export_odm(service, study_ids, lambda _prefix: Path(path), with_audit, lang)


def export_odm_into(
    service: ProcedureService, study_ids: Sequence[str] | None, folder: Path, *, lang: str = "en"
) -> Exported:
    """The ODM file in folder, named PREFIX_odm.xml like the CSV and REDCap files beside it."""
    return _export_odm(service, study_ids, lambda prefix: Path(folder) / f"{prefix}_odm.xml", lang=lang)


def archive_of(service: ProcedureService, records: Sequence[Procedure]) -> Archive:
    """Each record's audited changes of form values and removals, with the accounts known by their id alone: made
    from the change history a session file carries, as the trial office's archive copy is."""
    ids = users.account_ids(service.store.conn)
    entries, signers, redacted = {}, {}, {}
    for proc in records:
        carried = change_history.carried(service.audit_trail(proc.id), ids)
        entries[proc.session_id] = change_history.audit_entries(carried, _account_oid)
        signers[proc.session_id] = change_history.signers(proc, carried, _account_oid)
        redacted[proc.session_id] = change_history.redaction_entries(
            redaction.redactions(service.store.conn, proc.id), _account_oid
        )
    return Archive(entries, signers, redacted)


def _account_oid(account: int | None) -> str:
    return "unknown" if account is None else str(account)


def _export_odm(
    service: ProcedureService,
    study_ids: Sequence[str] | None,
    target: Callable[[str], Path],
    with_audit: bool = False,
    lang: str = "en",
) -> Exported:
    _, head = audit.head(service.store.conn)

    def write(records: list[Procedure], prefix: str) -> list[Path]:
        archive = archive_of(service, records) if with_audit else None
        return [write_odm(records, target(prefix), exported_at=service.clock(), audit_head=head, archive=archive)]

    return _export(service, "odm-archive" if with_audit else "odm", study_ids, write, lang)


# Each export into a folder, the same way round: (service, study IDs or None for all, folder, the language of the
# labels and of the warnings).
FolderExport = Callable[[ProcedureService, Sequence[str] | None, Path, str], Exported]
FOLDER_EXPORTS: dict[str, FolderExport] = {
    "csv": lambda service, study_ids, folder, lang: export_csv(service, study_ids, folder, lang=lang),
    "redcap": export_redcap,
    "odm": lambda service, study_ids, folder, lang: export_odm_into(service, study_ids, folder, lang=lang),
    "castor": lambda service, study_ids, folder, lang: export_castor(service, study_ids, folder, lang=lang),
    "dataset-json": lambda service, study_ids, folder, lang: export_dataset_json(service, study_ids, folder, lang=lang),
}


def export_in_background(
    db_path: Path,
    user: User,
    kinds: Sequence[str],
    study_ids: Sequence[str] | None,
    folder: Path,
    lang: str = "en",
    progress: Progress = no_progress,
) -> Exported:
    """The exports named in kinds (keys of FOLDER_EXPORTS) into folder, on a connection of its own."""

    def run(store: Store) -> Exported:
        service, into = ProcedureService(store, user), export_folder(folder)
        written = Exported([], [])
        for done, kind in enumerate(kinds):
            progress(done, len(kinds), kind)
            one = FOLDER_EXPORTS[kind](service, study_ids, into, lang)
            written.paths.extend(one.paths)
            written.warnings.extend(w for w in one.warnings if w not in written.warnings)
        progress(len(kinds), len(kinds), "")
        return written

    return on_own_connection(db_path, run)
