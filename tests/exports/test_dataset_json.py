"""CDISC Dataset-JSON 1.1: valid against the official schema, OIDs of the ODM metadata, values as recorded."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import jsonschema
import pytest
from lxml import etree

from mimic_desktop.exchange import flat
from mimic_desktop.exchange.dataset_json import write_dataset_json
from mimic_desktop.exchange.odm import write_odm

CREATED = datetime(2026, 12, 7, 9, 30, tzinfo=UTC)
SCHEMA = json.loads((Path(__file__).parent / "schemas" / "dataset-json-1.1.schema.json").read_text(encoding="utf-8"))
TABLES = ("procedures", "lesions", "complications")


@pytest.fixture(scope="module")
def datasets(cohort, tmp_path_factory) -> dict[str, dict]:
    folder = tmp_path_factory.mktemp("dataset-json")
    written = write_dataset_json(cohort, folder, created=CREATED)
    assert [p.name for p in written] == [f"mimic_{t}.json" for t in TABLES]
    return {t: json.loads((folder / f"mimic_{t}.json").read_text(encoding="utf-8")) for t in TABLES}


def test_every_dataset_validates_against_the_official_schema(datasets):
    validator = jsonschema.Draft201909Validator(SCHEMA, format_checker=jsonschema.FormatChecker())
    for name, document in datasets.items():
        errors = sorted(validator.iter_errors(document), key=str)
        assert not errors, (name, errors[:3])
        assert document["datasetJSONVersion"] == "1.1.0"
        assert document["records"] == len(document["rows"])


def test_a_broken_dataset_is_refused_by_the_schema(datasets):
    """The schema check can fail: a dataset without its columns is not Dataset-JSON."""
    broken = {k: v for k, v in datasets["lesions"].items() if k != "columns"}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, SCHEMA, cls=jsonschema.Draft201909Validator)


def test_item_oids_are_the_odm_files(cohort, datasets, tmp_path):
    odm = etree.parse(str(write_odm(cohort, tmp_path / "mimic.xml", exported_at=CREATED, audit_head="0" * 64)))
    item_defs = {e.get("OID") for e in odm.iter("{http://www.cdisc.org/ns/odm/v1.3}ItemDef")}
    for document in datasets.values():
        oids = [column["itemOID"] for column in document["columns"]]
        assert len(oids) == len(set(oids))
        # The study ID is ODM's SubjectKey and a lesion's or complication's number its ItemGroupRepeatKey.
        keys = {"IT.study_id", "IT.lesion_number", "IT.complication_number"}
        assert set(oids) - keys <= item_defs, set(oids) - item_defs
        assert len(set(oids) - keys) > 3


def test_rows_hold_the_recorded_values_with_their_types(cohort, datasets):
    lesions = datasets["lesions"]
    names = [column["name"] for column in lesions["columns"]]
    types = {column["name"]: column["dataType"] for column in lesions["columns"]}
    assert types["margin_mm"] == "double" and types["lesion_number"] == "integer"
    assert types["segments.IVa"] == "boolean"
    assert {c["name"]: c.get("keySequence") for c in lesions["columns"] if c.get("keySequence")} == {
        "study_id": 1,
        "lesion_number": 2,
    }
    rows = [dict(zip(names, row, strict=True)) for row in lesions["rows"]]
    expected = [row for proc in cohort for row in flat.lesion_rows(proc)]
    assert len(rows) == len(expected)
    for got, want in zip(rows, expected, strict=True):
        assert got["study_id"] == want["study_id"] and got["lesion_number"] == want["lesion_number"]
        assert got["margin_mm"] == want["margin_mm"]
        for segment in ("I", "IVa", "VIII"):
            chosen = want["segments"] is not None and segment in want["segments"].split(";")
            assert got[f"segments.{segment}"] == (chosen if want["segments"] is not None else None)


def test_dates_carry_a_display_format_and_missing_values_are_null(datasets):
    procedures = datasets["procedures"]
    columns = {c["name"]: c for c in procedures["columns"]}
    assert columns["consent_date"]["dataType"] == "date" and columns["consent_date"]["displayFormat"] == "E8601DA."
    assert columns["icg_given_at"]["displayFormat"] == "E8601DT."
    assert any(value is None for row in procedures["rows"] for value in row)
