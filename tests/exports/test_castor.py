"""Castor EDC's CSV import: participant and site first, DD-MM-YYYY dates, checkbox columns, split at 25,000
data points, and a variable map the trial office edits."""

from __future__ import annotations

import csv
import re
from datetime import date

import pytest

from mimic_desktop.domain import forms
from mimic_desktop.domain.clock import from_iso
from mimic_desktop.exchange import castor
from mimic_desktop.exchange.castor import MAP_HEADER, CastorMapError, default_map, write_castor
from mimic_desktop.exchange.flat import complication_rows, lesion_rows, procedure_row

DDMMYYYY = re.compile(r"\d{2}-\d{2}-\d{4}")


def read(path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


def header(path) -> list[str]:
    with path.open(encoding="utf-8", newline="") as stream:
        return next(csv.reader(stream))


@pytest.fixture(scope="module")
def folder(cohort, tmp_path_factory):
    folder = tmp_path_factory.mktemp("castor")
    written = write_castor(cohort, folder)
    assert [p.name for p in written] == [
        "mimic_castor_study.csv",
        "mimic_castor_lesion.csv",
        "mimic_castor_complication.csv",
        "mimic_castor_variable_map.csv",
    ]
    return folder


def test_participant_and_site_come_first_and_repeating_data_is_named(cohort, folder):
    assert header(folder / "mimic_castor_study.csv")[:2] == ["Participant Id", "Site Abbreviation"]
    study = read(folder / "mimic_castor_study.csv")
    assert [(r["Participant Id"], r["Site Abbreviation"]) for r in study] == [(p.study_id, p.centre) for p in cohort]
    lesions = read(folder / "mimic_castor_lesion.csv")
    assert header(folder / "mimic_castor_lesion.csv")[:3] == ["Participant Id", "Site Abbreviation", castor.INSTANCE]
    expected = [(p.study_id, f"Lesion {lesion.number}") for p in cohort for lesion in p.lesions]
    assert [(r["Participant Id"], r[castor.INSTANCE]) for r in lesions] == expected


def test_dates_are_day_month_year_and_moments_on_the_studys_clock(cohort, folder):
    study = {r["Participant Id"]: r for r in read(folder / "mimic_castor_study.csv")}
    for proc in cohort:
        row, flat_row = study[proc.study_id], procedure_row(proc)
        consent = flat_row["consent_date"]
        assert row["consent_date"] == date.fromisoformat(consent).strftime("%d-%m-%Y")
        assert DDMMYYYY.fullmatch(row["surgery_date"])
        local = from_iso(flat_row["icg_given_at"]).astimezone(forms.study_time_zone())
        assert row["icg_given_at"] == local.strftime("%d-%m-%Y;%H:%M")
    onsets = [r["onset_date"] for r in read(folder / "mimic_castor_complication.csv")]
    assert onsets and all(DDMMYYYY.fullmatch(value) for value in onsets)


def test_a_checkbox_is_one_column_per_option_holding_1_or_0(cohort, folder):
    segments = [code for code in forms.field_def("segments").choice_codes()]
    columns = [name for name in header(folder / "mimic_castor_lesion.csv") if name.startswith("segments")]
    assert columns == [f"segments#{code}" for code in segments]
    rows = read(folder / "mimic_castor_lesion.csv")
    expected = [row for proc in cohort for row in lesion_rows(proc)]
    for got, want in zip(rows, expected, strict=True):
        chosen = set((want["segments"] or "").split(";"))
        assert {c.split("#")[1] for c in columns if got[c] == "1"} == chosen - {""}
        assert {got[c] for c in columns} <= {"0", "1"}


def test_choices_are_option_values_and_booleans_1_or_0(cohort, folder):
    rows = read(folder / "mimic_castor_complication.csv")
    expected = [row for proc in cohort for row in complication_rows(proc)]
    assert [r["clavien_dindo"] for r in rows] == [e["clavien_dindo"] for e in expected]
    assert {r["present_at_discharge"] for r in rows} <= {"0", "1", ""}


def test_a_large_export_is_split_within_castors_limit(cohort, tmp_path, monkeypatch):
    monkeypatch.setattr(castor, "MAX_DATA_POINTS", 400)
    records = cohort * 12
    written = write_castor(records, tmp_path)
    parts = [p for p in written if p.name.startswith("mimic_castor_lesion")]
    assert len(parts) > 1 and parts[1].name == "mimic_castor_lesion_part2.csv"
    rows = []
    for part in parts:
        points = len(header(part)) * (len(read(part)) + 1)
        assert points <= 400, (part.name, points)
        rows += read(part)
    assert len(rows) == sum(len(p.lesions) for p in records)


def test_the_trial_office_edits_the_variable_map_and_exports_again_into_the_same_folder(cohort, tmp_path):
    write_castor(cohort, tmp_path)
    map_path = tmp_path / "mimic_castor_variable_map.csv"
    rows = read(map_path)
    for row in rows:
        if row["mimic_variable"] == "clavien_dindo" and not row["mimic_code"]:
            row["castor_variable"] = "cd_grade"
        if row["mimic_variable"] == "clavien_dindo" and row["mimic_code"] == "IIIa":
            row["castor_option_value"] = "31"
        if row["mimic_variable"] == "segments" and row["mimic_code"] == "IVa":
            row["castor_option_label"] = "Segment 4a (left)"
    with map_path.open("w", encoding="utf-8", newline="") as stream:
        out = csv.DictWriter(stream, MAP_HEADER)
        out.writeheader()
        out.writerows(rows)
    write_castor(cohort, tmp_path)
    complications = read(tmp_path / "mimic_castor_complication.csv")
    assert "clavien_dindo" not in complications[0] and "31" in [r["cd_grade"] for r in complications]
    assert "segments#Segment 4a left" in header(tmp_path / "mimic_castor_lesion.csv")
    assert read(map_path) == rows, "the map kept its edits"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda rows: rows.append(["no_such_field", "x", "", "", ""]), "'no_such_field' is not a MIMIC variable"),
        (lambda rows: rows.append(["sex", "", "other", "3", ""]), "'other' is not a code of sex"),
        (lambda rows: rows.__delitem__(1), "leaves out"),
        (lambda rows: rows.append(["age", "sex", "", "", ""]), "the same column sex"),
        (lambda rows: rows.append(["age", "", "", "", ""]), "needs a Castor variable name"),
    ],
)
def test_a_map_that_cannot_be_used_is_refused_with_its_line(cohort, tmp_path, change, message):
    rows = default_map()
    change(rows)
    path = tmp_path / "edited.csv"
    with path.open("w", encoding="utf-8", newline="") as stream:
        out = csv.writer(stream)
        out.writerow(MAP_HEADER)
        out.writerows(rows)
    with pytest.raises(CastorMapError, match=re.escape(message)):
        write_castor(cohort, tmp_path / "out", variable_map=path)
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_a_map_that_is_not_a_map_is_refused(cohort, tmp_path):
    path = tmp_path / "edited.csv"
    path.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(CastorMapError, match="must start with the columns"):
        write_castor(cohort, tmp_path / "out", variable_map=path)
