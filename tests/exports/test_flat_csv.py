"""Flat CSV: read back with the csv module and pandas, the files equal the records they came from."""

from __future__ import annotations

import csv
from datetime import timedelta

import pytest

from mimic_desktop.domain import derive, forms
from mimic_desktop.exchange import flat
from mimic_desktop.exchange.flat_csv import DICTIONARY_HEADER, Snapshot, write_flat_csv

from .conftest import AWKWARD_TEXT, assert_pseudonymous, decode

TABLES = ("procedures", "lesions", "complications", "events")
SNAPSHOT = Snapshot("2026-12-07T10:00:00+00:00", app_version="9.9.9")


@pytest.fixture(scope="module")
def folder(cohort, tmp_path_factory):
    folder = tmp_path_factory.mktemp("csv")
    write_flat_csv(cohort, folder, snapshot=SNAPSHOT)
    return folder


def read(folder, table: str) -> list[dict[str, str]]:
    with (folder / f"mimic_{table}.csv").open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


def test_the_files_written_are_the_three_tables_and_the_dictionary(cohort, tmp_path):
    written = write_flat_csv(cohort[:1], tmp_path / "new folder", prefix="MIM-01-001", snapshot=SNAPSHOT)
    assert [p.name for p in written] == [f"MIM-01-001_{t}.csv" for t in (*TABLES, "data_dictionary")]
    assert sorted(p.name for p in (tmp_path / "new folder").iterdir()) == sorted(p.name for p in written)


def test_each_procedure_row_equals_its_record(cohort, folder):
    rows = {row["study_id"]: row for row in read(folder, "procedures")}
    assert list(rows) == [proc.study_id for proc in cohort]
    for proc in cohort:
        row = rows[proc.study_id]
        assert row["centre"] == proc.centre and row["session_id"] == proc.session_id
        for fdef in flat.procedure_fields():
            assert decode(fdef.type, row[fdef.name]) == proc.get(fdef.name), fdef.name
        assert "surgeon" not in row, "the operating surgeon is staff: kept in the record, not exported"
        assert int(row["lesion_count"]) == len(proc.lesions)
        assert int(row["complication_count"]) == len(proc.complications)
        assert decode("integer", row["fong_score"]) == derive.fong(proc).score
        assert row["status"] == derive.status(proc).value
        assert decode("boolean", row["questionnaire_signed"]) == (proc.valid_signature() is not None)


def test_each_lesion_row_equals_its_lesion_with_its_r_status(cohort, folder):
    rows = read(folder, "lesions")
    assert len(rows) == sum(len(proc.lesions) for proc in cohort)
    by_key = {(row["study_id"], int(row["lesion_number"])): row for row in rows}
    for proc in cohort:
        for lesion in proc.lesions:
            row = by_key[(proc.study_id, lesion.number)]
            for fdef in forms.crf().fields("lesion"):
                assert decode(fdef.type, row[fdef.name]) == lesion.get(fdef.name), fdef.name
            assert decode("choice", row["r_status"]) == derive.r_status(lesion.get("margin_mm"))
            assert decode("boolean", row["specimen_fluorescent"]) == (
                derive.assess_lesion(proc, lesion.id).specimen_fluorescent
            )
    statuses = {row["r_status"] for row in rows}
    assert "" in statuses and statuses - {""}, "the cohort has lesions with and without pathology"


def test_complications_keep_commas_quotes_line_breaks_and_dutch_letters(cohort, folder):
    rows = read(folder, "complications")
    assert [(r["study_id"], r["complication_number"]) for r in rows] == [
        (proc.study_id, str(c.number)) for proc in cohort for c in proc.complications
    ]
    assert rows[0]["description"] == AWKWARD_TEXT
    assert rows[0]["grade_text"] == "IIIad" and rows[1]["grade_text"] == "II"
    raw = (folder / "mimic_complications.csv").read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf"), "UTF-8 without a byte-order mark"
    assert "één".encode() in raw


def test_pandas_reads_numbers_flags_and_gaps(cohort, folder):
    import pandas as pd

    procedures = pd.read_csv(folder / "mimic_procedures.csv")
    lesions = pd.read_csv(folder / "mimic_lesions.csv")
    assert procedures["age"].tolist() == [proc.get("age") for proc in cohort]
    assert procedures["lesion_count"].tolist() == [len(proc.lesions) for proc in cohort]
    assert procedures["neoadjuvant_chemo"].tolist() == [int(proc.get("neoadjuvant_chemo")) for proc in cohort]
    assert procedures["cea"].tolist() == pytest.approx([proc.get("cea") for proc in cohort])
    waiting = procedures.set_index("study_id").loc[cohort[1].study_id]
    assert pd.isna(waiting["hospital_stay_days"]) and pd.isna(waiting["q_usefulness"])
    margins = lesions.set_index(["study_id", "lesion_number"])["margin_mm"]
    for proc in cohort:
        for lesion in proc.lesions:
            expected = lesion.get("margin_mm")
            value = margins.loc[(proc.study_id, lesion.number)]
            assert (pd.isna(value) and expected is None) or value == pytest.approx(expected)


