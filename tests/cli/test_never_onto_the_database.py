"""No command writes onto the open database, its -wal or -shm, its backups, or a folder where a file belongs.

Each case names the database under another name too: a symbolic link and a hard link to it. After
every refusal the database still opens, holds the finished record, and its audit trail verifies.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from mimic_desktop.cli.main import main
from mimic_desktop.services import backups, file_guard
from mimic_desktop.services.procedures import ProcedureService
from mimic_desktop.storage import audit
from mimic_desktop.storage.connection import open_store
from tests.support.office import run_central
from tests.support.session_files import COORDINATOR_PASSWORD, make_central, make_laptop

REFUSED = "Nothing was written"


@pytest.fixture
def laptop(tmp_path, monkeypatch):
    made = make_laptop(tmp_path)
    made.record(11)
    backups.take_backup(made.service.store, "daily")
    monkeypatch.setenv("MIMIC_PASSWORD", COORDINATOR_PASSWORD)
    monkeypatch.setenv("MIMIC_CONFIG_DIR", str(tmp_path / "config"))
    yield made
    made.service.store.close()


def disguises(db: Path) -> dict[str, Path]:
    """The database and its side files under their own names, and the database under two other names."""
    link, hard = db.with_name("innocent.pdf"), db.with_name("report.xml")
    link.symlink_to(db)
    os.link(db, hard)
    return {"database": db, "wal": Path(f"{db}-wal"), "shm": Path(f"{db}-shm"), "symlink": link, "hard link": hard}


def still_whole(laptop) -> None:
    store = open_store(laptop.service.store.path, create=False)
    try:
        service = ProcedureService(store, laptop.service.user)
        assert [row["status"] for row in service.list()] == ["complete"]
        assert audit.check(store.conn).ok
    finally:
        store.close()


def file_commands(study_id: str) -> dict[str, list[str]]:
    user = ["--user", "anna.coord"]
    return {
        "pdf-summary": ["pdf-summary", *user, study_id],
        "pdf-questionnaire": ["pdf-questionnaire", *user, study_id],
        "export": ["export", *user, study_id],
        "export-odm": ["export-odm", *user, study_id],
        "export-key": ["export-key"],
    }


@pytest.mark.parametrize("command", ["pdf-summary", "pdf-questionnaire", "export", "export-odm", "export-key"])
@pytest.mark.parametrize("disguise", ["database", "wal", "shm", "symlink", "hard link"])
def test_a_file_command_never_writes_onto_the_database(laptop, command, disguise, capsys):
    db = laptop.service.store.path
    target = disguises(db)[disguise]
    study_id = laptop.service.list()[0]["study_id"]
    args = file_commands(study_id)[command]
    code = main([args[0], *(["--db", str(db)] if command != "export-key" else []), *args[1:], "--out", str(target)])
    err = capsys.readouterr().err
    assert code == 2, err
    assert REFUSED in err and "Traceback" not in err
    if disguise in ("database", "symlink", "hard link"):
        assert target.read_bytes().startswith(b"SQLite format 3\x00"), "still the database, not a PDF, ZIP or XML"
    still_whole(laptop)


@pytest.mark.parametrize(
    "command",
    ["export", "export-csv", "export-redcap", "export-odm", "export-castor", "export-dataset-json", "pdf-summary"],
)
def test_nothing_is_written_into_the_backups_folder(laptop, command, capsys):
    db = laptop.service.store.path
    folder = db.parent / "backups"
    before = sorted(path.name for path in folder.iterdir())
    study_id = laptop.service.list()[0]["study_id"]
    out = folder / "summary.pdf" if command in ("pdf-summary", "export-odm") else folder
    code = main([command, "--db", str(db), "--user", "anna.coord", study_id, "--out", str(out)])
    err = capsys.readouterr().err
    assert code == 2 and REFUSED in err and "backups folder" in err, err
    assert sorted(path.name for path in folder.iterdir()) == before
    assert backups.newest_backup(db) is not None


def test_the_public_key_is_not_written_into_the_backups_folder(laptop, capsys):
    folder = laptop.service.store.path.parent / "backups"
    before = sorted(path.name for path in folder.iterdir())
    assert main(["export-key", "--out", str(folder)]) == 2
    assert "backups folder" in capsys.readouterr().err
    assert sorted(path.name for path in folder.iterdir()) == before


def test_an_sqlite_file_not_open_is_not_written_over_either(laptop, tmp_path, capsys):
    other = tmp_path / "elsewhere" / "other-program.db"
    other.parent.mkdir()
    import sqlite3

    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    before = other.read_bytes()
    assert main(["export-key", "--out", str(other)]) == 2
    assert "is a database file" in capsys.readouterr().err
    assert other.read_bytes() == before


@pytest.mark.parametrize("command", ["pdf-summary", "export-odm"])
def test_a_folder_where_a_file_belongs_is_refused(laptop, tmp_path, command, capsys):
    folder = tmp_path / "a folder.pdf"
    folder.mkdir()
    study_id = laptop.service.list()[0]["study_id"]
    code = main(
        [command, "--db", str(laptop.service.store.path), "--user", "anna.coord", study_id, "--out", str(folder)]
    )
    err = capsys.readouterr().err
    assert code == 2 and ("is a folder, not a file" in err or "there is a folder of that name" in err), err
    assert list(folder.iterdir()) == []


def test_the_refusal_is_said_in_dutch_too(laptop):
    db = laptop.service.store.path
    dutch = file_guard.refused_file(db, "nl")
    assert dutch.startswith("Er is niets geschreven") and str(db) in dutch
    assert "map met reservekopieën" in file_guard.refused_folder(db.parent / "backups", "nl")
    assert file_guard.refused_file(db.parent / "fine.pdf", "nl") is None


@pytest.mark.parametrize(
    "command", ["export-csv", "export-redcap", "export-odm", "export-castor", "export-dataset-json", "report"]
)
def test_the_trial_offices_exports_never_write_onto_the_central_database(tmp_path, laptop, command, capsys):
    laptop.export(laptop.service.list()[0]["id"])
    central = make_central(tmp_path, laptop)
    central_path = central.path
    central.close()
    assert run_central("import", "--db", str(central_path), str(laptop.out), "--quiet") == 0
    if command == "report":
        args = ["report", "--db", str(central_path), "--pdf", str(central_path)]
    else:
        args = [command, "--db", str(central_path), "--out", str(central_path.parent / "backups")]
        (central_path.parent / "backups").mkdir(exist_ok=True)
    capsys.readouterr()
    assert run_central(*args) == 2
    err = capsys.readouterr().err
    assert REFUSED in err and "Traceback" not in err, err
    assert central_path.read_bytes().startswith(b"SQLite format 3\x00")
    assert run_central("list", "--db", str(central_path)) == 0
    assert laptop.service.list()[0]["study_id"] in capsys.readouterr().out, "the imported session is still there"
