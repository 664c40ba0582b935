"""Bad session files: each kind is rejected with its reason and leaves the central database as it was."""

import io
import json
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from mimic_desktop.exchange import session_file
from mimic_desktop.services import central_import
from mimic_desktop.services.central_import import Outcome
from tests.support.session_files import (
    flipped,
    foreign_key_file,
    make_laptop,
    members,
    resign,
    snapshot,
    with_record,
    zip_of,
)

MiB = 1024 * 1024


@dataclass(frozen=True)
class Source:
    data: bytes = field(repr=False)
    key_path: Path
    public_key: Path


@pytest.fixture(scope="module")
def source(tmp_path_factory) -> Source:
    """One exported one-lesion record, shared by the tests of this module (it is only read)."""
    laptop = make_laptop(tmp_path_factory.mktemp("laptop"))
    data = laptop.export(laptop.record(40, lesions=1)).read_bytes()
    laptop.service.store.close()
    return Source(data, laptop.key_path, laptop.public_key_file())


@pytest.fixture
def central_store(tmp_path, source):
    store = central_import.init_central(tmp_path / "central.sqlite")
    central_import.register_centre(store, "01", source.public_key)
    yield store
    store.close()


def entries(data: bytes) -> list[tuple[str, bytes]]:
    return list(members(data).items())


