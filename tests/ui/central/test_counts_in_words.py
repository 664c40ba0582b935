"""Counts on the trial office's window take the singular or the plural their number needs, in both languages."""

from __future__ import annotations

import pytest

from mimic_desktop.services import central_import
from mimic_desktop.ui import i18n
from tests.support.office import data_manager

from .conftest import settle

WORDS = {
    "en": {
        "one": ("1 file, 1 current session", "1 patient analysed of 1 current session; computed "),
        "three": ("3 files, 3 current sessions", "3 patients analysed of 3 current sessions; computed "),
        "counted": ("of 1 procedure analysed", "of 3 procedures analysed"),
    },
    "nl": {
        "one": ("1 bestand, 1 huidige sessie", "1 patiënt geanalyseerd van 1 huidige sessie; berekend "),
        "three": ("3 bestanden, 3 huidige sessies", "3 patiënten geanalyseerd van 3 huidige sessies; berekend "),
        "counted": ("van 1 procedure geanalyseerd", "van 3 procedures geanalyseerd"),
    },
}


def import_files(path, *files) -> None:
    store = central_import.open_existing(path)
    try:
        central_import.CentralImporter(store, data_manager(store)).import_paths(list(files))
    finally:
        store.close()


def counts(open_window, path, lang, qtbot) -> tuple[str, str, str]:
    """The Sessions page's count, the Report page's status line and its note on what is counted."""
    window = open_window(path, lang)
    window.show_page("sessions")
    sessions = window.sessions_page.count.text()
    window.show_page("report")
    settle(qtbot, window)
    page = window.report_page
    return sessions, page.status.text(), page.content.findChild(type(page.status), "countedText").text()


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_one_and_several_sessions_are_counted_in_words(open_window, central_db, outbox, ui_app, qtbot, lang):
    i18n.install(ui_app, lang)
    words = WORDS[lang]
    import_files(central_db, outbox.files["A1"])
    sessions, status, counted = counts(open_window, central_db, lang, qtbot)
    assert sessions == words["one"][0]
    assert status.startswith(words["one"][1])
    assert words["counted"][0] in counted

    import_files(central_db, outbox.files["B1"], outbox.files["C1"])
    sessions, status, counted = counts(open_window, central_db, lang, qtbot)
    assert sessions == words["three"][0]
    assert status.startswith(words["three"][1])
    assert words["counted"][1] in counted
