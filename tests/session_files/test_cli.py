"""`mimic-desktop export`, `export-key` and `mimic-central` through main(argv), with their plain error messages."""

import json

import pytest

from mimic_desktop.cli import main as desktop_cli
from tests.support.office import run_central


@pytest.fixture
def finished_db(laptop, monkeypatch):
    """The laptop database with two finished records; the CLI signs in as the coordinator."""
    monkeypatch.setenv("MIMIC_PASSWORD", "correct horse")
    laptop.record(50)
    laptop.record(51, lesions=1)
    return laptop.service.store.path


def desktop(*args) -> int:
    return desktop_cli.main([str(a) for a in args])


def central(*args) -> int:
    return run_central(*args)


def test_export_key_export_and_the_whole_central_cycle(finished_db, tmp_path, capsys):
    key_file = tmp_path / "centre-01.pem"
    assert desktop("export-key", "--out", key_file) == 0
    fingerprint = capsys.readouterr().out.split("fingerprint ")[1].split(":")[0]
    outbox = tmp_path / "usb"
    outbox.mkdir()
    for study_id in ("MIM-01-001", "MIM-01-002"):
        assert desktop("export", "--db", finished_db, "--user", "anna.coord", study_id, "--out", outbox) == 0
    out, err = capsys.readouterr()
    assert "MIM-01-002 version 1" in out and f"signed with key {fingerprint}" in out
    assert "warning: The surgeon has not signed the questionnaire yet" in err
    db = tmp_path / "central.sqlite"
    assert central("init", "--db", db) == 0 and "created" in capsys.readouterr().out
    assert central("add-centre", "--db", db, "01", key_file) == 0
    assert f"Key {fingerprint} of centre 01 registered" in capsys.readouterr().out
    assert central("import", "--db", db, outbox) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[-1].startswith("2 imported (2 new") and "0 rejected" in out
    assert central("import", "--db", db, outbox / "MIM-01-001-v1.mimic") == 0
    assert "0 imported" in capsys.readouterr().out
    assert central("list", "--db", db) == 0
    listing = capsys.readouterr().out.splitlines()
    assert [line.split("\t")[:3] for line in listing] == [
        ["MIM-01-001", "v1", "current"],
        ["MIM-01-002", "v1", "current"],
    ]
    assert central("list", "--db", db, "--keys") == 0
    assert capsys.readouterr().out.startswith(f"01\t{fingerprint}")
    assert central("report", "--db", db, "--json", "--pdf", tmp_path / "report.pdf") == 0
    report = json.loads(capsys.readouterr().out)
    assert report["counted"]["procedures_in_input"] == 2 and report["counted"]["lesions_in_input"] == 3
    assert "central study database central.sqlite" in report["source"]
    assert (tmp_path / "report.pdf").read_bytes().startswith(b"%PDF")


def test_import_exits_1_and_names_each_rejected_file(finished_db, tmp_path, capsys):
    central("init", "--db", tmp_path / "central.sqlite")
    (tmp_path / "in").mkdir()
    desktop("export", "--db", finished_db, "--user", "anna.coord", "MIM-01-001", "--out", tmp_path / "in")
    capsys.readouterr()
    code = central("import", "--db", tmp_path / "central.sqlite", "--quiet", tmp_path / "in")
    out = capsys.readouterr().out
    assert (
        code == 1
        and "1 rejected" in out
        and "MIM-01-001-v1.mimic: The file is signed by a key that is not registered" in out
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("import", "--db", "{tmp}/missing.sqlite", "{tmp}"), "There is no central database at"),
        (("add-centre", "--db", "{tmp}/central.sqlite", "1", "{tmp}/key.pem"), "Centre code '1' must be two digits"),
        (("add-centre", "--db", "{tmp}/central.sqlite", "01", "{tmp}/key.pem"), "is not a public key file"),
        (("add-centre", "--db", "{tmp}/central.sqlite", "01", "{tmp}/nothing.pem"), "Cannot read the key file"),
        (("list", "--db", "{tmp}/laptop.sqlite"), "is an operating-room laptop's MIMIC database, not a central"),
    ],
)
def test_central_errors_are_one_plain_line(finished_db, tmp_path, capsys, args, message):
    central("init", "--db", tmp_path / "central.sqlite")
    (tmp_path / "key.pem").write_text("-----BEGIN PUBLIC KEY-----\nnot really\n-----END PUBLIC KEY-----\n")
    capsys.readouterr()
    assert central(*(a.format(tmp=tmp_path) for a in args)) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and message in err and "Traceback" not in err and len(err.splitlines()) == 1


def test_export_errors_are_one_plain_line(finished_db, laptop, tmp_path, capsys):
    import random

    from mimic_desktop.services.simulate import record_procedure

    record_procedure(laptop.service, random.Random(52), lesions=1, pathology=False)
    cases = [
        (("MIM-01-003", "--out", tmp_path), "MIM-01-003 is not complete, so it cannot be exported yet. Missing: "),
        (("MIM-01-001", "--out", tmp_path / "no" / "such" / "file.mimic"), "the folder"),
        (("MIM-01-099", "--out", tmp_path), "There is no procedure with study ID MIM-01-099"),
    ]
    for args, message in cases:
        assert desktop("export", "--db", finished_db, "--user", "anna.coord", *args) == 2
        err = capsys.readouterr().err
        assert err.startswith("error: ") and message in err and "Traceback" not in err
