"""`mimic-desktop settings`: the study settings shown to everyone and changed by a coordinator, through main(argv)."""

from __future__ import annotations

import io

import pytest

from mimic_desktop.cli.main import main
from mimic_desktop.services import settings
from mimic_desktop.services.accounts import AccountService
from mimic_desktop.storage.connection import open_store


def desktop(*args) -> int:
    return main([str(a) for a in args])


@pytest.fixture
def db(db_path, monkeypatch, capsys):
    monkeypatch.setenv("MIMIC_PASSWORD", "correct horse")  # signs the coordinator in; new passwords come on stdin
    monkeypatch.setattr("sys.stdin", io.StringIO("correct horse\n"))
    assert desktop("init", "--db", db_path, "--user", "anna", "--name", "Anna de Vries") == 0
    monkeypatch.setattr("sys.stdin", io.StringIO("correct horse\n"))  # typed for the new account, as a script would
    assert desktop("add-user", "--db", db_path, "--user", "anna", "mo", "--name", "Mo Nitor", "--role", "monitor") == 0
    capsys.readouterr()
    return db_path


def test_settings_are_shown_and_changed_by_a_coordinator(db, capsys):
    assert desktop("settings", "--db", db, "--user", "mo") == 0
    assert capsys.readouterr().out == (
        "ICG window (hours from injection to incision): 18-30\nCentre code: not set\nFrames in session files: no\n"
    )
    assert desktop("settings", "--db", db, "--user", "anna", "--icg-window", "20-28", "--centre", "03") == 0
    assert capsys.readouterr().out == (
        "2 setting(s) changed.\nICG window (hours from injection to incision): 20-28\nCentre code: 03\n"
        "Frames in session files: no\n"
    )
    store = open_store(db)
    rows = store.conn.execute("SELECT username, entity_id, new_value FROM audit WHERE entity = 'setting'").fetchall()
    assert [tuple(row) for row in rows] == [("anna", "icg_window_hours", '"20-28"'), ("anna", "centre", '"03"')]
    assert settings.centre(store) == "03" and AccountService(store).sign_in("mo", "correct horse").username == "mo"
    store.close()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--user", "mo", "--centre", "05"), "Only a coordinator can manage user accounts and study settings"),
        (("--user", "anna", "--icg-window", "24"), "'24' is not an ICG window: give the hours"),
        (("--user", "anna", "--icg-window", "30-20"), "must run from a lower to a higher number of hours"),
        (("--user", "anna", "--centre", "3"), "Centre code '3' must be two digits"),
    ],
)
def test_a_refused_change_is_one_plain_line_and_changes_nothing(db, capsys, args, message):
    assert desktop("settings", "--db", db, *args) == 2
    captured = capsys.readouterr()
    assert captured.err.startswith("error: ") and message in captured.err and len(captured.err.splitlines()) == 1
    assert captured.out == ""
    store = open_store(db)
    assert settings.centre(store) is None and settings.icg_window_text(settings.icg_window(store)) == "18-30"
    store.close()
