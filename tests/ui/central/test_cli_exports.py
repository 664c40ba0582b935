"""`mimic-central export-csv|export-redcap|export-odm` through main(argv), read back, and their plain errors."""

from __future__ import annotations

from tests.support.office import run_central

from .conftest import check_flat_csv, check_odm


def test_the_command_line_exports(filled_db, outbox, schema, tmp_path, capsys):
    assert run_central(*["export-csv", "--db", str(filled_db), "--out", str(tmp_path / "csv")]) == 0
    assert capsys.readouterr().out.splitlines() == [
        str(tmp_path / "csv" / f"mimic_central_{name}.csv")
        for name in ("procedures", "lesions", "complications", "events", "data_dictionary")
    ]
    check_flat_csv(tmp_path / "csv", outbox)
    args = ["export-redcap", "--db", str(filled_db), "--out", str(tmp_path / "redcap"), "--lang", "nl"]
    assert run_central(*args) == 0
    assert len(capsys.readouterr().out.splitlines()) == 3
    assert run_central(*["export-odm", "--db", str(filled_db), "--out", str(tmp_path / "odm")]) == 0
    assert capsys.readouterr().out.strip() == str(tmp_path / "odm" / "mimic_central_odm.xml")
    check_odm(tmp_path / "odm" / "mimic_central_odm.xml", schema)
    assert run_central(*["export-castor", "--db", str(filled_db), "--out", str(tmp_path / "castor")]) == 0
    assert str(tmp_path / "castor" / "mimic_central_castor_study.csv") in capsys.readouterr().out.splitlines()
    args = ["export-dataset-json", "--db", str(filled_db), "--out", str(tmp_path / "json")]
    assert run_central(*args) == 0
    assert capsys.readouterr().out.splitlines()[0] == str(tmp_path / "json" / "mimic_central_procedures.json")


def test_command_line_export_mistakes_are_one_plain_line(central_db, outbox, tmp_path, capsys):
    laptop_db = outbox.laptop.service.store.path
    cases = [
        (["export-csv", "--db", str(central_db)], "holds no sessions yet: import session files first"),
        (["export-odm", "--db", str(laptop_db)], "is an operating-room laptop's MIMIC database, not a central"),
        (["export-redcap", "--db", str(tmp_path / "none.sqlite")], "There is no central database at"),
    ]
    for args, message in cases:
        assert run_central(*[*args, "--out", str(tmp_path / "out")]) == 2
        err = capsys.readouterr().err
        assert err.startswith("error: ") and message in err and len(err.splitlines()) == 1
    assert not (tmp_path / "out").exists()
