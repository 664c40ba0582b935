"""`video-time` on the command line: the reference set at the incision or at a named event, every event's position
listed (text and JSON, and in `dump`), hostile input refused in a sentence without a traceback and nothing saved."""

from __future__ import annotations

import json
import sqlite3

import pytest

from tests.cli.test_subject_status import NOT_OPERATED, USER, desktop, dump, enrolled, out_of, refused


@pytest.fixture
def db(db_path, monkeypatch, capsys):
    path = enrolled(db_path, monkeypatch, capsys)
    out_of(capsys, "event", "--db", path, *USER, NOT_OPERATED, "incision", "--at", "2026-11-24T09:00")
    out_of(capsys, "event", "--db", path, *USER, NOT_OPERATED, "inspect_white_light", "--at", "2026-11-24T09:01:30")
    return path


def positions(capsys, db) -> dict:
    return json.loads(out_of(capsys, "video-time", "--db", db, *USER, NOT_OPERATED, "--json"))


def test_set_at_incision_then_each_event_has_its_position(db, capsys):
    said = out_of(capsys, "video-time", "--db", db, *USER, NOT_OPERATED, "--at-incision", "--shown", "0:02:00")
    assert "showed 0:02:00 at event" in said
    listed = positions(capsys, db)
    assert listed["video_reference"]["shown"] == "0:02:00"
    assert [event["video_time"] for event in listed["events"]] == ["0:02:00", "0:03:30"]
    text = out_of(capsys, "video-time", "--db", db, *USER, NOT_OPERATED)
    assert "0:03:30" in text
    assert [event["video_time"] for event in dump(capsys, db)["events"]] == ["0:02:00", "0:03:30"]


def test_set_at_a_named_event_and_an_earlier_event_is_negative(db, capsys):
    inspection = positions(capsys, db)["events"][1]["id"]
    out_of(capsys, "video-time", "--db", db, *USER, NOT_OPERATED, "--event", inspection, "--shown", "0:00:30.5")
    assert [event["video_time"] for event in positions(capsys, db)["events"]] == ["-0:00:59.500", "0:00:30.500"]
    assert "-0:00:59" in out_of(capsys, "video-time", "--db", db, *USER, NOT_OPERATED)


def test_without_a_reference_the_listing_says_so(db, capsys):
    assert "no video time reference yet" in out_of(capsys, "video-time", "--db", db, *USER, NOT_OPERATED)
    assert all(event["video_time"] is None for event in positions(capsys, db)["events"])


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (("--shown=-0:00:01",), "never negative"),
        (("--shown", "one hour"), "H:MM:SS"),
        (("--shown", "1:75:00"), "up to 59"),
        (("--shown", str(2**63)), "H:MM:SS"),
        (("--shown", "9" * 400), "longer than any time"),
        (("--shown", "0:00:01\x1b[2J"), "control characters"),
        (("--shown", "=HYPERLINK(1)"), "H:MM:SS"),
        (("--event", "0", "--shown", "0:00:01"), "has no event 0"),
        (("--event", "-5", "--shown", "0:00:01"), "has no event -5"),
        (("--event", str(2**63), "--shown", "0:00:01"), "has no event"),
        (("--event", "abc", "--shown", "0:00:01"), "invalid int value"),
        (("--event", "1", "--at-incision", "--shown", "0:00:01"), "not allowed with argument"),
        (("--at-incision",), "give that time with --shown"),
    ],
)
def test_hostile_input_is_refused_in_words_and_saves_nothing(db, capsys, args, named):
    said = refused(capsys, "video-time", "--db", db, *USER, NOT_OPERATED, *args)
    assert named in said
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT video_event_id, video_shown FROM procedures").fetchall() == [(None, None)]
    conn.close()


def test_a_monitor_is_refused(db, capsys, monkeypatch):
    monkeypatch.setattr("sys.stdin", __import__("io").StringIO("monitor pass 1\nmonitor pass 1\n"))
    assert desktop("add-user", "--db", db, *USER, "mo", "--name", "Mo", "--role", "monitor") == 0
    capsys.readouterr()
    monkeypatch.setenv("MIMIC_PASSWORD", "monitor pass 1")
    said = refused(capsys, "video-time", "--db", db, "--user", "mo", NOT_OPERATED, "--shown", "0:00:01")
    assert "read-only" in said


def test_the_refusal_is_said_in_dutch(db, capsys, monkeypatch):
    monkeypatch.setenv("LANG", "nl_NL.UTF-8")
    said = refused(capsys, "video-time", "--db", db, *USER, NOT_OPERATED, "--shown=-1:00:00")
    assert "nooit negatief" in said
