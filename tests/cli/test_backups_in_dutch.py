"""`mimic-desktop backups` in a Dutch setting: every word of the listing is Dutch, the reason a copy cannot be used
included (it was English before, whatever the reader's language)."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

import pytest

from mimic_desktop.cli import main as desktop_cli
from mimic_desktop.services import backups
from mimic_desktop.storage import backup

TAKEN = datetime(2026, 11, 24, 7, 0, tzinfo=UTC)


def beside(db_path, label: str, second: int):
    """A file named as a backup of db_path would be, taken at TAKEN plus some seconds."""
    folder = backup.folder_for(db_path)
    folder.mkdir(exist_ok=True)
    stamp = TAKEN.replace(second=second).strftime(backup.STAMP)
    return folder / f"{db_path.stem}-backup-{stamp}-{label}.sqlite"


@pytest.fixture
def listed(store, db_path, coordinator, monkeypatch, capsys) -> list[list[str]]:
    """The listing of a whole backup, an empty file and a database of another program, in Dutch."""
    assert backups.daily_backup_if_due(store, TAKEN) is not None
    beside(db_path, "completed", 1).write_bytes(b"")
    other = sqlite3.connect(beside(db_path, "before-upgrade", 2))
    other.execute("CREATE TABLE notes (text TEXT)")
    other.commit()
    other.close()
    for variable in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "nl_NL.UTF-8")
    capsys.readouterr()
    assert desktop_cli.main(["backups", "--db", str(db_path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("Back-ups van ") and lines[0].endswith("nieuwste eerst (lokale tijd):")
    return [line.split("\t") for line in lines[1:]]


def test_the_backups_listing_says_why_a_copy_is_unusable_in_dutch(listed):
    by_reason = {row[1]: row for row in listed}
    assert set(by_reason) == {"de eerste aanmelding van de dag", "een ingreep werd voltooid", "vóór een upgrade"}
    assert by_reason["de eerste aanmelding van de dag"][3] == "gecontroleerd: heel"
    assert by_reason["een ingreep werd voltooid"][3] == "gecontroleerd: NIET bruikbaar (het bestand is leeg)"
    assert by_reason["vóór een upgrade"][3] == (
        "gecontroleerd: NIET bruikbaar (het bevat geen van de tabellen van MIMIC Desktop)"
    )
    english = ("checked", "the file", "it holds", "no records", "not usable")
    assert not [cell for row in listed for cell in row for word in english if word in cell.lower()]
