"""The frames' travel in session files through the real widgets: the coordinator's box in Settings, and the
export page saying whether frames travel, and their size, before anything is written."""

from __future__ import annotations

import json

import pytest
from PySide6.QtWidgets import QApplication, QCheckBox, QDialogButtonBox, QFileDialog, QMessageBox

from mimic_desktop.services import frame_travel
from mimic_desktop.services import frames as frame_service
from mimic_desktop.services.accounts import AccountService
from mimic_desktop.ui.record.export_warnings import ExportWarningsDialog
from mimic_desktop.ui.settings_dialog import SettingsDialog
from tests.support import frames
from tests.support.record_window import open_record
from tests.support.session_files import members

SURGEON_PASSWORD = "steady hands 42"


def travel_rows(store) -> list[tuple]:
    rows = store.conn.execute(
        "SELECT username, old_value, new_value FROM audit WHERE entity='setting' AND entity_id=? ORDER BY seq",
        (frame_travel.SETTING,),
    )
    return [tuple(row) for row in rows]


def test_the_coordinator_ticks_the_box_and_the_change_is_audited(make_window, store, coordinator, actions):
    window = make_window(store, coordinator)

    def tick(dialog: SettingsDialog) -> None:
        box = dialog.findChild(QCheckBox, "framesInSessionFile")
        assert box.isEnabled() and not box.isChecked()
        actions.click(box)
        actions.click(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok))

    actions.answer_dialog(QApplication.activeModalWidget, tick)
    window.open_settings()
    assert frame_travel.frames_travel(store)
    assert travel_rows(store) == [("anna.coord", None, '"yes"')]
    again = SettingsDialog(window.prefs, window, context=window.context)
    assert again.findChild(QCheckBox, "framesInSessionFile").isChecked()
    again.accept()
    assert len(travel_rows(store)) == 1, "OK without a change writes nothing"


def test_a_surgeon_sees_the_box_and_cannot_change_it(make_window, store, coordinator):
    AccountService(store).create_user("sam.surgeon", "Sam Snijder", "surgeon", SURGEON_PASSWORD, by=coordinator)
    surgeon = AccountService(store).sign_in("sam.surgeon", SURGEON_PASSWORD)
    window = make_window(store, surgeon)
    dialog = SettingsDialog(window.prefs, window, context=window.context)
    assert not dialog.findChild(QCheckBox, "framesInSessionFile").isEnabled()
    dialog.deleteLater()


@pytest.fixture
def with_frame(service, recorded, tmp_path) -> str:
    proc = service.load(recorded)
    event = next(e for e in proc.live_events() if e.kind == "inspect_icg")
    image = frames.write(tmp_path / "still.png", frames.nir_frame())
    frame_service.attach_frame(service, proc.study_id, event.id, image)
    service.complete(recorded)
    return recorded


def asked(window) -> QMessageBox | None:
    return next((box for box in window.findChildren(QMessageBox) if box.isVisible()), None)


def warned(window) -> ExportWarningsDialog | None:
    return next((dialog for dialog in window.findChildren(ExportWarningsDialog) if dialog.isVisible()), None)


def test_the_export_page_says_the_frames_travel_and_their_size_before_writing(
    make_window, store, coordinator, with_frame, actions, qtbot, tmp_path
):
    frame_travel.set_frames_travel(store, coordinator, True)
    window = open_record(make_window, store, coordinator, with_frame)
    panel = window.record.show_page("documents").session_export
    questions: list[str] = []
    usb = tmp_path / "usb"
    usb.mkdir()

    def answer(yes: bool):
        def respond(box: QMessageBox) -> None:
            questions.append(box.text())
            if yes:
                actions.answer_dialog(
                    lambda: next(d for d in window.findChildren(QFileDialog) if d.isVisible()), choose
                )
            box.button(QMessageBox.StandardButton.Yes if yes else QMessageBox.StandardButton.No).click()

        return respond

    def choose(dialog: QFileDialog) -> None:
        dialog.selectFile(str(usb))
        dialog.accept()

    def export_anyway(yes: bool):  # the questionnaire is not signed: that warning comes first
        def respond(dialog: ExportWarningsDialog) -> None:
            actions.answer_dialog(lambda: asked(window), answer(yes))
            dialog.export_button.click()

        return respond

    actions.answer_dialog(lambda: warned(window), export_anyway(yes=False))
    actions.click(panel.export_button)
    assert questions[0].startswith("1 near-infrared frame(s) travel in the session file (")
    assert "MiB" in questions[0] and questions[0].endswith("Export the session file?")
    assert panel.result.text() == "Not exported." and not window.tasks and list(usb.iterdir()) == []

    actions.answer_dialog(lambda: warned(window), export_anyway(yes=True))
    actions.click(panel.export_button)
    qtbot.waitUntil(lambda: panel.result.text().startswith("Written"), timeout=60_000)
    assert questions[1] == questions[0]
    [written] = usb.iterdir()
    inside = members(written.read_bytes())
    [frame] = json.loads(inside["record.json"])["frames"]
    assert frame["travels"] and f"frames/{frame['sha256']}.png" in inside
    assert questions[0].split("\n\n")[0] in panel.result.text(), "what travelled stays on the page"


def test_a_frame_changed_since_it_was_kept_stops_the_export_of_a_complete_record_without_blaming_completion(
    make_window, store, coordinator, with_frame, actions, shown_errors
):
    with store.transaction() as db:
        db.conn.execute("UPDATE frames SET data = CAST(data || x'00' AS BLOB)")
    window = open_record(make_window, store, coordinator, with_frame)
    panel = window.record.show_page("documents").session_export
    actions.click(panel.export_button)
    [said] = shown_errors
    assert "no longer matches its hash" in said
    assert "takes only completed records" not in said  # the record is complete: that is not why
    shown_errors.clear()
