"""Mutated session files for the importer, as hypothesis strategies, and what one import must leave behind.

Three kinds of mutant: bytes of a real session file changed, inserted, deleted or cut off;
archives rebuilt with members dropped, repeated, renamed or replaced; and records changed
anywhere in their JSON and then signed with the registered key, so that the record checks,
not the signature, must catch them. Used by tests/session_files/test_fuzz.py and by
`python -m bench.reliability`, which also sorts the rejections by their reason.
"""

from __future__ import annotations

import json
import re
import zipfile
from collections import Counter
from dataclasses import dataclass, field

from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

from mimic_desktop.exchange import session_file
from mimic_desktop.services import central_import
from mimic_desktop.services.central_import import IMPORTED, FileResult, Outcome
from tests.support.office import data_manager
from tests.support.session_files import members, resign, snapshot, zip_of

JSON_LEAVES = (
    st.none()
    | st.booleans()
    | st.integers(-(2**63), 2**63)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=12)
    | st.sampled_from(["MIM-01-001", "01", "crlm", "2026-01-01", "2026-01-01T00:00:00+00:00", "0" * 32, "I", "R0"])
)
JSON_VALUES = st.recursive(
    JSON_LEAVES, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
)

byte_edits = st.lists(
    st.tuples(
        st.sampled_from(["flip", "set", "insert", "delete", "truncate"]),
        st.integers(min_value=0),
        st.binary(min_size=1, max_size=8),
    ),
    min_size=1,
    max_size=4,
)


def edit_bytes(data: bytes, edits) -> bytes:
    changed = bytearray(data)
    for kind, position, payload in edits:
        at = position % max(len(changed), 1)
        if kind == "flip" and changed:
            changed[at] ^= payload[0] or 0xFF
        elif kind == "set" and changed:
            changed[at : at + len(payload)] = payload
        elif kind == "insert":
            changed[at:at] = payload
        elif kind == "delete":
            del changed[at : at + len(payload)]
        elif kind == "truncate":
            del changed[at:]
    return bytes(changed)


member_edits = st.lists(
    st.tuples(
        st.sampled_from(["drop", "repeat", "rename", "replace", "swap"]),
        st.integers(min_value=0, max_value=10),
        st.sampled_from([*session_file.MEMBERS, "../x", "/abs", "a\\b", "", "dir/", "record.json/"])
        | st.text(max_size=10),
        st.binary(max_size=64),
    ),
    min_size=1,
    max_size=3,
)


