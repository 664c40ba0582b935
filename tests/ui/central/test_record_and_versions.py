"""The trial office opens a study ID's record from the Sessions page: each version whole, and a comparison of two
versions naming every changed value with who (the laptop account), when and why."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, QUrl, Slot
from PySide6.QtGui import QDesktopServices

from mimic_desktop.exchange import session_file
from mimic_desktop.services import central_record
from mimic_desktop.storage import central_archive
from mimic_desktop.ui import i18n
from mimic_desktop.ui.central.record_dialog import RecordDialog
from tests.support.session_files import members

from .conftest import cells

REASON = "readmission added to the stay"  # the outbox's correction of MIM-01-001 between versions 1 and 2


def open_record(window, qtbot, study_id: str) -> RecordDialog:
    page = window.sessions_page
    window.show_page("sessions")
    assert not page.record_button.isEnabled()
    row = next(i for i, file in enumerate(page.files) if file["study_id"] == study_id)
    page.sessions.selectRow(row)
    assert page.record_button.isEnabled()
    page.record_button.click()
    dialog = window.findChild(RecordDialog, "recordDialog")
    assert dialog is not None and dialog.isVisible()
    qtbot.addWidget(dialog)
    return dialog


def test_version_1_to_2_shows_every_changed_value_with_its_reason(open_window, filled_db, qtbot):
    window = open_window(filled_db)
    dialog = open_record(window, qtbot, "MIM-01-001")
    assert dialog.windowTitle() == "Record MIM-01-001"
    dialog.tabs.setCurrentIndex(1)
    assert dialog.older_box.currentData() == 1 and dialog.newer_box.currentData() == 2
    assert dialog.compare_note.text() == "Version 1 against version 2: 1 changed value(s)."
    rows = cells(dialog.compare_table)
    assert len(rows) == 1
    part, what, old, new, who, when, reason = rows[0]
    assert (part, what, new, reason) == ("Record", "Hospital stay", "11 days", REASON)
    assert old != new and who.startswith("#") and when
    # Both the same version: nothing is compared, and it says so.
    dialog.newer_box.setCurrentIndex(0)
    assert dialog.compare_note.text() == "Choose two different versions."
    assert cells(dialog.compare_table) == []
    # The other way round: the same changes, older first.
    dialog.older_box.setCurrentIndex(1)
    assert dialog.compare_note.text() == "Version 1 against version 2: 1 changed value(s)."


def test_each_version_shows_every_value_lesion_complication_and_event(open_window, filled_db, outbox, qtbot):
    window = open_window(filled_db)
    dialog = open_record(window, qtbot, "MIM-01-002")
    proc = outbox.current["MIM-01-002"]
    rows = cells(dialog.record_table)
    parts = [row[0] for row in rows]
    assert parts.count("Record") == len(proc.values)
    assert parts.count("Lesion 1") == len(proc.lesions[0].values)
    assert parts.count("Complication 1") == len(proc.complications[0].values)
    assert parts.count("Events") == len(proc.events)
    _, lines = central_record.view(window.store, "MIM-01-002")
    assert rows == [[line.section, line.what, line.value] for line in lines]
    assert dialog.version_box.count() == 1 and "current" in dialog.version_box.currentText()


def test_the_superseded_version_is_shown_as_it_came(open_window, filled_db, qtbot):
    window = open_window(filled_db)
    dialog = open_record(window, qtbot, "MIM-01-001")
    assert dialog.version_box.currentData() == 2
    stay = [row for row in cells(dialog.record_table) if row[1] == "Hospital stay"]
    assert stay == [["Record", "Hospital stay", "11 days"]]
    dialog.version_box.setCurrentIndex(0)
    assert "superseded" in dialog.version_box.currentText()
    stay = [row for row in cells(dialog.record_table) if row[1] == "Hospital stay"]
    assert stay and stay[0][2] != "11 days"


def test_in_dutch(ui_app, open_window, filled_db, qtbot):
    i18n.install(ui_app, "nl")
    window = open_window(filled_db, "nl")
    dialog = open_record(window, qtbot, "MIM-01-001")
    assert dialog.windowTitle() == "Dossier MIM-01-001"
    dialog.tabs.setCurrentIndex(1)
    assert dialog.compare_note.text() == "Versie 1 tegenover versie 2: 1 gewijzigde waarde(n)."
    rows = cells(dialog.compare_table)
    assert rows[0][:2] == ["Dossier", "Opnameduur"] and rows[0][6] == REASON
    assert dialog.compare_table.horizontalHeaderItem(6).text() == "Reden"


class UrlCatcher(QObject):
    """Takes the file URLs the window hands the system (Qt's own hook for a scheme), instead of a PDF viewer."""

    def __init__(self):
        super().__init__()
        self.opened: list[QUrl] = []

    @Slot(QUrl)
    def take(self, url: QUrl) -> None:
        self.opened.append(url)


@pytest.fixture
def opened_urls():
    catcher = UrlCatcher()
    QDesktopServices.setUrlHandler("file", catcher, "take")
    yield catcher.opened
    QDesktopServices.unsetUrlHandler("file")


def test_each_version_opens_its_pdfs_from_a_copy_never_the_archive(open_window, filled_db, qtbot, opened_urls):
    window = open_window(filled_db)
    dialog = open_record(window, qtbot, "MIM-01-001")
    versions = central_record.versions(window.store, "MIM-01-001")
    for index, version in enumerate(versions):
        dialog.version_box.setCurrentIndex(index)
        archived = central_archive.path_for(filled_db, version.file_hash)
        signed = archived.read_bytes()
        for button, member in (
            (dialog.summary_button, session_file.SUMMARY),
            (dialog.questionnaire_button, session_file.QUESTIONNAIRE),
        ):
            button.click()
            copy = Path(opened_urls[-1].toLocalFile())
            assert copy.name == f"MIM-01-001-v{version.version}-{member.removesuffix('.pdf')}.pdf"
            assert copy.resolve() != archived.resolve() and archived.resolve().parent not in copy.resolve().parents
            assert copy.read_bytes() == members(signed)[member] and copy.read_bytes().startswith(b"%PDF")
            assert stat.S_IMODE(copy.stat().st_mode) == 0o600
            copy.write_bytes(b"changed by a viewer")  # whatever happens to the copy, the archive keeps its file
            assert archived.read_bytes() == signed
    assert len(opened_urls) == 2 * len(versions)


def test_a_version_whose_signed_file_is_not_in_the_archive_says_so(open_window, filled_db, qtbot, opened_urls):
    window = open_window(filled_db)
    dialog = open_record(window, qtbot, "MIM-01-002")
    (version,) = central_record.versions(window.store, "MIM-01-002")
    central_archive.path_for(filled_db, version.file_hash).unlink()
    dialog.summary_button.click()
    assert opened_urls == []
    assert dialog.version_note.text().startswith("The signed file of MIM-01-002 version 1 is not in the archive")
