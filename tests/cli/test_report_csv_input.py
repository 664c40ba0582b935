"""The report from CSV: every code, yes/no, number and date checked against the data dictionary, each refused
value named with its file and line; the app's own exports read as they are written."""

from __future__ import annotations

import json
import random
import shutil

import pandas as pd
import pytest

from mimic_desktop.cli import report as report_cli
from mimic_desktop.exchange.flat_csv import Snapshot, write_flat_csv
from mimic_desktop.services.synthetic_cohort import synthetic_cohort
from mimic_desktop.services.trial_report import report_data, tables_from_records, trial_report

SNAPSHOT = Snapshot("2026-12-07T10:00:00+00:00")


def run(capsys, *args) -> tuple[int, str, str]:
    code = report_cli.main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def records():
    return list(synthetic_cohort(seed=2))


@pytest.fixture
def exported(records, tmp_path):
    """The cohort as the app's own CSV export writes it: mimic_procedures.csv and so on."""
    write_flat_csv(records, tmp_path, snapshot=SNAPSHOT)
    return tmp_path


def expected(records) -> dict:
    report = report_data(trial_report(tables_from_records(records), "records"))
    return {k: v for k, v in report.items() if k not in ("source", "generated_at")}


def test_the_apps_own_export_gives_the_report_of_its_records(capsys, records, exported):
    code, out, err = run(capsys, "--csv", exported, "--json")
    assert code == 0, err
    got = {k: v for k, v in json.loads(out).items() if k not in ("source", "generated_at")}
    assert got == expected(records)


def test_the_trial_offices_export_names_are_read_too(capsys, records, tmp_path):
    write_flat_csv(records, tmp_path, prefix="mimic_central", snapshot=SNAPSHOT)
    code, out, _ = run(capsys, "--csv", tmp_path, "--json")
    assert code == 0
    assert json.loads(out)["counted"] == expected(records)["counted"]


def test_two_exports_in_one_folder_are_refused_by_name(capsys, records, exported):
    shutil.copy(exported / "mimic_lesions.csv", exported / "MIM-01-002_lesions.csv")
    code, out, err = run(capsys, "--csv", exported)
    assert code == 2 and out == ""
    assert "more than one lesions table (MIM-01-002_lesions.csv, mimic_lesions.csv)" in err


def test_common_spellings_of_yes_and_no_are_read(capsys, records, exported):
    lesions = pd.read_csv(exported / "mimic_lesions.csv", dtype=str, keep_default_na=False)
    words = {"1": "Yes", "0": "false"}
    lesions["specimen_fluorescent"] = lesions["specimen_fluorescent"].map(lambda v: words.get(v, v))
    lesions.to_csv(exported / "mimic_lesions.csv", index=False)
    code, out, _ = run(capsys, "--csv", exported, "--json")
    assert code == 0
    assert json.loads(out)["diagnostic"] == expected(records)["diagnostic"]


BAD = [
    ("lesions", "r_status", "R2", "one of R0, R1"),
    ("lesions", "r_status", "r0", "one of R0, R1"),
    ("lesions", "histology", "CRLM", "one of crlm"),
    ("lesions", "treatment", "Resection", "one of resection"),
    ("lesions", "source", "Occult", "one of"),
    ("lesions", "reresection", "Done", "one of done, not_feasible, not_safe"),
    ("lesions", "specimen_fluorescent", "maybe", "yes or no"),
    ("lesions", "margin_mm", "4,5", "a number"),
    ("lesions", "margin_mm", "inf", "a number"),
    ("lesions", "segments", "IX", "made of I, II"),
    ("procedures", "surgery_date", "23-11-2026", "a date (YYYY-MM-DD)"),
    ("procedures", "surgery_date", "2026-02-30", "a date (YYYY-MM-DD)"),
    ("procedures", "age", "sixty", "a whole number"),
    ("procedures", "age", "61.5", "a whole number"),
    ("procedures", "neoadjuvant_chemo", "y", "yes or no"),
    ("procedures", "icg_given_at", "2026-11-23 08:00", "a date and time"),
    ("complications", "clavien_dindo", "3a", "one of I, II, IIIa"),
]


