"""The lesion's page: a kept frame shown, a target and a background drawn on it with the mouse and adjusted by
keys, the figures shown with their honest words, and the measurement stored as `fluorescence set` stores it."""

from __future__ import annotations

import re
import sqlite3

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication

from mimic_desktop.services import frames as frame_service
from mimic_desktop.services.accounts import AccountService
from mimic_desktop.ui import i18n
from tests.support import frames
from tests.support.record_window import open_record


def lesion_event(proc, number: int):
    lesion = next(lesion for lesion in proc.lesions if lesion.number == number)
    return next(e for e in proc.live_events() if e.lesion_id == lesion.id and e.kind != "lesion_identified")


@pytest.fixture
def kept(service, recorded, tmp_path) -> int:
    """A near-infrared still of known intensities kept with a finding of lesion 1."""
    proc = service.load(recorded)
    image = frames.write(tmp_path / "still.png", frames.nir_frame())
    return frame_service.attach_frame(service, proc.study_id, lesion_event(proc, 1).id, image)


def lesion_panel(window, number: int):
    page = window.record.show_page("lesions")
    page.list.setCurrentRow(number - 1)
    QApplication.processEvents()
    return page.fluorescence


def screen_point(canvas, x: int, y: int) -> QPoint:
    """Where a pixel of the frame is on screen (its centre), whatever size the frame is shown at."""
    shown = canvas._to_screen(QRect(x, y, 1, 1)).center()
    return QPoint(round(shown.x()), round(shown.y()))


def drag(qtbot, canvas, rect: str) -> None:
    x, y, w, h = (int(part) for part in rect.split(","))
    start, end = screen_point(canvas, x, y), screen_point(canvas, x + w, y + h)
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(canvas, pos=(start + end) / 2)
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=end)


