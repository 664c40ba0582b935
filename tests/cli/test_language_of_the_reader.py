"""The command line speaks the person's language without --lang: the app's language setting, else the system's
locale, else English (services/language.py decides, for the app too). The commands run as processes, as a
coordinator or hospital IT would run them."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from mimic_desktop.services import language, paths
from mimic_desktop.ui.preferences import Preferences

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
    assert dutch.stderr.strip() == "error: Er is geen ingreep met studienummer MIM-04-404."
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
    assert set(found) == {"programma", "formulieren", "PDF-lettertypen", "gegevensmap", "database", "hoofdvenster"}
    assert all(line.startswith("ok") for line in found.values())
    assert "velden van het case report form" in found["formulieren"]
    assert "één klik op het live-scherm legde incision vast" in found["hoofdvenster"]
    assert "nog niet aangemaakt" in found["database"]


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
