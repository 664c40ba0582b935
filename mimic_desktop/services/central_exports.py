"""Exports of the central database's current sessions for statisticians: flat CSV, REDCap, CDISC ODM.

Each export reads the current version of every session (superseded versions stay out) through a
connection of its own, so it can run off the UI thread, and writes its files atomically into a
folder, named mimic_central_* so that they are not taken for a laptop's export.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..domain import identifiers
from ..domain.clock import to_iso, utc_now
from ..domain.errors import NotFound
from ..domain.record import Procedure
from ..domain.roles import Action, User
from ..domain.wording import Text
from ..exchange import central, change_history
from ..exchange.castor import write_castor
from ..exchange.dataset_json import write_dataset_json
from ..exchange.files import export_folder
from ..exchange.flat_csv import Snapshot, write_flat_csv
from ..exchange.odm import Archive, write_odm
from ..exchange.redcap import write_redcap
from ..storage import central as central_storage
from . import office_accounts
from .central_import import open_existing

PREFIX = "mimic_central"


def current_records(db_path: Path) -> list[Procedure]:
    """The current version of every session, by study ID; NotFound when nothing has been imported yet."""
    store = open_existing(db_path)
    try:
        records = central.current_records(store.conn)
    finally:
        store.close()
    if not records:
        raise NotFound(
            Text(
                "The central database {name} holds no sessions yet: import session files first.",
                name=Path(db_path).name,
            )
        )
    return records


def export_csv(db_path: Path, folder: Path) -> list[Path]:
    """The flat CSV tables (procedures, lesions, complications) and their data dictionary."""
    snapshot = Snapshot(to_iso(utc_now()), session_versions=True)
    return write_flat_csv(current_records(db_path), folder, PREFIX, snapshot=snapshot)


def export_redcap(db_path: Path, folder: Path, lang: str = "en") -> list[Path]:
    """The REDCap data dictionary (labels in lang), its import CSV and the repeating-instrument list."""
    return write_redcap(current_records(db_path), folder, PREFIX, lang)


def export_odm(db_path: Path, folder: Path) -> list[Path]:
    """One CDISC ODM 1.3.2 file of every current session."""
    records = current_records(db_path)
    return [write_odm(records, export_folder(folder) / f"{PREFIX}_odm.xml")]


def export_odm_archive(db_path: Path, folder: Path) -> list[Path]:
    """The ODM archive copy of every current session: each change of a value with its AuditRecord (who by the
    laptop account's id within its centre, when, why) from the change history its file carries, and the
    questionnaire's signature with its meaning; written by the laptop's own ODM writer."""
    records = current_records(db_path)
    store = open_existing(db_path)
    try:
        histories = central.current_histories(store.conn)
        redactions = central.current_redactions(store.conn)
    finally:
        store.close()
    entries, signers, redacted = {}, {}, {}
    for proc in records:
        history = histories.get(proc.session_id, [])

        def user(account: int | None, centre: str = proc.centre) -> str:
            # Account numbers are a laptop's own: the centre makes them one person's at the trial office.
            return f"{centre}.{'unknown' if account is None else account}"

        entries[proc.session_id] = change_history.audit_entries(history, user)
        signers[proc.session_id] = change_history.signers(proc, history, user)
        redacted[proc.session_id] = change_history.redaction_entries(redactions.get(proc.session_id, []), user)
    archive = Archive(entries, signers, redacted)
    return [write_odm(records, export_folder(folder) / f"{PREFIX}_odm_archive.xml", archive=archive)]


def export_castor(db_path: Path, folder: Path, variable_map: Path | None = None) -> list[Path]:
    """Castor EDC's import files and the variable map they were written with (an edited one when given)."""
    return write_castor(current_records(db_path), folder, PREFIX, variable_map)


def export_dataset_json(db_path: Path, folder: Path) -> list[Path]:
    """The flat tables as CDISC Dataset-JSON 1.1 datasets."""
    return write_dataset_json(current_records(db_path), folder, PREFIX, created=utc_now())


def check_may_export(db_path: Path, by: User) -> None:
    """Refuse (and keep the attempt in the audit trail) when by's role does not export."""
    store = open_existing(db_path)
    try:
        office_accounts.require(store, by, Action.EXPORT)
    finally:
        store.close()


def keep_export(db_path: Path, by: User, kind: str, files: list[Path], findings: int = 0) -> None:
    """An export written, in the audit trail: who, which format, which files, how many sessions, how many texts the
    identifier check found."""
    store = open_existing(db_path)
    try:
        with store.transaction() as db:
            sessions = len(central_storage.current_record_json(db.conn))
            value = {"files": [str(path) for path in files], "sessions": sessions, "identifier_findings": findings}
            central_storage.record_event(
                db.conn, "export", kind, "written", value, by=by.username, now=to_iso(utc_now())
            )
    finally:
        store.close()


WRITERS = {
    "csv": export_csv,
    "redcap": export_redcap,
    "odm": export_odm,
    "odm-archive": export_odm_archive,
    "castor": export_castor,
    "dataset-json": export_dataset_json,
}


@dataclass(frozen=True)
class CentralExport:
    """The files written and what the identifier check found in the free text they hold (in the reader's language;
    empty when it found nothing)."""

    files: list[Path]
    findings: list[str]


def identifier_findings(db_path: Path, lang: str = "en") -> list[str]:
    """The laptop's identifier check on every current session: each text that looks like it holds a name, a number
    or a date, naming the study ID and where, then why it matters (identifiers.export_warnings)."""
    return identifiers.export_warnings(current_records(db_path), Text("the export of the central database"), lang)


def export_checked(
    db_path: Path, by: User, kind: str, folder: Path, *options: object, lang: str = "en"
) -> CentralExport:
    """Write an export (kind: a key of WRITERS; options as its writer takes them) for a role that may, run the
    identifier check on what it holds, and keep both in the audit trail; a refused attempt is kept there too."""
    check_may_export(db_path, by)
    files = WRITERS[kind](db_path, folder, *options)
    findings = identifier_findings(db_path, lang)
    # The closing line of the warnings says why they matter; the count is of the texts found.
    keep_export(db_path, by, kind, files, max(len(findings) - 1, 0))
    return CentralExport(files, findings)


def export_as(db_path: Path, by: User, kind: str, folder: Path, *options: object) -> list[Path]:
    """export_checked's files (the findings are in the audit trail's count)."""
    return export_checked(db_path, by, kind, folder, *options).files
