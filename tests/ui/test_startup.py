"""Start-up: light imports, the demo database on first run, plain dialogs for unusable files."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

from mimic_desktop.services import paths
from mimic_desktop.ui import app as app_module

WINDOW_UP = textwrap.dedent(
    """
    import json, sys
    from pathlib import Path
    HEAVY = ("pandas", "reportlab", "qtawesome", "sqlite_utils", "cryptography", "cv2", "numpy")
    from mimic_desktop.services.accounts import AccountService
    from mimic_desktop.storage.connection import open_store
    from mimic_desktop.ui.app import make_application
    from mimic_desktop.ui.context import AppContext
    from mimic_desktop.ui.main_window import MainWindow
    from mimic_desktop.ui.preferences import Preferences

    app = make_application("nl", "dark")
    store = open_store(Path(sys.argv[1]))
    user = AccountService(store).sign_in("demo.coordinator", "demo-password")
    window = MainWindow(AppContext(store, user, "nl"), Preferences(), demo=True)
    window.show()
    app.processEvents()
    print(json.dumps({"shown": window.isVisible(), "heavy": [m for m in HEAVY if m in sys.modules]}))
    """
)


def test_main_window_comes_up_without_the_heavy_libraries(tmp_path):
    from mimic_desktop.services.demo import create_demo

    create_demo(tmp_path / "demo.sqlite").close()
    result = subprocess.run(
        [sys.executable, "-c", WINDOW_UP, str(tmp_path / "demo.sqlite")],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report == {"shown": True, "heavy": []}


def test_first_run_opens_a_new_demo_database(ui_app):
    assert not paths.default_db_path().exists()
    store = app_module.open_database(None)
    try:
        assert paths.default_db_path().exists()
        assert app_module.is_demo(store)
        assert {user.username for user in app_module.AccountService(store).users()} == {
            "demo.coordinator",
            "demo.surgeon",
            "demo.monitor",
        }
    finally:
        store.close()


def test_a_real_database_is_not_called_demo(store, coordinator):
    assert not app_module.is_demo(store)


def test_a_file_that_is_not_a_database_gets_a_plain_message(ui_app, tmp_path, shown_errors):
    notes = tmp_path / "notes.sqlite"
    notes.write_text("shopping list: milk, bread\n" * 200)
    assert app_module.open_database(notes) is None
    assert len(shown_errors) == 1
    assert "not a MIMIC database" in shown_errors[0]
    assert "Traceback" not in shown_errors[0]
    shown_errors.clear()


def test_run_app_says_why_a_database_cannot_open_and_exits(ui_app, tmp_path, shown_errors):
    folder = tmp_path / "a folder"
    folder.mkdir()
    try:
        assert app_module.run_app(folder, lang="en") == 1
    finally:
        sys.excepthook = sys.__excepthook__
    assert len(shown_errors) == 1 and "is a folder, not a database file" in shown_errors[0]
    shown_errors.clear()


def test_run_app_on_a_fresh_database_asks_for_the_first_coordinator(ui_app, tmp_path, monkeypatch):
    asked = []

    def first_account(dialog) -> int:
        asked.append(type(dialog).__name__)
        return 0  # the person closes the dialog: the app ends without a window

    monkeypatch.setattr(app_module.FirstAccountDialog, "exec", first_account)
    try:
        assert app_module.run_app(tmp_path / "fresh.sqlite", lang="en") == 0
    finally:
        sys.excepthook = sys.__excepthook__
    assert asked == ["FirstAccountDialog"]


LIVE_OPENED = WINDOW_UP.replace(
    'print(json.dumps({"shown"',
    "from mimic_desktop.services.procedures import ProcedureService\n"
    "window.open_procedure(ProcedureService(store, user).list()[0]['id'])\n"
    "app.processEvents()\n"
    'print(json.dumps({"live": window.live is not None, "shown"',
)


def test_a_video_source_is_opened_with_the_live_screen_never_at_start_up(tmp_path):
    """OpenCV is loaded neither at start-up with a source set, nor for a live screen without one."""
    from mimic_desktop.services import video
    from mimic_desktop.services.accounts import AccountService
    from mimic_desktop.services.demo import create_demo
    from mimic_desktop.storage.connection import open_store
    from tests.support.frames import write_video

    database = tmp_path / "demo.sqlite"
    create_demo(database).close()

    def started(script: str) -> dict:
        result = subprocess.run(
            [sys.executable, "-c", script, str(database)], capture_output=True, text=True, check=True, timeout=120
        )
        return json.loads(result.stdout.strip().splitlines()[-1])

    store = open_store(database)
    try:
        user = AccountService(store).sign_in("demo.coordinator", "demo-password")
        video.set_source(store, user, str(write_video(tmp_path / "tower.avi")))
    finally:
        store.close()
    assert started(WINDOW_UP) == {"shown": True, "heavy": []}
    live = started(LIVE_OPENED)
    assert live["live"] and "cv2" in live["heavy"]  # the live screen opens the source it is given
    store = open_store(database)
    try:
        video.set_source(store, AccountService(store).sign_in("demo.coordinator", "demo-password"), "")
    finally:
        store.close()
    without = started(LIVE_OPENED)
    assert without["live"] and not {"cv2", "numpy"} & set(without["heavy"])
