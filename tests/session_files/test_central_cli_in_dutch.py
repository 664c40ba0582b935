"""`mimic-central` says everything in the reader's language: verify's verdict and each problem it finds, list, set-experience
and the report's status line, with a Dutch locale (LANG=nl_NL.UTF-8) and no language setting."""

from __future__ import annotations

import sqlite3

import pytest
from pypdf import PdfReader

from mimic_desktop.services.central_import import CentralImporter
from tests.support.office import data_manager, run_central


@pytest.fixture
def dutch(monkeypatch):
    for name in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "nl_NL.UTF-8")


@pytest.fixture
def imported(laptop, central_store):
    """The central database with one record imported; closed, so that the command line opens it alone."""
    CentralImporter(central_store, data_manager(central_store)).import_file(laptop.export(laptop.record(101)))
    path = central_store.path
    central_store.close()
    return path


def test_verify_says_an_intact_database_in_dutch(imported, dutch, capsys):
    assert run_central("verify", "--db", imported, "--signatures") == 0
    out = capsys.readouterr().out
    assert out.startswith("De centrale studiedatabase is intact: audittrail van ")
    assert "1 sessie(s) zoals geïmporteerd" in out
    assert "audit trail" not in out


def test_verify_names_each_problem_in_dutch(imported, dutch, capsys):
    assert (
        run_central(
            "set-experience", "--db", imported, "--centre", "02", "--prior-procedures", "12", "--reason", "enquête"
        )
        == 0
    )
    said = capsys.readouterr().out.strip()
    assert said == "Centrum 02: 12 procedure(s) vóór de studie, meegeteld in de leercurve van het studierapport."
    raw = sqlite3.connect(imported)
    raw.execute("UPDATE centre_experience SET prior_procedures = 0 WHERE centre = '02'")
    raw.commit()
    raw.close()
    assert run_central("verify", "--db", imported) == 1
    lines = capsys.readouterr().out.splitlines()
    assert (
        lines[0]
        == "De centrale studiedatabase is NIET zoals de audittrail en de imports zeggen (1 probleem/problemen):"
    )
    assert lines[1:] == [
        "  eerdere ervaring van centrum 02 is niet wat het audittrail vastlegde (buiten de applicatie gewijzigd)"
    ]


def test_a_damaged_chain_and_a_missing_archived_file_are_said_in_dutch(imported, dutch, capsys):
    from mimic_desktop.storage import central_archive

    for kept in central_archive.folder_for(imported).rglob("*"):
        if kept.is_file():
            kept.unlink()
    raw = sqlite3.connect(imported)
    raw.execute("DROP TRIGGER IF EXISTS audit_no_update")
    raw.execute("UPDATE audit SET reason = 'forged' WHERE seq = 2")
    raw.commit()
    raw.close()
    assert run_central("verify", "--db", imported) == 1
    out = capsys.readouterr().out
    assert "  audittrail: regel 2 is gewijzigd" in out
    assert "MIM-01-001 versie 1: het ondertekende sessiebestand ontbreekt in " in out
    for english in ("entry", "missing", "altered", "audit trail", "version"):
        assert english not in out, english


def test_list_says_its_words_in_dutch(imported, dutch, capsys):
    assert run_central("list", "--db", imported) == 0
    row = capsys.readouterr().out.strip().split("\t")
    assert row[0] == "MIM-01-001" and row[2] == "huidig"
    assert row[-1].startswith("ondertekend met sleutel ")
    assert run_central("list", "--db", imported, "--keys") == 0
    key = capsys.readouterr().out.strip().split("\t")
    assert key[0] == "01" and key[2].startswith("geregistreerd ")


def test_a_refusal_is_prefixed_in_dutch(imported, dutch, capsys):
    assert run_central("list", "--db", imported, password="not the password") == 2
    err = capsys.readouterr().err
    assert err.startswith("fout: ") and "error" not in err


def test_the_report_command_says_where_it_wrote_in_dutch(imported, dutch, tmp_path, capsys):
    pdf = tmp_path / "rapport.pdf"
    assert run_central("report", "--db", imported, "--pdf", pdf) == 0
    assert capsys.readouterr().out.strip() == f"Studierapport geschreven naar {pdf}."
    first_page = " ".join(PdfReader(pdf).pages[0].extract_text().split())
    assert "MIMIC-studierapport: centrale studiedatabase central.sqlite" in first_page
