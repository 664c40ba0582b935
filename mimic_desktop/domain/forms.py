"""The case report form, questionnaire and event catalogue, read from the JSON files in forms/.

Every field list in the application comes from here: validation, the UI, the PDFs and the
exports read these definitions instead of repeating them. A form's earlier versions stay
readable: when a form's version changes, the file as it was is kept in forms/history/ as
NAME-vN.json, so that records made with it can still be checked (docs/session-file.md).
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .errors import MimicError
from .event_catalogue import Catalogue, EventDef, parse_catalogue
from .event_catalogue import CatalogueError as CatalogueError  # what a malformed catalogue raises
from .event_catalogue import Finding as Finding  # the type readers of the catalogue name
from .event_catalogue import ManagementChange as ManagementChange
from .event_catalogue import OrderRule as OrderRule
from .shipped import shipped
from .wording import Text

LANGUAGES = ("en", "nl")
FIELD_TYPES = {"text", "integer", "decimal", "boolean", "choice", "multichoice", "date", "datetime", "likert"}


# Other form definitions (MIMIC_FORMS_DIR) are read only where this switch is also set: in a development
# checkout, to try a form version not shipped yet. A normal run refuses them, since the forms decide what a
# record holds and what a signature covers; the standalone bundle refuses them always.
FORMS_OVERRIDE = "MIMIC_FORMS_DIR"
DEVELOPMENT_SWITCH = "MIMIC_DEVELOPMENT"


class FormsOverrideRefused(MimicError):
    """Form definitions other than the shipped ones were asked for outside development."""


def forms_dir() -> Path:
    """Folder holding the form definitions: the shipped ones (another folder only in development)."""
    if env := os.environ.get(FORMS_OVERRIDE):
        if os.environ.get(DEVELOPMENT_SWITCH) != "1" or getattr(sys, "frozen", False):
            raise FormsOverrideRefused(
                Text(
                    "{name} is set to {value}: MIMIC Desktop works only with the form definitions it ships with, "
                    "which decide what a record holds and what a signature covers. Remove {name} from the "
                    "environment and start again.",
                    name=FORMS_OVERRIDE,
                    value=env,
                )
            )
        return Path(env)
    return shipped("forms")


@dataclass(frozen=True)
class Choice:
    code: str
    label: dict[str, str]


@dataclass(frozen=True)
class Condition:
    """When a field is asked: another field of the same section equals a value, or is below a number."""

    field: str
    equals: Any = None
    below: float | None = None

    def holds(self, values: Mapping[str, Any]) -> bool:
        """Whether the field it guards is asked, given the values entered (an empty value asks nothing)."""
        value = values.get(self.field)
        if value is None:
            return False
        if self.below is not None:
            return bool(value < self.below)
        return bool(value == self.equals)


@dataclass(frozen=True)
class FieldDef:
    name: str
    type: str
    section: str
    scope: str
    label: dict[str, str]
    required: bool = False
    units: dict[str, str] = field(default_factory=dict)  # the unit in each language, {} for none
    minimum: float | None = None
    maximum: float | None = None
    choices: tuple[Choice, ...] = ()
    default: Any = None
    help: dict[str, str] = field(default_factory=dict)
    eligible_when: bool | None = None
    free_text: bool = False
    max_length: int | None = None
    shown_when: Condition | None = None
    staff_name: bool = False  # names a member of staff: kept in the record, left out of the tabular exports
    enrolment: bool = False  # needed before the patient is enrolled, not only for completion

    def text(self, lang: str = "en") -> str:
        return self.label.get(lang) or self.label["en"]

    @property
    def unit(self) -> str | None:
        """The unit's English name, which the exports use to name it."""
        return self.units.get("en")

    def unit_text(self, lang: str = "en") -> str | None:
        return self.units.get(lang) or self.unit

    def help_text(self, lang: str = "en") -> str:
        return self.help.get(lang) or self.help.get("en", "")

    def choice_codes(self) -> list[str]:
        return [c.code for c in self.choices]

    def choice_text(self, code: str, lang: str = "en") -> str:
        for choice in self.choices:
            if choice.code == code:
                return choice.label.get(lang) or choice.label["en"]
        return str(code)


