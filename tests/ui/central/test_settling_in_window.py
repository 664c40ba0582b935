"""The trial office settles through the Sessions page: a session voided and restored with a reason, every session
of a key voided and restored, a version far ahead held back on import and released; said in the window's language."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel

from mimic_desktop.domain.roles import Role
from mimic_desktop.exchange import central
from mimic_desktop.services import central_import
from mimic_desktop.ui import i18n
from tests.support.office import office_user
from tests.support.session_files import with_record

from .conftest import cells, settle

LARGEST = 2**63 - 1


def answer(qtbot, page, name: str, reason: str) -> str:
    """Give the reason in the prompt the last click opened; returns the prompt's question."""
    prompt = page.findChild(QDialog, name)
    assert prompt is not None and prompt.isVisible()
    question = prompt.findChild(QLabel).text()
    ok = prompt.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled(), "nothing is settled without a reason"
    qtbot.keyClicks(prompt.text, reason)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    return question


def row_of(page, study_id: str, version: str) -> int:
    return next(i for i, row in enumerate(cells(page.sessions)) if row[0] == study_id and row[2] == version)


def in_analysis(window) -> list[str]:
    return sorted(central.frames(window.store)["procedures"]["study_id"])


def test_a_session_is_voided_and_restored_from_the_sessions_page(open_window, filled_db, qtbot):
    window = open_window(filled_db)
    window.show_page("sessions")
    page = window.sessions_page
    settling = page.settling
    assert not settling.void_button.isEnabled() and not settling.restore_button.isEnabled()
    page.sessions.selectRow(row_of(page, "MIM-01-002", "1"))
    assert settling.void_button.isEnabled() and not settling.restore_button.isEnabled()
    qtbot.mouseClick(settling.void_button, Qt.MouseButton.LeftButton)
    question = answer(qtbot, page, "voidSessionPrompt", "withdrew consent before surgery")
    assert question.startswith("Void the session of MIM-01-002?")
    assert page.settle_message.text() == "MIM-01-002 is voided."
    assert in_analysis(window) == ["MIM-01-001", "MIM-01-003"]
    state = cells(page.sessions)[row_of(page, "MIM-01-002", "1")][3]
    assert state.startswith("current; voided ") and state.endswith(": withdrew consent before surgery")
    assert page.count.text() == "4 files, 2 current sessions"

    page.sessions.selectRow(row_of(page, "MIM-01-002", "1"))
    assert settling.restore_button.isEnabled() and not settling.void_button.isEnabled()
    qtbot.mouseClick(settling.restore_button, Qt.MouseButton.LeftButton)
    answer(qtbot, page, "restoreSessionPrompt", "the withdrawal was another patient's")
    assert page.settle_message.text() == "MIM-01-002 is restored."
    assert in_analysis(window) == ["MIM-01-001", "MIM-01-002", "MIM-01-003"]


def test_every_session_of_a_key_is_voided_and_restored_in_dutch(open_window, filled_db, qtbot, ui_app):
    i18n.install(ui_app, "nl")
    window = open_window(filled_db, lang="nl")
    window.show_page("sessions")
    page = window.sessions_page
    page.keys.selectRow(0)
    qtbot.mouseClick(page.settling.void_key_button, Qt.MouseButton.LeftButton)
    answer(qtbot, page, "voidKeyPrompt", "laptop gestolen")
    assert "3 sessie(s) geïmporteerd onder sleutel" in page.settle_message.text()
    assert in_analysis(window) == []
    page.keys.selectRow(0)
    qtbot.mouseClick(page.settling.restore_key_button, Qt.MouseButton.LeftButton)
    answer(qtbot, page, "restoreKeyPrompt", "laptop teruggevonden")
    assert "hersteld" in page.settle_message.text()
    assert in_analysis(window) == ["MIM-01-001", "MIM-01-002", "MIM-01-003"]
    assert page.settling.void_key_button.text() == "Sessies van de sleutel ongeldig maken…"
    i18n.install(ui_app, "en")


def test_a_version_far_ahead_is_held_on_import_and_released_on_the_sessions_page(
    open_window, central_db, outbox, qtbot, tmp_path
):
    runaway = tmp_path / "runaway.mimic"

    def bump(record: dict) -> None:
        record["session_version"] = LARGEST

    runaway.write_bytes(with_record(outbox.files["A1"].read_bytes(), outbox.laptop.key_path, bump))
    window = open_window(central_db)
    window.import_page.start([outbox.files["A1"], runaway])
    settle(qtbot, window)
    assert "· 1 version held back until a data manager releases it" in window.import_page.headline.text()
    assert cells(window.import_page.table)[0][:3] == ["imported, held back", "MIM-01-001", str(LARGEST)]

    window.show_page("sessions")
    page = window.sessions_page
    page.refresh()
    held = row_of(page, "MIM-01-001", str(LARGEST))
    assert cells(page.sessions)[held][3] == "held back: far ahead of the last version seen"
    page.sessions.selectRow(held)
    assert page.settling.release_button.isEnabled()
    qtbot.mouseClick(page.settling.release_button, Qt.MouseButton.LeftButton)
    answer(qtbot, page, "releaseVersionPrompt", "centre confirmed by phone")
    assert page.settle_message.text() == f"Version {LARGEST} of MIM-01-001 is released and is now current."
    rows = central_import.imported_files(window.store)
    assert [(r["session_version"], r["current"]) for r in rows] == [(1, 0), (LARGEST, 1)]


def test_a_statistician_is_offered_no_settling(open_window, filled_db):
    store = central_import.open_existing(filled_db)
    office_user(store, "stan", Role.STATISTICIAN)
    store.close()
    window = open_window(filled_db, user="stan")
    page = window.sessions_page
    page.sessions.selectRow(0)
    page.keys.selectRow(0)
    settling = page.settling
    buttons = (settling.void_button, settling.release_button, settling.void_key_button, settling.restore_key_button)
    assert not any(button.isEnabled() for button in buttons)