def test_regions_drawn_by_mouse_show_the_known_ratio_and_are_stored(
    make_window, store, coordinator, service, recorded, kept, qtbot
):
    window = open_record(make_window, store, coordinator, recorded)
    panel = lesion_panel(window, 1)
    assert panel.body.isVisible() and not panel.none.isVisible()
    assert panel.frame_choice.count() == 1 and panel.frame_choice.currentData() == kept
    assert (panel.canvas.image.width(), panel.canvas.image.height()) == (frames.WIDTH, frames.HEIGHT)
    assert not panel.store_button.isEnabled()  # nothing drawn yet

    drag(qtbot, panel.canvas, frames.TARGET)
    assert panel.canvas.regions["target"] == QRect(105, 65, 110, 12)
    qtbot.keyClick(panel.canvas, Qt.Key.Key_B)
    assert panel.findChild(type(panel.region_buttons.buttons()[0]), "backgroundRegion").isChecked()
    drag(qtbot, panel.canvas, frames.BACKGROUND)
    assert panel.canvas.regions["background"] == QRect(10, 10, 60, 200)

    shown = panel.figures.text()
    ratio = float(shown.split("Signal-to-background ratio: ")[1].split()[0])
    assert ratio == pytest.approx(frames.KNOWN_RATIO, rel=0.01)
    assert "Uncalibrated, relative to this frame" in shown
    assert "near-infrared" in shown

    # Keys adjust the chosen region: arrows move it, Shift+arrows resize it, Ctrl by ten pixels.
    qtbot.keyClick(panel.canvas, Qt.Key.Key_Right)
    qtbot.keyClick(panel.canvas, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(panel.canvas, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    assert panel.canvas.regions["background"] == QRect(11, 20, 59, 200)
    # Moved against the frame's edge, a region stays inside it.
    for _ in range(5):
        qtbot.keyClick(panel.canvas, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert panel.canvas.regions["background"] == QRect(11, 40, 59, 200)

    assert panel.store_button.isEnabled()
    qtbot.mouseClick(panel.store_button, Qt.MouseButton.LeftButton)
    stored = frame_service.measurements(service, recorded)
    assert len(stored) == 1
    measurement = stored[0]
    assert (measurement.lesion_number, measurement.frame_id, measurement.channel) == (1, kept, "nir")
    assert (measurement.target, measurement.background) == ("105,65,110,12", "11,40,59,200")
    assert measurement.sbr == pytest.approx(frames.KNOWN_RATIO, rel=0.01)
    # The same figures the command line stores: computed once, by the same method.
    again = frame_service.preview_measurement(service, recorded, kept, measurement.target, measurement.background)
    assert again.ratio == measurement.sbr and measurement.method == again.method
    audit = store.conn.execute(
        "SELECT COUNT(*) FROM audit WHERE procedure_id=? AND entity_id=? AND field='figures'",
        (recorded, str(measurement.id)),
    ).fetchone()[0]
    assert audit >= 1

    # Shown again, the lesion's stored regions come back on its frame.
    panel = lesion_panel(window, 2)
    panel = lesion_panel(window, 1)
    assert panel.canvas.regions["background"] == QRect(11, 40, 59, 200)
    assert "Stored: frame" in panel.stored.text() and "(near-infrared (grey frame) channel)" in panel.stored.text()
    # A click that gives the frame the keyboard keeps the regions shown.
    qtbot.mouseClick(panel.canvas, Qt.MouseButton.LeftButton, pos=panel.canvas.rect().center())
    assert panel.canvas.regions["background"] == QRect(11, 40, 59, 200)


def test_a_lesion_without_frames_says_so_and_another_lesions_frame_is_not_offered(
    make_window, store, coordinator, recorded, kept
):
    window = open_record(make_window, store, coordinator, recorded)
    panel = lesion_panel(window, 2)
    assert panel.none.isVisible() and not panel.body.isVisible()
    assert "No frame was kept" in panel.none.text()


def test_the_overlay_channel_is_chosen_and_said(make_window, store, coordinator, service, recorded, tmp_path, qtbot):
    proc = service.load(recorded)
    image = frames.write(tmp_path / "overlay.png", frames.overlay_frame())
    frame_id = frame_service.attach_frame(service, proc.study_id, lesion_event(proc, 1).id, image)
    window = open_record(make_window, store, coordinator, recorded)
    panel = lesion_panel(window, 1)
    panel.canvas.set_region("target", QRect(105, 65, 110, 12))
    panel.canvas.set_region("background", QRect(10, 10, 60, 200))
    # A colour frame on the near-infrared channel is refused in words, and cannot be stored.
    assert "colour" in panel.figures.text() and not panel.store_button.isEnabled()
    panel.channel.setCurrentIndex(panel.channel.findData("green"))
    assert "green" in panel.figures.text()
    ratio = float(panel.figures.text().split("Signal-to-background ratio: ")[1].split()[0])
    assert ratio == pytest.approx(frames.KNOWN_RATIO, rel=0.01)
    qtbot.mouseClick(panel.store_button, Qt.MouseButton.LeftButton)
    assert [m.channel for m in frame_service.measurements(service, recorded) if m.frame_id == frame_id] == ["green"]


def test_a_frame_changed_after_it_was_kept_is_named_not_measured(
    make_window, store, coordinator, recorded, kept, db_path
):
    with sqlite3.connect(db_path) as other:
        other.execute("UPDATE frames SET data = CAST(data || x'00' AS BLOB) WHERE id=?", (kept,))
    window = open_record(make_window, store, coordinator, recorded)
    panel = lesion_panel(window, 1)
    assert "does not match its hash" in panel.figures.text()
    assert panel.canvas.image.isNull() and not panel.store_button.isEnabled()


def test_a_monitor_sees_the_frame_and_stores_nothing(make_window, store, coordinator, recorded, kept):
    monitor = AccountService(store).create_user("mo.nitor", "Mo Nitor", "monitor", "monitor-pass", by=coordinator)
    window = open_record(make_window, store, monitor, recorded)
    panel = lesion_panel(window, 1)
    assert panel.frame_choice.count() == 1 and not panel.canvas.image.isNull()
    assert not panel.store_button.isVisible()


def test_the_dutch_page_says_what_the_figures_are(make_window, store, coordinator, recorded, kept, ui_app):
    i18n.install(ui_app, "nl")
    window = open_record(make_window, store, coordinator, recorded, lang="nl")
    panel = lesion_panel(window, 1)
    panel.canvas.set_region("target", QRect(105, 65, 110, 12))
    panel.canvas.set_region("background", QRect(10, 10, 60, 200))
    assert "Niet gekalibreerd" in panel.figures.text()
    assert panel.store_button.text() == "Meting opslaan"
    # The figures with the Dutch decimal comma, as the rest of the Dutch texts write numbers.
    assert "Signaal-achtergrondverhouding: 3,0" in panel.figures.text()
    assert "gemiddelde 59,9, SD 6,0" in panel.figures.text() and not re.search(r"\d\.\d", panel.figures.text())


def test_the_documentation_pictures_of_the_lesion_page_are_made(ui_app, tmp_path):
    import importlib.util
    from pathlib import Path

    from PySide6.QtGui import QImage

    script = Path(__file__).resolve().parents[2] / "docs" / "make_screenshots.py"
    spec = importlib.util.spec_from_file_location("make_screenshots", script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    made = module.make_fluorescence_screenshots(tmp_path / "pictures", tmp_path)
    assert [path.name for path in made] == [
        "dark-record-fluorescence.png",
        "dark-record-fluorescence-nl.png",
        "summary-pdf-frames.png",
    ]
    for path in made[:2]:
        image = QImage(str(path))
        assert (image.width(), image.height()) == (1366, 768)
    import shutil

    if shutil.which("pdftoppm"):  # the summary's page is rendered by poppler where it is installed
        page = QImage(str(made[2]))
        assert page.width() > 0 and page.height() > page.width()