@dataclass(frozen=True)
class SectionDef:
    name: str
    scope: str
    title: dict[str, str]
    fields: tuple[FieldDef, ...]

    def text(self, lang: str = "en") -> str:
        return self.title.get(lang) or self.title["en"]


@dataclass(frozen=True)
class FormDef:
    name: str
    version: int
    title: dict[str, str]
    sections: tuple[SectionDef, ...]
    extras: dict[str, Any] = field(default_factory=dict)

    def section(self, name: str) -> SectionDef:
        for section in self.sections:
            if section.name == name:
                return section
        raise KeyError(name)

    def fields(self, scope: str | None = None) -> list[FieldDef]:
        return [f for s in self.sections for f in s.fields if scope is None or s.scope == scope]


def _parse_field(raw: dict[str, Any], section: dict[str, Any], siblings: dict[str, FieldDef]) -> FieldDef:
    if raw["type"] not in FIELD_TYPES:
        raise ValueError(f"field {raw['name']}: unknown type {raw['type']}")
    raw_choices = raw.get("choices")
    if "choices_from" in raw:
        choices = siblings[raw["choices_from"]].choices
    else:
        choices = tuple(Choice(c["code"], {lang: c[lang] for lang in LANGUAGES}) for c in raw_choices or ())
    units = raw.get("unit", {})
    if not (isinstance(units, dict) and (not units or set(units) == set(LANGUAGES))):
        raise ValueError(f"field {raw['name']}: give its unit in each language, {', '.join(LANGUAGES)}")
    shown_when = None
    if "shown_when" in raw:
        shown_when = Condition(**raw["shown_when"])
        if shown_when.field not in siblings:
            raise ValueError(
                f"field {raw['name']}: shown_when names {shown_when.field}, not an earlier field of its section"
            )
    return FieldDef(
        name=raw["name"],
        type=raw["type"],
        section=section["name"],
        scope=section["scope"],
        label=raw["label"],
        required=raw.get("required", False),
        units=units,
        minimum=raw.get("min"),
        maximum=raw.get("max"),
        choices=choices,
        default=raw.get("default"),
        help=raw.get("help", {}),
        eligible_when=raw.get("eligible_when"),
        free_text=raw.get("free_text", False),
        max_length=raw.get("max_length"),
        shown_when=shown_when,
        staff_name=raw.get("staff_name", False),
        enrolment=raw.get("enrolment", False),
    )


def _load_form(path: Path) -> FormDef:
    data = json.loads(path.read_text(encoding="utf-8"))
    sections = []
    for raw_section in data["sections"]:
        parsed: dict[str, FieldDef] = {}
        for raw_field in raw_section["fields"]:
            parsed[raw_field["name"]] = _parse_field(raw_field, raw_section, parsed)
        sections.append(
            SectionDef(raw_section["name"], raw_section["scope"], raw_section["title"], tuple(parsed.values()))
        )
    extras = {k: v for k, v in data.items() if k not in {"form", "version", "title", "sections"}}
    return FormDef(data["form"], data["version"], data["title"], tuple(sections), extras)


@cache
def crf() -> FormDef:
    return _load_form(forms_dir() / "crf.json")


@cache
def questionnaire() -> FormDef:
    return _load_form(forms_dir() / "questionnaire.json")


VERSIONED_FORMS = {"crf": crf, "questionnaire": questionnaire}
HISTORY = "history"


def form(name: str, version: int | None = None) -> FormDef:
    """The current definition of the form "crf" or "questionnaire", or that of an earlier version."""
    current = VERSIONED_FORMS[name]()
    if version is None or version == current.version:
        return current
    return _earlier_form(name, version)


@cache
def _earlier_form(name: str, version: int) -> FormDef:
    path = forms_dir() / HISTORY / f"{name}-v{version}.json"
    if not path.is_file():
        raise KeyError(f"version {version} of the form {name!r} is not kept in {path.parent}")
    earlier = _load_form(path)
    if (earlier.name, earlier.version) != (name, version):
        raise ValueError(
            f"{path} holds version {earlier.version} of {earlier.name!r}, not version {version} of {name!r}"
        )
    return earlier