def zip_bomb(data: bytes) -> bytes:
    """record.json replaced by 256 MiB of zeros, deflated to a few hundred kilobytes, true sizes in the headers."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
        for name, body in entries(data):
            with out.open(name, "w") as stream:
                for _ in range(256 if name == session_file.RECORD else 1):
                    stream.write(bytes(MiB) if name == session_file.RECORD else body)
    return buffer.getvalue()


def a_link(data: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as out:
        for name, body in entries(data):
            info = zipfile.ZipInfo(name)
            if name == session_file.SUMMARY:
                info.external_attr = 0o120777 << 16
                body = b"/etc/passwd"
            out.writestr(info, body)
    return buffer.getvalue()


def record_edited_without_resigning(data: bytes) -> bytes:
    record = json.loads(members(data)[session_file.RECORD])
    record["record"]["values"]["age"] = 99
    return session_file.container(members(data) | {session_file.RECORD: session_file.canonical_json(record)})


def manifest_edited(data: bytes) -> bytes:
    manifest = json.loads(members(data)[session_file.MANIFEST])
    manifest["session_version"] = 7
    return session_file.container(members(data) | {session_file.MANIFEST: session_file.canonical_json(manifest)})


def with_comment(data: bytes) -> bytes:
    buffer = io.BytesIO(data)
    with zipfile.ZipFile(buffer, "a") as archive:
        archive.comment = b"sent by e-mail"
    return buffer.getvalue()


BAD_FILES = {
    "a flipped byte": (
        lambda data, key: flipped(data, data.index(b'"study_id"') + 3),
        "damaged or truncated (Bad CRC-32 for file 'record.json')",
    ),
    "a missing member": (
        lambda data, key: zip_of([e for e in entries(data) if e[0] != session_file.QUESTIONNAIRE]),
        "The member 'questionnaire.pdf' is missing.",
    ),
    "an extra member": (
        lambda data, key: zip_of([*entries(data), ("run-me.sh", b"rm -rf ~")]),
        "unexpected entry: 'run-me.sh'",
    ),
    "a path going up": (
        lambda data, key: zip_of([*entries(data)[:-1], ("../../manifest.sig", entries(data)[-1][1])]),
        "unsafe name: '../../manifest.sig'",
    ),
    "an absolute path": (
        lambda data, key: zip_of([("/etc/record.json", b"{}"), *entries(data)]),
        "unsafe name: '/etc/record.json'",
    ),
    "a Windows path": (
        lambda data, key: zip_of([*entries(data), ("C:\\Windows\\record.json", b"{}")]),
        "unsafe name",
    ),
    "a link": (lambda data, key: a_link(data), "'summary.pdf' is a link, not a file"),
    "an oversized member": (
        lambda data, key: zip_of(
            [(n, b" " * (4 * MiB + 1) if n == session_file.RECORD else b) for n, b in entries(data)]
        ),
        "'record.json' would unpack to 4,194,305 bytes, more than the 4,194,304 allowed",
    ),
    "a zip bomb": (lambda data, key: zip_bomb(data), "would unpack to 268,435,456 bytes"),
    "a compressed member": (
        lambda data, key: zip_of(entries(data), zipfile.ZIP_DEFLATED),
        "'record.json' is compressed",
    ),
    "a wrong key": (
        lambda data, key: resign(
            {n: b for n, b in members(data).items() if n in session_file.CONTENT}, foreign_key_file(key.parent)[0]
        ),
        "signed by a key that is not registered (fingerprint ",
    ),
    "an unknown format version": (
        lambda data, key: resign({n: b for n, b in members(data).items() if n in session_file.CONTENT}, key, version=2),
        "format version 2, which this version of MIMIC does not read",
    ),
    "a record of an unknown format version": (
        lambda data, key: with_record(data, key, lambda r: r.update(format_version=2)),
        "record.json.format_version: must be 1, not 2",
    ),
    "a truncated ZIP": (lambda data, key: data[: len(data) // 2], "not a readable ZIP archive"),
    "a ZIP cut short by ten bytes": (lambda data, key: data[:-10], "not a readable ZIP archive"),
    "a duplicate member name": (
        lambda data, key: zip_of([*entries(data), (session_file.RECORD, b"{}")]),
        "holds 'record.json' 2 times",
    ),
    "a record edited without re-signing": (
        lambda data, key: record_edited_without_resigning(data),
        "'record.json' does not match its SHA-256 and size in the signed manifest",
    ),
    "a manifest edited without re-signing": (
        lambda data, key: manifest_edited(data),
        "signature does not match the manifest",
    ),
    "a ZIP comment added": (lambda data, key: with_comment(data), "ZIP container differs"),
    "a signed record with a value out of range": (
        lambda data, key: with_record(data, key, lambda r: r["record"]["values"].update(age=7)),
        "record.json.record.values.age: 7 is below 18",
    ),
    "a signed record with a field the form does not have": (
        lambda data, key: with_record(data, key, lambda r: r["record"]["values"].update(patient_name="J. Jansen")),
        "record.json.record.values: unexpected key 'patient_name'",
    ),
    "a signed record whose event points nowhere": (
        lambda data, key: with_record(data, key, lambda r: r["record"]["events"][-1].update(lesion_id="0" * 32)),
        "points at a lesion the record does not have",
    ),
    "not a ZIP at all": (lambda data, key: b"%PDF-1.7 this is a PDF", "not a readable ZIP archive"),
    "an empty file": (lambda data, key: b"", "not a readable ZIP archive"),
}


@pytest.mark.parametrize("kind", list(BAD_FILES))
def test_a_bad_file_is_rejected_with_its_reason_and_changes_nothing(kind, source, importer, central_store):
    make, reason = BAD_FILES[kind]
    bad = make(source.data, source.key_path)
    before = snapshot(central_store)
    result = importer.import_bytes(bad, f"{kind}.mimic")
    assert result.outcome is Outcome.REJECTED, result
    assert reason in result.message
    assert snapshot(central_store) == before
    assert importer.import_bytes(source.data, "good.mimic").outcome is Outcome.NEW


def test_every_single_byte_change_of_a_signed_file_is_rejected(source, importer, central_store):
    content = {
        session_file.RECORD: members(source.data)[session_file.RECORD],
        session_file.SUMMARY: b"%PDF-1.7\n%%EOF\n",
        session_file.QUESTIONNAIRE: b"%PDF-1.7\n%%EOF\n",
    }
    small = resign(content, source.key_path)
    assert len(small) < 16 * 1024
    before = snapshot(central_store)
    accepted = []
    for at in range(len(small)):
        for mask in (0x01, 0xFF):
            result = importer.import_bytes(flipped(small, at, mask), "flipped.mimic")
            if result.outcome is not Outcome.REJECTED or not result.message:
                accepted.append((at, mask, result))
    assert accepted == []
    assert snapshot(central_store) == before
    assert importer.import_bytes(small, "small.mimic").outcome is Outcome.NEW
