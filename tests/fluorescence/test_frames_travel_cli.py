"""`mimic-desktop settings --frames-in-session-file` and `export` saying whether frames travel, through main(argv),
with hostile answers refused in one plain line."""

from __future__ import annotations

import json

import pytest

from mimic_desktop.cli.main import main
from mimic_desktop.services import frame_travel
from mimic_desktop.services import frames as frame_service
from mimic_desktop.storage.connection import open_store
from tests.support import frames
from tests.support.session_files import make_laptop, members


def desktop(*args) -> int:
    return main([str(a) for a in args])


@pytest.fixture
def laptop_db(tmp_path, monkeypatch):
    """A laptop database with one completed record that keeps a frame; the command line signs in as anna.coord."""
    laptop = make_laptop(tmp_path)
    proc_id = laptop.record(41, lesions=1)
    proc = laptop.service.load(proc_id)
    event = next(e for e in proc.live_events() if e.kind == "inspect_icg")
    image = frames.write(tmp_path / "still.png", frames.nir_frame())
    frame_service.attach_frame(laptop.service, proc.study_id, event.id, image, reason="from the recording")
    path = laptop.service.store.path
    laptop.service.store.close()
    monkeypatch.setenv("MIMIC_PASSWORD", "correct horse")
    return path, proc.study_id


def test_the_setting_is_shown_and_changed_with_its_audit_row(laptop_db, capsys):
    db, _ = laptop_db
    assert desktop("settings", "--db", db, "--user", "anna.coord") == 0
    assert "Frames in session files: no\n" in capsys.readouterr().out
    assert desktop("settings", "--db", db, "--user", "anna.coord", "--frames-in-session-file", "YES") == 0
    out = capsys.readouterr().out
    assert out.startswith("1 setting(s) changed.\n") and "Frames in session files: yes\n" in out
    assert desktop("settings", "--db", db, "--user", "anna.coord", "--frames-in-session-file", "yes") == 0
    assert capsys.readouterr().out.startswith("0 setting(s) changed.\n")
    store = open_store(db)
    rows = store.conn.execute(
        "SELECT username, old_value, new_value FROM audit WHERE entity='setting' AND entity_id=?",
        (frame_travel.SETTING,),
    ).fetchall()
    assert [tuple(row) for row in rows] == [("anna.coord", None, '"yes"')]
    store.close()


@pytest.mark.parametrize("answer", ["maybe", "", "=yes", "yes\x00", "ja\r", "1", "9" * 30])
def test_a_hostile_answer_is_one_plain_line_and_changes_nothing(laptop_db, capsys, answer):
    db, _ = laptop_db
    assert desktop("settings", "--db", db, "--user", "anna.coord", "--frames-in-session-file", answer) == 2
    captured = capsys.readouterr()
    assert captured.err.startswith("error: ") and "give yes or no" in captured.err
    assert len(captured.err.splitlines()) == 1 and captured.out == ""
    store = open_store(db)
    assert not frame_travel.frames_travel(store)
    store.close()


def test_export_says_first_whether_frames_travel_and_their_size(laptop_db, tmp_path, capsys):
    db, study_id = laptop_db
    out = tmp_path / "usb"
    out.mkdir()
    assert desktop("export", "--db", db, "--user", "anna.coord", study_id, "--out", out) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("The 1 near-infrared frame(s) stay on this laptop")
    assert desktop("settings", "--db", db, "--user", "anna.coord", "--frames-in-session-file", "yes") == 0
    capsys.readouterr()
    assert desktop("export", "--db", db, "--user", "anna.coord", study_id, "--out", out) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("1 near-infrared frame(s) travel in the session file (") and "MiB)" in lines[0]
    written = out / f"{study_id}-v2.mimic"
    assert lines[1] == str(written)
    inside = members(written.read_bytes())
    [frame] = json.loads(inside["record.json"])["frames"]
    assert frame["travels"] and f"frames/{frame['sha256']}.png" in inside


def test_export_in_dutch_says_it_in_dutch(laptop_db, tmp_path, capsys, monkeypatch):
    db, study_id = laptop_db
    monkeypatch.setenv("LANG", "nl_NL.UTF-8")
    out = tmp_path / "usb"
    out.mkdir()
    assert desktop("export", "--db", db, "--user", "anna.coord", study_id, "--out", out, "--lang", "nl") == 0
    assert capsys.readouterr().out.startswith("De 1 nabij-infraroodbeeld(en) blijven op deze laptop")


def test_the_size_of_the_frames_that_travel_is_written_as_the_reader_writes_numbers():
    from mimic_desktop.services.frame_travel import TravellingFrames

    travelling = TravellingFrames(True, [{"sha256": "a"}], {"frames/a.png": b"0" * (3 * 1024 * 1024 // 2)})
    assert "(1.5 MiB)" in travelling.sentence("en") and "(1,5 MiB)" in travelling.sentence("nl")
