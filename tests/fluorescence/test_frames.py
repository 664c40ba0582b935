"""Stills kept with events: `attach-frame`, `frames`, the masks of each imaging system, the size budget, the
upgrade of an older database, and a process killed between a frame's row and its audit row."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest

from mimic_desktop.cli.main import main
from mimic_desktop.services import frames as frame_service
from mimic_desktop.storage import audit
from mimic_desktop.storage.connection import open_store
from mimic_desktop.storage.migrations import migrations
from tests.support import frames

V1 = Path(__file__).parents[1] / "data" / "schema_v1.sqlite"
USER = ("--user", "anna.coord")


@pytest.fixture
def cli(monkeypatch, service, recorded, db_path, capsys):
    monkeypatch.setenv("MIMIC_PASSWORD", "correct horse")

    def run(*args: str) -> tuple[int, str, str]:
        code = main([args[0], "--db", str(db_path), *args[1:]])
        out, err = capsys.readouterr()
        assert "Traceback" not in out + err
        return code, out, err

    run.proc = service.load(recorded)
    return run


def still(tmp_path: Path, name: str = "still.png") -> Path:
    # No pixel is 0 in this frame, so that a black pixel after masking is the mask's.
    return frames.write(tmp_path / name, np.maximum(frames.nir_frame(), 1))


def test_a_kept_frame_is_listed_with_its_event_time_hash_and_size(cli, tmp_path, store, db_path):
    proc = cli.proc
    event = proc.live_events()[3]
    code, out, err = cli("attach-frame", *USER, proc.study_id, str(event.id), "--image", str(still(tmp_path)))
    assert code == 0, err
    assert f"kept with event {event.id}" in out
    code, out, _ = cli("frames", *USER, proc.study_id, "--json")
    [listed] = json.loads(out)
    stored = bytes(store.conn.execute("SELECT data FROM frames").fetchone()[0])
    assert listed["event"] == event.id and listed["time"] == event.at and listed["event_kind"] == event.kind
    assert listed["size"] == len(stored) and listed["sha256"] == hashlib.sha256(stored).hexdigest()
    assert (listed["width"], listed["height"]) == (frames.WIDTH, frames.HEIGHT)
    # The hash is in the audit trail, in the same chain as everything else, and verify finds it whole.
    [(new_value,)] = store.conn.execute(
        "SELECT new_value FROM audit WHERE entity='frame' AND field='kept' AND entity_id=?", (str(listed["id"]),)
    ).fetchall()
    assert json.loads(new_value)["sha256"] == listed["sha256"]
    assert audit.check(store.conn).ok
    seal = f"frame:{listed['id']}"
    assert store.conn.execute("SELECT COUNT(*) FROM audit WHERE entity_id=?", (seal,)).fetchone()[0] == 1
    assert main(["verify", "--db", str(db_path)]) == 0
    # A frame's pixels changed behind the application's back are found by verify.
    outside = sqlite3.connect(db_path)
    outside.execute("UPDATE frames SET data = ? WHERE id = ?", (stored[:-1] + b"\x00", listed["id"]))
    outside.commit()
    outside.close()
    assert main(["verify", "--db", str(db_path)]) == 1


def test_the_masks_of_the_imaging_system_black_out_exactly_their_rectangles(cli, tmp_path, service, store):
    proc = cli.proc
    system = proc.get("imaging_system")
    code, out, err = cli("settings", *USER, "--frame-masks", f"{system}=0,0,100,20;300,220,50,50")
    assert code == 0, err
    assert f"Frame masks for {system}: 0,0,100,20; 300,220,50,50" in out
    image = still(tmp_path)
    original = frames.nir_frame()
    original = np.maximum(original, 1)
    event = proc.live_events()[2]
    assert cli("attach-frame", *USER, proc.study_id, str(event.id), "--image", str(image))[0] == 0
    [kept] = frame_service.kept_frames(service, proc.study_id)
    pixels = frame_service.frame_pixels(service, proc.id, kept.id)
    expected = original.copy()
    expected[0:20, 0:100] = 0
    expected[220:240, 300:320] = 0  # the part of the second rectangle inside the frame
    assert np.array_equal(pixels, expected)
    assert kept.masks == ["0,0,100,20", "300,220,50,50"]
    # Another system's frames are not masked by these rectangles.
    assert cli("settings", *USER, "--frame-masks", f"{system}=")[0] == 0
    assert frame_service.masks(store) == {}


@pytest.mark.parametrize(
    "value, words",
    [
        ("nosuch=0,0,1,1", "is not an imaging system"),
        ("storz_rubina=0,0,0,1", "needs a width and a height of 1 or more"),
        ("storz_rubina=a,b", "is not X,Y,W,H"),
        (f"storz_rubina=0,0,{2**63},10", "names a pixel beyond 65,535: no frame is that large"),
    ],
)
def test_a_wrong_mask_is_refused_in_words(cli, value, words, store):
    code, _, err = cli("settings", *USER, "--frame-masks", value)
    assert code == 2 and words in err
    assert frame_service.masks(store) == {}


def test_what_cannot_be_kept_is_refused_and_nothing_is_stored(cli, tmp_path, service, store, db_path, monkeypatch):
    proc = cli.proc
    image = str(still(tmp_path))
    event = proc.live_events()[1]
    struck = proc.live_events()[-1]
    service.strike_event(struck.id, "wrong button")
    other = service.create("MIM-01-099", "01", {}) if False else None
    assert other is None
    cases = [
        ((proc.study_id, "999999", "--image", image), "has no event 999999"),
        ((proc.study_id, str(2**63), "--image", image), None),
        ((proc.study_id, str(struck.id), "--image", image), "is struck through"),
        ((proc.study_id, str(event.id), "--image", str(db_path)), "is a database, not an image"),
        ((proc.study_id, str(event.id), "--image", str(tmp_path / "none.png")), "There is no file"),
    ]
    for args, words in cases:
        code, out, err = cli("attach-frame", *USER, *args)
        assert code == 2 and out == "", (args, err)
        if words:
            assert words in err, (args, err)
    assert cli("attach-frame", *USER, proc.study_id, str(event.id), "--image", image)[0] == 0
    code, _, err = cli("attach-frame", *USER, proc.study_id, str(event.id), "--image", image)
    assert code == 2 and f"Event {event.id} already has frame" in err
    monkeypatch.setattr(frame_service, "FRAME_BUDGET", 1000)
    code, _, err = cli("attach-frame", *USER, proc.study_id, str(proc.live_events()[2].id), "--image", image)
    assert code == 2 and "would exceed the budget of 1,000 bytes per procedure" in err
    assert store.conn.execute("SELECT COUNT(*) FROM frames").fetchone()[0] == 1


def test_a_complete_record_needs_a_reason_and_a_monitor_may_not(cli, tmp_path, service, store):
    proc = cli.proc
    service.complete(proc.id)
    image = str(still(tmp_path))
    event = proc.live_events()[1]
    code, _, err = cli("attach-frame", *USER, proc.study_id, str(event.id), "--image", image)
    assert code == 2 and "give a reason" in err
    code, _, err = cli(
        "attach-frame", *USER, proc.study_id, str(event.id), "--image", image, "--reason", "still from the recording"
    )
    assert code == 0, err
    # The reason asked for is the one the trail keeps with the frame.
    kept_reason = store.conn.execute(
        "SELECT reason FROM audit WHERE entity='frame' AND field='kept' ORDER BY seq DESC LIMIT 1"
    ).fetchone()[0]
    assert kept_reason == "still from the recording"
    from mimic_desktop.services.accounts import AccountService

    AccountService(store).create_user("mo.mon", "Mo Monitor", "monitor", "correct horse", by=service.user)
    code, _, err = cli(
        "attach-frame", "--user", "mo.mon", proc.study_id, str(proc.live_events()[2].id), "--image", image
    )
    assert code == 2 and "read-only" in err


def test_an_older_database_gains_the_frames_table(tmp_path):
    path = tmp_path / "older.sqlite"
    shutil.copy(V1, path)
    store = open_store(path)
    assert "m011_frames" in migrations.applied_names(store.conn)
    assert "frames" in store.db.table_names()
    assert store.conn.execute("SELECT COUNT(*) FROM events").fetchone()[0] == 1
    assert audit.check(store.conn).ok
    store.close()


# A child that stops, for good, right after a frame's row is written and before its audit row: then it is
# killed. What it wrote was in one transaction, so the database must hold neither.
KILLED_BETWEEN = textwrap.dedent(
    """
    import sys, time
    from mimic_desktop.storage import audit
    from mimic_desktop.cli.main import main

    written = audit.append

    def append(conn, **row):
        if row["entity"] == "frame":
            print("frame row written", flush=True)
            time.sleep(600)
        return written(conn, **row)

    audit.append = append
    sys.exit(main(sys.argv[1:]))
    """
)


def test_a_process_killed_between_a_frame_and_its_audit_row_leaves_neither(cli, tmp_path, db_path, store):
    proc = cli.proc
    event = proc.live_events()[3]
    before = store.conn.execute("SELECT COUNT(*) FROM audit").fetchone()[0]
    child = subprocess.Popen(
        [
            sys.executable,
            "-c",
            KILLED_BETWEEN,
            "attach-frame",
            "--db",
            str(db_path),
            *USER,
            proc.study_id,
            str(event.id),
            "--image",
            str(still(tmp_path)),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "MIMIC_PASSWORD": "correct horse"},
        cwd=Path(__file__).parents[2],
    )
    assert child.stdout is not None
    line = child.stdout.readline()
    assert line.strip() == "frame row written", child.stderr.read() if child.stderr else ""
    child.send_signal(signal.SIGKILL)
    child.wait()
    child.stdout.close()
    if child.stderr:
        child.stderr.close()
    assert child.returncode == -signal.SIGKILL
    fresh = sqlite3.connect(db_path)
    assert fresh.execute("SELECT COUNT(*) FROM frames").fetchone()[0] == 0
    assert fresh.execute("SELECT COUNT(*) FROM audit WHERE entity='frame'").fetchone()[0] == 0
    assert fresh.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    fresh.close()
    # Nor a seal of the frame's row (the child's sign-in is in the trail: it committed before).
    assert store.conn.execute("SELECT COUNT(*) FROM audit WHERE entity_id LIKE 'frame:%'").fetchone()[0] == 0
    assert store.conn.execute("SELECT COUNT(*) FROM audit").fetchone()[0] > before
    assert main(["verify", "--db", str(db_path)]) == 0
    # The same still can be kept afterwards: nothing half-written stands in its way.
    assert cli("attach-frame", *USER, proc.study_id, str(event.id), "--image", str(still(tmp_path)))[0] == 0


def test_an_event_recorded_with_its_frame_keeps_both(service, recorded, store):
    proc = service.load(recorded)
    lesion = proc.lesions[0]
    event_id, frame_id = frame_service.record_event_with_frame(
        service, proc.id, "note", frames.nir_frame(), lesion_id=lesion.id, note="frame of this moment"
    )
    [kept] = [frame for frame in frame_service.kept_frames(service, proc.study_id) if frame.id == frame_id]
    assert kept.event_id == event_id and kept.event_kind == "note"
    assert np.array_equal(frame_service.frame_pixels(service, proc.id, frame_id), frames.nir_frame())
    assert audit.check(store.conn).ok


# A child that records an event with its frame and stops, for good, after the event's row and before the frame's:
# then it is killed. The event and its frame were one transaction, so neither may be in the database.
KILLED_BEFORE_FRAME = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from mimic_desktop.services import frames
    from mimic_desktop.services.accounts import AccountService
    from mimic_desktop.services.procedures import ProcedureService
    from mimic_desktop.storage import frames as frame_rows
    from mimic_desktop.storage.connection import open_store
    from tests.support import frames as synthetic

    def stop(conn, **row):
        print("event row written", flush=True)
        time.sleep(600)

    frame_rows.insert_frame = stop
    store = open_store(Path(sys.argv[1]))
    service = ProcedureService(store, AccountService(store).sign_in("anna.coord", "correct horse"))
    frames.record_event_with_frame(service, sys.argv[2], "note", synthetic.nir_frame(), note="killed")
    """
)


def test_a_process_killed_between_an_event_and_its_frame_leaves_neither(service, recorded, db_path, store):
    events_before = store.conn.execute("SELECT COUNT(*) FROM events").fetchone()[0]
    child = subprocess.Popen(
        [sys.executable, "-c", KILLED_BEFORE_FRAME, str(db_path), recorded],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).parents[2],
    )
    assert child.stdout is not None and child.stderr is not None
    line = child.stdout.readline()
    assert line.strip() == "event row written", child.stderr.read()
    child.send_signal(signal.SIGKILL)
    child.wait()
    child.stdout.close()
    child.stderr.close()
    assert child.returncode == -signal.SIGKILL
    fresh = sqlite3.connect(db_path)
    assert fresh.execute("SELECT COUNT(*) FROM events").fetchone()[0] == events_before
    assert fresh.execute("SELECT COUNT(*) FROM events WHERE note='killed'").fetchone()[0] == 0
    assert fresh.execute("SELECT COUNT(*) FROM frames").fetchone()[0] == 0
    assert fresh.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    fresh.close()
    assert main(["verify", "--db", str(db_path)]) == 0
