"""The session file (.mimic): the record, its PDFs and a signed manifest in one ZIP, made and checked in memory.

docs/session-file.md describes the format for people who write their own reader. In short:
members stored uncompressed in a fixed order (record.json, summary.pdf, questionnaire.pdf,
from format version 2 the near-infrared frames that travel as frames/<sha256>.png in the
order of their names, then manifest.json and manifest.sig); the manifest lists the SHA-256
and size of every member before it; manifest.sig is the signer's raw Ed25519 public key
followed by its signature of manifest.json's bytes. Every byte of the container follows from the members, so
a file that differs in any byte from what its signed members give is refused, and a file's
SHA-256 names its content.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import struct
import zipfile
import zlib
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from ..domain.errors import MimicError
from ..domain.plausible import LARGEST_INTEGER
from ..domain.wording import Text
from . import signing_keys

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

FORMAT = "mimic-session"
FORMAT_VERSION = 2
SUPPORTED_VERSIONS = frozenset({1, 2})  # version 1 has no frames; a version-1 file stays valid
SUFFIX = ".mimic"

RECORD = "record.json"
SUMMARY = "summary.pdf"
QUESTIONNAIRE = "questionnaire.pdf"
MANIFEST = "manifest.json"
SIGNATURE = "manifest.sig"
CONTENT = (RECORD, SUMMARY, QUESTIONNAIRE)
MEMBERS = (*CONTENT, MANIFEST, SIGNATURE)

MiB = 1024 * 1024
# Caps that hold while reading, whatever a header claims: a file cannot make us hold more.
# Format version 2: the frames that travel, each named by the SHA-256 of its bytes (as the laptop keeps it).
FRAME_NAME = re.compile(r"frames/([0-9a-f]{64})\.png")
MAX_FRAME_BYTES = 64 * MiB  # the largest image a laptop takes in (services/input_files), as PNG
MAX_FRAMES_BYTES = 256 * MiB  # the frames a procedure may keep at all (services/frames.FRAME_BUDGET)
# The summary prints the travelling frames losslessly (at most 1200 pixels wide): it may be as large as they are.
MAX_MEMBER_BYTES = {
    RECORD: 4 * MiB,
    SUMMARY: 32 * MiB + MAX_FRAMES_BYTES,
    QUESTIONNAIRE: 8 * MiB,
    MANIFEST: 64 * 1024,
    SIGNATURE: 96,
}
MAX_FRAMES = 1024
MAX_FILE_BYTES = sum(MAX_MEMBER_BYTES.values()) + MAX_FRAMES_BYTES + 64 * 1024
MAX_ENTRIES = len(MEMBERS) + MAX_FRAMES  # more entries than this and the directory is not even looked at

# The fixed fields of every member's headers (docs/session-file.md, "The container").
ZIP_DATE_TIME = (1980, 1, 1, 0, 0, 0)
ZIP_VERSION = 20  # 2.0, both "made by" and "needed to extract"
ZIP_SYSTEM = 3  # Unix, so that the file mode below means what it says
ZIP_FILE_MODE = 0o100644  # a regular file, readable by all

_ZIP_ERRORS = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    NotImplementedError,
    EOFError,
    OSError,
    ValueError,
    struct.error,
    zlib.error,
)


class SessionFileRejected(MimicError):
    """A session file that cannot be accepted; str() says why, in words."""


class SessionFileTooLarge(MimicError):
    """A session file about to be written holds a member larger than a reader takes."""


@dataclass(frozen=True)
class Header:
    """What the manifest says of the session besides its members."""

    session_id: str
    session_version: int
    study_id: str
    centre: str
    exported_at: str
    demo: bool


Signer = TypeVar("Signer")


@dataclass(frozen=True)
class SessionFile(Generic[Signer]):
    """A file whose signature, manifest and container have been verified; the record is not parsed yet."""

    header: Header
    members: dict[str, bytes]
    signer: Signer
    public_key: bytes

    @property
    def record_bytes(self) -> bytes:
        return self.members[RECORD]

    @property
    def frames(self) -> dict[str, bytes]:
        """The frames that travel in the file (format version 2), by SHA-256; checked against their names."""
        return frames_of(self.members)


def frame_member(sha256: str) -> str:
    """The member name of a frame that travels."""
    return f"frames/{sha256}.png"


def frames_of(members: dict[str, bytes]) -> dict[str, bytes]:
    """The frame members among these, by the SHA-256 their names give."""
    found = {}
    for name, data in members.items():
        match = FRAME_NAME.fullmatch(name)
        if match:
            found[match.group(1)] = data
    return found


def content_names(members: dict[str, bytes] | list[str]) -> tuple[str, ...]:
    """The signed members in the order of the container: the record and the PDFs, then the frames by name."""
    return (*CONTENT, *sorted(name for name in members if FRAME_NAME.fullmatch(name)))


def member_order(members: dict[str, bytes] | list[str]) -> tuple[str, ...]:
    return (*content_names(members), MANIFEST, SIGNATURE)


def canonical_json(data: Any) -> bytes:
    """The bytes MIMIC writes for a JSON document: sorted keys, no spaces, ASCII with escapes."""
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=True, allow_nan=False).encode("ascii")


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    keys = [key for key, _ in pairs]
    if len(keys) != len(set(keys)):
        duplicate = next(key for key, count in Counter(keys).items() if count > 1)
        raise ValueError(f"the key {duplicate!r} appears twice in one object")
    return dict(pairs)


def _bounded_int(text: str) -> int:
    value = int(text)
    if abs(value) > LARGEST_INTEGER:  # SQLite cannot store it, and readers in other languages lose digits
        raise ValueError(f"the number {text} is larger than any number a record can hold")
    return value


def strict_json(data: bytes, what: Text | str) -> Any:
    """Parse UTF-8 JSON, refusing what parsers disagree on: duplicate keys, NaN and Infinity, integers of 2^63 or
    more."""
    try:
        return json.loads(
            data.decode("utf-8"),
            object_pairs_hook=_unique_keys,
            parse_constant=_refuse_constant,
            parse_int=_bounded_int,
        )
    except (UnicodeDecodeError, ValueError, RecursionError) as error:
        raise SessionFileRejected(Text("{what} is not valid JSON ({error}).", what=what, error=error)) from None


def manifest(header: Header, content: dict[str, bytes], version: int = FORMAT_VERSION) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "format_version": version,
        "session_id": header.session_id,
        "session_version": header.session_version,
        "study_id": header.study_id,
        "centre": header.centre,
        "exported_at": header.exported_at,
        "demo": header.demo,
        "members": [
            {"name": name, "sha256": hashlib.sha256(content[name]).hexdigest(), "size": len(content[name])}
            for name in content_names(content)
        ],
    }


def write(content: dict[str, bytes], header: Header, key: Ed25519PrivateKey, version: int = FORMAT_VERSION) -> bytes:
    """The bytes of a signed session file holding record.json, summary.pdf and questionnaire.pdf, and (format
    version 2) the frames given as members frames/<sha256>.png."""
    frames = frames_of(content)
    if frames and version < 2:
        raise ValueError("a session file of format version 1 carries no frames")
    for sha256, data in frames.items():
        if hashlib.sha256(data).hexdigest() != sha256:
            raise ValueError(f"the frame {sha256} is not named by its SHA-256")
    _within_what_is_read(content, frames)
    manifest_bytes = canonical_json(manifest(header, content, version))
    signature = signing_keys.raw_public_key(key) + signing_keys.sign(key, manifest_bytes)
    members = {**content, MANIFEST: manifest_bytes, SIGNATURE: signature}
    return container(members)


def _within_what_is_read(content: dict[str, bytes], frames: dict[str, bytes]) -> None:
    """Refuse to write what the reader would refuse: a member past its cap makes a file the trial office cannot
    import, and the laptop would only find out there."""
    for name, data in content.items():
        limit = MAX_MEMBER_BYTES.get(name, MAX_FRAME_BYTES)
        if len(data) > limit:
            raise SessionFileTooLarge(
                Text(
                    "The session file's {member} would be {size:,} bytes, more than the trial office reads"
                    " ({limit:,} bytes).",
                    member=name,
                    size=len(data),
                    limit=limit,
                )
            )
    if sum(map(len, frames.values())) > MAX_FRAMES_BYTES:
        raise SessionFileTooLarge(
            Text(
                "The session file's frames would be {size:,} bytes, more than the trial office reads ({limit:,} bytes).",
                size=sum(map(len, frames.values())),
                limit=MAX_FRAMES_BYTES,
            )
        )


def container(members: dict[str, bytes], order: tuple[str, ...] | None = None) -> bytes:
    """The canonical ZIP of the members: stored, in this order (a session file's, member_order, by default), every
    header field fixed. Other signed files of the application (the trial office's query files) use it with their
    own."""
    order = member_order(members) if order is None else order
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED, allowZip64=False) as archive:
        for name in order:
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE_TIME)
            info.compress_type = zipfile.ZIP_STORED
            info.create_system = ZIP_SYSTEM
            info.create_version = info.extract_version = ZIP_VERSION
            info.external_attr = ZIP_FILE_MODE << 16
            archive.writestr(info, members[name])
    return buffer.getvalue()


def read(data: bytes, signer_for: Callable[[bytes], Signer | None]) -> SessionFile[Signer]:
    """Verify a session file in memory; signer_for maps a raw public key to its registered signer, or None.

    Raises SessionFileRejected naming the first problem found. The record is returned as bytes:
    it is parsed only by the caller, after this has verified the signature.
    """
    if len(data) > MAX_FILE_BYTES:
        raise SessionFileRejected(Text("The file is {size:,} bytes, more than a session file can be.", size=len(data)))
    members = _members(data, frames=True)
    public_key, signature = members[SIGNATURE][:32], members[SIGNATURE][32:]
    signer = signer_for(public_key)
    if signer is None:
        if _claims_demo(members[MANIFEST]):  # unverified, but only ever used to refuse: say why plainly
            raise SessionFileRejected(
                Text(
                    "This is a demonstration record, made to try the application and signed with a demo database's own key: it is not trial data and is not imported."
                )
            )
        raise SessionFileRejected(
            Text(
                "The file is signed by a key that is not registered (fingerprint {fingerprint}): if it is genuine, "
                "register the centre's public key, after checking its fingerprint with the centre by phone.",
                fingerprint=signing_keys.fingerprint(public_key),
            )
        )
    if not signing_keys.verify(public_key, signature, members[MANIFEST]):
        raise SessionFileRejected(
            Text("The signature does not match the manifest: the file was altered after it was signed.")
        )
    header = _check_manifest(strict_json(members[MANIFEST], Text("The manifest")), members)
    if container(members) != data:
        raise SessionFileRejected(
            Text(
                "The ZIP container differs from the one its signed members make: "
                "the file was altered after it was signed."
            )
        )
    return SessionFile(header, members, signer, public_key)


def unverified_record(data: bytes) -> bytes:
    """The record.json of a well-formed session file, its signature not checked: for comparing a kept file with
    what was stored from it, never for importing."""
    return _members(data, frames=True)[RECORD]


def unverified_member(data: bytes, name: str) -> bytes:
    """One member of a well-formed session file, its signature not checked: for showing a kept file's PDFs, never
    for importing."""
    return _members(data, frames=True)[name]


def _claims_demo(manifest: bytes) -> bool:
    """Whether an unverified manifest says its record is a demonstration record."""
    try:
        claims = json.loads(manifest)
    except ValueError:
        return False
    return isinstance(claims, dict) and claims.get("demo") is True


def members_of(data: bytes, caps: dict[str, int] = MAX_MEMBER_BYTES) -> dict[str, bytes]:
    """Every member of a signed container, read in memory under its cap (caps names every member, in order, and
    its largest size); refuses anything else in the archive. A session file's (the default caps) may hold frames.
    Unverified: check the signature next."""
    return _members(data, caps, frames=caps is MAX_MEMBER_BYTES)


def _members(data: bytes, caps: dict[str, int] = MAX_MEMBER_BYTES, frames: bool = False) -> dict[str, bytes]:
    """Every allowed member, read in memory under its cap; refuses anything else in the archive. frames: frame
    members (frames/<sha256>.png) are allowed too, each under its cap and all of them under theirs."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = archive.infolist()
            limits = dict(caps)
            if frames:
                limits |= {e.filename: MAX_FRAME_BYTES for e in entries if FRAME_NAME.fullmatch(e.filename)}
            _check_entries(entries, limits, len(caps))
            members = {entry.filename: _read_member(archive, entry, limits) for entry in entries}
    except SessionFileRejected:
        raise
    except _ZIP_ERRORS as error:
        raise SessionFileRejected(
            Text("The file is not a readable ZIP archive: it is damaged or truncated ({error}).", error=error)
        ) from None
    if frames:
        _check_frames(members)
    return members


def _check_frames(members: dict[str, bytes]) -> None:
    """Each frame's bytes are what its name says (so the hash a record names is the frame it gets), and all of them
    together within what a procedure may keep."""
    total = 0
    for sha256, data in frames_of(members).items():
        if hashlib.sha256(data).hexdigest() != sha256:
            raise SessionFileRejected(
                Text(
                    "The frame {name!r} does not have the SHA-256 its name gives: it was changed.",
                    name=frame_member(sha256),
                )
            )
        total += len(data)
    if total > MAX_FRAMES_BYTES:
        raise SessionFileRejected(
            Text(
                "The frames in the file take {size:,} bytes, more than the {limit:,} a procedure may keep.",
                size=total,
                limit=MAX_FRAMES_BYTES,
            )
        )


def _check_entries(entries: list[zipfile.ZipInfo], caps: dict[str, int], members: int) -> None:
    if len(entries) > MAX_ENTRIES:
        raise SessionFileRejected(
            Text(
                "The archive has {count} entries; a session file has {members}.",
                count=len(entries),
                members=members,
            )
        )
    for entry in entries:
        name = entry.filename
        if _unsafe(name):
            raise SessionFileRejected(Text("The archive holds an entry with an unsafe name: {name!r}.", name=name))
        if (entry.external_attr >> 16) & 0o170000 == 0o120000:
            raise SessionFileRejected(Text("The archive entry {name!r} is a link, not a file.", name=name))
        if name not in caps:
            raise SessionFileRejected(Text("The archive holds an unexpected entry: {name!r}.", name=name))
    counts = Counter(entry.filename for entry in entries)
    for name, count in counts.items():
        if count > 1:
            raise SessionFileRejected(Text("The archive holds {name!r} {count} times.", name=name, count=count))
    for name in caps:
        if name not in counts:
            raise SessionFileRejected(Text("The member {name!r} is missing.", name=name))
    for entry in entries:
        limit = caps[entry.filename]
        if entry.file_size > limit:
            raise SessionFileRejected(
                Text(
                    "The member {name!r} would unpack to {size:,} bytes, more than the {limit:,} allowed.",
                    name=entry.filename,
                    size=entry.file_size,
                    limit=limit,
                )
            )
        if entry.flag_bits & 0x1:
            raise SessionFileRejected(Text("The member {name!r} is encrypted.", name=entry.filename))
        if entry.compress_type != zipfile.ZIP_STORED:
            raise SessionFileRejected(
                Text("The member {name!r} is compressed; session files store members as they are.", name=entry.filename)
            )


def _unsafe(name: str) -> bool:
    parts = name.replace("\\", "/").split("/")
    return (
        not name
        or name.startswith(("/", "\\"))
        or (len(name) > 1 and name[1] == ":")
        or "\\" in name
        or "\x00" in name
        or ".." in parts
    )


def _read_member(archive: zipfile.ZipFile, entry: zipfile.ZipInfo, caps: dict[str, int]) -> bytes:
    """Read at most one byte past the cap, whatever the headers say, and let zipfile check the CRC."""
    limit = caps[entry.filename]
    with archive.open(entry) as stream:
        data = stream.read(limit + 1)
    if len(data) > limit:
        raise SessionFileRejected(
            Text("The member {name!r} is larger than the {limit:,} bytes allowed.", name=entry.filename, limit=limit)
        )
    return data


def _check_manifest(data: Any, members: dict[str, bytes]) -> Header:
    """The signed manifest: a format and version this reader knows, and members matching their hashes."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise SessionFileRejected(Text("The manifest does not describe a MIMIC session file."))
    version = data.get("format_version")
    if version not in SUPPORTED_VERSIONS or isinstance(version, bool):
        raise SessionFileRejected(
            Text(
                "The session file has format version {version!r}, which this version of MIMIC does not read "
                "(it reads version {supported}): update the importer.",
                version=version,
                supported=", ".join(map(str, sorted(SUPPORTED_VERSIONS))),
            )
        )
    if version == 1 and frames_of(members):  # version 1 carries no frames
        first = content_names(members)[len(CONTENT)]
        raise SessionFileRejected(Text("The archive holds an unexpected entry: {name!r}.", name=first))
    expected = manifest(_header(data), members, version)
    if data != expected:
        listed = {m.get("name"): m for m in data.get("members", []) if isinstance(m, dict)}
        for claimed in listed:
            if claimed not in members:
                raise SessionFileRejected(
                    Text("The signed manifest lists the member {name!r}, which the file does not hold.", name=claimed)
                )
        for item in expected["members"]:
            if listed.get(item["name"]) != item:
                raise SessionFileRejected(
                    Text(
                        "The member {name!r} does not match its SHA-256 and size in the signed manifest.",
                        name=item["name"],
                    )
                )
        raise SessionFileRejected(Text("The manifest holds fields that this version of the format does not have."))
    return _header(data)


def _header(data: dict[str, Any]) -> Header:
    fields = {
        "session_id": str,
        "session_version": int,
        "study_id": str,
        "centre": str,
        "exported_at": str,
        "demo": bool,
    }
    for name, kind in fields.items():
        value = data.get(name)
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            raise SessionFileRejected(
                Text("The manifest's {name} is missing or not a {kind}.", name=name, kind=kind.__name__)
            )
    if data["session_version"] < 1:
        raise SessionFileRejected(Text("The manifest's session_version must be 1 or more."))
    return Header(**{name: data[name] for name in fields})
