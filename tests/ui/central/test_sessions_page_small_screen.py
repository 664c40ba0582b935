"""The Sessions page at the smallest window the app supports, in Dutch (its longest words): every button shows its
whole text, the search field stays usable and a session shows."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractButton, QApplication

from mimic_desktop.ui import i18n
from tests.ui.central.conftest import settle


def test_every_button_of_the_sessions_page_shows_its_whole_text_at_1024x640_in_dutch(
    ui_app, open_window, filled_db, qtbot
):
    i18n.install(ui_app, "nl")
    try:
        window = open_window(filled_db, lang="nl")
        settle(qtbot, window)
        window.resize(1024, 640)
        window.tabs.setCurrentWidget(window.sessions_page)
        QApplication.processEvents()
        page = window.sessions_page
        clipped = [
            button.text()
            for button in page.findChildren(QAbstractButton)
            if button.isVisible() and button.text() and button.width() < button.sizeHint().width()
        ]
        assert clipped == []
        assert page.search.width() >= page.search.minimumWidth()
        # The splitter between sessions and keys is the person's to move; at its start a session row shows whole.
        assert page.sessions.viewport().height() >= page.sessions.verticalHeader().defaultSectionSize()
    finally:
        i18n.install(ui_app, "en")
