"""The trial office imports files and folders through the window and finds them in the sessions list."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QLabel, QPushButton

from mimic_desktop.domain.clock import local_text
from mimic_desktop.exchange import signing_keys
from mimic_desktop.services import central_import, centre_keys, session_key
from tests.support.session_files import foreign_key_file

from .conftest import cells, copy_to, settle


def test_a_folder_with_a_good_a_duplicate_and_a_damaged_file(open_window, central_db, outbox, usb, qtbot):
    window = open_window(central_db)
    page = window.import_page
    page.start([outbox.files["A1"]])
    settle(qtbot, window)
    assert page.headline.text().startswith("Imported: 1 (new: 1,")
    copy_to(usb, outbox.files["B1"], outbox.files["A1"])  # B is new, A was imported a moment ago
    damaged = usb / "MIM-01-003-v1.mimic"
    damaged.write_bytes(outbox.files["C1"].read_bytes()[:5000])
    progress = []
    page.start([usb]).signals.progress.connect(lambda done, total, name: progress.append((done, total, name)))
    assert not page.files_button.isEnabled() and not page.folder_button.isEnabled()
    settle(qtbot, window)

    assert page.headline.text() == (
        "Imported: 1 (new: 1, superseding an earlier version: 0, older version kept: 0) · duplicates: 1 · rejected: 1"
    )
    rows = cells(page.table)
    assert rows[0][:4] == ["rejected", "", "", "MIM-01-003-v1.mimic"]  # what needs following up comes first
    assert rows[0][4].startswith("The file is not a readable ZIP archive: it is damaged or truncated")
    assert sorted(row[:4] for row in rows[1:]) == [
        ["duplicate", "MIM-01-001", "1", "MIM-01-001-v1.mimic"],
        ["imported (new)", "MIM-01-002", "1", "MIM-01-002-v1.mimic"],
    ]
    assert any(row[4].startswith("already imported on ") and row[4].endswith("nothing changed") for row in rows)
    assert page.files_button.isEnabled() and page.progress.isHidden()
    assert page.status.text() == "The import has finished."
    assert window.summary is page.summary and page.summary.count(central_import.Outcome.REJECTED) == 1

    sessions = window.sessions_page
    listed = cells(sessions.sessions)
    assert [row[:4] for row in listed] == [["MIM-01-001", "01", "1", "current"], ["MIM-01-002", "01", "1", "current"]]
    fingerprint = signing_keys.fingerprint(
        signing_keys.raw_public_key(session_key.load_or_create(outbox.laptop.key_path))
    )
    assert {row[4] for row in listed} == {fingerprint}
    stored = central_import.imported_files(window.store)
    assert [row[5] for row in listed] == [local_text(row["imported_utc"], seconds=True) for row in stored]
    assert [row[6] for row in listed] == ["MIM-01-001-v1.mimic", "MIM-01-002-v1.mimic"]
    assert sessions.count.text() == "2 files, 2 current sessions"
    assert cells(sessions.keys) == [["01", fingerprint, cells(sessions.keys)[0][2], ""]]


def test_a_newer_version_shows_the_older_as_superseded_and_search_finds_a_study_id(
    open_window, central_db, outbox, qtbot
):
    window = open_window(central_db)
    window.import_page.start([outbox.files[name] for name in ("A1", "B1", "A2")])
    settle(qtbot, window)
    assert "supersedes version 1" in cells(window.import_page.table)[2][4]
    window.show_page("sessions")
    sessions = window.sessions_page
    assert [row[:4] for row in cells(sessions.sessions)] == [
        ["MIM-01-001", "01", "1", "superseded"],
        ["MIM-01-001", "01", "2", "current"],
        ["MIM-01-002", "01", "1", "current"],
    ]
    qtbot.keyClicks(sessions.search, "01-001")
    assert [row[2:4] for row in cells(sessions.sessions)] == [["1", "superseded"], ["2", "current"]]
    assert sessions.count.text() == "2 files, 1 current session"
    sessions.search.setText("mim-01-002")
    assert [row[0] for row in cells(sessions.sessions)] == ["MIM-01-002"]
    sessions.search.setText("MIM-02")
    assert cells(sessions.sessions) == []
    assert sessions.sessions.editTriggers() == sessions.sessions.EditTrigger.NoEditTriggers  # read-only


def test_the_summary_can_be_copied_and_saved_as_text(open_window, central_db, outbox, usb, tmp_path, qtbot):
    window = open_window(central_db)
    page = window.import_page
    assert not page.copy_button.isEnabled() and not page.save_button.isEnabled()
    (usb / "broken.mimic").write_bytes(b"PK\x03\x04 cut short")
    copy_to(usb, outbox.files["B1"])
    page.start([usb])
    settle(qtbot, window)
    qtbot.mouseClick(page.copy_button, Qt.MouseButton.LeftButton)
    copied = QApplication.clipboard().text()
    assert copied == page.summary.full_text()
    assert copied.splitlines()[0] == f"new\t{usb / 'MIM-01-002-v1.mimic'}\tMIM-01-002 version 1 imported"
    assert copied.splitlines()[-1].startswith(f"rejected {usb / 'broken.mimic'}: The file is not a readable ZIP")
    target = tmp_path / "records" / "import-2026-11-30.txt"
    target.parent.mkdir()
    page.save_summary(target)
    assert target.read_text(encoding="utf-8") == copied + "\n"
    assert page.status.text() == f"Summary saved to {target}"


def test_a_centre_key_is_registered_after_its_fingerprint_is_confirmed(open_window, central_db, tmp_path, qtbot):
    window = open_window(central_db)
    sessions = window.sessions_page
    dialog = sessions.add_key()
    register: QPushButton = dialog.register_button
    (tmp_path / "notes.pem").write_text("-----BEGIN PUBLIC KEY-----\nnot a key\n-----END PUBLIC KEY-----\n")
    dialog.use_file(tmp_path / "notes.pem")
    assert "is not a public key file" in dialog.problem.text() and dialog.fingerprint.text() == ""
    private, _key = foreign_key_file(tmp_path)
    public = session_key.write_public_key(tmp_path / "centre-04.pem", private)
    dialog.use_file(public.path)
    assert dialog.fingerprint.text() == public.fingerprint and dialog.problem.text() == ""
    qtbot.keyClicks(dialog.centre, "04")
    assert not register.isEnabled(), "the fingerprint must be confirmed first"
    dialog.confirmed.setChecked(True)
    assert register.isEnabled()
    qtbot.mouseClick(register, Qt.MouseButton.LeftButton)
    assert [row[:2] for row in cells(sessions.keys)] == [
        ["01", cells(sessions.keys)[0][1]],
        ["04", public.fingerprint],
    ]
    assert sessions.key_message.text() == f"Key {public.fingerprint} of centre 04 registered."
    again = sessions.add_key()
    again.use_file(public.path)
    again.centre.setText("05")
    again.confirmed.setChecked(True)
    again.register()
    assert f"This key ({public.fingerprint}) is already registered for centre 04" in again.problem.text()
    assert again.isVisible() and len(cells(sessions.keys)) == 2
    again.reject()


def test_closing_or_new_settings_during_an_import_wait_for_it_without_blocking(open_window, central_db, outbox, qtbot):
    window = open_window(central_db)
    window.import_page.start([outbox.files["A1"]])
    window.apply_settings("light", "en")
    window.close()  # both asked while the import still runs: the UI thread stays free meanwhile
    assert window.isVisible() and window.pending_settings == ("light", "en")
    assert "closes when the running work has finished" in window.statusBar().currentMessage()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=120_000)
    assert window.summary is not None and window.summary.count(*central_import.IMPORTED) == 1
    assert window.prefs.theme == "light" and window.pending_settings is None


def test_an_import_the_database_stopped_shows_what_was_imported_and_what_was_not(
    open_window, central_db, outbox, shown_errors
):
    from mimic_desktop.services.central_import import FileResult, ImportSummary, Outcome

    window = open_window(central_db)
    page = window.import_page
    full = "The disk holding central.sqlite is full, so this change was not saved."
    summary = ImportSummary(
        [
            FileResult("/usb/MIM-01-001-v1.mimic", Outcome.NEW, "MIM-01-001 version 1 imported", "MIM-01-001", 1),
            FileResult("/usb/MIM-01-002-v1.mimic", Outcome.NOT_IMPORTED, full),
        ],
        stopped=full,
    )
    page.finished(summary)
    assert page.status.text().startswith(f"The import stopped: {full}")
    rows = cells(page.table)
    assert rows[0][:4] == ["not imported", "", "", "MIM-01-002-v1.mimic"] and rows[1][0] == "imported (new)"
    assert shown_errors == [full]
    shown_errors.clear()


def test_a_centre_key_is_withdrawn_with_a_reason_and_its_files_stay(open_window, filled_db, outbox, qtbot):
    window = open_window(filled_db)
    window.show_page("sessions")
    sessions = window.sessions_page
    button: QPushButton = sessions.withdraw_key_button
    assert not button.isEnabled(), "a key is chosen first"
    sessions.keys.selectRow(0)
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    prompt = sessions.findChild(QDialog, "withdrawKeyPrompt")
    fingerprint = cells(sessions.keys)[0][1]
    assert prompt.isVisible() and f"Withdraw key {fingerprint} of centre 01?" in prompt.findChild(QLabel).text()
    ok = prompt.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled(), "no withdrawal without a reason"
    qtbot.keyClicks(prompt.text, "registered for the wrong centre")
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    (key,) = centre_keys.registered_keys(window.store)
    assert cells(sessions.keys) == [
        [
            "01",
            fingerprint,
            local_text(key.registered_utc, seconds=True),
            f"{local_text(key.withdrawn_utc, seconds=True)}: registered for the wrong centre",
        ]
    ]
    assert sessions.key_message.text() == f"Key {fingerprint} of centre 01 withdrawn."
    sessions.keys.selectRow(0)
    assert not button.isEnabled(), "a withdrawn key is withdrawn once"
    listed = cells(sessions.sessions)
    assert len(listed) == 4 and {row[4] for row in listed} == {f"{fingerprint} (withdrawn since)"}

    again = sessions.add_key()
    again.use_file(outbox.laptop.public_key_file())
    again.centre.setText("01")
    again.confirmed.setChecked(True)
    again.register()
    assert again.isVisible() and "Say why it may be trusted again" in again.problem.text()
    assert len(cells(sessions.keys)) == 1, "a withdrawn key is not registered again without a reason"
    again.reason.setText("registered again for the right centre")
    again.register()
    withdrawn, in_force = cells(sessions.keys)
    assert withdrawn[3].endswith("registered for the wrong centre")
    assert [*in_force[:2], in_force[3]] == ["01", fingerprint, ""]
    assert sessions.key_message.text() == f"Key {fingerprint} of centre 01 registered."
    assert cells(sessions.sessions) == listed, "the files name the registration they were imported under"
