"""Exporting from the laptop database: permission, audit entry, atomic files, plain errors, command line."""

from __future__ import annotations

import csv
import json
import random

import pytest

from mimic_desktop.cli.main import main
from mimic_desktop.domain.errors import MimicError, NotFound, PermissionDenied
from mimic_desktop.exchange.files import ExportError
from mimic_desktop.services.accounts import AccountService
from mimic_desktop.services.data_exports import export_csv, export_odm, export_redcap
from mimic_desktop.services.procedures import ProcedureService
from mimic_desktop.services.simulate import record_procedure
from mimic_desktop.storage import audit

from .conftest import PASSWORD


@pytest.fixture
def two(service):
    """Two recorded procedures, MIM-01-001 and MIM-01-002."""
    return [record_procedure(service, random.Random(seed), lesions=2) for seed in (3, 4)]


def cli(db_path, *args) -> int:
    return main([args[0], "--db", str(db_path), "--user", "anna.coord", *map(str, args[1:])])


def test_one_record_is_exported_under_its_study_id_and_the_export_is_audited(service, two, tmp_path):
    written = export_csv(service, ["mim-01-002"], tmp_path / "out").paths
    assert [p.name for p in written] == [
        f"MIM-01-002_{name}.csv" for name in ("procedures", "lesions", "complications", "events", "data_dictionary")
    ]
    with written[0].open(encoding="utf-8", newline="") as stream:
        assert [row["study_id"] for row in csv.DictReader(stream)] == ["MIM-01-002"]
    last = service.audit_trail()[-1]
    assert (last["entity"], last["entity_id"], last["username"]) == ("export", "csv", "anna.coord")
    assert last["procedure_id"] == two[1]
    assert json.loads(last["new_value"]) == {"study_ids": ["MIM-01-002"], "files": [p.name for p in written]}
    assert audit.check(service.store.conn).ok


def test_all_records_in_study_id_order(service, two, tmp_path):
    written = export_redcap(service, None, tmp_path, lang="nl").paths
    assert [p.name for p in written] == [
        "mimic_redcap_data_dictionary.csv",
        "mimic_redcap_import.csv",
        "mimic_redcap_repeating_instruments.csv",
    ]
    with written[1].open(encoding="utf-8", newline="") as stream:
        main_rows = [r["record_id"] for r in csv.DictReader(stream) if not r["redcap_repeat_instrument"]]
    assert main_rows == ["MIM-01-001", "MIM-01-002"]
    assert json.loads(service.audit_trail()[-1]["new_value"])["study_ids"] == main_rows


def test_a_monitor_may_not_export_and_the_attempt_is_kept(store, service, coordinator, two, tmp_path):
    monitor = AccountService(store).create_user("mo.monitor", "Mo Monitor", "monitor", "read only 1", by=coordinator)
    with pytest.raises(PermissionDenied):
        export_odm(ProcedureService(store, monitor), None, tmp_path / "mimic.xml")
    assert list(tmp_path.glob("*.xml*")) == []
    refused = service.audit_trail()[-1]
    assert (refused["entity"], refused["username"], refused["field"]) == ("access", "mo.monitor", "refused")


def test_an_unknown_study_id_or_an_empty_database_is_said_plainly(service, tmp_path):
    with pytest.raises(NotFound, match="no procedures in this database"):
        export_csv(service, None, tmp_path / "out")
    with pytest.raises(NotFound, match="no procedure with study ID MIM-01-999"):
        export_odm(service, ["MIM-01-999"], tmp_path / "x.xml")
    assert not (tmp_path / "out").exists() and not (tmp_path / "x.xml").exists()


def test_unwritable_places_give_plain_errors_and_leave_nothing_half_written(service, two, tmp_path):
    a_file = tmp_path / "notes.txt"
    a_file.write_text("keep me")
    with pytest.raises(ExportError, match="it is a file, not a folder"):
        export_csv(service, None, a_file)
    with pytest.raises(ExportError, match=r"the folder .*missing does not exist"):
        export_odm(service, None, tmp_path / "missing" / "mimic.xml")
    with pytest.raises(ExportError, match="there is a folder of that name"):
        export_odm(service, None, tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    (out / "mimic_procedures.csv").write_text("an earlier export")
    (out / "mimic_lesions.csv").mkdir()
    with pytest.raises(ExportError) as refused:
        export_csv(service, None, out)
    assert isinstance(refused.value, MimicError) and "mimic_lesions.csv" in str(refused.value)
    assert (out / "mimic_procedures.csv").read_text() == "an earlier export"
    assert sorted(p.name for p in out.iterdir()) == ["mimic_lesions.csv", "mimic_procedures.csv"]
    assert a_file.read_text() == "keep me"
    assert all(row["entity"] != "export" for row in service.audit_trail()), "a failed export is not logged as done"


def test_the_command_line_exports(db_path, two, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("MIMIC_PASSWORD", PASSWORD)
    assert cli(db_path, "export-csv", "--all", "--out", tmp_path / "csv") == 0
    assert cli(db_path, "export-redcap", "MIM-01-001", "--lang", "nl", "--out", tmp_path / "redcap") == 0
    assert cli(db_path, "export-odm", "MIM-01-001", "MIM-01-002", "--out", tmp_path / "mimic.xml") == 0
    printed = capsys.readouterr().out.split()
    assert printed[:5] == [
        str(tmp_path / "csv" / f"mimic_{t}.csv")
        for t in ("procedures", "lesions", "complications", "events", "data_dictionary")
    ]
    assert str(tmp_path / "redcap" / "MIM-01-001_redcap_import.csv") in printed
    assert printed[-1] == str(tmp_path / "mimic.xml")
    assert (tmp_path / "mimic.xml").read_text(encoding="utf-8").count("<SubjectData") == 2
    assert cli(db_path, "export-castor", "--all", "--out", tmp_path / "castor") == 0
    assert cli(db_path, "export-dataset-json", "MIM-01-001", "--out", tmp_path / "json") == 0
    printed = capsys.readouterr().out.split()
    assert str(tmp_path / "castor" / "mimic_castor_study.csv") in printed
    assert str(tmp_path / "json" / "MIM-01-001_lesions.json") in printed


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("export-csv", "--out", "OUT"), "Name the study IDs to export, or give --all"),
        (("export-odm", "MIM-01-001", "--all", "--out", "OUT"), "Name the study IDs to export, or give --all"),
        (("export-redcap", "MIM-01-999", "--out", "OUT"), "There is no procedure with study ID MIM-01-999."),
        (("export-odm", "--all", "--out", "OUT/missing/x.xml"), "does not exist"),
    ],
)
def test_command_line_mistakes_are_one_plain_line(db_path, two, tmp_path, monkeypatch, capsys, args, message):
    monkeypatch.setenv("MIMIC_PASSWORD", PASSWORD)
    args = [str(tmp_path) if a == "OUT" else a.replace("OUT", str(tmp_path)) for a in args]
    assert cli(db_path, *args) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and message in err and "Traceback" not in err
    assert err.count("\n") == 1
