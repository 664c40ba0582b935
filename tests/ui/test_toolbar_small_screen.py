"""The main window's toolbar on a small laptop: the signed-in person's button stays in sight (icons alone on the
other buttons, their words in the tooltips) rather than behind the toolbar's overflow arrow, and the words come
back when the window is wide again."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QToolBar

from mimic_desktop.ui import i18n


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_user_button_stays_in_sight_at_1024_wide(ui_app, make_window, store, coordinator, lang):
    i18n.install(ui_app, lang)
    try:
        window = make_window(store, coordinator, lang=lang)
        window.resize(1024, 640)
        QApplication.processEvents()
        bar, user = window.findChild(QToolBar, "mainToolbar"), window.user_label
        assert user.isVisible() and user.geometry().right() <= bar.width()
        assert bar.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly
        assert window.settings_action.toolTip()  # the word is still there for the pointer
        window.resize(1920, 1000)
        QApplication.processEvents()
        assert bar.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonTextBesideIcon and user.isVisible()
    finally:
        i18n.install(ui_app, "en")
