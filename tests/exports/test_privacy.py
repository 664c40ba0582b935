"""No exported file names the patient: every kind is scanned, clean records give clean files, and an
identifier typed into free text is both found in the files and named by every export's warning."""

from __future__ import annotations

import pytest

from mimic_desktop.cli.main import main
from tests.support.privacy import (
    IDENTIFYING_FIELD_WORDS,
    IDENTIFYING_TEXT,
    PLANTED,
    export_everything,
    identifier_places,
    identifying_fields,
    kinds_in,
    realistic_laptop,
    scan,
    type_identifiers,
)
from tests.support.session_files import COORDINATOR_PASSWORD

KINDS = {"session file": 3, "CSV": 11, "CDISC ODM": 1, "PDF": 12}


def test_no_field_of_the_forms_asks_for_a_direct_identifier():
    assert identifying_fields() == []
    for asking in ("Date of birth", "Patient name", "BSN", "Geboortedatum", "Telefoonnummer", "Hospital number"):
        assert IDENTIFYING_FIELD_WORDS.search(asking), asking


def test_the_scan_knows_each_kind_of_identifier_and_leaves_trial_data_alone():
    assert kinds_in(IDENTIFYING_TEXT) == list(PLANTED)
    assert kinds_in("born 03/12/54") == ["date of birth"]
    trial_data = "Incision 2026-11-24T08:12:00+00:00, ICG 10 mg on 23-11-2026, CEA 5.9 ng/mL, MIM-01-001, 150 mL"
    assert kinds_in(trial_data) == []


@pytest.fixture
def laptop_and_records(tmp_path):
    laptop, ids = realistic_laptop(tmp_path / "laptop")
    yield laptop, ids
    laptop.service.store.close()


def test_clean_records_give_clean_files(laptop_and_records, tmp_path):
    laptop, ids = laptop_and_records
    exports = export_everything(laptop, ids, tmp_path / "out")
    result = scan(exports.paths)
    assert result.files == KINDS
    assert result.texts > sum(KINDS.values()), "members of session files and pages of PDFs are read one by one"
    assert result.findings == []
    assert not [w for warnings in exports.warnings.values() for w in warnings if "identifier" in w]


def test_an_identifier_typed_into_free_text_is_in_the_files_and_named_by_each_export(laptop_and_records, tmp_path):
    laptop, ids = laptop_and_records
    places = type_identifiers(laptop, ids)
    exports = export_everything(laptop, ids, tmp_path / "out")
    result = scan(exports.paths)
    for kind in KINDS:
        assert result.found_in(kind) == set(PLANTED), f"the scan reads {kind} files"
    for name in ("CSV", "REDCap (English)", "CDISC ODM"):
        warnings = exports.warnings[name]
        for place in places:
            assert any(w.startswith(place) and "looks like it holds an identifier" in w for w in warnings), place
        assert warnings[-1].startswith("Free text leaves the hospital in these files")
    dutch = exports.warnings["REDCap (Dutch)"]
    for place in identifier_places(laptop, ids, "nl"):
        assert any(w.startswith(place) and "lijkt een identificerend gegeven te bevatten" in w for w in dutch), place
    assert dutch[-1].startswith("Vrije tekst verlaat het ziekenhuis in deze bestanden")
    sessions = [w for name, ws in exports.warnings.items() if name.startswith("session file") for w in ws]
    for place in places:
        assert any(w.startswith(place) for w in sessions), place


def test_the_command_line_prints_the_warnings_and_still_exports(laptop_and_records, tmp_path, monkeypatch, capsys):
    laptop, ids = laptop_and_records
    place = type_identifiers(laptop, ids)[0]
    monkeypatch.setenv("MIMIC_PASSWORD", COORDINATOR_PASSWORD)
    db = str(laptop.service.store.path)
    assert main(["export-odm", "--db", db, "--user", "anna.coord", "--all", "--out", str(tmp_path / "m.xml")]) == 0
    printed = capsys.readouterr()
    assert printed.out.strip() == str(tmp_path / "m.xml")
    assert f"warning: {place}: looks like it holds an identifier" in printed.err
