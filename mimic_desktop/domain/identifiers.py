"""Patterns that make free text look like it holds a direct identifier of the patient.

The record is pseudonymous: a patient is known by the study ID alone. Free text can still
carry a birth date, a hospital or citizen service number, an e-mail address, a phone number,
a postcode or a name after a title; these patterns find the likely cases so that people are
warned before the text leaves the hospital. They warn, they do not block: a false alarm must
not stop an export.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from . import forms
from .record import Procedure
from .wording import Sayable, Text, Worded, say

_MONTHS = (
    "jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mrt|mei|okt|january|february|march|april|june|july|"
    "august|september|october|november|december|januari|februari|maart|juni|juli|augustus|oktober"
)
PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("date", re.compile(r"\b\d{1,2}[-/.]\d{1,2}[-/.](?:19|20)?\d{2}\b")),
    ("date", re.compile(r"\b(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}\b")),
    ("date", re.compile(rf"\b\d{{1,2}}\s+(?:{_MONTHS})\.?\s+(?:19|20)\d{{2}}\b", re.IGNORECASE)),
    ("long digit run", re.compile(r"\b\d{7,}\b|\b\d{2,4}(?:[ .]\d{2,4}){2,}\b")),
    ("e-mail address", re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")),
    ("phone number", re.compile(r"\+\d{1,3}[\s-]?(?:\(0\)[\s-]?)?\d(?:[\s-]?\d){6,}")),
    ("postcode", re.compile(r"\b[1-9]\d{3}\s?[A-Z]{2}\b")),
    (
        "title and name",
        re.compile(
            r"\b(?i:mr|mrs|ms|miss|dhr|mevr|mevrouw|meneer|de heer)\.?\s+(?:(?:van|de|der|den|ten|ter)\s+)*[A-Z][a-z]+"
        ),
    ),
)

# Each kind of identifier as the warnings name it.
KINDS = {
    "date": Text("date"),
    "long digit run": Text("long digit run"),
    "e-mail address": Text("e-mail address"),
    "phone number": Text("phone number"),
    "postcode": Text("postcode"),
    "title and name": Text("title and name"),
}


def findings(text: str) -> list[str]:
    """The kinds of identifier the text seems to contain, each named once, in a fixed order."""
    found = [name for name, pattern in PATTERNS if pattern.search(text)]
    return list(dict.fromkeys(found))


def typed_warning(text: str, what: Sayable) -> Text | None:
    """What the person typing is told while free text looks like it holds an identifier (said in their language);
    None when it does not.

    what names the text (a field's definition, or Text("Note")).
    """
    found = findings(text)
    if not found:
        return None
    return Text(
        "{what}: this looks like it holds an identifier ({found}). Rewrite it without names, numbers or dates, "
        "or give a reason to keep it as it is.",
        what=what,
        found=Worded(lambda lang: ", ".join(KINDS[kind].text(lang) for kind in found)),
    )


def export_warnings(procs: Iterable[Procedure], where: Text, lang: str = "en") -> list[str]:
    """What the person exporting is told, in lang: every text that looks like an identifier, then why it matters.

    One check for every export (session files, CSV, REDCap, ODM): where names the files, as in
    "the session file". The warnings never stop an export.
    """
    found = [finding for proc in procs for finding in record_findings(proc, lang)]
    if found:
        found.append(
            say("Free text leaves the hospital in {where}: remove names, numbers and dates.", lang, where=where)
        )
    return found


def record_findings(proc: Procedure, lang: str = "en") -> list[str]:
    """Every text of the record that looks like it holds an identifier, naming the record, where and what (in lang)."""
    texts: list[tuple[str, object]] = []
    for where, stored in _value_sets(proc, lang):
        texts += [(f"{where}{forms.field_def(name).text(lang)}", value) for name, value in stored.items()]
    for event in proc.events:
        label = say("Event {id} ({event})", lang, id=event.id, event=forms.events()[event.kind].text(lang))
        texts += [(say("{label}, note", lang, label=label), event.note)]
        texts += [(say("{label}, reason struck", lang, label=label), event.struck_reason)]
    texts += [(say("Reason for the subject status", lang), proc.subject_status_reason)]
    for signature in proc.signatures:
        texts += [(say("Signature {id}, meaning", lang, id=signature.id), signature.meaning)]
        texts += [(say("Signature {id}, reason voided", lang, id=signature.id), signature.void_reason)]
    return [
        say(
            "{study_id}, {where}: looks like it holds an identifier ({found})",
            lang,
            study_id=proc.study_id,
            where=where,
            found=", ".join(KINDS[kind].text(lang) for kind in found),
        )
        for where, text in texts
        if isinstance(text, str) and (found := findings(text))
    ]


def _value_sets(proc: Procedure, lang: str) -> list[tuple[str, dict[str, object]]]:
    """The text values of the record, with the prefix that says whose they are."""

    def texts(stored: dict[str, object]) -> dict[str, object]:
        return {name: value for name, value in stored.items() if forms.field_def(name).type == "text"}

    sets = [("", texts(proc.values))]
    sets += [
        (say("Lesion {number}", lang, number=lesion.number) + ", ", texts(lesion.values)) for lesion in proc.lesions
    ]
    sets += [(say("Complication {number}", lang, number=c.number) + ", ", texts(c.values)) for c in proc.complications]
    return sets
