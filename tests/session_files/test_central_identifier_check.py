"""Every central export runs the laptop's identifier check: what it finds is said (from the command line, in the
window in its language, in the audit trail), and "no person" only when it found nothing."""

from __future__ import annotations

import json

import pytest

from mimic_desktop.domain import derive
from mimic_desktop.services import central_exports
from tests.support.office import data_manager, run_central
from tests.support.privacy import IDENTIFYING_TEXT

KINDS = [("csv", ()), ("redcap", ("en",)), ("odm", ()), ("castor", (None,)), ("dataset-json", ())]


@pytest.fixture
def with_identifier(laptop, importer):
    """Two records at the trial office; the second's complication describes the patient by name and birth date."""
    clean, named = laptop.record(80), laptop.record(81)
    day = derive.surgery_date(laptop.service.load(named))
    laptop.service.keeping_identifiers(
        "typed on purpose, to test what the trial office's exports say"
    ).add_complication(
        named,
        {"description": IDENTIFYING_TEXT, "clavien_dindo": "I", "onset_date": day.isoformat()},
        reason="complication reported by phone",
    )
    for proc_id in (clean, named):
        importer.import_file(laptop.export(proc_id))
    return laptop.service.load(named).study_id


@pytest.mark.parametrize(("kind", "options"), KINDS)
def test_every_central_export_flags_an_identifier_in_free_text(central_store, with_identifier, tmp_path, kind, options):
    written = central_exports.export_checked(
        central_store.path, data_manager(central_store), kind, tmp_path / kind, *options
    )
    assert written.files
    assert written.findings[0].startswith(f"{with_identifier}, Complication 1, ")
    found = written.findings[0].split("(")[-1]
    for planted in ("date", "long digit run", "e-mail address", "phone number", "postcode", "title and name"):
        assert planted in found
    assert written.findings[-1].startswith("Free text leaves the hospital in the export of the central database")
    [row] = central_store.conn.execute(
        "SELECT new_value FROM audit WHERE entity='export' AND field='written' ORDER BY seq DESC LIMIT 1"
    )
    assert json.loads(row[0])["identifier_findings"] == 1


def test_the_check_is_said_in_the_readers_language_and_finds_nothing_in_clean_records(
    laptop, importer, central_store, tmp_path, with_identifier
):
    dutch = central_exports.export_checked(
        central_store.path, data_manager(central_store), "csv", tmp_path / "nl", lang="nl"
    )
    assert dutch.findings[0].startswith(f"{with_identifier}, Complicatie 1, ")


def test_a_clean_export_reports_nothing(laptop, importer, central_store, tmp_path):
    importer.import_file(laptop.export(laptop.record(82)))
    written = central_exports.export_checked(central_store.path, data_manager(central_store), "odm", tmp_path)
    assert written.findings == []


def test_the_command_line_names_what_the_check_found(central_store, with_identifier, tmp_path, capsys):
    assert run_central("export-csv", "--db", central_store.path, "--out", tmp_path / "csv") == 0
    captured = capsys.readouterr()
    assert "mimic_central_procedures.csv" in captured.out
    assert captured.err.startswith("Identifier check:\n  " + with_identifier + ", Complication 1, ")


def test_a_report_without_its_statistics_is_refused_in_the_trial_offices_words(central_store, monkeypatch):
    from mimic_desktop.services import trial_report

    monkeypatch.setattr(trial_report, "STATISTICS", ("pandas", "no_such_statistics_package"))
    with pytest.raises(trial_report.StatisticsMissing) as missing:
        trial_report.tables_from_central(central_store.path)
    text = str(missing.value)
    assert "no_such_statistics_package" in text and "send the session files" not in text
