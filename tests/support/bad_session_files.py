"""Hand-made bad session files, each with the reason the importer must give, and every single byte flipped.

Used by the rejection tests and by `python -m bench.reliability`.
"""

from __future__ import annotations

import contextlib
import functools
import io
import json
import os
import sys
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from mimic_desktop.exchange import session_file
from mimic_desktop.services.central_import import CentralImporter, FileResult, Outcome
from tests.support.session_files import (
    flipped,
    foreign_key_file,
    make_laptop,
    members,
    resign,
    with_record,
    zip_of,
)

MiB = 1024 * 1024


@dataclass(frozen=True)
class Source:
    data: bytes = field(repr=False)
    key_path: Path
    public_key: Path


def exported_source(folder: Path) -> Source:
    """One exported one-lesion record, signed by a laptop whose public key is written beside it."""
    laptop = make_laptop(folder)
    data = laptop.export(laptop.record(40, lesions=1)).read_bytes()
    laptop.service.store.close()
    return Source(data, laptop.key_path, laptop.public_key_file())


def entries(data: bytes) -> list[tuple[str, bytes]]:
    return list(members(data).items())


@functools.lru_cache(maxsize=2)  # deflating 256 MiB takes a second or more: once per source file
def zip_bomb(data: bytes) -> bytes:
    """record.json replaced by 256 MiB of zeros, deflated to a few hundred kilobytes, true sizes in the headers."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
        for name, body in entries(data):
            with out.open(name, "w") as stream:
                for _ in range(256 if name == session_file.RECORD else 1):
                    stream.write(bytes(MiB) if name == session_file.RECORD else body)
    return buffer.getvalue()


def lying_zip_bomb(data: bytes) -> bytes:
    """The zip bomb with both of its headers claiming that record.json unpacks to 1,000 bytes."""
    bomb = bytearray(zip_bomb(data))
    true_size, claimed = (256 * MiB).to_bytes(4, "little"), (1000).to_bytes(4, "little")
    # The uncompressed size sits 22 bytes into a local header and 24 into a central directory entry.
    for signature, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        at = bomb.find(signature)
        while at != -1:
            if bomb[at + offset : at + offset + 4] == true_size:
                bomb[at + offset : at + offset + 4] = claimed
            at = bomb.find(signature, at + 1)
    return bytes(bomb)


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
    "a zip bomb whose headers lie": (lambda data, key: lying_zip_bomb(data), "'record.json' is compressed"),
    "a path going up from a folder": (
        lambda data, key: zip_of([*entries(data), ("reports/../../../.bashrc", b"echo owned")]),
        "unsafe name: 'reports/../../../.bashrc'",
    ),
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
        lambda data, key: resign({n: b for n, b in members(data).items() if n in session_file.CONTENT}, key, version=3),
        "format version 3, which this version of MIMIC does not read",
    ),
    "a record of an unknown format version": (
        lambda data, key: with_record(data, key, lambda r: r.update(format_version=4)),
        "record.json.format_version: 4 is above 3",
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


def small_signed_file(source: Source) -> bytes:
    """The source's record without its (optional) change history and with one-line PDFs, re-signed: every byte can
    be flipped in a second."""
    record = json.loads(members(source.data)[session_file.RECORD])
    record.pop("change_history", None)
    content = {
        session_file.RECORD: session_file.canonical_json(record),
        session_file.SUMMARY: b"%PDF-1.7\n%%EOF\n",
        session_file.QUESTIONNAIRE: b"%PDF-1.7\n%%EOF\n",
    }
    return resign(content, source.key_path)


@dataclass
class Flips:
    flips: int = 0
    rejected: int = 0
    accepted: list[tuple[int, int, FileResult]] = field(default_factory=list)


def flip_every_byte(importer: CentralImporter, data: bytes, masks: tuple[int, ...] = (0x01, 0xFF)) -> Flips:
    """Import the file with each byte changed in turn (by each mask); every change must be rejected with a reason."""
    flips = Flips()
    for at in range(len(data)):
        for mask in masks:
            result = importer.import_bytes(flipped(data, at, mask), "flipped.mimic")
            flips.flips += 1
            if result.outcome is Outcome.REJECTED and result.message:
                flips.rejected += 1
            else:
                flips.accepted.append((at, mask, result))
    return flips


# -- watching for anything written to disk --------------------------------------------------------
_watchers: list[list[str]] = []
_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC
_MAKING = frozenset({"os.mkdir", "os.symlink", "os.link", "os.rename", "os.truncate", "shutil.copyfile", "shutil.move"})


def _audit(event: str, args: tuple) -> None:
    if not _watchers:
        return
    if event == "open":
        path, mode, flags = args
        if (isinstance(mode, str) and set(mode) & set("wax+")) or (isinstance(flags, int) and flags & _WRITE_FLAGS):
            for seen in _watchers:
                seen.append(f"open {path!r} for writing")
    elif event in _MAKING:
        for seen in _watchers:
            seen.append(f"{event} {args[0]!r}")


@contextlib.contextmanager
def files_written() -> Iterator[list[str]]:
    """Every file this process opens for writing, or folder, link or copy it makes, while the block runs.

    Python's audit hooks see every open() and os call; SQLite's own writes are not among them, and the
    database snapshot covers those.
    """
    if not _hook_installed:
        sys.addaudithook(_audit)  # hooks cannot be removed: one for the process, idle when nobody watches
        _hook_installed.append(True)
    seen: list[str] = []
    _watchers.append(seen)
    try:
        yield seen
    finally:
        _watchers.remove(seen)


_hook_installed: list[bool] = []
