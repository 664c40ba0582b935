"""A new version of the case report form: the central database keeps opening, and records of every known version import.

The new version runs as the trial office would run it, in a process of its own with MIMIC_FORMS_DIR pointing
at the changed forms: a field added, the CRF version bumped, and version 1 kept in forms/history/.
"""

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from mimic_desktop.domain import forms
from mimic_desktop.services.central_import import Outcome
from tests.support.office import DATA_MANAGER, PASSWORD
from tests.support.session_files import snapshot, with_record

NEW_FIELD = {
    "name": "asa_class",
    "type": "integer",
    "min": 1,
    "max": 5,
    "label": {"en": "ASA physical status class", "nl": "ASA-klasse"},
}


# The version a CRF change makes next, from the one shipped now.
CURRENT = forms.crf().version
NEXT = CURRENT + 1


def forms_version_2(folder: Path) -> Path:
    """A copy of forms/ as a CRF change leaves it: the current version moved to history/, the next one with one more
    field."""
    shutil.copytree(forms.forms_dir(), folder)
    current = folder / "crf.json"
    (folder / "history").mkdir(exist_ok=True)
    shutil.copy(current, folder / "history" / f"crf-v{CURRENT}.json")
    crf = json.loads(current.read_text(encoding="utf-8"))
    assert crf["version"] == CURRENT
    crf["version"] = NEXT
    next(s for s in crf["sections"] if s["name"] == "baseline")["fields"].append(NEW_FIELD)
    current.write_text(json.dumps(crf, ensure_ascii=False), encoding="utf-8")
    return folder


def central_cli(forms_dir: Path, *args) -> subprocess.CompletedProcess:
    env = os.environ | {
        "MIMIC_FORMS_DIR": str(forms_dir),
        "MIMIC_DEVELOPMENT": "1",
        "MIMIC_PASSWORD": PASSWORD,
        "MIMIC_PROGRAM": "mimic_desktop.cli.central",
    }
    command, *rest = map(str, args)
    return subprocess.run(
        [sys.executable, "-m", "tests.support.cheap_cli", command, "--user", DATA_MANAGER, *rest],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def made_with_version_2(data: bytes, key_path: Path) -> bytes:
    """The file as a laptop with CRF version 2 would have written it (the new field filled in)."""

    def change(record: dict) -> None:
        record["form_versions"]["crf"] = NEXT
        record["record"]["values"]["asa_class"] = 2

    return with_record(data, key_path, change)


def test_an_old_central_database_opens_keeps_its_records_and_reports_after_a_crf_change(
    laptop, importer, central_store, tmp_path
):
    first, late, third = (laptop.record(seed, lesions=1) for seed in (60, 61, 62))
    assert importer.import_file(laptop.export(first)).outcome is Outcome.NEW
    late_file = laptop.export(late)
    new_file = tmp_path / "MIM-01-003-v1.mimic"
    new_file.write_bytes(made_with_version_2(laptop.export(third).read_bytes(), laptop.key_path))
    db = central_store.path
    central_store.close()
    changed = forms_version_2(tmp_path / "forms-v2")

    listed = central_cli(changed, "list", "--db", db)
    assert listed.returncode == 0, listed.stderr
    assert [line.split("\t")[:3] for line in listed.stdout.splitlines()] == [["MIM-01-001", "v1", "current"]]

    imported = central_cli(changed, "import", "--db", db, late_file, new_file)
    assert imported.returncode == 0, imported.stdout + imported.stderr
    assert imported.stdout.splitlines()[-1].startswith("2 imported (2 new")

    reported = central_cli(changed, "report", "--db", db, "--json")
    assert reported.returncode == 0, reported.stderr
    assert json.loads(reported.stdout)["counted"]["procedures_in_input"] == 3

    conn = sqlite3.connect(db)
    rows = conn.execute("SELECT study_id, asa_class FROM procedures ORDER BY study_id").fetchall()
    assert rows == [("MIM-01-001", None), ("MIM-01-002", None), ("MIM-01-003", 2)]
    stored = conn.execute("SELECT COUNT(*) FROM session_files").fetchone()[0]
    conn.close()
    assert stored == 3


def test_a_version_no_one_knows_is_refused_by_name(laptop, importer, central_store):
    data = laptop.export(laptop.record(63, lesions=1)).read_bytes()
    before = snapshot(central_store)
    result = importer.import_bytes(made_with_version_2(data, laptop.key_path), "MIM-01-001-v1.mimic")
    assert result.outcome is Outcome.REJECTED
    known = ", ".join(map(str, range(1, NEXT)))
    assert f"CRF version {NEXT}" in result.message and f"knows version {known}" in result.message
    assert snapshot(central_store) == before


@pytest.mark.parametrize("form", ["crf", "questionnaire"])
def test_every_version_of_each_form_up_to_the_current_one_is_readable(form):
    assert forms.known_versions(form) == tuple(range(1, forms.form(form).version + 1))
    for version in forms.known_versions(form):
        assert forms.form(form, version).version == version
