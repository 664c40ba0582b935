"""The video source: a setting (a device number or a file), checked when set; an event recorded while a video
file plays keeps the frame of that moment."""

from __future__ import annotations

from datetime import timedelta

import pytest

from mimic_desktop.cli.main import main
from mimic_desktop.domain.clock import utc_now
from mimic_desktop.services import frames as frame_service
from mimic_desktop.services import video
from tests.support import frames

USER = ("--user", "anna.coord")


@pytest.fixture
def cli(monkeypatch, service, db_path, capsys):
    monkeypatch.setenv("MIMIC_PASSWORD", "correct horse")

    def run(*args: str) -> tuple[int, str, str]:
        code = main([args[0], "--db", str(db_path), *args[1:]])
        out, err = capsys.readouterr()
        assert "Traceback" not in out + err
        return code, out, err

    return run


def test_the_source_is_a_setting_checked_when_set(cli, tmp_path, store):
    recording = frames.write_video(tmp_path / "tower.avi")
    code, out, err = cli("settings", *USER, "--video-source", str(recording))
    assert code == 0, err
    assert f"Video source: {recording}" in out and video.source(store) == str(recording)
    assert cli("settings", *USER, "--video-source", "1")[0] == 0 and video.source(store) == "1"
    (tmp_path / "notes.avi").write_text("not a video")
    still = frames.write(tmp_path / "still.png", frames.nir_frame()).read_bytes()
    (tmp_path / "cut.png").write_bytes(still[: len(still) // 3])  # opens, and gives no frame
    for value, words in (
        (str(tmp_path / "missing.avi"), "There is no file"),
        (str(tmp_path / "notes.avi"), "is not a video or image that can be played"),
        (str(tmp_path / "cut.png"), "is not a video or image that can be played"),
        (str(tmp_path), "is a folder, not a file"),
        ("99", "There is no capture device 99"),
    ):
        code, _, err = cli("settings", *USER, "--video-source", value)
        assert code == 2 and words in err, (value, err)
    assert video.source(store) == "1"
    code, out, _ = cli("settings", *USER, "--video-source", "")
    assert code == 0 and video.source(store) == "" and "Video source" not in out


def test_an_event_recorded_while_the_video_plays_keeps_the_frame_of_that_moment(tmp_path, service, recorded):
    recording = frames.write_video(tmp_path / "tower.avi", frames_count=30, fps=5.0)
    started = utc_now()
    moments = iter([started])
    source = video.VideoSource(str(recording), clock=lambda: next(moments))
    try:
        proc = service.load(recorded)
        # 2.4 s after the recording started playing: frame 12 at 5 frames a second, intensity 96.
        at = started + timedelta(seconds=2.4)
        pixels = source.frame(at)
        event_id, frame_id = frame_service.record_event_with_frame(
            service, proc.id, "note", pixels, note="overlay check", lesion_id=proc.lesions[0].id
        )
    finally:
        source.close()
    kept = frame_service.frame_pixels(service, proc.id, frame_id)
    assert float(kept.mean()) == pytest.approx(96.0, abs=2.0)
    [listed] = [f for f in frame_service.kept_frames(service, proc.study_id) if f.id == frame_id]
    assert listed.event_id == event_id
