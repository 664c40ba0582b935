"""The live screen keeps frames with no extra action: with a video source set, each event the catalogue marks
("frame": "kept") is recorded with the frame of its moment, the frame key (Y) keeps one on demand, and a source
that fails never costs the coordinator's entry: the event is stored without its frame and the notice says why."""

from __future__ import annotations

import math

import cv2
import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from mimic_desktop.domain import forms
from mimic_desktop.services import frames as frame_service
from mimic_desktop.services import video
from mimic_desktop.ui.live.timeline import FRAMED_ROLE
from tests.support.enrolment import in_surgery as surgery_under_way
from tests.ui.test_live_keys import kinds, press

FPS = 2.0
STEP = 4  # frame i is grey of intensity STEP * i everywhere: a kept frame's mean says when it was shown
FRAMES = 60  # 30 seconds of recording
CODEC_ERROR = 3.0  # MJPG's error on a flat grey frame, in intensity levels


def recording(path):
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"MJPG"), FPS, (64, 48), False)
    assert writer.isOpened()
    for index in range(FRAMES):
        writer.write(np.full((48, 64), STEP * index, np.uint8))
    writer.release()
    return path


def intensity_at(seconds: float) -> tuple[float, float]:
    """The intensities of the frames shown around this moment of the recording (the frame then, or the next)."""
    index = math.floor(seconds * FPS)
    return STEP * index - CODEC_ERROR, STEP * (index + 1) + CODEC_ERROR


@pytest.fixture
def in_surgery(service):
    return surgery_under_way(service, ("incision", "lesion_found", "transection_start"))


def frames_by_event(service, proc_id) -> dict[int, float]:
    proc = service.load(proc_id)
    return {
        kept.event_id: float(frame_service.frame_pixels(service, proc.id, kept.id).mean())
        for kept in frame_service.kept_frames(service, proc.study_id)
    }


def event_of(service, proc_id, kind):
    return [event for event in service.load(proc_id).live_events() if event.kind == kind][-1]


def framed_rows(live) -> dict[str, bool]:
    tree = live.timeline.tree
    items = [tree.topLevelItem(index) for index in range(tree.topLevelItemCount())]
    return {item.text(1): bool(item.data(0, FRAMED_ROLE)) for item in items}


def test_a_finding_keeps_the_frame_of_its_moment_while_the_recording_plays(
    make_window, store, coordinator, service, in_surgery, actions, qtbot, tmp_path
):
    video.set_source(store, coordinator, str(recording(tmp_path / "tower.avi")))
    window = make_window(store, coordinator)
    window.open_procedure(in_surgery)
    live = window.live
    started = live.frames.source.started  # the recording plays from the moment the screen opened
    live.take_keys()
    qtbot.wait(1500)
    press(actions, Qt.Key.Key_G)  # inspection with the ICG overlay keeps a frame
    qtbot.wait(1500)
    press(actions, Qt.Key.Key_F)  # fluorescence in the plane: a later frame
    press(actions, Qt.Key.Key_W)  # white light keeps none
    assert kinds(service, in_surgery)[-3:] == ["inspect_icg", "plane_fluorescence", "inspect_white_light"]
    kept = frames_by_event(service, in_surgery)
    means = []
    for kind in ("inspect_icg", "plane_fluorescence"):
        event = event_of(service, in_surgery, kind)
        low, high = intensity_at((event.moment - started).total_seconds())
        assert low <= kept[event.id] <= high, (kind, kept[event.id], low, high)
        means.append(kept[event.id])
    assert means[1] > means[0] + STEP  # two moments, two frames
    assert event_of(service, in_surgery, "inspect_white_light").id not in kept
    assert forms.events()["inspect_white_light"].frame is None
    rows = framed_rows(live)
    assert rows["Inspection, ICG overlay"] and rows["Fluorescence in transection plane"]
    assert not rows["Inspection, white light"] and not rows["Incision"]
    assert live.notice.text() == ""


def test_a_missing_source_records_the_event_and_says_why(
    make_window, store, coordinator, service, in_surgery, actions, tmp_path
):
    gone = recording(tmp_path / "tower.avi")
    video.set_source(store, coordinator, str(gone))
    gone.unlink()  # the recording was moved away after it was set
    window = make_window(store, coordinator)
    window.open_procedure(in_surgery)
    live = window.live
    assert "Frames are not kept" in live.notice.text() and str(gone) in live.notice.text()
    live.take_keys()
    press(actions, Qt.Key.Key_G)
    assert kinds(service, in_surgery)[-1] == "inspect_icg"  # the coordinator's entry comes first
    assert frames_by_event(service, in_surgery) == {}
    notice = live.notice.text()
    assert notice.startswith("Inspection, ICG overlay recorded without a frame:"), notice
    assert f"The video source {gone} cannot be opened" in notice
    assert QApplication.activeModalWidget() is None
    assert not framed_rows(live)["Inspection, ICG overlay"]


