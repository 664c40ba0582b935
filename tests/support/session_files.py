"""Session files for tests and the reliability report: a laptop that exports finished records, a central
database that trusts its key, and surgery on the files (members, re-signing, flipped bytes)."""

from __future__ import annotations

import hashlib
import io
import json
import random
import warnings
import zipfile
from dataclasses import dataclass
from pathlib import Path

from mimic_desktop.domain import derive
from mimic_desktop.exchange import session_file, signing_keys
from mimic_desktop.services import central_import, centre_keys, session_key
from mimic_desktop.services.accounts import AccountService
from mimic_desktop.services.demo import DEMO_QUESTIONNAIRE
from mimic_desktop.services.export import ExportService
from mimic_desktop.services.procedures import ProcedureService
from mimic_desktop.services.simulate import record_procedure
from mimic_desktop.storage.connection import open_store
from tests.support.office import data_manager
from tests.support.signers import sign_as

COORDINATOR_PASSWORD = "correct horse"
SURGEON_PASSWORD = "steady hands 42"
TABLES = ("centre_keys", "key_registrations", "session_files", "sessions", "procedures", "lesions", "complications")


def finish(service: ProcedureService, proc_id: str, *, complication: bool = False) -> str:
    """Complete a recorded procedure (with one complication when asked)."""
    if complication:
        day = derive.surgery_date(service.load(proc_id))
        service.add_complication(
            proc_id, {"description": "Bile leak, drained", "clavien_dindo": "IIIa", "onset_date": day.isoformat()}
        )
    service.complete(proc_id)
    return proc_id


@dataclass
class Laptop:
    """A coordinator's laptop database with finished records, and the key its exports are signed with."""

    service: ProcedureService
    exporter: ExportService
    key_path: Path
    out: Path

    def record(self, seed: int, lesions: int = 2, complication: bool = False) -> str:
        proc_id = record_procedure(self.service, random.Random(seed), lesions=lesions)
        return finish(self.service, proc_id, complication=complication)

    def export(self, proc_id: str) -> Path:
        return self.exporter.export(proc_id, self.out).path

    def public_key_file(self) -> Path:
        return session_key.write_public_key(self.out.parent / "centre.pem", self.key_path).path


def make_laptop(folder: Path) -> Laptop:
    store = open_store(folder / "laptop.sqlite")
    accounts = AccountService(store)
    coordinator = accounts.create_user("anna.coord", "Anna Coordinator", "coordinator", COORDINATOR_PASSWORD)
    accounts.create_user("sam.surgeon", "Sam Snijder", "surgeon", SURGEON_PASSWORD, by=coordinator)
    out = folder / "outbox"
    out.mkdir()
    key_path = folder / "keys" / "signing.pem"
    service = ProcedureService(store, coordinator)
    return Laptop(service, ExportService(store, coordinator, key_path=key_path), key_path, out)


def sign_questionnaire(laptop: Laptop, proc_id: str) -> None:
    store = laptop.service.store
    laptop.service.set_values(proc_id, DEMO_QUESTIONNAIRE, reason="questionnaire filled in after completion")
    surgeon = AccountService(store).sign_in("sam.surgeon", SURGEON_PASSWORD)
    sign_as(store, surgeon, proc_id, SURGEON_PASSWORD)


def make_central(folder: Path, laptop: Laptop):
    store = central_import.init_central(folder / "central.sqlite")
    centre_keys.register_centre(store, data_manager(store), "01", laptop.public_key_file())
    return store


def snapshot(store) -> dict[str, str]:
    """A digest of every row of every central table: equal snapshots mean nothing changed."""
    return {
        table: hashlib.sha256(
            repr([tuple(row) for row in store.conn.execute(f"SELECT * FROM {table}")]).encode()
        ).hexdigest()
        for table in TABLES
    }


# -- file surgery ---------------------------------------------------------------------------
def members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def zip_of(entries: list[tuple[str | zipfile.ZipInfo, bytes]], method: int = zipfile.ZIP_STORED) -> bytes:
    """An archive with exactly these entries, in this order (names may repeat)."""
    buffer = io.BytesIO()
    with warnings.catch_warnings(), zipfile.ZipFile(buffer, "w", method) as archive:
        warnings.simplefilter("ignore")  # zipfile warns of a repeated name, which is the point of some tests
        for name, data in entries:
            archive.writestr(name, data)
    return buffer.getvalue()


def resign(content: dict[str, bytes], key_path: Path, *, version: int = session_file.FORMAT_VERSION) -> bytes:
    """A validly signed file of this content, its header taken from the record inside."""
    record = json.loads(content[session_file.RECORD])
    header = session_file.Header(
        session_id=record["session_id"],
        session_version=record["session_version"],
        study_id=record["record"]["study_id"],
        centre=record["record"]["centre"],
        exported_at=record["exported_at"],
        demo=record["demo"],
    )
    return session_file.write(content, header, session_key.load_or_create(key_path), version)


def with_record(data: bytes, key_path: Path, change) -> bytes:
    """The file re-signed after change(record dict) edited its record.json."""
    content = {name: body for name, body in members(data).items() if name in session_file.CONTENT}
    record = json.loads(content[session_file.RECORD])
    change(record)
    content[session_file.RECORD] = session_file.canonical_json(record)
    return resign(content, key_path)


def flipped(data: bytes, at: int, mask: int = 0xFF) -> bytes:
    changed = bytearray(data)
    changed[at] ^= mask
    return bytes(changed)


def foreign_key_file(folder: Path) -> tuple[Path, object]:
    key = signing_keys.new_private_key()
    path = folder / "foreign.pem"
    path.write_bytes(signing_keys.private_key_pem(key))
    return path, key
