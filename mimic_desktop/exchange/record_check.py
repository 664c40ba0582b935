"""Checking an incoming record.json before anything of it is stored: the schema, then the rules.

The check runs the published schema (record_schema) through schema_check, so that what the
importer accepts and what the document promises are one thing; then it checks what a schema cannot say: every value against its field definition,
live events that point at lesions of this record, unique numbers, and the study ID's centre.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Any

from ..domain import forms, rules, values
from ..domain.errors import ValidationError
from ..domain.forms import FieldDef, FormDef
from ..domain.record import Complication, Lesion, Procedure
from ..domain.wording import Text
from . import record_json, record_schema, schema_check


class RecordRejected(ValidationError):
    """A record.json that does not meet the schema or the rules; str() names the place and the problem."""


FORM_TITLES = {"crf": Text("CRF"), "questionnaire": Text("questionnaire")}


@cache
def _schema_check(crf_version: int, questionnaire_version: int) -> schema_check.Check:
    schema = record_schema.record_schema(
        forms.form("crf", crf_version), forms.form("questionnaire", questionnaire_version)
    )
    return schema_check.compile_schema(schema)


def _named_forms(data: Any) -> list[FormDef]:
    """The CRF and questionnaire of the versions the record names; the current ones where it names none
    properly (the schema then says what is wrong)."""
    named = data.get("form_versions") if isinstance(data, dict) else None
    chosen = []
    for name, title in FORM_TITLES.items():
        version = named.get(name) if isinstance(named, dict) else None
        if not isinstance(version, int) or isinstance(version, bool):
            version = None
        elif version not in forms.known_versions(name):
            known = ", ".join(map(str, forms.known_versions(name)))
            raise RecordRejected(
                Text(
                    "The record was made with {form} version {version}, which this version of MIMIC does not know "
                    "(it knows version {known}): update MIMIC Desktop at the trial office.",
                    form=title,
                    version=version,
                    known=known,
                )
            )
        chosen.append(forms.form(name, version))
    return chosen


def check_record(data: Any) -> Procedure:
    """The Procedure of a parsed record.json, or RecordRejected naming the first problem.

    The record is checked against the definitions of the form versions it names: any version whose definition
    forms/ keeps (forms.known_versions), so that records made before a form changed keep importing.
    """
    crf, questionnaire = _named_forms(data)
    problem = _schema_check(crf.version, questionnaire.version)(data, "record.json")
    if problem:
        # The schema's own words name a place in record.json and stay as the checker gives them.
        raise RecordRejected(Text("The record does not match the session record schema: {problem}.", problem=problem))
    body = data["record"]
    if data["session_id"] != body["session_id"]:
        raise RecordRejected(Text("The record's session_id differs from the session_id beside it."))
    try:
        rules.check_study_id(body["study_id"], body["centre"])
    except ValidationError as error:
        raise RecordRejected(error.message) from None
    proc = record_json.record_from_dict(data)
    fields = {f.name: f for f in (*crf.fields(), *questionnaire.fields())}
    _normalise(proc.values, "record.values", fields)
    lesion_ids = _children(proc.lesions, "lesions", fields)
    _children(proc.complications, "complications", fields)
    for index, event in enumerate(proc.events):
        # A struck event may name a lesion that was removed from the record together with it.
        if not event.struck and any(named not in lesion_ids for named in event.lesion_ids):
            raise RecordRejected(
                Text("record.events[{index}] points at a lesion the record does not have.", index=index)
            )
    # A record made before the catalogue was versioned (format version 1) was made with its version 1.
    catalogue_version = data["form_versions"].get("events", 1)
    kinds = forms.event_kinds(catalogue_version)
    for index, event in enumerate(proc.events):
        if event.kind not in kinds:
            raise RecordRejected(
                Text(
                    "record.events[{index}] is a {kind} event, which version {version} of the event catalogue, the "
                    "one the record names, does not have.",
                    index=index,
                    kind=event.kind,
                    version=catalogue_version,
                )
            )
    catalogue = forms.events()
    for index, event in enumerate(proc.events):
        if event.also_lesion_ids and (event.kind not in catalogue or not catalogue[event.kind].several_lesions):
            raise RecordRejected(
                Text(
                    "record.events[{index}] names several lesions, which a {kind} event cannot.",
                    index=index,
                    kind=event.kind,
                )
            )
    if len({event.id for event in proc.events}) != len(proc.events):
        raise RecordRejected(Text("Two events of the record have the same id."))
    return proc


def _children(children: Sequence[Lesion | Complication], where: str, fields: dict[str, FieldDef]) -> set[str]:
    ids = {child.id for child in children}
    if len(ids) != len(children) or len({child.number for child in children}) != len(children):
        raise RecordRejected(Text("record.{where}: two items have the same id or number.", where=where))
    for index, child in enumerate(children):
        _normalise(child.values, f"record.{where}[{index}].values", fields)
    return ids


def _normalise(stored: dict[str, Any], where: str, fields: dict[str, FieldDef]) -> None:
    """Check each value against its field's rules (of the record's form versions) and keep it in the form the
    laptop stores."""
    for name, value in stored.items():
        try:
            stored[name] = values.normalise(fields[name], value)
        except ValidationError as error:
            raise RecordRejected(Text("{where}.{name}: {problem}", where=where, name=name, problem=error)) from None
