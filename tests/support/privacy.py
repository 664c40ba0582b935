"""Every kind of exported file, from realistic records, read back and scanned for direct identifiers.

What counts as a direct identifier of a patient here (the record asks for none of these; a patient
is known by the study ID alone):
- a name: never asked, so only found after a title (mr, mrs, dhr., mevr., ...);
- a hospital number or citizen service number (BSN): a run of seven or more digits, or digit groups;
- a date of birth: a full date 18 years or more before today (every date the trial records is recent);
- an e-mail address, a phone number in international form, a Dutch postcode.
The non-date patterns are the application's own (domain/identifiers.py), so the export warnings and
this scan agree on what an identifier looks like.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

from pypdf import PdfReader

from mimic_desktop.domain import derive, forms, identifiers
from mimic_desktop.services import data_exports
from mimic_desktop.services.documents import write_questionnaire_pdf, write_summary_pdf
from tests.support.session_files import Laptop, make_laptop, sign_questionnaire

DATE_KINDS = {"date"}
BIRTH_YEARS = 18
# A free text as someone might type it about a patient: every kind of direct identifier.
IDENTIFYING_TEXT = (
    "Seen again by mevr. Jansen-de Vries, born 12-03-1954, BSN 123456782, hospital no. 20571134, "
    "tel. +31 6 1234 5678, j.jansen@example.org, lives at 2333 ZA Leiden"
)
# The identifiers hidden in IDENTIFYING_TEXT, by the kind the scan reports.
PLANTED = ("date of birth", "long digit run", "e-mail address", "phone number", "postcode", "title and name")
# Words of a field that would ask for a direct identifier.
IDENTIFYING_FIELD_WORDS = re.compile(
    r"birth|geboorte|address|adres|phone|telefoon|e-?mail|\bbsn\b|postcode|zip code|hospital number|"
    r"ziekenhuisnummer|patiëntnummer|initials|initialen|patient'?s? name|naam (van de )?patiënt|surname|achternaam",
    re.IGNORECASE,
)


def identifying_fields() -> list[str]:
    """Fields of forms/ whose name, label or help asks for a direct identifier (there should be none)."""
    asked = []
    for fdef in forms.all_fields().values():
        words = " ".join([fdef.name, fdef.text("en"), fdef.text("nl"), fdef.help_text("en"), fdef.help_text("nl")])
        if IDENTIFYING_FIELD_WORDS.search(words):
            asked.append(fdef.name)
    return asked


def _birth_dates(text: str, today: date) -> bool:
    """A full date at least BIRTH_YEARS before today: the only kind of date that can be a birth date here."""
    for name, pattern in identifiers.PATTERNS:
        if name not in DATE_KINDS:
            continue
        for match in pattern.finditer(text):
            years = [int(y) for y in re.findall(r"\d+", match.group()) if len(y) in (2, 4)]
            year = next((y for y in reversed(years) if y > 31 or len(str(y)) == 4), None)
            if year is not None and year < 100:
                year += 1900 if year > today.year % 100 else 2000
            if year is not None and today.year - year >= BIRTH_YEARS:
                return True
    return False


# A file's own random identifiers (a session's or an ODM file's UUID): its first group is all digits about one
# time in forty, which the digit-run pattern would take for a hospital number.
UUID = re.compile(r"\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b")


def kinds_in(text: str, today: date | None = None) -> list[str]:
    """The kinds of direct identifier the text holds, in a fixed order."""
    today = today or datetime.now(UTC).date()
    text = UUID.sub("", text)
    found = ["date of birth"] if _birth_dates(text, today) else []
    found += [name for name, pattern in identifiers.PATTERNS if name not in DATE_KINDS and pattern.search(text)]
    return list(dict.fromkeys(found))


def texts_in(name: str, data: bytes) -> Iterator[tuple[str, str]]:
    """(where, text) for every readable text in a file: ZIP members one by one, PDF pages as extracted."""
    if data[:4] == b"PK\x03\x04":
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            for member in archive.infolist():
                yield from texts_in(f"{name}/{member.filename}", archive.read(member))
    elif data[:5] == b"%PDF-":
        for number, page in enumerate(PdfReader(io.BytesIO(data)).pages, start=1):
            yield f"{name} page {number}", page.extract_text() or ""
    else:  # text files, and the signature's raw bytes, which are scanned all the same
        yield name, data.decode("utf-8", errors="replace")


@dataclass
class Scan:
    files: Counter = field(default_factory=Counter)  # files scanned, by kind
    texts: int = 0  # members, pages and text files read
    findings: list[tuple[str, str, str]] = field(default_factory=list)  # (kind of file, where, kind of identifier)

    def found_in(self, file_kind: str) -> set[str]:
        return {kind for where_kind, _, kind in self.findings if where_kind == file_kind}


def file_kind(path: Path) -> str:
    return {".mimic": "session file", ".pdf": "PDF", ".xml": "CDISC ODM"}.get(path.suffix, "CSV")


def scan(paths: list[Path]) -> Scan:
    result = Scan()
    for path in paths:
        kind_of_file = file_kind(path)
        result.files[kind_of_file] += 1
        for where, text in texts_in(path.name, path.read_bytes()):
            result.texts += 1
            result.findings += [(kind_of_file, where, kind) for kind in kinds_in(text)]
    return result


# -- the records and their exports --------------------------------------------------------------
@dataclass
class Exports:
    paths: list[Path]
    warnings: dict[str, list[str]]  # by export: what the person exporting was told


def realistic_laptop(folder: Path) -> tuple[Laptop, list[str]]:
    """Three completed procedures (three, two and one lesions), complications, a signed questionnaire."""
    laptop = make_laptop(folder)
    ids = [laptop.record(21, lesions=3, complication=True), laptop.record(22, lesions=2), laptop.record(23, lesions=1)]
    service = laptop.service
    day = derive.surgery_date(service.load(ids[1]))
    service.add_complication(
        ids[1],
        {"description": "Wondinfectie, antibiotica gestart", "clavien_dindo": "II", "onset_date": day.isoformat()},
        reason="complication reported at the outpatient visit",
    )
    service.set_values(ids[0], {"q_comments": "Clear rim around lesion 2; plane adapted once."}, reason="comment")
    sign_questionnaire(laptop, ids[0])
    service.record_event(
        ids[2], "note", note="Specimen sent to pathology at 14:20", at=datetime.now(UTC), reason="late note"
    )
    return laptop, ids


def type_identifiers(laptop: Laptop, ids: list[str]) -> list[str]:
    """Someone types a patient's identifiers into every kind of free text, keeping them when warned; returns where,
    as the warnings say."""
    service = laptop.service.keeping_identifiers("typed on purpose, to test what the exports say")
    day = derive.surgery_date(service.load(ids[1]))
    service.add_complication(
        ids[1],
        {"description": IDENTIFYING_TEXT, "clavien_dindo": "I", "onset_date": day.isoformat()},
        reason="complication reported by phone",
    )
    service.set_values(ids[0], {"q_comments": IDENTIFYING_TEXT}, reason="comment added after signing")
    service.record_event(ids[2], "note", note=IDENTIFYING_TEXT, at=datetime.now(UTC), reason="late note")
    struck = service.load(ids[2]).events[1]
    service.strike_event(struck.id, IDENTIFYING_TEXT)
    return identifier_places(laptop, ids)


# Each export's warnings are in the language it was asked in: the Dutch REDCap export names the places in Dutch.
EXPORT_LANGUAGES = {"REDCap (Dutch)": "nl"}


def identifier_places(laptop: Laptop, ids: list[str], lang: str = "en") -> list[str]:
    """Where type_identifiers typed, as the warnings in lang name each place."""
    service = laptop.service
    procs = [service.load(proc_id) for proc_id in ids]
    number = next(c.number for c in procs[1].complications if c.get("description") == IDENTIFYING_TEXT)
    note = next(e for e in procs[2].events if e.note == IDENTIFYING_TEXT)
    struck = next(e for e in procs[2].events if e.struck_reason == IDENTIFYING_TEXT)
    event = "Gebeurtenis" if lang == "nl" else "Event"
    complication = "Complicatie" if lang == "nl" else "Complication"
    note_word, struck_words = ("notitie", "reden doorhaling") if lang == "nl" else ("note", "reason struck")
    return [
        f"{procs[1].study_id}, {complication} {number}, {forms.field_def('description').text(lang)}",
        f"{procs[0].study_id}, {forms.field_def('q_comments').text(lang)}",
        f"{procs[2].study_id}, {event} {note.id} ({forms.events()['note'].text(lang)}), {note_word}",
        f"{procs[2].study_id}, {event} {struck.id} ({forms.events()[struck.kind].text(lang)}), {struck_words}",
    ]


def export_everything(laptop: Laptop, ids: list[str], out: Path) -> Exports:
    """Session files, CSV, REDCap (English and Dutch), ODM and both PDFs (English and Dutch) of every record."""
    service = laptop.service
    out.mkdir(parents=True, exist_ok=True)
    warnings: dict[str, list[str]] = {}
    paths: list[Path] = []
    sessions = out / "session-files"
    sessions.mkdir(exist_ok=True)
    for proc_id in ids:
        result = laptop.exporter.export(proc_id, sessions)
        paths.append(result.path)
        warnings[f"session file {result.path.name}"] = list(result.warnings)
    tabular = {
        "CSV": data_exports.export_csv(service, None, out / "csv"),
        "REDCap (English)": data_exports.export_redcap(service, None, out / "redcap-en", lang="en"),
        "REDCap (Dutch)": data_exports.export_redcap(service, None, out / "redcap-nl", lang="nl"),
        "CDISC ODM": data_exports.export_odm(service, None, out / "mimic.xml"),
    }
    for name, exported in tabular.items():
        paths += exported.paths
        warnings[name] = exported.warnings
    for proc_id in ids:
        study_id = service.load(proc_id).study_id
        for lang in ("en", "nl"):
            paths.append(write_summary_pdf(service, proc_id, out / f"{study_id}-summary-{lang}.pdf", lang))
            paths.append(write_questionnaire_pdf(service, proc_id, out / f"{study_id}-questionnaire-{lang}.pdf", lang))
    return Exports(paths, warnings)
