"""The command line speaks the person's language without --lang: the app's language setting, else the system's
locale, else English (services/language.py decides, for the app too). The commands run as processes, as a
coordinator or hospital IT would run them."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys

import pytest

from mimic_desktop.services import language, paths
from mimic_desktop.ui.preferences import Preferences
from tests.cli.test_missing_empty_read_only import read_only

CLI = [sys.executable, "-m", "tests.support.cheap_cli"]
DUTCH = {"LANG": "nl_NL.UTF-8"}


def run(*args: object, check: bool = True, **env: str) -> subprocess.CompletedProcess:
    environment = dict(os.environ, MIMIC_PASSWORD="correct horse") | env
    result = subprocess.run(
        [*CLI, *map(str, args)], capture_output=True, text=True, env=environment, input="correct horse\n", timeout=120
    )
    if check:
        assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    return result


def test_with_a_dutch_locale_the_commands_answer_in_dutch(db_path):
    made = run("init", "--db", db_path, "--user", "anna.coord", "--name", "Anna de Vries", **DUTCH)
    assert made.stdout.strip() == f"{db_path} aangemaakt met coördinator anna.coord."
    again = run("init", "--db", db_path, "--user", "anna.coord", "--name", "Anna de Vries", **DUTCH)
    assert again.stdout.strip() == f"{db_path} heeft al accounts; er is niets gewijzigd."
    added = run(
        "add-user",
        "--db",
        db_path,
        "--user",
        "anna.coord",
        "sam.surgeon",
        "--name",
        "Sam",
        "--role",
        "surgeon",
        **DUTCH,
    )
    assert added.stdout.strip() == "Account sam.surgeon aangemaakt als chirurg."
    shown = run("settings", "--db", db_path, "--user", "anna.coord", **DUTCH).stdout.splitlines()
    assert shown[0].startswith("ICG-venster (uren van injectie tot incisie): ")
    assert shown[1] == "Centrumcode: niet ingesteld"
    changed = run("settings", "--db", db_path, "--user", "anna.coord", "--centre", "04", **DUTCH).stdout
    assert changed.splitlines()[0] == "1 instelling(en) gewijzigd." and "Centrumcode: 04" in changed
    listed = run("users", "list", "--db", db_path, "--user", "anna.coord", **DUTCH).stdout
    assert "\tactief" in listed and "\tactive" not in listed
    missing = run("pdf-summary", "--db", db_path, "--user", "anna.coord", "MIM-04-404", "--out", "x.pdf", check=False)
    assert missing.stderr.strip() == "error: There is no procedure with study ID MIM-04-404."
    dutch = run(
        "pdf-summary", "--db", db_path, "--user", "anna.coord", "MIM-04-404", "--out", "x.pdf", check=False, **DUTCH
    )
    assert dutch.returncode == 2
    assert dutch.stderr.strip() == "fout: Er is geen ingreep met studienummer MIM-04-404."
    # --lang still decides where it is given.
    english = run(
        "pdf-summary", "--db", db_path, "--user", "anna.coord", "MIM-04-404", "--out", "x.pdf", "--lang", "en",
        check=False, **DUTCH,
    )  # fmt: skip
    assert english.stderr.strip() == "error: There is no procedure with study ID MIM-04-404."


def test_the_apps_language_setting_comes_before_the_locale(db_path):
    Preferences(paths.config_dir()).lang = "nl"
    made = run("init", "--db", db_path, "--user", "anna.coord", "--name", "Anna de Vries", LANG="en_GB.UTF-8")
    assert made.stdout.strip() == f"{db_path} aangemaakt met coördinator anna.coord."
    Preferences(paths.config_dir()).lang = "en"
    again = run("init", "--db", db_path, "--user", "anna.coord", "--name", "Anna de Vries", **DUTCH)
    assert again.stdout.strip() == f"{db_path} already has accounts; nothing changed."


def test_the_install_check_speaks_dutch():
    result = run("check-install", **DUTCH)
    lines = result.stdout.strip().splitlines()
    assert lines[-1] == "Installatie in orde."
    found = {line.split(":")[0].split(maxsplit=1)[1]: line for line in lines[:-1]}
    assert set(found) == {
        "programma",
        "formulieren",
        "PDF-lettertypen",
        "gegevensmap",
        "database",
        "video",
        "hoofdvenster",
    }
    assert all(line.startswith("ok") for line in found.values())
    assert "velden van het case report form" in found["formulieren"]
    assert "één klik op het live-scherm legde incision vast" in found["hoofdvenster"]
    assert "nog niet aangemaakt" in found["database"]
    assert "beelden kunnen worden gelezen en gemeten" in found["video"]


def test_a_failed_install_check_is_said_in_dutch(tmp_path):
    empty = tmp_path / "no-forms"
    empty.mkdir()
    result = run("check-install", check=False, MIMIC_FORMS_DIR=str(empty), MIMIC_DEVELOPMENT="1", **DUTCH)
    assert result.returncode == 1
    forms_line = next(line for line in result.stdout.splitlines() if "formulieren:" in line)
    assert forms_line.startswith("FOUT") and "crf.json" in forms_line
    failed = sum(line.startswith("FOUT") for line in result.stdout.splitlines())
    assert failed >= 1 and result.stdout.splitlines()[-1] == f"{failed} controle(s) MISLUKT: zie hierboven."


@pytest.mark.parametrize(
    ("environment", "expected"),
    [
        ({"LANG": "nl_NL.UTF-8"}, "nl"),
        ({"LANG": "nl_BE"}, "nl"),
        ({"LC_ALL": "nl_NL.UTF-8", "LANG": "en_US.UTF-8"}, "nl"),
        ({"LC_ALL": "en_US.UTF-8", "LANG": "nl_NL.UTF-8"}, "en"),
        ({"LC_MESSAGES": "nl_NL", "LANG": "en_GB"}, "nl"),
        ({"LANG": "fr_FR.UTF-8"}, "en"),  # no French translation: English
        ({"LANG": "C.UTF-8"}, "en"),
        ({"LANG": "POSIX"}, "en"),
        ({"LANG": ""}, "en"),
        ({}, "en"),
        ({"LANG": "Dutch_Netherlands.1252"}, "nl"),  # as Windows names it
        ({"LANG": "../nl"}, "en"),
        ({"LANG": "\x00nl"}, "en"),
    ],
)
def test_the_locale_decides_without_a_setting(tmp_path, environment, expected):
    assert language.person_language(tmp_path, environment) == expected


@pytest.mark.parametrize(
    "content",
    [b"[General]\nlanguage=de\n", b"not an ini file at all", b"\xff\xfe\x00garbage", b"[General\nlanguage=nl", b""],
)
def test_a_damaged_or_foreign_setting_falls_back_to_the_locale(tmp_path, content):
    (tmp_path / language.PREFERENCES_FILE).write_bytes(content)
    assert language.person_language(tmp_path, {"LANG": "nl_NL.UTF-8"}) == "nl"
    assert language.person_language(tmp_path, {}) == "en"


def test_a_setting_that_is_a_folder_or_unreadable_falls_back(tmp_path):
    (tmp_path / language.PREFERENCES_FILE).mkdir()
    assert language.person_language(tmp_path, {"LANG": "nl_NL.UTF-8"}) == "nl"


def test_the_trial_offices_command_line_speaks_dutch_too(tmp_path):
    central = tmp_path / "central.sqlite"
    office = {"MIMIC_PROGRAM": "mimic_desktop.cli.central", **DUTCH}
    made = run("init", "--db", central, "--user", "dana", "--name", "Dana Data", **office)
    assert made.stdout.strip() == f"{central} aangemaakt; de eerste datamanager is dana (Dana Data)."
    again = run("init", "--db", central, **office)
    assert (
        again.stdout.strip()
        == f"{central} is al een centrale studiedatabase met eigen accounts; er is niets gewijzigd."
    )
    added = run(
        "add-user",
        "--db",
        central,
        "--user",
        "dana",
        "stan",
        "--name",
        "Stan Stats",
        "--role",
        "statistician",
        **office,
    )
    assert added.stdout.strip().startswith("Account stan (Stan Stats) toegevoegd: ")


def test_verify_says_its_verdict_and_every_problem_in_dutch(db_path, tmp_path):
    run("init", "--db", db_path, "--user", "anna.coord", "--name", "Anna de Vries", **DUTCH)
    intact = run("verify", "--db", db_path, **DUTCH)
    assert intact.stdout.startswith("OK: database intact, audittrail van ")
    assert "gecontroleerd (laatste hash " in intact.stdout
    garbage = tmp_path / "not-a-backup.bin"
    garbage.write_bytes(b"nothing a database or a session file starts with")
    compared = run("verify", "--db", db_path, "--against", garbage, check=False, **DUTCH)
    assert compared.returncode == 2
    assert f"Vergeleken met {garbage}: kan niet vergelijken: " in compared.stdout
    raw = sqlite3.connect(db_path)
    raw.execute("UPDATE users SET full_name = 'Someone Else' WHERE username = 'anna.coord'")
    raw.commit()
    raw.close()
    damaged = run("verify", "--db", db_path, check=False, **DUTCH)
    assert damaged.returncode == 1
    lines = damaged.stdout.splitlines()
    assert lines[0] == "Audittrail of database BESCHADIGD"
    assert (
        "  - user anna.coord: full_name is niet wat het audittrail vastlegde (buiten de applicatie gewijzigd)" in lines
    )
    assert "audit trail" not in damaged.stdout and "outside the application" not in damaged.stdout
    english = run("verify", "--db", db_path, check=False)
    assert "  - user anna.coord: its full_name is not what the audit trail recorded" in english.stdout


def test_verify_of_a_file_that_is_no_database_says_so_in_dutch(tmp_path):
    other = tmp_path / "notes.txt"
    other.write_text("not a database at all\n" * 200)
    result = run("verify", "--db", other, check=False, **DUTCH)
    assert result.returncode == 2
    assert result.stderr.startswith(f"fout: {other} is geen MIMIC-database")


def test_list_and_a_read_only_warning_are_said_in_dutch(db_path):
    run("init", "--db", db_path, "--user", "anna.coord", "--name", "Anna de Vries", **DUTCH)
    refused = run(
        "create", "--db", db_path, "--user", "anna.coord", "MIM-04-001", "--centre", "04", check=False, **DUTCH
    )
    assert refused.returncode == 2
    assert refused.stderr.startswith("fout: De patiënt kan niet worden geïncludeerd: ")
    assert "nog in te vullen" in refused.stderr and "still to fill in" not in refused.stderr
    run("add-user", "--db", db_path, "--user", "anna.coord", "bram", "--name", "Bram", "--role", "surgeon", **DUTCH)
    enrolment = [
        "age_18_or_over=yes", "scheduled_mi_resection=yes", "iodine_or_icg_allergy=no", "recurrence_at_treated_site=no",
        "oral_consent=yes", "consent_date=2026-11-20", "approach=laparoscopic", "imaging_system=storz_rubina",
        "planned_procedure=wedge",
    ]  # fmt: skip
    sets = [part for value in enrolment for part in ("--set", value)]
    run("create", "--db", db_path, "--user", "anna.coord", "MIM-04-001", "--centre", "04", "--surgeon", "bram", *sets)
    listed = run("list", "--db", db_path, "--user", "anna.coord", **DUTCH)
    study_id, status, _modified, subject = listed.stdout.strip().split("\t")
    assert (study_id, status, subject) == ("MIM-04-001", "Concept", "Geïncludeerd")
    with read_only(db_path):
        listed_read_only = run("list", "--db", db_path, "--user", "anna.coord", **DUTCH)
    assert listed_read_only.stderr.startswith(f"waarschuwing: {db_path} is alleen-lezen (")
    assert "nothing can be saved" not in listed_read_only.stderr


def test_users_without_a_name_is_refused_in_dutch(db_path):
    run("init", "--db", db_path, "--user", "anna.coord", "--name", "Anna de Vries", **DUTCH)
    refused = run("users", "reset", "--db", db_path, "--user", "anna.coord", check=False, **DUTCH)
    assert refused.returncode == 2
    assert refused.stderr.strip() == "fout: users reset heeft de gebruikersnaam van het account nodig."


def test_an_interrupted_command_says_so_in_dutch(db_path):
    """init waits for the new password on standard input; Ctrl+C there ends it with one word, not a traceback."""
    environment = dict(os.environ, **DUTCH)
    process = subprocess.Popen(
        [*CLI, "init", "--db", str(db_path), "--user", "anna.coord", "--name", "Anna de Vries"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=environment,
    )
    try:
        while not db_path.exists() and process.poll() is None:  # the database is made before the password is read
            os.sched_yield()
        process.send_signal(signal.SIGINT)
        _out, err = process.communicate(timeout=120)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 130
    assert err.strip() == "onderbroken"
