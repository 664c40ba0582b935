"""A main window with one procedure open on its Record tab, for the record page tests."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication


def open_record(make_window, store, user, proc_id, lang: str = "en"):
    window = make_window(store, user, lang=lang)
    window.open_procedure(proc_id)
    window.tabs.setCurrentIndex(1)
    QApplication.processEvents()
    return window
