"""The JSON Schema of record.json, built from the field definitions in forms/ so that it never drifts.

docs/make_schema.py writes it, for the current form versions, to docs/session-record.schema.json;
the importer checks every record against the same schema built for the form versions the record
names (record_check, through schema_check) before it touches the database.
"""

from __future__ import annotations

import json
from typing import Any

from ..domain import forms, rules, subject_status
from ..domain.forms import FieldDef, FormDef
from . import change_history, record_json

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
HEX_ID = {"type": "string", "pattern": "^[0-9a-f]{32}$"}
SHA256 = {"type": "string", "pattern": "^[0-9a-f]{64}$"}
TIMESTAMP = {"type": "string", "format": "date-time"}
OPTIONAL_TIMESTAMP = {"type": ["string", "null"], "format": "date-time"}
OPTIONAL_TEXT = {"type": ["string", "null"]}
FREE_TEXT_NOTE = "Free text: checked at export for things that look like identifiers."


def _value(fdef: FieldDef) -> dict[str, Any]:
    """The schema of one stored field value (a field left empty is absent, never null)."""
    kind = fdef.type
    schema: dict[str, Any]
    if kind == "text":
        schema = {"type": "string"}
        if fdef.max_length:
            schema["maxLength"] = fdef.max_length
    elif kind in {"integer", "likert", "decimal"}:
        schema = {"type": "number" if kind == "decimal" else "integer"}
        if fdef.minimum is not None:
            schema["minimum"] = fdef.minimum
        if fdef.maximum is not None:
            schema["maximum"] = fdef.maximum
    elif kind == "boolean":
        schema = {"type": "boolean"}
    elif kind == "choice":
        schema = {"type": "string", "enum": fdef.choice_codes()}
    elif kind == "multichoice":
        schema = {
            "type": "array",
            "items": {"type": "string", "enum": fdef.choice_codes()},
            "minItems": 1,
            "uniqueItems": True,
        }
    else:  # date or datetime
        schema = {"type": "string", "format": "date" if kind == "date" else "date-time"}
    notes = [fdef.text("en")]
    if fdef.unit:
        notes.append(f"Unit: {fdef.unit}.")
    if kind == "multichoice":
        notes.append("Choices in the order the form lists them.")
    if fdef.free_text:
        notes.append(FREE_TEXT_NOTE)
    return {"description": " ".join(notes), **schema}


def _values(fields: list[FieldDef]) -> dict[str, Any]:
    return {
        "type": "object",
        "additionalProperties": False,
        "properties": {f.name: _value(f) for f in fields},
    }


def _closed(properties: dict[str, Any], optional: tuple[str, ...] = ()) -> dict[str, Any]:
    """An object with exactly these keys (those in optional may be left out)."""
    return {
        "type": "object",
        "additionalProperties": False,
        "required": [name for name in properties if name not in optional],
        "properties": properties,
    }


def _child(values: str) -> dict[str, Any]:
    return _closed({"id": HEX_ID, "number": {"type": "integer", "minimum": 1}, "values": {"$ref": f"#/$defs/{values}"}})


def _event_kinds() -> list[str]:
    """Every event kind of every version of the catalogue still read: the current ones in their order, then any
    that only an earlier version had."""
    kinds = list(forms.events())
    for version in forms.known_versions("events"):
        kinds += sorted(forms.event_kinds(version) - set(kinds))
    return kinds


RECT = {
    "type": "string",
    "pattern": "^[0-9]{1,9},[0-9]{1,9},[0-9]{1,9},[0-9]{1,9}$",
    "description": "X,Y,W,H in pixels.",
}
FIGURE = {"type": "number", "minimum": 0}


def _fluorescence_measurement() -> dict[str, Any]:
    """One lesion's measurement on one frame (docs/fluorescence.md)."""
    return _closed(
        {
            "lesion_id": HEX_ID,
            "finding": {"description": "The kind of event the frame was kept with.", "type": "string"},
            "frame_sha256": {"description": "SHA-256 of the frame as the laptop keeps it (PNG).", **SHA256},
            "channel": {"type": "string", "enum": ["nir", "green", "red", "blue", "gray"]},
            "target": RECT,
            "background": RECT,
            "target_mean": FIGURE,
            "target_sd": FIGURE,
            "background_mean": FIGURE,
            "background_sd": FIGURE,
            "sbr": {"description": "target_mean / background_mean.", **FIGURE},
            "method": {"type": "string"},
            "measured_at": TIMESTAMP,
        }
    )


def _kept_frame() -> dict[str, Any]:
    """One frame kept with an event of the record, and whether its pixels travel in the file
    (docs/fluorescence.md, "Frames in session files")."""
    return _closed(
        {
            "event_id": {"description": "The event the frame was kept with.", "type": "integer", "minimum": 1},
            "sha256": {"description": "SHA-256 of the frame as the laptop keeps it (PNG).", **SHA256},
            "size": {"description": "Bytes of the PNG.", "type": "integer", "minimum": 1},
            "width": {"type": "integer", "minimum": 1},
            "height": {"type": "integer", "minimum": 1},
            "media_type": {"const": "image/png"},
            "masks": {
                "description": "The rectangles blacked out before the frame was kept.",
                "type": "array",
                "items": RECT,
            },
            "kept_at": TIMESTAMP,
            "travels": {
                "description": "Whether the file carries the frame as the member frames/<sha256>.png (the study"
                " setting frames_in_session_file; never for a struck-through event).",
                "type": "boolean",
            },
        }
    )


