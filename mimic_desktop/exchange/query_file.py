"""The query file (.mimicq): the trial office's questions to one centre, signed with the office's own key.

The same container as a session file (exchange/session_file.py), with its own members: queries.json, then
manifest.json (format, version, centre, when it was made, and the SHA-256 and size of queries.json), then
manifest.sig (the office's raw Ed25519 public key followed by its signature of manifest.json's bytes). Every
byte of the container follows from the members, so a file altered in any byte is refused. docs/query-file.md
describes it for other readers.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..domain import data_queries, rules
from ..domain.errors import ValidationError
from ..domain.wording import Text
from . import session_file, signing_keys
from .session_file import MANIFEST, SIGNATURE, SessionFileRejected, canonical_json, strict_json

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

FORMAT = "mimic-queries"
FORMAT_VERSION = 1
SUFFIX = ".mimicq"
QUERIES = "queries.json"
MEMBERS = (QUERIES, MANIFEST, SIGNATURE)
MAX_MEMBER_BYTES = {QUERIES: 4 * session_file.MiB, MANIFEST: 64 * 1024, SIGNATURE: 96}
MAX_FILE_BYTES = sum(MAX_MEMBER_BYTES.values()) + 64 * 1024
MAX_TEXT = 2000  # characters of one question


class QueryFileRejected(SessionFileRejected):
    """A query file that cannot be accepted; it says why, in words."""


@dataclass(frozen=True)
class SentQuery:
    """One question as the file carries it: the office's number, the round (1, then one more each time the
    office asks again), the record and target, the words, when and by whom it was asked."""

    id: int
    round: int
    study_id: str
    target: data_queries.Target
    text: str
    raised_at: str
    raised_by: str

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "round": self.round,
            "study_id": self.study_id,
            "target": self.target.as_dict(),
            "text": self.text,
            "raised_at": self.raised_at,
            "raised_by": self.raised_by,
        }


@dataclass(frozen=True)
class QueryFile:
    centre: str
    issued_at: str
    queries: tuple[SentQuery, ...]
    file_hash: str


def write(centre: str, issued_at: str, queries: list[SentQuery], key: Ed25519PrivateKey) -> bytes:
    """The bytes of a signed query file for one centre."""
    body = canonical_json(
        {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "centre": centre,
            "issued_at": issued_at,
            "queries": [query.as_dict() for query in queries],
        }
    )
    manifest_bytes = canonical_json(_manifest(centre, issued_at, body))
    signature = signing_keys.raw_public_key(key) + signing_keys.sign(key, manifest_bytes)
    return session_file.container({QUERIES: body, MANIFEST: manifest_bytes, SIGNATURE: signature}, MEMBERS)


def _manifest(centre: str, issued_at: str, body: bytes) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "centre": centre,
        "issued_at": issued_at,
        "members": [{"name": QUERIES, "sha256": hashlib.sha256(body).hexdigest(), "size": len(body)}],
    }


def read(data: bytes, office_key: bytes | None, centre: str | None) -> QueryFile:
    """Verify a query file against the trial office's registered public key and this laptop's centre.

    Raises QueryFileRejected naming the first problem: no office key registered, another key, an altered file,
    a file for another centre, or content that is not a query file.
    """
    if len(data) > MAX_FILE_BYTES:
        raise QueryFileRejected(Text("The file is {size:,} bytes, more than a query file can be.", size=len(data)))
    try:
        members = session_file.members_of(data, MAX_MEMBER_BYTES)
    except SessionFileRejected as problem:
        raise QueryFileRejected(problem.message) from None
    public_key, signature = members[SIGNATURE][:32], members[SIGNATURE][32:]
    if office_key is None:
        raise QueryFileRejected(
            Text(
                "No trial office key is registered on this laptop: register the office's public key first "
                "(Settings, or `mimic-desktop trust-office KEYFILE`)."
            )
        )
    if public_key != office_key:
        raise QueryFileRejected(
            Text(
                "The file is signed by another key (fingerprint {fingerprint}) than the trial office's key registered "
                "here (fingerprint {office}): it is not from the trial office.",
                fingerprint=signing_keys.fingerprint(public_key),
                office=signing_keys.fingerprint(office_key),
            )
        )
    if not signing_keys.verify(public_key, signature, members[MANIFEST]):
        raise QueryFileRejected(
            Text("The signature does not match the manifest: the file was altered after it was signed.")
        )
    body = members[QUERIES]
    manifest = strict_json(members[MANIFEST], Text("The manifest"))
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise QueryFileRejected(Text("The manifest does not describe a MIMIC query file."))
    if manifest.get("format_version") != FORMAT_VERSION:
        raise QueryFileRejected(
            Text(
                "The query file has format version {version!r}, which this version of MIMIC does not read.",
                version=manifest.get("format_version"),
            )
        )
    if manifest != _manifest(str(manifest.get("centre")), str(manifest.get("issued_at")), body):
        raise QueryFileRejected(Text("queries.json does not match its SHA-256 and size in the signed manifest."))
    if session_file.container(members, MEMBERS) != data:
        raise QueryFileRejected(
            Text(
                "The ZIP container differs from the one its signed members make: "
                "the file was altered after it was signed."
            )
        )
    parsed = _parse(strict_json(body, QUERIES), manifest)
    if centre is not None and parsed.centre != centre:
        raise QueryFileRejected(
            Text(
                "The file holds queries for centre {file_centre}; this laptop is centre {centre}.",
                file_centre=parsed.centre,
                centre=centre,
            )
        )
    return QueryFile(parsed.centre, parsed.issued_at, parsed.queries, hashlib.sha256(data).hexdigest())


def _parse(body: Any, manifest: dict[str, Any]) -> QueryFile:
    keys = {"format", "format_version", "centre", "issued_at", "queries"}
    if not isinstance(body, dict) or set(body) != keys or not isinstance(body["queries"], list):
        raise QueryFileRejected(Text("queries.json does not hold what a query file holds."))
    if (body["format"], body["format_version"], body["centre"], body["issued_at"]) != (
        FORMAT,
        FORMAT_VERSION,
        manifest["centre"],
        manifest["issued_at"],
    ):
        raise QueryFileRejected(Text("queries.json and the manifest disagree."))
    if not isinstance(body["centre"], str) or not rules.CENTRE_PATTERN.fullmatch(body["centre"]):
        raise QueryFileRejected(Text("The file names no centre (two digits)."))
    queries = tuple(_query(item, index) for index, item in enumerate(body["queries"]))
    return QueryFile(body["centre"], str(body["issued_at"]), queries, "")


def _query(item: Any, index: int) -> SentQuery:
    names = {"id", "round", "study_id", "target", "text", "raised_at", "raised_by"}
    problem = Text("queries[{index}] is not a query as a query file holds one.", index=index)
    if not isinstance(item, dict) or set(item) != names:
        raise QueryFileRejected(problem)
    numbers_ok = all(
        isinstance(item[name], int) and not isinstance(item[name], bool) and item[name] >= 1 for name in ("id", "round")
    )
    texts_ok = all(isinstance(item[name], str) for name in ("study_id", "text", "raised_at", "raised_by"))
    if not (numbers_ok and texts_ok) or not item["text"].strip() or len(item["text"]) > MAX_TEXT:
        raise QueryFileRejected(problem)
    try:
        aim = data_queries.target_from_dict(item["target"])
    except ValidationError as error:
        raise QueryFileRejected(Text("queries[{index}]: {problem}", index=index, problem=error.message)) from None
    return SentQuery(
        item["id"], item["round"], item["study_id"], aim, item["text"], item["raised_at"], item["raised_by"]
    )
