"""The Settings dialog's video part: a coordinator chooses the video source (a file through the file dialog, or a
device's number) and each imaging system's mask rectangles, sees one frame masked black as it will be stored, and
saves both with OK in one audited change; the same rules as the command line; others only read them."""

from __future__ import annotations

import cv2
import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QFileDialog, QLabel

from mimic_desktop.services import frames, video
from mimic_desktop.services.accounts import AccountService
from mimic_desktop.ui.settings_dialog import SettingsDialog
from tests.support.modal_answers import ModalAnswers
from tests.support.wheel import wheel

GREY = 200  # the recording's every pixel: a masked one is 0, any other stays near this
WIDTH, HEIGHT = 160, 120


def recording(path):
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"MJPG"), 5.0, (WIDTH, HEIGHT), False)
    assert writer.isOpened()
    for _ in range(50):
        writer.write(np.full((HEIGHT, WIDTH), GREY, np.uint8))
    writer.release()
    return path


def video_dialog(window, actions):
    """The video settings, as a person reaches them: Settings, then its button."""
    settings = SettingsDialog(window.prefs, window, context=window.context)
    settings.show()
    actions.click(settings.video_button)
    dialog = settings.video_dialog
    assert dialog is not None and dialog.isVisible() and dialog.isModal()
    return dialog


def pixel(image, x: int, y: int) -> int:
    return image.pixelColor(x, y).green()


def setting_rows(store) -> list[tuple]:
    rows = store.conn.execute("SELECT entity_id, new_value FROM audit WHERE entity = 'setting' ORDER BY seq")
    return [tuple(row) for row in rows]


def test_the_coordinator_sets_the_source_and_masks_and_sees_them_on_a_frame(
    make_window, store, coordinator, actions, tmp_path
):
    tower = recording(tmp_path / "tower.avi")
    window = make_window(store, coordinator)
    dialog = video_dialog(window, actions)
    section = dialog.section
    assert section.source.text() == "" and section.masks.text() == ""

    def choose(file_dialog: QFileDialog) -> None:
        file_dialog.selectFile(str(tower))
        file_dialog.accept()

    with ModalAnswers({"openFileDialog": choose}):
        actions.click(section.choose_button)
    assert section.source.text() == str(tower)
    actions.choose(section.system, "storz_rubina")
    actions.type(section.masks, "0,0,160,20; 100,90,60,30")
    actions.click(section.refresh_button)
    image = section.frame_image
    assert image is not None and (image.width(), image.height()) == (WIDTH, HEIGHT)
    assert not section.preview.pixmap().isNull()
    # Black inside each rectangle, to its edges; the frame's grey everywhere else.
    for x, y in ((0, 0), (159, 19), (80, 10), (100, 90), (159, 119), (130, 100)):
        assert pixel(image, x, y) == 0, (x, y)
    for x, y in ((0, 20), (80, 60), (99, 119), (159, 89)):
        assert abs(pixel(image, x, y) - GREY) <= 4, (x, y)
    # Another system's masks are its own; the ones typed for the first are kept meanwhile.
    actions.choose(section.system, "olympus_visera_elite_ii")
    assert section.masks.text() == ""
    actions.choose(section.system, "storz_rubina")
    assert section.masks.text() == "0,0,160,20; 100,90,60,30"
    before = len(setting_rows(store))
    actions.click(dialog.buttons.button(dialog.buttons.StandardButton.Ok))
    assert not dialog.isVisible()
    assert video.source(store) == str(tower)
    assert frames.masks(store) == {"storz_rubina": ["0,0,160,20", "100,90,60,30"]}
    assert [key for key, _value in setting_rows(store)[before:]] == ["video_source", "frame_masks"]
    assert section.previewing.source is None  # the source is let go with the dialog


def test_refusals_are_said_in_the_dialog_and_nothing_is_saved(make_window, store, coordinator, actions, tmp_path):
    window = make_window(store, coordinator)
    dialog = video_dialog(window, actions)
    section = dialog.section
    actions.type(section.source, str(tmp_path / "gone.avi"))
    actions.click(section.refresh_button)
    assert section.frame_image is None and "cannot be opened" in section.problem.text()
    actions.click(dialog.buttons.button(dialog.buttons.StandardButton.Ok))
    assert dialog.isVisible() and "There is no file" in section.problem.text()
    actions.retype(section.source, str(store.path))  # the database itself is no video
    actions.click(dialog.buttons.button(dialog.buttons.StandardButton.Ok))
    assert dialog.isVisible() and "is not a video or image that can be played" in section.problem.text()
    actions.retype(section.source, "99")
    actions.click(dialog.buttons.button(dialog.buttons.StandardButton.Ok))
    assert dialog.isVisible() and "There is no capture device 99" in section.problem.text()
    actions.retype(section.source, "")
    actions.type(section.masks, "0,0,-5,20")
    actions.click(dialog.buttons.button(dialog.buttons.StandardButton.Ok))
    assert dialog.isVisible() and "mask" in section.problem.text()
    assert video.source(store) is None and frames.masks(store) == {}
    actions.retype(section.masks, "")
    actions.click(section.refresh_button)
    assert section.problem.text() == "No video source is set: choose one in Settings."
    dialog.reject()


def test_the_wheel_changes_no_system_and_others_only_read(make_window, store, coordinator, actions):
    frames.set_masks(store, coordinator, "stryker_1688", ["0,0,10,10"])
    window = make_window(store, coordinator)
    dialog = video_dialog(window, actions)
    combo = dialog.section.findChild(QComboBox, "maskSystem")
    assert combo.focusPolicy() == Qt.FocusPolicy.StrongFocus
    before = combo.currentIndex()
    for notch in (1, 1, -1, -1, -1):
        wheel(combo, notch)
    assert combo.currentIndex() == before
    dialog.reject()
    monitor = AccountService(store).create_user("mo.monitor", "Mo Monitor", "monitor", "correct horse", by=coordinator)
    window = make_window(store, monitor)
    dialog = video_dialog(window, actions)
    section = dialog.section
    assert not section.source.isEnabled() and not section.masks.isEnabled() and not section.choose_button.isEnabled()
    assert section.findChild(QLabel, "videoRoleNotice") is not None
    section.system.setCurrentIndex(section.system.findData("stryker_1688"))
    assert section.masks.text() == "0,0,10,10"
    dialog.reject()