def test_every_column_is_in_the_dictionary_and_every_entry_is_a_column(folder):
    with (folder / "mimic_data_dictionary.csv").open(encoding="utf-8", newline="") as stream:
        reader = csv.DictReader(stream)
        assert tuple(reader.fieldnames) == DICTIONARY_HEADER
        entries = list(reader)
    described = {(e["table"], e["column"]) for e in entries}
    columns = set()
    for table in TABLES:
        with (folder / f"mimic_{table}.csv").open(encoding="utf-8", newline="") as stream:
            columns |= {(table, name) for name in next(csv.reader(stream))}
    assert described == columns
    assert len(entries) == len(described), "each column is described once"
    entry = {(e["table"], e["column"]): e for e in entries}
    sex = entry[("procedures", "sex")]
    assert sex["allowed_values_en"] == "female = Female; male = Male"
    assert sex["allowed_values_nl"] == "female = Vrouw; male = Man"
    assert entry[("lesions", "margin_mm")]["unit"] == "mm"
    assert (entry[("procedures", "age")]["minimum"], entry[("procedures", "age")]["maximum"]) == ("18", "110")
    assert entry[("lesions", "r_status")]["derived"] == "1" and entry[("lesions", "margin_mm")]["derived"] == "0"
    assert entry[("procedures", "study_id")]["derived"] == "0"
    assert "Naresectie holte uitgevoerd" in entry[("lesions", "reresection")]["allowed_values_nl"]
    assert entry[("procedures", "oral_consent")]["allowed_values_nl"] == "1 = Ja; 0 = Nee"


def test_the_files_name_nobody(folder):
    assert_pseudonymous(folder)


def test_a_complication_after_day_90_is_listed_but_not_counted_as_the_trials(service, recorded):
    day = derive.surgery_date(service.load(recorded))
    service.add_complication(
        recorded, {"description": "Wound infection", "clavien_dindo": "II", "onset_date": day.isoformat()}
    )
    later = (day + timedelta(days=120)).isoformat()
    service.add_complication(
        recorded, {"description": "Incisional hernia", "clavien_dindo": "IIIb", "onset_date": later}
    )
    proc = service.load(recorded)
    row = flat.procedure_row(proc)
    assert (row["complication_count"], row["worst_clavien_dindo"]) == (1, "II")
    assert [r["late"] for r in flat.complication_rows(proc)] == [False, True]


def test_the_events_table_is_the_timeline_struck_events_with_their_reason(cohort, folder):
    rows = read(folder, "events")
    for proc in cohort:
        numbers = {lesion.id: lesion.number for lesion in (*proc.lesions, *proc.removed_lesions)}
        mine = [row for row in rows if row["study_id"] == proc.study_id]
        assert [int(row["event_id"]) for row in mine] == [e.id for e in sorted(proc.events, key=lambda e: (e.at, e.id))]
        for row, event in zip(mine, sorted(proc.events, key=lambda e: (e.at, e.id)), strict=True):
            assert row["event"] == event.kind and row["event_time"] == event.at
            assert row["lesion_number"] == (str(numbers[event.lesion_id]) if event.lesion_id else "")
            assert (row["struck"], row["struck_reason"]) == ("1" if event.struck else "0", event.struck_reason or "")
    assert "user" not in rows[0], "the timeline names no member of staff"


def test_every_table_carries_the_snapshot_it_belongs_to(folder):
    for table in TABLES:
        rows = read(folder, table)
        assert rows, table
        assert {(row["exported_at"], row["app_version"]) for row in rows} == {
            (SNAPSHOT.exported_at, SNAPSHOT.app_version)
        }


def test_the_dictionary_tells_pandas_to_keep_the_centre_code_as_text(folder):
    import pandas as pd

    dictionary = pd.read_csv(folder / "mimic_data_dictionary.csv", dtype=str, keep_default_na=False)
    assert set(dictionary["table"]) == set(TABLES)
    procedures = dictionary[dictionary["table"] == "procedures"]
    dtypes = dict(zip(procedures["column"], procedures["pandas_dtype"], strict=True))
    assert dtypes["centre"] == "string" and dtypes["age"] == "Int64"
    guessed = pd.read_csv(folder / "mimic_procedures.csv")
    assert guessed["centre"].iloc[0] == 1, "without the hint pandas drops the leading zero"
    typed = pd.read_csv(folder / "mimic_procedures.csv", dtype=dtypes)
    assert typed["centre"].iloc[0] == "01"
    assert typed["icg_in_window"].dtype == "boolean"
