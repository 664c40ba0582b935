"""The command line as a script would use it: subprocesses, exit codes, stdout."""

import json
import subprocess
import sys

import pytest

from tests.support.enrolment import ENROLMENT

CLI = [sys.executable, "-m", "tests.support.cheap_cli"]


def run(*args, env_password="correct horse", check=True, stdin="correct horse\n"):
    """The command as a process; a new account's password (init, add-user, passwd) comes as a line of stdin."""
    import os

    env = dict(os.environ, MIMIC_PASSWORD=env_password)
    result = subprocess.run([*CLI, *map(str, args)], capture_output=True, text=True, env=env, input=stdin)
    if check:
        assert result.returncode == 0, result.stderr
    return result


def test_help_lists_the_subcommands():
    out = run("--help").stdout
    for name in ("create", "event", "dump", "verify", "simulate", "strike"):
        assert name in out


def test_a_procedure_from_the_command_line(db_path):
    run("init", "--db", db_path, "--user", "anna.coord", "--name", "Anna Coordinator")
    enrolment = ENROLMENT | {"icg_given_at": "2026-11-23T09:00:00+00:00"}
    sets = [arg for name, value in enrolment.items() for arg in ("--set", f"{name}={value}")]
    run("create", "--db", db_path, "--user", "anna.coord", "MIM-04-001", "--centre", "04", *sets)
    first = run(
        "event", "--db", db_path, "--user", "anna.coord", "MIM-04-001", "incision", "--at", "2026-11-24T08:30:00+00:00"
    ).stdout.strip()
    run(
        "event",
        "--db",
        db_path,
        "--user",
        "anna.coord",
        "MIM-04-001",
        "lesion_found",
        "--at",
        "2026-11-24T08:40:00+00:00",
    )
    run("strike", "--db", db_path, "--user", "anna.coord", first, "--reason", "wrong time")
    dump = json.loads(run("dump", "--db", db_path, "--user", "anna.coord", "MIM-04-001").stdout)
    assert dump["study_id"] == "MIM-04-001" and len(dump["lesions"]) == 1
    assert dump["events"][0]["struck"] is True
    assert run("verify", "--db", db_path).stdout.startswith("OK")


def test_bad_input_gives_one_plain_line_not_a_traceback(db_path, tmp_path):
    run("init", "--db", db_path, "--user", "anna.coord", "--name", "Anna Coordinator")
    result = run("create", "--db", db_path, "--user", "anna.coord", "MIM-4-1", "--centre", "04", check=False)
    assert result.returncode == 2 and "MIM-CC-NNN" in result.stderr and "Traceback" not in result.stderr
    result = run("list", "--db", db_path, "--user", "anna.coord", env_password="wrong", check=False)
    assert result.returncode == 2 and "Wrong user name or password" in result.stderr
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"\x00garbage" * 500)
    result = run("verify", "--db", junk, check=False)
    assert result.returncode == 2 and "not a MIMIC database" in result.stderr and "Traceback" not in result.stderr


def test_simulate_prints_one_committed_event_id_per_line(db_path):
    out = run("simulate", "--db", db_path, "--procedures", "2", "--lesions", "2", "--seed", "5").stdout.split()
    ids = [int(x) for x in out]
    assert ids == sorted(ids) and len(ids) == len(set(ids)) > 20
    import sqlite3

    stored = {r[0] for r in sqlite3.connect(db_path).execute("SELECT id FROM events")}
    assert set(ids) == stored


@pytest.mark.parametrize("kind", ["incision", "closure"])
def test_verify_reports_damage_with_exit_code_1(db_path, kind):
    import sqlite3

    run("simulate", "--db", db_path, "--seed", "2")
    conn = sqlite3.connect(db_path)
    conn.execute("DROP TRIGGER audit_no_update")
    conn.execute("UPDATE audit SET username='mallory' WHERE field='kind' AND new_value=?", (json.dumps(kind),))
    conn.commit()
    conn.close()
    result = run("verify", "--db", db_path, check=False)
    assert result.returncode == 1 and "DAMAGED" in result.stdout


@pytest.mark.parametrize(
    ("argv", "expected"),
    [([], (None, "en")), (["--db", "trial.sqlite"], ("trial.sqlite", "en")), (["--lang", "nl"], (None, "nl"))],
)
def test_the_app_is_the_default_command(monkeypatch, argv, expected):
    """Without --lang the app starts in the person's language: no setting and the C locale, so English."""
    from mimic_desktop.cli import main as cli
    from mimic_desktop.ui import app

    started = []
    monkeypatch.setattr(app, "run_app", lambda db, lang=None: started.append((db and db.name, lang)) or 0)
    assert cli.main(argv) == 0
    assert started == [expected]


def test_an_error_is_said_in_the_language_of_lang_and_in_english_without_it(db_path, tmp_path):
    run("init", "--db", db_path, "--user", "anna.coord", "--name", "Anna Coordinator")
    common = ("--db", db_path, "--user", "anna.coord", "MIM-04-404", "--out", tmp_path / "summary.pdf")
    dutch = run("pdf-summary", *common, "--lang", "nl", check=False)
    assert dutch.returncode == 2
    assert dutch.stderr.strip() == "error: Er is geen ingreep met studienummer MIM-04-404."
    english = run("pdf-summary", *common, check=False)
    assert english.stderr.strip() == "error: There is no procedure with study ID MIM-04-404."
    unknown = run("list", "--db", db_path, "--user", "anna.coord", env_password="wrong", check=False)
    assert unknown.stderr.strip() == "error: Wrong user name or password.", "a command without --lang speaks English"
