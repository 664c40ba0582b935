import io

import pytest
from pypdf import PdfReader

from mimic_desktop.cli.main import main
from mimic_desktop.services.procedures import ProcedureService
from tests.support.signers import make_surgeon_of_record

from .conftest import SURGEON_PASSWORD, flat


def run(db_path, *args):
    return main([args[0], "--db", str(db_path), *args[1:]])


def test_pdf_commands_write_the_files(db_path, service, signed, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("MIMIC_PASSWORD", "correct horse")
    study_id = service.load(signed).study_id
    summary = tmp_path / "summary.pdf"
    assert run(db_path, "pdf-summary", "--user", "anna.coord", study_id, "--out", str(summary), "--lang", "nl") == 0
    assert str(summary) in capsys.readouterr().out
    assert "Samenvatting van de ingreep" in PdfReader(summary).pages[0].extract_text()
    blank = tmp_path / "blank.pdf"
    assert run(db_path, "pdf-questionnaire", "--user", "anna.coord", study_id, "--out", str(blank), "--blank") == 0
    text = flat(PdfReader(blank).pages[0].extract_text())
    assert study_id in text and "☒" not in text


def test_sign_from_the_command_line(db_path, store, service, surgeon, recorded, monkeypatch, capsys):
    from mimic_desktop.services.demo import DEMO_QUESTIONNAIRE

    service.set_values(recorded, DEMO_QUESTIONNAIRE)
    make_surgeon_of_record(store, recorded, surgeon)
    study_id = service.load(recorded).study_id
    monkeypatch.setattr("sys.stdin", io.StringIO("correct horse\n"))
    assert run(db_path, "sign", "--user", "anna.coord", study_id, "--meaning", "author") == 2
    assert "Only a surgeon can sign" in capsys.readouterr().err
    monkeypatch.setenv("MIMIC_PASSWORD", SURGEON_PASSWORD)  # signs in; it never signs
    assert run(db_path, "confirm-answers", "--user", "sam.surgeon", study_id) == 0
    assert "7 answer(s) confirmed" in capsys.readouterr().out
    monkeypatch.setattr("sys.stdin", io.StringIO(SURGEON_PASSWORD + "\n"))
    assert run(db_path, "sign", "--user", "sam.surgeon", study_id, "--meaning", "confirmed_author") == 0
    out = capsys.readouterr().out
    signature = service.load(recorded).valid_signature()
    assert signature.meaning.startswith("Author: these answers were entered on my word")
    assert signature.content_hash in out


def test_the_command_line_signs_the_statement_in_the_signers_language(
    db_path, store, service, surgeon, recorded, monkeypatch
):
    from mimic_desktop.services.demo import DEMO_QUESTIONNAIRE
    from mimic_desktop.services.signing import signature_meaning

    ProcedureService(store, surgeon).set_values(recorded, DEMO_QUESTIONNAIRE)  # the surgeon's own answers
    make_surgeon_of_record(store, recorded, surgeon)
    monkeypatch.setattr("sys.stdin", io.StringIO(SURGEON_PASSWORD + "\n"))
    study_id = service.load(recorded).study_id
    assert run(db_path, "sign", "--user", "sam.surgeon", study_id, "--lang", "nl") == 0
    meaning = service.load(recorded).valid_signature().meaning
    assert meaning == signature_meaning("nl") and meaning.startswith("Auteur: ik heb deze vragenlijst ingevuld")


@pytest.mark.parametrize("command", ["pdf-summary", "pdf-questionnaire"])
def test_an_unknown_study_id_is_one_line(db_path, coordinator, tmp_path, monkeypatch, capsys, command):
    monkeypatch.setenv("MIMIC_PASSWORD", "correct horse")
    assert run(db_path, command, "--user", "anna.coord", "MIM-01-999", "--out", str(tmp_path / "x.pdf")) == 2
    assert capsys.readouterr().err.strip() == "error: There is no procedure with study ID MIM-01-999."