def test_a_recording_that_ended_records_the_event_without_its_frame(
    make_window, store, coordinator, service, in_surgery, actions, qtbot, tmp_path
):
    writer = cv2.VideoWriter(str(tmp_path / "short.avi"), cv2.VideoWriter_fourcc(*"MJPG"), 25.0, (64, 48), False)
    writer.write(np.full((48, 64), 100, np.uint8))
    writer.release()
    video.set_source(store, coordinator, str(tmp_path / "short.avi"))
    window = make_window(store, coordinator)
    window.open_procedure(in_surgery)
    live = window.live
    live.take_keys()
    qtbot.wait(200)  # the recording of one frame (0.04 s) has ended
    press(actions, Qt.Key.Key_O)  # an occult lesion, long after the one-frame recording ended
    assert kinds(service, in_surgery)[-1] == "occult_lesion"
    assert frames_by_event(service, in_surgery) == {}
    assert "gave no frame at this moment" in live.notice.text()
    # The recording is not played from its start again: its first frame would not be of this moment.
    press(actions, Qt.Key.Key_G)
    assert kinds(service, in_surgery)[-1] == "inspect_icg" and frames_by_event(service, in_surgery) == {}
    assert "gave no frame at this moment" in live.notice.text()


def test_the_frame_key_keeps_a_frame_on_demand(make_window, store, coordinator, service, in_surgery, actions, tmp_path):
    still = forms.events()["still"]
    assert (still.key, still.button, still.chart, still.lesion, still.frame) == (
        "Y",
        False,
        False,
        "optional",
        "required",
    )
    video.set_source(store, coordinator, str(recording(tmp_path / "tower.avi")))
    window = make_window(store, coordinator)
    window.open_procedure(in_surgery)
    live = window.live
    live.take_keys()
    press(actions, Qt.Key.Key_Y)
    assert kinds(service, in_surgery)[-1] == "still"
    event = event_of(service, in_surgery, "still")
    assert event.id in frames_by_event(service, in_surgery)
    assert framed_rows(live)["Frame kept"]
    # The More menu lists it with its key.
    assert any("Frame kept" in action.text() and "Y" in action.text() for action in live.more.menu().actions())


def test_the_frame_key_without_a_source_is_refused_in_words(
    make_window, store, coordinator, service, in_surgery, actions
):
    window = make_window(store, coordinator)
    window.open_procedure(in_surgery)
    live = window.live
    assert live.frames.source is None and live.notice.text() == ""
    live.take_keys()
    before = kinds(service, in_surgery)
    press(actions, Qt.Key.Key_Y)
    assert kinds(service, in_surgery) == before
    assert live.notice.text() == "Frame kept is not recorded: No video source is set: choose one in Settings."
    assert QApplication.activeModalWidget() is None
    # A finding without a source is recorded as ever, with nothing said about frames.
    press(actions, Qt.Key.Key_G)
    assert kinds(service, in_surgery)[-1] == "inspect_icg" and live.notice.text() == ""


def test_the_frame_kept_on_demand_is_refused_by_the_service_without_a_frame(service, in_surgery):
    from mimic_desktop.domain.errors import ValidationError

    with pytest.raises(ValidationError, match="Frame kept is recorded only with a frame of the video source"):
        service.record_event(in_surgery, "still")


def test_a_finding_that_waits_for_the_database_keeps_the_frame_of_its_key_press(
    make_window, store, coordinator, service, in_surgery, actions, qtbot, tmp_path
):
    from tests.support.storage_faults import write_lock_held_by_another_process

    video.set_source(store, coordinator, str(recording(tmp_path / "tower.avi")))
    window = make_window(store, coordinator)
    window.open_procedure(in_surgery)
    live = window.live
    started = live.frames.source.started
    live.take_keys()
    qtbot.wait(1000)
    with write_lock_held_by_another_process(service):
        press(actions, Qt.Key.Key_F)
        assert [write.what for write in live.writes.waiting] == ["Fluorescence in transection plane"]
        qtbot.wait(2500)  # the recording plays on meanwhile
    qtbot.waitUntil(lambda: not live.writes.waiting, timeout=10_000)
    event = event_of(service, in_surgery, "plane_fluorescence")
    low, high = intensity_at((event.moment - started).total_seconds())
    assert low <= frames_by_event(service, in_surgery)[event.id] <= high


def test_who_only_reads_the_record_does_not_open_the_source(make_window, store, coordinator, in_surgery, tmp_path):
    from mimic_desktop.services.accounts import AccountService

    video.set_source(store, coordinator, str(recording(tmp_path / "tower.avi")))
    monitor = AccountService(store).create_user("mo.monitor", "Mo Monitor", "monitor", "correct horse", by=coordinator)
    window = make_window(store, monitor)
    window.open_procedure(in_surgery)
    assert not window.live.editable and window.live.frames.source is None
