"""The window says what it is, starts light, speaks Dutch, and names the problems of a wrong, locked or read-only file."""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import subprocess
import sys
import textwrap

import pytest

from mimic_desktop.cli import central as central_cli
from mimic_desktop.services import central_import, session_key
from mimic_desktop.ui import i18n
from tests.support.office import data_manager
from tests.support.session_files import foreign_key_file

from .conftest import cells, settle


@pytest.fixture
def no_excepthook_left(monkeypatch):
    """The app installs its excepthook; the test run gets its own back afterwards."""
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)


@pytest.mark.parametrize("how", ["gui", "default"])
def test_a_laptop_database_opened_as_central_gets_a_plain_message(
    outbox, ui_app, shown_errors, no_excepthook_left, how
):
    laptop_db = str(outbox.laptop.service.store.path)
    argv = ["gui", "--db", laptop_db] if how == "gui" else ["--db", laptop_db]
    assert central_cli.main(argv) == 1
    assert shown_errors == [
        f"{laptop_db} is an operating-room laptop's MIMIC database, not a central study database; "
        "it has not been changed."
    ]
    shown_errors.clear()


def test_other_files_that_are_no_central_database_are_named(tmp_path, ui_app, shown_errors, no_excepthook_left):
    text_file = tmp_path / "notes.sqlite"
    text_file.write_text("not a database at all")
    assert central_cli.main(["--db", str(text_file)]) == 1
    assert central_cli.main(["--db", str(tmp_path / "absent.sqlite")]) == 1
    assert shown_errors[0].startswith(
        f"{text_file} is damaged or is not a MIMIC central database, and there is no intact automatic backup of it in "
    )
    assert shown_errors[1].startswith(f"There is no central study database at {tmp_path / 'absent.sqlite'}")
    assert not any("mimic-central" in text or "trial office for help" in text for text in shown_errors)
    shown_errors.clear()
    assert text_file.read_text() == "not a database at all"


def test_the_window_says_it_is_the_central_database_and_edits_no_record(open_window, filled_db):
    window = open_window(filled_db)
    assert window.windowTitle() == "MIMIC central study database — central.sqlite"
    banner = window.banner.text()
    assert f"Central study database of the trial office: {filled_db}" in banner
    assert "not an operating-room laptop's database" in banner and "never edits a record" in banner
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == [
        "Import",
        "Sessions",
        "Report",
        "Exports",
        "Queries",
    ]
    for table in (window.sessions_page.sessions, window.sessions_page.keys, window.import_page.table):
        assert table.editTriggers() == table.EditTrigger.NoEditTriggers


def test_a_locked_database_stops_the_import_plainly_and_loses_nothing(
    open_window, central_db, outbox, qtbot, shown_errors, monkeypatch
):
    window = open_window(central_db)
    window.import_page.start([outbox.files["A1"]])
    settle(qtbot, window)
    monkeypatch.setattr("mimic_desktop.storage.connection.BUSY_TIMEOUT_MS", 100)
    other = sqlite3.connect(central_db, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        window.import_page.start([outbox.files["B1"]])
        settle(qtbot, window)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert len(shown_errors) == 1 and "is in use by another program (it is locked)" in shown_errors[0]
    assert "Nothing that was saved before has been lost." in shown_errors[0]
    shown_errors.clear()
    assert window.import_page.status.text().startswith("The import stopped: The database")
    assert cells(window.import_page.table)[0][0] == "not imported"
    assert window.import_page.files_button.isEnabled()
    assert [row[0] for row in cells(window.sessions_page.sessions)] == ["MIM-01-001"]
    window.import_page.start([outbox.files["B1"]])  # once the other program lets go
    settle(qtbot, window)
    assert [row[0] for row in cells(window.sessions_page.sessions)] == ["MIM-01-001", "MIM-01-002"]


@contextlib.contextmanager
def unwritable(path):
    """The file read-only; root ignores permissions, so it is made immutable instead."""
    root = os.geteuid() == 0
    subprocess.run(["chattr", "+i", str(path)], check=True) if root else path.chmod(0o444)
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", str(path)], check=True) if root else path.chmod(0o644)


def test_a_read_only_database_can_be_read_and_refuses_imports_plainly(
    open_window, central_db, outbox, tmp_path, qtbot, shown_errors
):
    store = central_import.open_existing(central_db)
    central_import.CentralImporter(store, data_manager(store)).import_file(outbox.files["A1"])
    store.close()
    with unwritable(central_db):
        window = open_window(central_db)
        before = central_import.imported_files(window.store)
        assert [row[0] for row in cells(window.sessions_page.sessions)] == ["MIM-01-001"] and len(before) == 1
        window.show_page("report")
        settle(qtbot, window)
        assert window.report_page.report.counted.procedures_included == 1
        dialog = window.sessions_page.add_key()
        dialog.centre.setText("02")
        dialog.use_file(session_key.write_public_key(tmp_path / "centre-02.pem", foreign_key_file(tmp_path)[0]).path)
        dialog.confirmed.setChecked(True)
        dialog.register()
        assert "is read-only, so this change was not saved" in dialog.problem.text()
        dialog.reject()
        window.import_page.start([outbox.files["B1"]])
        settle(qtbot, window)
        assert len(shown_errors) == 1 and "is read-only, so this change was not saved" in shown_errors[0]
        shown_errors.clear()
        assert window.import_page.status.text().startswith("The import stopped: The database")
        assert central_import.imported_files(window.store) == before


WINDOW_UP = textwrap.dedent(
    """
    import json, sys
    from pathlib import Path
    from mimic_desktop.services import central_import, session_key
    from mimic_desktop.ui.app import make_application
    from mimic_desktop.ui.central.window import CentralWindow
    from mimic_desktop.ui.preferences import Preferences
    from tests.support.office import data_manager

    app = make_application("nl", "light")
    store = central_import.open_existing(Path(sys.argv[1]))
    window = CentralWindow(store, Preferences(), "nl", user=data_manager(store))
    window.show()
    app.processEvents()
    heavy = [m for m in ("pandas", "statsmodels", "scipy", "reportlab") if m in sys.modules]
    print(json.dumps({"shown": window.isVisible(), "heavy": heavy}))
    """
)


def test_the_window_comes_up_without_pandas_statsmodels_or_reportlab(filled_db):
    result = subprocess.run(
        [sys.executable, "-c", WINDOW_UP, str(filled_db)], capture_output=True, text=True, check=True, timeout=120
    )
    assert json.loads(result.stdout.strip().splitlines()[-1]) == {"shown": True, "heavy": []}


def test_the_window_in_dutch(open_window, filled_db, ui_app, qtbot):
    i18n.install(ui_app, "nl")
    window = open_window(filled_db, lang="nl")
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == [
        "Importeren",
        "Sessies",
        "Rapport",
        "Exports",
        "Query's",
    ]
    assert window.banner.text().startswith("Centrale studiedatabase van het trialbureau")
    assert window.import_page.folder_button.text() == "Map importeren…"
    assert cells(window.sessions_page.sessions)[0][3] == "vervangen"
    window.show_page("report")
    settle(qtbot, window)
    assert cells(window.report_page.content.tables["accuracyTable"])[0][0] == "Sensitiviteit"
    window.apply_settings("light", "en")
    assert window.tabs.tabText(0) == "Import" and window.tabs.currentWidget() is window.report_page
    assert window.report_page.report is not None, "the report carries over a change of language"