def edit_members(data: bytes, edits, deflate: bool) -> bytes:
    entries = list(members(data).items())
    for kind, index, name, payload in edits:
        if not entries:
            break
        at = index % len(entries)
        if kind == "drop":
            del entries[at]
        elif kind == "repeat":
            entries.append(entries[at])
        elif kind == "rename":
            entries[at] = (name, entries[at][1])
        elif kind == "replace":
            entries[at] = (entries[at][0], payload)
        else:
            entries[0], entries[at] = entries[at], entries[0]
    try:
        return zip_of(entries, zipfile.ZIP_DEFLATED if deflate else zipfile.ZIP_STORED)
    except (ValueError, IndexError):  # a name zipfile itself refuses to write: feed it half the file instead
        return data[: len(data) // 2]


def paths_in(value, prefix=()):
    """Every path to a value inside the JSON document, the document itself included."""
    yield prefix
    children = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, child in children:
        yield from paths_in(child, (*prefix, key))


record_edits = st.lists(
    st.tuples(
        st.sampled_from(["replace", "delete", "add"]), st.integers(min_value=0), st.text(max_size=10), JSON_VALUES
    ),
    min_size=1,
    max_size=3,
)


def edit_record(record: dict, edits) -> dict:
    for kind, pick, key, value in edits:
        paths = [p for p in paths_in(record) if p]
        if not paths:
            break
        *parents, last = paths[pick % len(paths)]
        parent = record
        for step in parents:
            parent = parent[step]
        if kind == "replace":
            parent[last] = value
        elif kind == "delete":
            del parent[last]
        elif isinstance(parent[last], dict):
            parent[last][key] = value
        elif isinstance(parent[last], list):
            parent[last].append(value)
    return record


def consistency_problems(store) -> list[str]:
    """Whatever was imported is whole: one current row per session, every lesion and complication with it."""
    conn = store.conn
    problems = []
    sessions = conn.execute("SELECT COUNT(*) FROM sessions").fetchone()[0]
    if conn.execute("SELECT COUNT(*) FROM procedures").fetchone()[0] != sessions:
        problems.append("procedures and sessions differ in number")
    # complication_count counts those within 90 days; the later ones are rows flagged late.
    for table, column, rows in (
        ("lesions", "lesion_count", "1"),
        ("complications", "complication_count", "NOT COALESCE(late, 0)"),
    ):
        expected = conn.execute(f"SELECT COALESCE(SUM({column}), 0) FROM procedures").fetchone()[0]
        if conn.execute(f"SELECT COUNT(*) FROM {table} WHERE {rows}").fetchone()[0] != expected:
            problems.append(f"{table} imported in part")
    return problems


def import_problems(importer, store, data: bytes) -> tuple[FileResult, list[str]]:
    """Import one file; what went wrong: a rejection without a reason, a change on rejection, a partial import."""
    before = snapshot(store)
    result = importer.import_bytes(data, "mutant.mimic")
    problems = []
    if result.outcome is Outcome.REJECTED:
        if not result.message.strip() or "Traceback" in result.message:
            problems.append(f"rejected without a plain reason: {result.message!r}")
        if snapshot(store) != before:
            problems.append("a rejected file changed the central database")
    elif result.outcome not in IMPORTED | {Outcome.DUPLICATE}:
        problems.append(f"unexpected outcome {result.outcome}")
    return result, problems + consistency_problems(store)


class Target:
    """The central database under test and the file its mutants come from (short repr for hypothesis)."""

    def __init__(self, store, shared):
        self.store, self.shared = store, shared
        self.importer = central_import.CentralImporter(store, data_manager(store))

    def __repr__(self) -> str:
        return "Target()"


mutants = st.one_of(
    st.tuples(st.just("bytes"), byte_edits),
    st.tuples(st.just("members"), st.tuples(member_edits, st.booleans())),
    st.tuples(st.just("record"), record_edits),
)


def build(target: Target, mutant) -> bytes:
    shared = target.shared
    kind, edits = mutant
    if kind == "bytes":
        return edit_bytes(shared.data, edits)
    if kind == "members":
        return edit_members(shared.data, *edits)
    content = {name: body for name, body in members(shared.data).items() if name in session_file.CONTENT}
    record = edit_record(json.loads(content[session_file.RECORD]), edits)
    content[session_file.RECORD] = json.dumps(record, allow_nan=False).encode("utf-8")
    try:
        return resign(content, shared.key_path)
    except (AttributeError, KeyError, TypeError, ValueError):  # the header cannot be taken from this record
        return session_file.container(members(shared.data) | content)


SCHEMA_FINDINGS = (
    (re.compile(r"^\w+ is missing"), "a required key is missing"),
    (re.compile(r"^expected "), "a value of the wrong type"),
    (re.compile(r"^unexpected key"), "a key the format does not have"),
    (re.compile(r"^must be "), "a value the format does not allow"),
)


def reason_kind(message: str) -> str:
    """A rejection's reason with its particulars (names, numbers, paths, details) taken out, to count kinds."""
    text = re.sub(r"\s*\([^()]*\)", "", message)
    text = re.sub(r"MIM-\d\d-\d{3}", "STUDY-ID", text)
    text = re.sub(r"'[^']*'|\"[^\"]*\"", "'…'", text)
    text = re.sub(r"(?<![\w-])-?\d[\d,.]*", "N", text)
    head, found, detail = text.partition(": record.json")
    if found:
        detail = detail.split(": ", 1)[-1]
        kind = next((name for pattern, name in SCHEMA_FINDINGS if pattern.search(detail)), detail)
        return f"{head}: {kind}"
    return text


@dataclass
class FuzzReport:
    files: int = 0
    by_mutation: Counter = field(default_factory=Counter)
    outcomes: Counter = field(default_factory=Counter)
    reasons: Counter = field(default_factory=Counter)
    problems: list[str] = field(default_factory=list)


def fuzz(target: Target, examples: int, seed_value: int = 0) -> FuzzReport:
    """Feed `examples` mutants to the importer; crashes and problems are counted, not raised."""
    report = FuzzReport()

    @seed(seed_value)
    @settings(max_examples=examples, database=None, deadline=None, suppress_health_check=list(HealthCheck))
    @given(mutant=mutants)
    def one(mutant) -> None:
        report.files += 1
        report.by_mutation[mutant[0]] += 1
        try:
            result, problems = import_problems(target.importer, target.store, build(target, mutant))
        except Exception as crash:
            report.problems.append(f"crash: {type(crash).__name__}: {crash}")
            return
        report.outcomes[result.outcome.value] += 1
        if result.outcome is Outcome.REJECTED:
            report.reasons[reason_kind(result.message)] += 1
        report.problems += problems

    one()
    return report
