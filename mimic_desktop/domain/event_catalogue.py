"""The intraoperative event catalogue (forms/events.json) as the program reads it, checked as it is read.

Each event says what it means, so that no module names an event kind: the finding it records and the value it
gives it, the moment it marks (the incision, the end of surgery, a transection's start and end), whether it is a
routine step of every procedure, the change in management it counts as, its colour on the timeline, the form
fields it asks for and what must come before it. A finding is a column of the flat tables: its name, its values
(true and false, or a list of codes), whether a lesion may hold one live value of it, what it is when no event
recorded it, and whether it is the index test of the trial (fluorescence on the specimen's parenchymal side).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

WHERE = "forms/events.json"
LANGUAGES = ("en", "nl")
EVENT_LESION = frozenset({"none", "required", "optional", "creates"})
ORDER_KEYS = frozenset({"one_of", "lesion", "needed"})
# The moments the derived values read: the operation time, the ICG interval, the transection time, the status.
MARKS = frozenset({"surgery_start", "surgery_end", "transection_start", "transection_end"})
# Steps every procedure goes through: the inspections before the lesions' work, the planning after them.
ROUTINES = frozenset({"inspection", "planning"})
FINDING_SCOPES = frozenset({"lesion", "procedure"})
# What an event does with the video source's frame: "kept" (a fluorescence finding keeps the frame of its moment
# when a source is connected, and is recorded without one when none is), "required" (recorded only with a frame:
# a still grabbed on demand).
FRAME_USES = frozenset({"kept", "required"})
# The live screen's own key: it opens the menu of the events without a button, so no event may take it.
MENU_KEY = "M"
EVENT_KEYS = frozenset(
    {
        "kind",
        "key",
        "icon",
        "lesion",
        "source",
        "finding",
        "value",
        "management_change",
        "marks",
        "routine",
        "note",
        "any_time",
        "asks",
        "colour",
        "chart",
        "button",
        "several_lesions",
        "frame",
        "after",
        "label",
    }
)
FINDING_KEYS = frozenset(
    {"name", "scope", "values", "one_per_lesion", "when_not_recorded", "index_test", "label", "what"}
)
CHANGE_KEYS = frozenset({"name", "column", "lesion_source", "label"})
COLOUR = re.compile(r"#[0-9a-fA-F]{6}")
NAME = re.compile(r"[a-z][a-z0-9_]*")
DEFAULT_COLOUR = "#2e6f95"


class CatalogueError(ValueError):
    """forms/events.json declares something the program cannot take; the message names the entry."""


@dataclass(frozen=True)
class OrderRule:
    """What must come before an event (forms/events.json, "after"): a live event of one of these kinds, at the
    same moment or earlier; of the same lesion when same_lesion. When needed is False, only one that is
    recorded counts: the event may not come before it, but it need not be there."""

    kinds: tuple[str, ...]
    same_lesion: bool = False
    needed: bool = True


@dataclass(frozen=True)
class Finding:
    """What events record about a lesion (or the procedure): one column of the flat tables, named name."""

    name: str
    label: dict[str, str]  # the column's meaning, as the exports describe it
    what: dict[str, str]  # what it is about, in a sentence ("the specimen is already recorded as ...")
    codes: tuple[str, ...] = ()  # its codes, in order; () for a finding that is true or false
    scope: str = "lesion"
    one_per_lesion: bool = False  # a second live value for the same lesion is refused
    when_not_recorded: Any = None  # its value when no live event recorded it (false: an absence means no)
    index_test: bool = False  # the trial's index test: needed for each resected lesion

    @property
    def boolean(self) -> bool:
        return not self.codes

    def text(self, lang: str = "en") -> str:
        return self.label.get(lang) or self.label["en"]

    def about(self, lang: str = "en") -> str:
        return self.what.get(lang) or self.what["en"]


@dataclass(frozen=True)
class ManagementChange:
    """A change in surgical management of the protocol, counted from the events that declare it."""

    name: str
    column: str
    label: dict[str, str]
    lesion_source: str | None = None  # counted only for lesions of this source (an occult lesion's extension)

    def text(self, lang: str = "en") -> str:
        return self.label.get(lang) or self.label["en"]


@dataclass(frozen=True)
class EventDef:
    kind: str
    key: str
    icon: str
    lesion: str  # "none", "required", "optional" or "creates"
    label: dict[str, str]
    source: str | None = None
    management_change: str | None = None
    after: tuple[OrderRule, ...] = ()
    finding: str | None = None  # the finding it records, with value
    value: Any = None
    marks: str | None = None
    routine: str | None = None
    note_required: bool = False
    any_time: bool = False  # may be recorded after the end of surgery
    asks: tuple[str, ...] = ()  # form fields of its lesion asked only once it is recorded
    colour: str = DEFAULT_COLOUR
    chart: bool = True  # drawn on the printed timeline chart
    button: bool = True  # a button of its own on the live screen; without one, its key records it there
    # One event may name several lesions (one transection or one specimen holding several of them); each lesion
    # named gets the event's finding.
    several_lesions: bool = False
    frame: str | None = None  # one of FRAME_USES, or None: the event keeps no frame of the video source

    @property
    def keeps_frame(self) -> bool:
        return self.frame is not None

    @property
    def needs_frame(self) -> bool:
        return self.frame == "required"

    def text(self, lang: str = "en") -> str:
        return self.label.get(lang) or self.label["en"]


@dataclass(frozen=True)
class Catalogue:
    version: int
    events: dict[str, EventDef]
    findings: dict[str, Finding]
    management_changes: dict[str, ManagementChange]


def _fail(message: str) -> CatalogueError:
    return CatalogueError(f"{WHERE}: {message}")


def _words(raw: Any, entry: str, name: str) -> dict[str, str]:
    if (
        not isinstance(raw, dict)
        or set(raw) != set(LANGUAGES)
        or not all(isinstance(v, str) and v for v in raw.values())
    ):
        raise _fail(f"{entry}: give '{name}' in each language, {', '.join(LANGUAGES)}")
    return dict(raw)


def _unknown_keys(raw: dict[str, Any], known: frozenset[str], entry: str) -> None:
    unknown = sorted(set(raw) - known)
    if unknown:
        raise _fail(f"{entry}: {', '.join(map(repr, unknown))} is not something an entry here declares")


def _unique(values: list[str], what: str, owner: str = "entry") -> None:
    twice = sorted({value for value in values if values.count(value) > 1})
    if twice:
        raise _fail(f"the {what} {', '.join(twice)} is given to more than one {owner}")


def _finding(raw: Any) -> Finding:
    if not isinstance(raw, dict) or not isinstance(raw.get("name"), str) or not NAME.fullmatch(raw["name"]):
        raise _fail(f"finding {raw!r}: each finding has a name of lower-case letters, digits and _")
    entry = f"finding {raw['name']!r}"
    _unknown_keys(raw, FINDING_KEYS, entry)
    values = raw.get("values")
    if values == "boolean":
        codes: tuple[str, ...] = ()
    elif isinstance(values, list) and values and all(isinstance(c, str) and NAME.fullmatch(c) for c in values):
        codes = tuple(values)
        _unique(list(codes), f"code of {entry}")
    else:
        raise _fail(f"{entry}: 'values' is \"boolean\" or a list of codes")
    scope = raw.get("scope", "lesion")
    if scope not in FINDING_SCOPES:
        raise _fail(f"{entry}: scope {scope!r} is not one of {sorted(FINDING_SCOPES)}")
    flags = {name: raw.get(name, False) for name in ("one_per_lesion", "index_test")}
    if not all(isinstance(flag, bool) for flag in flags.values()):
        raise _fail(f"{entry}: one_per_lesion and index_test are true or false")
    absent = raw.get("when_not_recorded")
    if absent is not None and (absent not in codes if codes else not isinstance(absent, bool)):
        raise _fail(f"{entry}: when_not_recorded {absent!r} is not one of its values")
    if flags["index_test"] and (codes or scope != "lesion"):
        raise _fail(f"{entry}: the index test is a true-or-false finding of a lesion")
    return Finding(
        name=raw["name"],
        label=_words(raw.get("label"), entry, "label"),
        what=_words(raw.get("what"), entry, "what"),
        codes=codes,
        scope=scope,
        when_not_recorded=absent,
        **flags,
    )


def _change(raw: Any) -> ManagementChange:
    if not isinstance(raw, dict) or not isinstance(raw.get("name"), str) or not isinstance(raw.get("column"), str):
        raise _fail(f"management change {raw!r}: each one has a name and a column")
    entry = f"management change {raw['name']!r}"
    _unknown_keys(raw, CHANGE_KEYS, entry)
    source = raw.get("lesion_source")
    if source is not None and not isinstance(source, str):
        raise _fail(f"{entry}: lesion_source is the code of a lesion's source")
    return ManagementChange(raw["name"], raw["column"], _words(raw.get("label"), entry, "label"), source)


def _order_rule(event: dict[str, Any], raw: Any, kinds: set[str]) -> OrderRule:
    kind = event["kind"]
    if not isinstance(raw, dict) or set(raw) - ORDER_KEYS or not raw.get("one_of"):
        raise _fail(f"event {kind!r}: each entry of 'after' names one_of (and may give lesion, needed)")
    unknown = [name for name in raw["one_of"] if name not in kinds]
    if unknown:
        raise _fail(f"event {kind!r}: 'after' names {', '.join(map(repr, unknown))}, not an event kind")
    same = raw.get("lesion") == "same"
    if raw.get("lesion") not in (None, "same") or (same and event["lesion"] == "none"):
        raise _fail(f"event {kind!r}: 'after' may say lesion 'same' only of an event of a lesion")
    needed = raw.get("needed", True)
    if not isinstance(needed, bool):
        raise _fail(f"event {kind!r}: 'needed' in 'after' is true or false")
    return OrderRule(tuple(raw["one_of"]), same, needed)


def _event(
    e: dict[str, Any],
    kinds: set[str],
    findings: dict[str, Finding],
    changes: dict[str, ManagementChange],
    fields: frozenset[str] | None,
) -> EventDef:
    kind = e["kind"]
    entry = f"event {kind!r}"
    _unknown_keys(e, EVENT_KEYS, entry)
    if e["lesion"] not in EVENT_LESION:
        raise _fail(f"{entry} has lesion {e['lesion']!r}, not one of {sorted(EVENT_LESION)}")
    finding = findings.get(e["finding"]) if "finding" in e else None
    if "finding" in e:
        if finding is None:
            raise _fail(f"{entry} records the finding {e['finding']!r}, which 'findings' does not declare")
        allowed = finding.codes or (True, False)
        if "value" not in e or e["value"] not in allowed or (finding.codes and isinstance(e["value"], bool)):
            raise _fail(
                f"{entry} gives {e['finding']!r} the value {e.get('value')!r}, not one of its values "
                f"{', '.join(map(str, allowed))}"
            )
        if (finding.scope == "lesion") != (e["lesion"] in ("required", "creates")):
            raise _fail(f"{entry}: a finding of a {finding.scope} is recorded by an event of that {finding.scope}")
    elif "value" in e:
        raise _fail(f"{entry} gives a value but names no finding")
    change = e.get("management_change")
    if change is not None and change not in changes:
        raise _fail(f"{entry}: the management change {change!r} is not one 'management_changes' declares")
    for name, allowed_values in (("marks", MARKS), ("routine", ROUTINES)):
        if e.get(name) is not None and e[name] not in allowed_values:
            raise _fail(f"{entry}: {name} {e[name]!r} is not one of {sorted(allowed_values)}")
    if e.get("note", "optional") not in ("optional", "required"):
        raise _fail(f'{entry}: note is "optional" or "required"')
    colour = e.get("colour", DEFAULT_COLOUR)
    if not isinstance(colour, str) or not COLOUR.fullmatch(colour):
        raise _fail(f"{entry}: colour {colour!r} is not of the form #RRGGBB")
    asks = e.get("asks", [])
    if not isinstance(asks, list) or (fields is not None and set(asks) - fields):
        raise _fail(f"{entry}: 'asks' names {asks!r}, not fields of a lesion in forms/crf.json")
    for flag in ("any_time", "chart", "button", "several_lesions"):
        if not isinstance(e.get(flag, False), bool):
            raise _fail(f"{entry}: {flag} is true or false")
    if e.get("several_lesions", False) and e["lesion"] != "required":
        raise _fail(f'{entry}: only an event that needs a lesion ("lesion": "required") may name several lesions')
    if e.get("frame") is not None and e["frame"] not in FRAME_USES:
        raise _fail(f"{entry}: frame {e['frame']!r} is not one of {sorted(FRAME_USES)}")
    return EventDef(
        kind=kind,
        key=e["key"],
        icon=e["icon"],
        lesion=e["lesion"],
        label=_words(e.get("label"), entry, "label"),
        source=e.get("source"),
        management_change=change,
        after=tuple(_order_rule(e, raw, kinds) for raw in e.get("after", ())),
        finding=e.get("finding"),
        value=e.get("value"),
        marks=e.get("marks"),
        routine=e.get("routine"),
        note_required=e.get("note") == "required",
        any_time=e.get("any_time", False),
        asks=tuple(asks),
        colour=colour,
        chart=e.get("chart", True),
        button=e.get("button", True),
        several_lesions=e.get("several_lesions", False),
        frame=e.get("frame"),
    )


def parse_catalogue(data: Any, lesion_fields: frozenset[str] | None = None) -> Catalogue:
    """The catalogue, checked as it is read: a kind, key, finding or mark given twice, an unknown lesion use,
    finding, value, mark or management change, an ordering rule naming an event that is not in the catalogue:
    each stops the program with the entry and the fault named (CatalogueError). lesion_fields, when given,
    are the lesion fields of the CRF that an event may ask for."""
    if not isinstance(data, dict) or not isinstance(data.get("events"), list):
        raise _fail("the file holds an object with a list of 'events'")
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise _fail(f"version {version!r} is not a whole number from 1")
    raw_events = data["events"]
    for index, e in enumerate(raw_events):
        if not isinstance(e, dict) or not all(isinstance(e.get(k), str) for k in ("kind", "key", "icon", "lesion")):
            raise _fail(f"events[{index}]: each event gives its kind, key, icon and lesion")
    kinds = [e["kind"] for e in raw_events]
    _unique(kinds, "kind", "event")
    _unique([e["key"].casefold() for e in raw_events], "key", "event")
    taken = next((e["kind"] for e in raw_events if e["key"].casefold() == MENU_KEY.casefold()), None)
    if taken is not None:
        raise _fail(f"event {taken!r} takes the key {MENU_KEY}, which opens the live screen's menu of events")
    findings = [_finding(raw) for raw in data.get("findings", [])]
    _unique([finding.name for finding in findings], "finding")
    if sum(finding.index_test for finding in findings) > 1:
        raise _fail("more than one finding is the index test")
    changes = [_change(raw) for raw in data.get("management_changes", [])]
    _unique([change.name for change in changes], "management change")
    by_name = {finding.name: finding for finding in findings}
    by_change = {change.name: change for change in changes}
    events = {e["kind"]: _event(e, set(kinds), by_name, by_change, lesion_fields) for e in raw_events}
    _unique([event.marks for event in events.values() if event.marks], "mark", "event")
    for event in events.values():
        if event.finding is not None:
            finding = by_name[event.finding]
            if finding.index_test and event.lesion != "required":
                raise _fail(f"event {event.kind!r}: the index test is recorded by an event of a lesion")
    for finding in findings:
        recorded = {event.value for event in events.values() if event.finding == finding.name}
        missing = [code for code in finding.codes if code not in recorded]
        if missing:
            raise _fail(f"finding {finding.name!r}: no event records its code {', '.join(missing)}")
    return Catalogue(version, events, by_name, by_change)
