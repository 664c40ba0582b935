"""The trial office's window has the application's wheel guard too: a scroll over its drop-downs changes nothing."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from tests.ui.test_wheel_changes_nothing import scroll_over_all


def test_the_wheel_changes_nothing_in_the_trial_office_window(open_window, central_db):
    window = open_window(central_db)
    count = 0
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        QApplication.processEvents()
        count += scroll_over_all(window.tabs.widget(index), focused=False)
    assert count >= 1, "the exports page's language drop-down at least"
