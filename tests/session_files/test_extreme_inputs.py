"""A folder import goes on past a bad file and names it; numbers beyond what a record can hold, unfinished
exports and files that are not regular files are refused by name, never with a traceback."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from mimic_desktop.services.central_import import PART_REFUSAL, Outcome
from tests.support.office import run_central
from tests.support.session_files import with_record


def _huge_lesion_number(record: dict) -> None:
    record["record"]["lesions"][0]["number"] = 2**63


def _huge_version(record: dict) -> None:
    record["session_version"] = 10**20


@pytest.mark.parametrize("change", [_huge_lesion_number, _huge_version], ids=["lesion number", "version"])
def test_a_folder_import_goes_on_past_a_file_with_a_number_of_2_63_and_names_it(laptop, importer, change):
    first, last = laptop.record(30), laptop.record(31)
    laptop.export(first)
    bad_source = laptop.export(last)
    bad = laptop.out / "MIM-01-000-v1.mimic"  # sorted first, so that the good file comes after it
    bad.write_bytes(with_record(bad_source.read_bytes(), laptop.key_path, change))
    bad_source.unlink()
    summary = importer.import_paths([laptop.out])
    assert summary.count(Outcome.NEW) == 1 and summary.stopped is None
    [refused] = summary.rejected
    assert refused.name == str(bad) and "larger than any number a record can hold" in refused.message
    assert f"rejected {bad}:" in summary.text()


def test_a_part_file_is_never_imported_even_when_named(laptop, importer):
    made = laptop.export(laptop.record(32))
    part = made.with_name(made.name + ".part")
    made.rename(part)
    result = importer.import_file(part)
    assert result.outcome is Outcome.REJECTED and result.message == str(PART_REFUSAL)
    assert importer.import_paths([laptop.out]).results == [], "a folder import does not even look at it"


def test_devices_and_pipes_named_as_input_are_refused_without_reading_them(laptop, importer, tmp_path, capsys):
    fifo = tmp_path / "waiting.mimic"
    os.mkfifo(fifo)
    for path in (fifo, Path("/dev/zero")):
        result = importer.import_file(path)
        assert result.outcome is Outcome.REJECTED and "not a regular file" in result.message
    central_db = importer.store.path
    for key in (fifo, Path("/dev/zero")):
        code = run_central("add-centre", "--db", central_db, "02", key)
        err = capsys.readouterr().err
        assert code == 2 and "not a regular file" in err and "Traceback" not in err
