"""`report` on the command line: JSON, summary and PDF from the synthetic cohort or CSV files; plain errors."""

import argparse
import json
import shutil
import subprocess

import pytest

from mimic_desktop.cli import report as report_cli
from mimic_desktop.services.trial_report import synthetic_tables


def run(capsys, *args) -> tuple[int, str, str]:
    code = report_cli.main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def csv_folder(tmp_path):
    """The synthetic cohort's three tables written as CSV, as a statistician's folder would hold them."""
    tables = synthetic_tables(seed=1)
    for name in ("procedures", "lesions", "complications"):
        getattr(tables, name).to_csv(tmp_path / f"{name}.csv", index=False)
    return tmp_path


def test_json_of_the_synthetic_cohort(capsys):
    code, out, _ = run(capsys, "--synthetic", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["format"] == "mimic-trial-report"
    assert data["source"] == "synthetic cohort, seed 1, scale 1"
    assert data["diagnostic"]["contingency"]["true_positive"] == 32


def test_the_summary_names_the_headline_figures_with_their_intervals(capsys):
    code, out, _ = run(capsys, "--synthetic", "--seed", 4)
    assert code == 0
    _, figures, _ = run(capsys, "--synthetic", "--seed", 4, "--json")
    report = json.loads(figures)
    accuracy, margins = report["diagnostic"]["accuracy"], report["margins"]
    shares = [(name.upper() if len(name) == 3 else name.title(), accuracy[name]) for name in ("sensitivity", "ppv")]
    shares += [("R0 before re-resection", margins["r0_before"]), ("R0 after re-resection", margins["r0_after"])]
    for label, share in shares:
        low, high = share["ci_low"] * 100, share["ci_high"] * 100
        assert 0 < low < share["value"] * 100 < high < 100
        assert (
            f"{label}: {share['count']}/{share['total']} ({share['value'] * 100:.1f}%); 95% CI {low:.1f}–{high:.1f}%"
            in out
        )
    assert "Sensitivity: 32/53 (60.4%); 95% CI" in out
    assert "AUROC: 0.751 (95% CI 0.668–0.833)" in out
    assert "McNemar's test: p < 0.001 (R1 to R0: 15, R0 to R1: 0)" in out


def test_csv_files_give_the_same_report_as_the_records(capsys, csv_folder):
    _, from_records, _ = run(capsys, "--synthetic", "--json")
    code, from_csv, _ = run(capsys, "--csv", csv_folder, "--json")
    assert code == 0
    expected, got = json.loads(from_records), json.loads(from_csv)
    for key in ("source", "generated_at"):
        expected.pop(key), got.pop(key)
    assert got == expected


def test_a_pdf_is_written_and_sound(capsys, tmp_path):
    target = tmp_path / "trial.pdf"
    code, out, _ = run(capsys, "--synthetic", "--pdf", target)
    assert code == 0 and f"written to {target}" in out
    check = subprocess.run([shutil.which("qpdf"), "--check", str(target)], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((), "Say which data to report on"),
        (("--synthetic", "--scale", 0), "does not fit the study IDs"),
        (("--csv", "nowhere"), "nowhere is not a folder"),
    ],
)
def test_problems_are_one_plain_line(capsys, args, message):
    code, out, err = run(capsys, *args)
    assert code == 2 and out == ""
    assert err.startswith("error: ") and message in err and "Traceback" not in err


def test_an_unreadable_csv_value_is_named(capsys, csv_folder):
    import pandas as pd

    lesions = pd.read_csv(csv_folder / "lesions.csv", dtype=str)
    lesions.loc[0, "specimen_fluorescent"] = "perhaps"
    lesions.to_csv(csv_folder / "lesions.csv", index=False)
    code, _, err = run(capsys, "--csv", csv_folder)
    assert code == 2 and "lesions.csv, line 2, specimen_fluorescent: 'perhaps' is not yes or no" in err


def test_register_adds_report_to_a_command_line(capsys):
    parser = argparse.ArgumentParser(prog="mimic-central")
    sub = parser.add_subparsers(dest="command")

    def command(name, handler, help_text, user=True):
        p = sub.add_parser(name, help=help_text)
        p.add_argument("--db")
        p.set_defaults(handler=handler)
        return p

    report_cli.register(command)
    args = parser.parse_args(["report", "--synthetic"])
    args.handler(args)
    assert "Patients analysed: 201 of 201" in capsys.readouterr().out
