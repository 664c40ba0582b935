"""A value typed into a lesion field on the live screen survives the app being killed before its save: it is
kept in the config folder as it is typed, put back when the lesion is shown again, and saved then."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

from PySide6.QtWidgets import QLabel

from tests.support.enrolment import in_surgery

REPO = Path(__file__).resolve().parents[2]

# The app in a process of its own: the live screen of the procedure, "23" typed into the lesion's size, and
# SIGKILL at once, well before the pause after which typed values are saved.
TYPED_THEN_KILLED = """
import os, signal, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from mimic_desktop.services.accounts import AccountService
from mimic_desktop.storage.connection import open_store
from mimic_desktop.ui.context import AppContext
from mimic_desktop.ui.main_window import MainWindow
from mimic_desktop.ui.preferences import Preferences

db, proc_id = sys.argv[1:]
app = QApplication([])
store = open_store(db, create=False)
user = AccountService(store).sign_in("anna.coord", "correct horse")
window = MainWindow(AppContext(store, user, "en"), Preferences())
window.show()
window.open_procedure(proc_id)
size = window.live.lesion_panel.form.editors["size_mm"].input
size.setFocus()
QTest.keyClicks(size, "23")
QApplication.processEvents()
os.kill(os.getpid(), signal.SIGKILL)
"""


def test_a_typed_lesion_size_is_saved_after_the_app_was_killed_before_saving_it(
    make_window, store, coordinator, service, qtbot
):
    proc_id = in_surgery(service)
    lesion_id = service.load(proc_id).current_lesion_id
    child = subprocess.run([sys.executable, "-c", TYPED_THEN_KILLED, str(store.path), proc_id], cwd=REPO, timeout=120)
    assert child.returncode == -signal.SIGKILL
    assert service.load(proc_id).lesion(lesion_id).get("size_mm") is None, "killed before the save"

    window = make_window(store, coordinator)
    assert window.live is not None and window.live.proc_id == proc_id, "the live screen reopens after the kill"
    panel = window.live.lesion_panel
    assert panel.form.editors["size_mm"].input.text() == "23"
    notice = panel.findChild(QLabel, "restoredTyping")
    assert notice.isVisible() and "Size" in notice.text()
    qtbot.waitUntil(lambda: service.load(proc_id).lesion(lesion_id).get("size_mm") == 23.0, timeout=10_000)
    assert panel.kept.waiting(lesion_id) == {}, "kept only until saved"
