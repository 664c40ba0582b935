"""`mimic-central verify` finds a direct UPDATE or DELETE of every central table, and says so plainly."""

from __future__ import annotations

import sqlite3

import pytest

from mimic_desktop.domain.roles import Role
from mimic_desktop.services.central_import import CentralImporter, Outcome
from mimic_desktop.services.central_verify import verify_central
from tests.support.office import data_manager, office_user, run_central

# (table, what an editor with the sqlite3 shell does to it) — each must be found.
TAMPERING = [
    ("centre_keys", "UPDATE centre_keys SET public_key = zeroblob(32)"),
    ("centre_keys", "DELETE FROM centre_keys"),
    ("key_registrations", "UPDATE key_registrations SET centre = '05'"),
    ("key_registrations", "DELETE FROM key_registrations"),
    ("session_files", "UPDATE session_files SET record_json = record_json || ' '"),
    ("session_files", "DELETE FROM session_files WHERE session_version = 1"),
    ("sessions", "UPDATE sessions SET centre = '02'"),
    ("sessions", "DELETE FROM sessions"),
    ("procedures", "UPDATE procedures SET blood_loss_ml = 1"),
    ("procedures", "DELETE FROM procedures"),
    ("lesions", "UPDATE lesions SET specimen_fluorescent = 1 - coalesce(specimen_fluorescent, 0)"),
    ("lesions", "DELETE FROM lesions WHERE lesion_number = 1"),
    ("complications", "UPDATE complications SET clavien_dindo = 'V'"),
    ("complications", "DELETE FROM complications"),
    ("users", "UPDATE users SET role = 'data_manager' WHERE username = 'stan'"),
    ("users", "DELETE FROM users WHERE username = 'stan'"),
    ("audit", "UPDATE audit SET reason = 'nothing happened' WHERE seq = 3"),
    ("audit", "DELETE FROM audit WHERE seq = (SELECT max(seq) FROM audit)"),
]


@pytest.fixture
def filled(laptop, central_store):
    """Two sessions (one with a complication), a statistician's account, and the database closed."""
    dana = data_manager(central_store)
    office_user(central_store, "stan", Role.STATISTICIAN)
    importer = CentralImporter(central_store, dana)
    for proc_id in (laptop.record(90, lesions=2, complication=True), laptop.record(91, lesions=1)):
        assert importer.import_file(laptop.export(proc_id)).outcome is Outcome.NEW
    path = central_store.path
    central_store.close()
    return path


def edit_directly(path, sql: str) -> None:
    """What someone with the file and an SQLite shell can do: drop the guarding triggers, then edit."""
    conn = sqlite3.connect(path)
    triggers = [name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")]
    for name in triggers:
        conn.execute(f"DROP TRIGGER {name}")
    changed = conn.execute(sql).rowcount
    conn.commit()
    conn.close()
    assert changed, f"the edit changed nothing: {sql}"


def test_an_untouched_database_verifies(filled, capsys):
    result = verify_central(filled)
    assert result.ok, result.problems
    assert result.sessions == 2
    assert run_central("verify", "--db", filled) == 0
    assert capsys.readouterr().out.startswith("The central study database is intact: audit trail of ")


@pytest.mark.parametrize(("table", "sql"), TAMPERING, ids=[f"{t}-{s.split()[0].lower()}" for t, s in TAMPERING])
def test_a_direct_edit_of_any_central_table_is_found(filled, table, sql, capsys):
    edit_directly(filled, sql)
    result = verify_central(filled)
    assert not result.ok, f"{sql} was not found"
    assert run_central("verify", "--db", filled) == 1
    out = capsys.readouterr().out
    assert out.startswith("The central study database is NOT as its audit trail and imports say")
    assert table in out or "audit trail" in out or "session" in out


def test_a_file_that_is_no_central_database_gets_one_plain_line(tmp_path, laptop, capsys):
    text = tmp_path / "notes.sqlite"
    text.write_text("not a database")
    assert run_central("verify", "--db", text) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"error: The central database {text} is damaged or is not a MIMIC database")
    assert "There is no intact automatic backup of it in" in err
    laptop_db = laptop.service.store.path
    assert run_central("verify", "--db", laptop_db) == 2
    assert "is an operating-room laptop's MIMIC database, not a central study database" in capsys.readouterr().err


def test_the_verdict_in_dutch_names_each_problem_in_dutch(filled, capsys):
    assert run_central("verify", "--db", filled, "--lang", "nl") == 0
    assert capsys.readouterr().out.startswith("De centrale studiedatabase is intact: audittrail van ")
    edit_directly(filled, "UPDATE procedures SET blood_loss_ml = 1")
    assert run_central("verify", "--db", filled, "--lang", "nl") == 1
    out = capsys.readouterr().out
    assert out.startswith("De centrale studiedatabase is NIET zoals de audittrail en de imports zeggen (2 ")
    assert "de kolom(men) blood_loss_ml verschillen van wat het opgeslagen dossier maakt" in out


def test_the_import_summary_in_dutch(laptop, central_store, tmp_path, capsys):
    out = tmp_path / "stick"
    out.mkdir()
    laptop.exporter.export(laptop.record(92, lesions=1), out)
    damaged = out / "MIM-01-099-v1.mimic"
    damaged.write_bytes(b"not a zip")
    path = central_store.path
    capsys.readouterr()
    assert run_central("import", "--db", path, out, "--lang", "nl") == 1
    text = capsys.readouterr().out
    assert "1 geïmporteerd (1 nieuw, 0 ter vervanging van een eerdere versie" in text
    assert "1 geweigerd" in text and "imported" not in text.replace("mimic", "")
