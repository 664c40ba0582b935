"""A record's audit trail as a monitor reads it: who, when (local time), what, old and new value, and why.

Every audit row of the record becomes one line; refused attempts are kept apart. The same lines feed the Record
tab's History view, its CSV and PDF exports and `mimic-desktop audit`.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from ..domain import data_queries, forms, identifiers
from ..domain.clock import local_text
from ..domain.record import Procedure
from ..domain.subject_status import CODES, SubjectStatus
from ..domain.values import TEXT_NAMES
from ..domain.wording import Text
from ..reports.changes import held_text, value_text
from ..storage import repository, users
from ..storage.connection import Store

# The kinds of line a monitor filters by, in the order they are offered.
KINDS: dict[str, Text] = {
    "value": Text("Value"),
    "lesion": Text("Lesion"),
    "complication": Text("Complication"),
    "event": Text("Event"),
    "signature": Text("Signature"),
    "surgeon": Text("Surgeon and delegation"),
    "confirmation": Text("Answer confirmed"),
    "record": Text("Record"),
    "query": Text("Data query"),
    "identifier": Text("Identifier kept"),
    "redaction": Text("Redaction"),
    "refused": Text("Refused attempt"),
}

WORDS: dict[str, Text] = {
    "added": Text("{entry} added"),
    "removed": Text("{entry} removed"),
    "gone": Text("removed from the record"),
    "lesion_n": Text("Lesion {n}"),
    "complication_n": Text("Complication {n}"),
    "event_n": Text("Event {n}: {kind}"),
    "of_lesion": Text("{event} (lesion {n})"),
    "event_at": Text("at {at}"),
    "struck": Text("struck through"),
    "live": Text("recorded"),
    "signed": Text("Questionnaire signed"),
    "voided": Text("Signature voided"),
    "delegated": Text("Delegation to sign"),
    "surgeon_account": Text("Operating surgeon (account)"),
    "confirmed": Text("{field}: answer confirmed"),
    "refused": Text("Refused: {action}"),
    "kept": Text("{where}: kept as typed, although it looks like an identifier"),
    "redacted": Text("A typed text redacted: {count} values of the record and its trail now read [redacted]"),
    "empty": Text("(empty)"),
    "yes": Text("yes"),
    "no": Text("no"),
    "query_received": Text("Query {n} from the trial office (round {round}), on {target}"),
    "query_answered": Text("Query {n} answered"),
}

# The record's own columns that the trail names (the form's fields are named by their labels).
RECORD_COLUMNS: dict[str, Text] = {
    "study_id": Text("Study ID"),
    "centre": Text("Centre"),
    "completed_utc": Text("Completed and locked"),
    "export_version": Text("Session file exported (version)"),
    "exported_utc": Text("Session file exported (moment)"),
    "subject_status": Text("Subject status"),
    "subject_status_reason": Text("Reason for the subject status"),
    "subject_status_date": Text("Subject status since"),
    "video_event_id": Text("Event the video time reference names"),
    "video_shown": Text("Time the video recording showed at that event"),
}

COLUMNS: dict[str, Text] = {
    "seq": Text("Entry"),
    "when": Text("When (local time)"),
    "who": Text("Who"),
    "kind": Text("Kind"),
    "what": Text("What"),
    "old": Text("Old value"),
    "new": Text("New value"),
    "reason": Text("Reason"),
}
CSV_COLUMNS = ("seq", "at_utc", "when", "username", "who", "kind", "what", "old", "new", "reason", "refused")


@dataclass(frozen=True)
class HistoryLine:
    """One audit row of a record, worded: nothing is left out, and refused attempts say so."""

    seq: int
    at_utc: str
    when: str  # local time, as the screens show it
    username: str
    who: str  # the person's full name and user name
    kind: str  # one of KINDS
    what: str
    old: str
    new: str
    reason: str
    refused: bool


def people(store: Store) -> dict[str, str]:
    """The full name of every account, active or not, by user name: the trail names people who have left too."""
    return users.full_names(store.conn)


def history(store: Store, proc: Procedure, lang: str = "en") -> list[HistoryLine]:
    """Every audit row of the record, in order, as HistoryLines in lang."""
    return lines_of(repository.audit_rows(store.conn, proc.id), people(store), lang)


def lines_of(rows: Sequence[Any], names: dict[str, str], lang: str = "en") -> list[HistoryLine]:
    """The audit rows (sqlite rows or dicts with the audit table's columns) of one record, worded."""
    reader = _Reader(names, lang)
    return [reader.line(row) for row in rows]


def matching(lines: Iterable[HistoryLine], *, person: str = "", kind: str = "", text: str = "") -> list[HistoryLine]:
    """The lines of one person (user name), of one kind, and holding a text (any column, case ignored)."""
    needle = text.strip().casefold()
    return [
        line
        for line in lines
        if (not person or line.username == person)
        and (not kind or line.kind == kind)
        and (not needle or needle in " ".join(map(str, asdict(line).values())).casefold())
    ]


def kind_text(kind: str, lang: str = "en") -> str:
    return KINDS[kind].text(lang)


def column_text(column: str, lang: str = "en") -> str:
    return COLUMNS[column].text(lang)


# -- exports ---------------------------------------------------------------------------------------------------
def _cell(value: Any) -> str:
    """A spreadsheet cell that is never evaluated as a formula (OWASP CSV injection): a quote goes first."""
    from ..exchange.files import spreadsheet_safe

    return spreadsheet_safe("" if value is None else str(value))


def csv_text(lines: Iterable[HistoryLine]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for line in lines:
        data = asdict(line)
        writer.writerow([_cell(data[c]) if c not in {"seq", "refused"} else data[c] for c in CSV_COLUMNS])
    return out.getvalue()


def write_csv(lines: Iterable[HistoryLine], path: Path) -> Path:
    """The lines as CSV (UTF-8 with a byte-order mark, so that spreadsheets read the accents), whole or not at all."""
    from ..exchange.files import write_files

    data = ("\ufeff" + csv_text(lines)).encode("utf-8")
    # write_files refuses the database, its journal and its backups (storage.protected), naming them.
    return write_files({Path(path): lambda target: target.write_bytes(data)})[0]


def as_json(lines: Iterable[HistoryLine]) -> list[dict[str, Any]]:
    return [asdict(line) for line in lines]


PDF_COLUMNS = ("seq", "when", "who", "what", "old", "new", "reason")


def write_pdf(proc: Procedure, lines: Sequence[HistoryLine], path: Path, lang: str = "en") -> Path:
    """The lines as an A4 PDF, refused attempts apart (reportlab, loaded only here), whole or not at all; needs no
    database connection, so that it can run beside the screen."""
    from ..exchange.files import write_files
    from ..reports.audit_history import write_history_pdf

    def cells(line: HistoryLine) -> list[str]:
        data = asdict(line)
        return [str(data[column]) for column in PDF_COLUMNS]

    header = [column_text(column, lang) for column in PDF_COLUMNS]
    changes = [cells(line) for line in lines if not line.refused]
    refused = [cells(line) for line in lines if line.refused]
    return write_files({Path(path): lambda part: write_history_pdf(proc, header, changes, refused, part, lang)})[0]


# -- wording one row ----------------------------------------------------------------------------------------------
def _decoded(text: str | None) -> Any:
    return None if text is None else json.loads(text)


class _Reader:
    """Words the rows of one record in order, remembering lesion and complication numbers, event kinds and what
    each lesion and complication holds (so that a removal says what went)."""

    def __init__(self, names: dict[str, str], lang: str):
        self.names = names
        self.lang = lang
        self.numbers: dict[str, int] = {}
        self.held: dict[str, dict[str, Any]] = {}
        self.events: dict[str, dict[str, Any]] = {}
        self.fields = forms.all_fields()

    def words(self, key: str, **values: Any) -> str:
        return WORDS[key].fill(**values).text(self.lang)

    def value(self, name: str, value: Any) -> str:
        if value is None or value == "":
            return self.words("empty")
        fdef = self.fields.get(name)
        if fdef is None:
            if isinstance(value, bool):
                return self.words("yes" if value else "no")
            return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
        return value_text(fdef, value, self.lang)

    def record_value(self, field: str, value: Any) -> str:
        """A column of the record itself: its moments in local time, the rest as stored."""
        if value is not None and field.endswith("_utc"):
            return local_text(value, seconds=True)
        if field == "subject_status" and value in CODES:
            return SubjectStatus(value).text(self.lang)
        if field == "video_event_id" and value is not None:
            return self.event(str(value))
        return self.value(field, value)

    def entry(self, entity: str, entity_id: str) -> str:
        return self.words(f"{entity}_n", n=self.numbers.get(entity_id, "?"))

    def event(self, entity_id: str) -> str:
        details = self.events.get(entity_id, {})
        catalogue = forms.events()
        kind = details.get("kind", "")
        name = catalogue[kind].text(self.lang) if kind in catalogue else kind
        text = self.words("event_n", n=entity_id, kind=name)
        lesion = details.get("lesion_id")
        return self.words("of_lesion", event=text, n=self.numbers.get(lesion, "?")) if lesion else text

    def line(self, row: Any) -> HistoryLine:
        entity, field, key = row["entity"], row["field"], row["entity_id"]
        old, new = _decoded(row["old_value"]), _decoded(row["new_value"])
        kind, what, old_text, new_text = self.describe(entity, field, key, old, new)
        username = row["username"]
        name = self.names.get(username)
        return HistoryLine(
            seq=row["seq"],
            at_utc=row["at_utc"],
            when=local_text(row["at_utc"], seconds=True),
            username=username,
            who=f"{name} ({username})" if name else username,
            kind=kind,
            what=what,
            old=old_text,
            new=new_text,
            reason=row["reason"] or "",
            refused=kind == "refused",
        )

    def describe(self, entity: str, field: str, key: str, old: Any, new: Any) -> tuple[str, str, str, str]:
        empty = self.words("empty")
        if entity in {"lesion", "complication"}:
            if field == "number":
                self.numbers[key] = new
                return entity, self.words("added", entry=self.entry(entity, key)), empty, str(new)
            if field == "removed":
                content = held_text(self.held.get(key, {}), self.lang) or empty
                return entity, self.words("removed", entry=self.entry(entity, key)), content, self.words("gone")
            values = self.held.setdefault(key, {})
            if new is None:
                values.pop(field, None)
            else:
                values[field] = new
            label = self.fields[field].text(self.lang) if field in self.fields else field
            return "value", f"{self.entry(entity, key)}: {label}", self.value(field, old), self.value(field, new)
        if entity == "event":
            return self.describe_event(field, key, old, new)
        if entity == "procedure":
            if field in self.fields:
                label = self.fields[field].text(self.lang)
                return "value", label, self.value(field, old), self.value(field, new)
            if field == "surgeon_username":
                return "surgeon", self.words("surgeon_account"), self.value(field, old), self.value(field, new)
            label = RECORD_COLUMNS[field].text(self.lang) if field in RECORD_COLUMNS else field
            return "record", label, self.record_value(field, old), self.record_value(field, new)
        if entity == "signature":
            if field == "signed":
                details = new or {}
                text = f"{details.get('printed_name', '')}: {details.get('meaning', '')}"
                return "signature", self.words("signed"), empty, text
            return "signature", self.words("voided"), self.value(field, old), self.value(field, new)
        if entity == "delegation":
            return "surgeon", self.words("delegated"), empty, (new or {}).get("username", "")
        if entity == "answer":
            label = self.fields[key].text(self.lang) if key in self.fields else key
            return "confirmation", self.words("confirmed", field=label), empty, self.value(key, new)
        if entity == "received_query":
            return self.describe_query(field, key, old, new)
        if entity == "redaction":
            count = len((new or {}).get("cells", []))
            return "redaction", self.words("redacted", count=count), empty, str(count)
        if entity == "identifier":
            details = new or {}
            where = details.get("in", "")
            named = self.fields.get(where) or TEXT_NAMES.get(where)
            found = ", ".join(
                identifiers.KINDS[k].text(self.lang) for k in details.get("kinds", []) if k in identifiers.KINDS
            )
            return "identifier", self.words("kept", where=named.text(self.lang) if named else where), empty, found
        if entity == "access":
            details = new or {}
            return "refused", self.words("refused", action=details.get("action", "")), empty, details.get("message", "")
        return "record", f"{entity} {field}", self.value(field, old), self.value(field, new)

    def describe_query(self, field: str, key: str, old: Any, new: Any) -> tuple[str, str, str, str]:
        """A question of the trial office as it arrived (a later round shows the earlier words as the old value),
        and the centre's answer."""
        empty = self.words("empty")
        if field == "received":
            kind, name, number, event_id = new["target"]
            aim = data_queries.Target(data_queries.TargetKind(kind), name, number, event_id)
            what = self.words("query_received", n=key, round=new["round"], target=aim.text(self.lang))
            return "query", what, (old or {}).get("text") or empty, new["text"]
        return "query", self.words("query_answered", n=key), old or empty, new or empty

    def describe_event(self, field: str, key: str, old: Any, new: Any) -> tuple[str, str, str, str]:
        empty = self.words("empty")
        if field == "kind":
            self.events.setdefault(key, {})["kind"] = new
            return "event", self.event(key), empty, self.words("live")
        if field == "details":
            self.events.setdefault(key, {}).update(new or {})
            details = new or {}
            text = self.words("event_at", at=local_text(details["at"], seconds=True)) if details.get("at") else ""
            if details.get("note"):
                text = f"{text}; {details['note']}" if text else details["note"]
            return "event", self.event(key), empty, text
        if field == "struck":
            return "event", self.event(key), self.words("live"), self.words("struck")
        return "event", f"{self.event(key)}: {field}", self.value(field, old), self.value(field, new)
