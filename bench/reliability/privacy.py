"""No exported file holds a direct identifier; one typed into free text is found and warned of."""

from __future__ import annotations

from pathlib import Path

from tests.support.privacy import (
    EXPORT_LANGUAGES,
    PLANTED,
    export_everything,
    identifier_places,
    identifying_fields,
    realistic_laptop,
    scan,
    type_identifiers,
)

from .document import Part, Table, count, yes_no

REQUIREMENT = (
    "No exported file (session file, CSV, REDCap, ODM, PDF) contains a direct identifier: a test scans them all."
)


def run(_settings, folder: Path) -> Part:
    laptop, ids = realistic_laptop(folder / "laptop")
    clean_exports = export_everything(laptop, ids, folder / "clean")
    clean = scan(clean_exports.paths)
    clean_warned = [w for ws in clean_exports.warnings.values() for w in ws if "identifier" in w]
    places = type_identifiers(laptop, ids)
    dirty_exports = export_everything(laptop, ids, folder / "typed")
    dirty = scan(dirty_exports.paths)
    # Each export names the places in the language it was asked in.
    places_in = {
        name: identifier_places(laptop, ids, EXPORT_LANGUAGES.get(name, "en")) for name in dirty_exports.warnings
    }
    laptop.service.store.close()
    asked = identifying_fields()
    table = Table(("kind of file", "files", "identifiers found (clean records)", "identifiers found (typed in)"))
    held = not asked and not clean.findings and not clean_warned
    for kind, files in sorted(clean.files.items()):
        found = dirty.found_in(kind)
        held &= found == set(PLANTED)
        table.rows.append((kind, count(files), "none", ", ".join(k for k in PLANTED if k in found) or "NONE"))
    warned = Table(("export", "texts named in its warning"))
    for name, warnings in dirty_exports.warnings.items():
        named = [place for place in places_in[name] if any(w.startswith(place) for w in warnings)]
        warned.rows.append((name, "; ".join(named) or "none"))
    tabular_warned = all(
        len([p for p in places_in[name] if any(w.startswith(p) for w in dirty_exports.warnings[name])]) == len(places)
        for name in ("CSV", "REDCap (English)", "REDCap (Dutch)", "CDISC ODM")
    )
    held &= tabular_warned
    done = f"""
A direct identifier of a patient, as the scan defines it (tests/support/privacy.py): a name after a title,
a run of seven or more digits or of digit groups (hospital number, BSN), a full date 18 or more years ago
(a birth date: every date the trial records is recent), an e-mail address, a phone number in international
form, a Dutch postcode. The forms ask for none: {len(asked)} of their fields has a name, label or help
that asks for one.

Three completed records (three, two and one lesions; complications in Dutch and English; a note; a
questionnaire signed by the surgeon) are exported in every form: a session file each, flat CSV with its data
dictionary, REDCap in English and in Dutch, CDISC ODM, and the summary and questionnaire PDFs in both
languages. Every file is read back: text files whole, each member of a session file, each page of a PDF
through pypdf, including the PDFs inside the session files ({count(clean.texts)} texts in
{count(sum(clean.files.values()))} files). Then one text holding every kind of identifier is typed into each
kind of free text (a complication's description, the questionnaire's comments, a note, the reason an event
was struck) and everything is exported again.
"""
    figures = [
        ("fields of the forms asking for a direct identifier", count(len(asked))),
        ("files scanned (clean records)", count(sum(clean.files.values()))),
        ("texts read: files, session-file members, PDF pages", count(clean.texts)),
        ("identifiers found in the files of clean records", count(len(clean.findings))),
        ("identifier warnings for clean records", count(len(clean_warned))),
        ("identifiers found after typing them into free text", count(len(dirty.findings))),
        ("each tabular export's warning names every text typed in", yes_no(tabular_warned)),
    ]
    return Part("No direct identifiers in exported files", REQUIREMENT, done, figures, [table, warned], held)