@pytest.mark.parametrize(("table", "column", "value", "message"), BAD, ids=lambda v: str(v))
def test_a_value_outside_the_data_dictionary_is_refused_with_its_row(capsys, exported, table, column, value, message):
    path = exported / f"mimic_{table}.csv"
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    frame.loc[4, column] = value
    frame.to_csv(path, index=False)
    code, out, err = run(capsys, "--csv", exported, "--json")
    assert code == 2 and out == "", "no report at all"
    assert f"mimic_{table}.csv, line 6, {column}: {value!r} is not {message}" in err
    assert "Traceback" not in err


def test_every_refused_value_is_named_and_a_long_list_is_counted(capsys, exported):
    path = exported / "mimic_lesions.csv"
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    frame["r_status"] = "R2"
    frame.to_csv(path, index=False)
    code, _, err = run(capsys, "--csv", exported)
    assert code == 2
    assert f"{len(frame)} value(s)" in err and f"and {len(frame) - 30} more" in err
    assert err.count("is not one of R0, R1") == 30


def test_a_quoted_formula_is_read_as_the_text_typed(records, tmp_path):
    from mimic_desktop.exchange.flat_input import read_tables

    write_flat_csv(records, tmp_path, snapshot=SNAPSHOT)
    path = tmp_path / "mimic_complications.csv"
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    assert len(frame) > 0
    frame.loc[0, "description"] = "'=1+1"
    frame.to_csv(path, index=False)
    assert read_tables(tmp_path)["complications"].loc[0, "description"] == "=1+1"


def test_a_file_that_is_not_csv_is_refused_plainly(capsys, exported):
    (exported / "mimic_procedures.csv").write_bytes(bytes(range(256)) * 4)
    code, _, err = run(capsys, "--csv", exported)
    assert code == 2 and "mimic_procedures.csv" in err and "Traceback" not in err


def test_random_rows_are_read_identically(records, exported):
    """Reading back changes no value that was valid (a spot check on random rows of each table)."""
    from mimic_desktop.exchange.flat_input import read_tables

    tables = read_tables(exported)
    rng = random.Random(1)
    for name in ("procedures", "lesions"):
        written = pd.read_csv(exported / f"mimic_{name}.csv", dtype=str, keep_default_na=False)
        for row in rng.sample(range(len(written)), 5):
            for column in ("study_id", "centre"):
                assert tables[name].loc[row, column] == written.loc[row, column]


@pytest.mark.parametrize("missing", ["statsmodels", "scipy", "pandas"])
def test_an_install_without_the_statistics_says_so_plainly(capsys, monkeypatch, exported, missing):
    import sys

    monkeypatch.setitem(sys.modules, missing, None)  # as on a laptop installed without the extra "central"
    for args in (("--synthetic",), ("--csv", exported)):
        code, out, err = run(capsys, *args)
        assert code == 2 and out == ""
        assert f"this install has no {missing}" in err and "mimic-desktop[central]" in err


def test_the_procedures_table_may_give_each_centres_prior_experience(capsys, exported):
    path = exported / "mimic_procedures.csv"
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    centre = frame.loc[0, "centre"]
    frame["centre_prior_procedures"] = ["25" if value == centre else "" for value in frame["centre"]]
    frame.to_csv(path, index=False)
    code, out, err = run(capsys, "--csv", exported, "--json")
    assert code == 0, err
    centres = {row["centre"]: row for row in json.loads(out)["learning_curve"]["centres"]}
    assert centres[centre]["prior_procedures"] == 25 and centres[centre]["procedures_learning"] == 0
    assert {row["prior_procedures"] for code_, row in centres.items() if code_ != centre} == {0}

    frame.loc[4, "centre_prior_procedures"] = "-2"
    frame.to_csv(path, index=False)
    code, out, err = run(capsys, "--csv", exported)
    assert code == 2 and out == ""
    assert "mimic_procedures.csv" in err and "line 6" in err and "centre_prior_procedures" in err
    assert "a whole number of at least 0" in err