def record_schema(crf: FormDef | None = None, questionnaire: FormDef | None = None) -> dict[str, Any]:
    """The schema of record.json (format version record_json.FORMAT_VERSION) made with these versions of the
    forms; the current ones by default."""
    crf, questionnaire = crf or forms.crf(), questionnaire or forms.questionnaire()
    event = _closed(
        {
            "id": {"type": "integer", "minimum": 1},
            "kind": {"type": "string", "enum": _event_kinds()},
            "at": {"description": "The moment in theatre (UTC).", **TIMESTAMP},
            "recorded_at": {"description": "When it was saved (UTC).", **TIMESTAMP},
            "user": {"type": "string"},
            "lesion_id": {"type": ["string", "null"], "pattern": HEX_ID["pattern"]},
            "note": {"description": FREE_TEXT_NOTE, **OPTIONAL_TEXT},
            "struck": {"type": "boolean"},
            "struck_reason": {"description": FREE_TEXT_NOTE, **OPTIONAL_TEXT},
            "lesion_ids": {
                "description": "Every lesion the event names, lesion_id first, when it names several (one "
                "transection or specimen holding several lesions); absent when it names one or none.",
                "type": "array",
                "items": {"type": "string", "pattern": HEX_ID["pattern"]},
                "minItems": 2,
                "uniqueItems": True,
            },
        },
        optional=("lesion_ids",),
    )
    signature = _closed(
        {
            "id": {"type": "integer", "minimum": 1},
            "form": {"type": "string", "enum": [questionnaire.name]},
            "username": {"type": "string"},
            "printed_name": {"type": "string"},
            "meaning": {"description": FREE_TEXT_NOTE, "type": "string"},
            "signed_at": TIMESTAMP,
            "content_hash": {"description": "SHA-256 of the signed answers.", **SHA256},
            "voided_at": OPTIONAL_TIMESTAMP,
            "void_reason": {"description": FREE_TEXT_NOTE, **OPTIONAL_TEXT},
        }
    )
    query_answer = _closed(
        {
            "query_id": {"description": "The trial office's number of the query.", "type": "integer", "minimum": 1},
            "round": {
                "description": "Which asking of the query this answers (1, then one more each time the office asks again).",
                "type": "integer",
                "minimum": 1,
            },
            "text": {"description": FREE_TEXT_NOTE, "type": "string", "maxLength": 2000},
            "answered_at": TIMESTAMP,
            "answered_by": {"description": "The laptop account that answered.", "type": "string"},
        }
    )
    record = _closed(
        {
            "id": HEX_ID,
            "study_id": {"type": "string", "pattern": rules.STUDY_ID_PATTERN.pattern},
            "centre": {"type": "string", "pattern": rules.CENTRE_PATTERN.pattern},
            "created_at": TIMESTAMP,
            "session_id": HEX_ID,
            "values": {"$ref": "#/$defs/procedure_values"},
            "lesions": {"type": "array", "items": {"$ref": "#/$defs/lesion"}},
            "complications": {"type": "array", "items": {"$ref": "#/$defs/complication"}},
            "events": {"type": "array", "items": {"$ref": "#/$defs/event"}},
            "signatures": {"type": "array", "items": {"$ref": "#/$defs/signature"}},
            "completed_at": {"description": "When the record was completed and locked.", **TIMESTAMP},
            "modified_at": TIMESTAMP,
        }
    )
    top = _closed(
        {
            "format": {"const": record_json.FORMAT},
            "format_version": {
                "description": "Version 1 files have none of the optional parts of version 2, nor version 2 files"
                " the parts of version 3.",
                "type": "integer",
                "minimum": min(record_json.SUPPORTED_VERSIONS),
                "maximum": record_json.FORMAT_VERSION,
            },
            "app_version": {"type": "string"},
            "form_versions": _closed(
                {
                    "crf": {"const": crf.version},
                    "questionnaire": {"const": questionnaire.version},
                    "events": {
                        "description": "Version of the event catalogue (forms/events.json) the record was made with; "
                        "not in format version 1, whose records were made with version 1.",
                        "enum": list(forms.known_versions("events")),
                    },
                },
                optional=("events",),
            ),
            "session_id": {"description": "Stable across re-exports of one procedure.", **HEX_ID},
            "session_version": {
                "description": "1 for the first export, one more for each re-export.",
                "type": "integer",
                "minimum": 1,
            },
            "exported_at": TIMESTAMP,
            "audit_head": {"description": "Hash at the head of the laptop's audit chain at export.", **SHA256},
            "demo": {"type": "boolean"},
            "record": {"$ref": "#/$defs/record"},
            "subject_status": _closed(
                {
                    "status": {
                        "description": "Enrolled, or left out of the analysis: withdrawn, excluded or not operated.",
                        "type": "string",
                        "enum": list(subject_status.CODES),
                    },
                    "reason": {"description": f"Why the status was set. {FREE_TEXT_NOTE}", **OPTIONAL_TEXT},
                    "date": {
                        "description": "The day the status took effect.",
                        "type": ["string", "null"],
                        "format": "date",
                    },
                }
            ),
            change_history.KEY: change_history.schema(TIMESTAMP, OPTIONAL_TEXT),
            "fluorescence": {
                "description": "Format version 2: the lesions' fluorescence measured on near-infrared frames kept on"
                " the laptop (uncalibrated, relative to each frame); absent when there is none.",
                "type": "array",
                "items": {"$ref": "#/$defs/fluorescence_measurement"},
            },
            "query_answers": {
                "description": "Version 2: the centre's answers to the trial office's data queries on this record.",
                "type": "array",
                "items": {"$ref": "#/$defs/query_answer"},
            },
            record_json.STUDY_ID_CORRECTIONS: {
                "description": "Format version 2: every correction of the record's study ID, oldest first.",
                "type": "array",
                "items": {"$ref": "#/$defs/study_id_correction"},
            },
            "redactions": {
                "description": "Texts redacted on the laptop (format version 2): who, when, why and where; never the text.",
                "type": "array",
                "items": {"$ref": "#/$defs/redaction"},
            },
            record_json.FRAMES: {
                "description": "Format version 3: the near-infrared frames kept with the record's events; absent when"
                " there are none.",
                "type": "array",
                "items": {"$ref": "#/$defs/kept_frame"},
            },
            record_json.VIDEO_REFERENCE: _closed(
                {
                    "event_id": {
                        "description": "The live event of the record the tower's video recording was read at.",
                        "type": "integer",
                        "minimum": 1,
                    },
                    "shown": {
                        "description": "The time the recording showed at that event, H:MM:SS with milliseconds where"
                        " there are any; every event's position is this plus its time from that event.",
                        "type": "string",
                        "pattern": r"^[0-9]{1,2}:[0-5][0-9]:[0-5][0-9](\.[0-9]{3})?$",
                    },
                }
            )
            | {"description": "Format version 3: the video time reference; absent without one."},
        },
        # Parts of format version 2: a version-1 record has none (an enrolled patient's, without a history).
        optional=(
            "subject_status",
            change_history.KEY,
            "fluorescence",
            "query_answers",
            record_json.STUDY_ID_CORRECTIONS,
            "redactions",
            record_json.FRAMES,
            record_json.VIDEO_REFERENCE,  # format version 3
        ),
    )
    return {
        "$schema": SCHEMA_DIALECT,
        "$id": f"urn:mimic:session-record:{record_json.FORMAT_VERSION}",
        "title": f"MIMIC session record, format version {record_json.FORMAT_VERSION}",
        "description": (
            "record.json of a MIMIC session file: one procedure with its lesions, complications, "
            f"intraoperative events and signatures. Generated from CRF version {crf.version} and "
            f"questionnaire version {questionnaire.version}; see session-file.md."
        ),
        **top,
        "$defs": {
            "record": record,
            "procedure_values": _values(crf.fields("procedure") + questionnaire.fields("procedure")),
            "lesion_values": _values(crf.fields("lesion")),
            "complication_values": _values(crf.fields("complication")),
            "lesion": _child("lesion_values"),
            "complication": _child("complication_values"),
            "event": event,
            "signature": signature,
            "fluorescence_measurement": _fluorescence_measurement(),
            "kept_frame": _kept_frame(),
            "query_answer": query_answer,
            "study_id_correction": _closed(
                {
                    "from": {"type": "string", "pattern": rules.STUDY_ID_PATTERN.pattern},
                    "to": {"type": "string", "pattern": rules.STUDY_ID_PATTERN.pattern},
                    "reason": {"description": FREE_TEXT_NOTE, "type": "string"},
                    "when": TIMESTAMP,
                    "by": {
                        "description": "The id of the laptop account that made the correction (its number there).",
                        "type": ["integer", "null"],
                    },
                }
            ),
            "redaction": _closed(
                {
                    "at": TIMESTAMP,
                    "account": {
                        "description": "The pseudonymous id of the coordinator's account on the laptop.",
                        "type": ["integer", "null"],
                    },
                    "reason": {"type": "string"},
                    "places": {
                        "type": "array",
                        "items": _closed(
                            {
                                "entity": {"type": "string"},
                                "entity_id": {"type": "string"},
                                "field": {"type": "string"},
                                "part": {"enum": ["value", "note", "reason"]},
                                "versions": {
                                    "description": "The session versions exported while this place held the text.",
                                    "type": "array",
                                    "items": {"type": "integer", "minimum": 1},
                                },
                            }
                        ),
                    },
                }
            ),
        },
    }


def schema_text() -> str:
    """The schema as docs/session-record.schema.json holds it."""
    return json.dumps(record_schema(), indent=2, ensure_ascii=False) + "\n"
