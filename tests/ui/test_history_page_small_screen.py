"""The record's History page at the smallest window the app supports, in Dutch (its longest words): every button
shows its whole text and the text filter keeps room to type in."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractButton, QApplication

from mimic_desktop.ui import i18n
from tests.support.enrolment import in_surgery


def test_the_history_page_buttons_show_their_whole_text_at_1024x640_in_dutch(
    ui_app, make_window, store, coordinator, service
):
    proc_id = in_surgery(service)
    i18n.install(ui_app, "nl")
    try:
        window = make_window(store, coordinator, lang="nl")
        window.open_procedure(proc_id)
        window.tabs.setCurrentIndex(1)
        page = window.record.show_page("history")
        window.resize(1024, 640)
        QApplication.processEvents()
        assert page.redact_button.isVisible()  # a coordinator's
        clipped = [
            button.text()
            for button in page.findChildren(QAbstractButton)
            if button.isVisible() and button.text() and button.width() < button.sizeHint().width()
        ]
        assert clipped == []
        assert page.text.width() >= page.text.sizeHint().width()
    finally:
        i18n.install(ui_app, "en")