@cache
def known_versions(name: str) -> tuple[int, ...]:
    """Every version of the form ("crf", "questionnaire" or "events") whose definition can be read: those kept in
    forms/history/ and the current one."""
    pattern = re.compile(rf"{re.escape(name)}-v([1-9][0-9]*)\.json")
    kept = (pattern.fullmatch(path.name) for path in (forms_dir() / HISTORY).glob(f"{name}-v*.json"))
    current = catalogue().version if name == "events" else form(name).version
    return tuple(sorted({int(match.group(1)) for match in kept if match} | {current}))


@cache
def catalogue() -> Catalogue:
    """The event catalogue with its findings and management changes (forms/events.json), checked as it is read."""
    data = json.loads((forms_dir() / "events.json").read_text(encoding="utf-8"))
    return parse_catalogue(data, frozenset(f.name for f in crf().fields("lesion")))


def events() -> dict[str, EventDef]:
    """The events by kind, in the order the catalogue lists them (the order of the live screen's buttons)."""
    return catalogue().events


def parse_events(data: dict[str, Any]) -> dict[str, EventDef]:
    """The events of a catalogue given as parsed JSON, checked as forms/events.json is (CatalogueError)."""
    return parse_catalogue(data, frozenset(f.name for f in crf().fields("lesion"))).events


def findings(scope: str | None = None) -> list[Finding]:
    """The findings events record, in the catalogue's order: the flat tables' columns of each."""
    return [f for f in catalogue().findings.values() if scope is None or f.scope == scope]


def index_finding() -> Finding:
    """The trial's index test: the finding each resected lesion needs (fluorescence of the specimen's side)."""
    return next(f for f in catalogue().findings.values() if f.index_test)


def recording(finding: str, value: Any) -> EventDef:
    """The event that records this value of the finding."""
    return next(e for e in events().values() if e.finding == finding and e.value == value)


def marking(mark: str) -> EventDef:
    """The event that marks a moment (forms/events.json, "marks"): surgery_start, surgery_end, transection_start or
    transection_end."""
    return next(e for e in events().values() if e.marks == mark)


def routine(step: str) -> list[EventDef]:
    """The events every procedure goes through at this step ("inspection", "planning"), in the catalogue's order."""
    return [e for e in events().values() if e.routine == step]


def identifying(source: str) -> EventDef:
    """The event that identifies a lesion of this source ("imaging", "occult")."""
    return next(e for e in events().values() if e.lesion == "creates" and e.source == source)


@cache
def event_kinds(version: int) -> frozenset[str]:
    """The event kinds of a version of the catalogue: the current one, or one kept in forms/history/."""
    if version == catalogue().version:
        return frozenset(events())
    path = forms_dir() / HISTORY / f"events-v{version}.json"
    if not path.is_file():
        raise KeyError(f"version {version} of the event catalogue is not kept in {path.parent}")
    data = json.loads(path.read_text(encoding="utf-8"))
    if data.get("version") != version:
        raise ValueError(f"{path} holds version {data.get('version')} of the event catalogue, not version {version}")
    return frozenset(e["kind"] for e in data["events"])


@cache
def all_fields() -> dict[str, FieldDef]:
    """Every field of the CRF and the questionnaire by name; names are unique across both."""
    result: dict[str, FieldDef] = {}
    for form in (crf(), questionnaire()):
        for f in form.fields():
            if f.name in result:
                raise ValueError(f"field name {f.name} is defined twice")
            result[f.name] = f
    return result


def field_def(name: str) -> FieldDef:
    try:
        return all_fields()[name]
    except KeyError:
        raise KeyError(f"unknown field {name!r}") from None


@cache
def study_time_zone() -> ZoneInfo:
    """The zone the trial's calendar dates are counted in (surgery date, the 90-day window), on every machine."""
    name = crf().extras.get("time_zone", "UTC")
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"forms/crf.json: time_zone {name!r} is not a known time zone") from None


def likert_labels(lang: str = "en") -> list[str]:
    return list(questionnaire().extras["likert_labels"][lang])
