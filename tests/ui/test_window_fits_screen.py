"""The main window fits the screen's free area (title bar and task bar left out), the live screen at its smallest."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtWidgets import QApplication

from mimic_desktop.ui.main_window import DEFAULT_SIZE, placement
from tests.support.enrolment import in_surgery


def test_a_laptop_screen_with_a_task_bar_maximises_and_a_large_one_centres():
    assert placement(QRect(0, 0, 1366, 728)) is None, "1366x768 less a task bar: maximised"
    large = QRect(0, 0, 1920, 1040)
    place = placement(large)
    assert place.size() == DEFAULT_SIZE and large.contains(place) and place.center() == large.center()


def test_the_window_is_shown_inside_the_free_area(make_window, store, coordinator):
    window = make_window(store, coordinator)
    window.show_fitted()
    QApplication.processEvents()
    available = window.screen().availableGeometry()
    assert available.contains(window.frameGeometry()) or window.isMaximized()
    assert window.minimumWidth() <= available.width() and window.minimumHeight() <= available.height()


def test_the_live_screen_fits_a_maximised_laptop_window(make_window, store, coordinator, service, tmp_path):
    proc_id = in_surgery(service)
    window = make_window(store, coordinator)
    window.open_procedure(proc_id)
    laptop = QSize(1366, 700)  # 1366x768 less a task bar and a title bar
    window.resize(laptop)
    QApplication.processEvents()
    assert window.size() == laptop
    assert window.live.minimumSizeHint().width() <= laptop.width(), "the live screen's columns do not overlap"
    window.saved.saved()
    assert window.saved.isVisible() and window.rect().contains(window.statusBar().geometry())
    window.grab().save(str(tmp_path / "live-laptop.png"))
