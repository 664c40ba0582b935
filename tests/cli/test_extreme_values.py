"""Numbers and times beyond what a record can plausibly hold are refused by the field's name, in English and
Dutch; no command ends in a traceback on them, and the commands that read the record still work after."""

from __future__ import annotations

from pathlib import Path

import pytest

from mimic_desktop.cli.main import main
from mimic_desktop.domain import forms, values
from mimic_desktop.domain.errors import ValidationError
from mimic_desktop.domain.plausible import LARGEST_INTEGER


@pytest.fixture
def cli(monkeypatch, service, recorded, db_path, capsys):
    monkeypatch.setenv("MIMIC_PASSWORD", "correct horse")
    study_id = service.load(recorded).study_id

    def run(*args: str) -> tuple[int, str]:
        code = main([args[0], "--db", str(db_path), *args[1:]])
        out, err = capsys.readouterr()
        assert "Traceback" not in out + err
        return code, out + err

    run.study_id = study_id
    return run


USER = ("--user", "anna.coord")


@pytest.mark.parametrize("event_id", ["99999999999999999999", str(2**63), "0", "-5"])
def test_striking_an_event_that_cannot_exist_is_a_plain_refusal(cli, event_id):
    code, out = cli("strike", *USER, event_id, "--reason", "typo")
    assert code == 2 and f"There is no event {event_id}." in out


@pytest.mark.parametrize(
    ("at", "words"),
    [
        ("9999-01-01T10:00:00+00:00", "Note: 9999-01-01 1"),
        ("2017-12-31T10:00:00+00:00", "is before the study began (2018-01-01)"),
        ("0001-01-01T00:00:00+14:00", "0001-01-01 00:00 is before the study began"),
    ],
)
def test_an_event_time_outside_the_study_is_refused_by_name(cli, at, words):
    code, out = cli("event", *USER, cli.study_id, "note", "--note", "x", "--at", at)
    assert code == 2 and words in out, out


@pytest.mark.parametrize(
    ("assignment", "words"),
    [
        ("icg_given_at=9999-12-31 10:00", "Time ICG was given: 9999-12-31 10:00 is in the future"),
        ("consent_date=9999-12-31", "Date of consent: 9999-12-31 is more than a year ahead"),
        ("consent_date=1999-01-01", "Date of consent: 1999-01-01 is before the study began"),
        ("blood_loss_ml=99999999999999999999", "above the highest plausible value"),
        ("cea=1" + "0" * 400, "expected a finite number"),
    ],
)
def test_a_value_outside_its_plausible_span_is_refused_and_the_record_still_reads(cli, tmp_path, assignment, words):
    code, out = cli("set", *USER, cli.study_id, assignment, "--reason", "checking")
    assert code == 2 and words in out, out
    assert cli("dump", *USER, cli.study_id)[0] == 0
    assert cli("pdf-summary", *USER, cli.study_id, "--out", str(tmp_path / "s.pdf"))[0] == 0
    assert cli("verify")[0] == 0


def test_every_number_field_has_a_range_within_what_sqlite_holds():
    for fdef in forms.all_fields().values():
        if fdef.type in {"integer", "decimal"}:
            assert fdef.minimum is not None and fdef.maximum is not None, fdef.name
            assert -LARGEST_INTEGER <= fdef.minimum <= fdef.maximum <= LARGEST_INTEGER, fdef.name


def test_the_refusals_are_said_in_dutch_with_the_dutch_field_name():
    with pytest.raises(ValidationError) as refused:
        values.normalise(forms.field_def("icg_given_at"), "9999-12-31 10:00", "nl")
    assert "ligt in de toekomst" in str(refused.value) and forms.field_def("icg_given_at").text("nl") in str(
        refused.value
    )
    with pytest.raises(ValidationError) as refused:
        values.normalise(forms.field_def("consent_date"), "2001-05-05", "nl")
    assert "ligt vóór het begin van de studie" in str(refused.value)


def test_a_database_named_as_a_device_or_pipe_is_refused(tmp_path, capsys):
    import os

    fifo = tmp_path / "pipe.sqlite"
    os.mkfifo(fifo)
    for path in (fifo, Path("/dev/zero")):
        code = main(["verify", "--db", str(path)])
        err = capsys.readouterr().err
        assert code == 2 and "not a regular file" in err
