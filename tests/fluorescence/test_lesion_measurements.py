"""`fluorescence set`: a lesion's fluorescence measured on a kept frame, stored with its regions, channel and
method, audited, replaced when measured again (the trail keeps the earlier figures)."""

from __future__ import annotations

import json

import numpy as np
import pytest

from mimic_desktop.cli.main import main
from mimic_desktop.services import frames as frame_service
from mimic_desktop.storage import audit
from tests.support import frames

USER = ("--user", "anna.coord")


@pytest.fixture
def cli(monkeypatch, service, recorded, db_path, capsys):
    monkeypatch.setenv("MIMIC_PASSWORD", "correct horse")

    def run(*args: str) -> tuple[int, str, str]:
        code = main(
            [*args[:2], "--db", str(db_path), *args[2:]]
            if args[0] == "fluorescence"
            else [args[0], "--db", str(db_path), *args[1:]]
        )
        out, err = capsys.readouterr()
        assert "Traceback" not in out + err
        return code, out, err

    run.proc = service.load(recorded)
    return run


def keep(cli, tmp_path, event, frame: np.ndarray) -> int:
    image = frames.write(tmp_path / f"event-{event.id}.png", frame)
    code, out, err = cli("attach-frame", *USER, cli.proc.study_id, str(event.id), "--image", str(image))
    assert code == 0, err
    return int(out.split()[1])


def lesion_event(proc, number: int):
    lesion = next(lesion for lesion in proc.lesions if lesion.number == number)
    return next(e for e in proc.live_events() if e.lesion_id == lesion.id and e.kind != "lesion_identified")


def test_a_measurement_is_stored_with_its_regions_channel_and_method(cli, tmp_path, store, db_path):
    proc = cli.proc
    event = lesion_event(proc, 1)
    frame_id = keep(cli, tmp_path, event, frames.nir_frame())
    code, out, err = cli(
        "fluorescence",
        "set",
        *USER,
        proc.study_id,
        "1",
        "--frame",
        str(frame_id),
        "--target",
        frames.TARGET,
        "--background",
        frames.BACKGROUND,
        "--json",
    )
    assert code == 0, err
    assert json.loads(out)["sbr"] == pytest.approx(frames.KNOWN_RATIO, rel=0.01)
    code, out, _ = cli("fluorescence", "list", *USER, proc.study_id)
    [stored] = json.loads(out)
    assert stored["lesion"] == 1 and stored["frame"] == frame_id and stored["finding"] == event.kind
    assert stored["target"]["rect"] == frames.TARGET and stored["background"]["rect"] == frames.BACKGROUND
    assert stored["channel"] == "nir" and stored["method"] == "sbr-mean-rectangles-1"
    assert stored["calibration"] == "uncalibrated, relative to this frame"
    assert stored["sbr"] == pytest.approx(frames.KNOWN_RATIO, rel=0.01)
    # Measured again with other regions: the figures change, the trail keeps the first ones.
    first = stored["sbr"]
    code, out, err = cli(
        "fluorescence",
        "set",
        *USER,
        proc.study_id,
        "1",
        "--frame",
        str(frame_id),
        "--target",
        "10,10,60,200",
        "--background",
        frames.BACKGROUND,
    )
    assert code == 0 and "uncalibrated, relative to this frame" in out
    [again] = json.loads(cli("fluorescence", "list", *USER, proc.study_id)[1])
    assert again["sbr"] == pytest.approx(1.0)
    rows = store.conn.execute(
        "SELECT old_value, new_value FROM audit WHERE entity='measurement' ORDER BY seq"
    ).fetchall()
    assert len(rows) == 2 and rows[0][0] is None
    assert json.loads(rows[1][0])["sbr"] == pytest.approx(first)
    assert audit.check(store.conn).ok
    assert main(["verify", "--db", str(db_path)]) == 0


def test_what_cannot_be_measured_is_refused_in_words(cli, tmp_path, store):
    proc = cli.proc
    frame_id = keep(cli, tmp_path, lesion_event(proc, 1), frames.nir_frame())
    cases = [
        (("9", "--frame", str(frame_id), "--target", frames.TARGET), "has no lesion 9"),
        (
            ("2", "--frame", str(frame_id), "--target", frames.TARGET),
            "was kept with an event of lesion 1, not of lesion 2",
        ),
        (("1", "--frame", "99", "--target", frames.TARGET), "There is no frame 99 in this record"),
        (("1", "--frame", str(2**63), "--target", frames.TARGET), "There is no frame"),
        (("1", "--frame", str(frame_id), "--target", "0,0,999,10"), "reaches outside the frame"),
        (("1", "--frame", str(frame_id), "--target", frames.TARGET, "--channel", "green"), "has no green channel"),
    ]
    for args, words in cases:
        code, out, err = cli("fluorescence", "set", *USER, proc.study_id, *args, "--background", frames.BACKGROUND)
        assert code == 2 and out == "" and words in err, (args, err)
    assert store.conn.execute("SELECT COUNT(*) FROM fluorescence").fetchone()[0] == 0


def test_a_frame_changed_behind_the_applications_back_is_not_measured(cli, tmp_path, db_path):
    import sqlite3

    proc = cli.proc
    frame_id = keep(cli, tmp_path, lesion_event(proc, 1), frames.nir_frame())
    outside = sqlite3.connect(db_path)
    other = frames.write(tmp_path / "other.png", frames.nir_frame(seed=99)).read_bytes()
    outside.execute("UPDATE frames SET data=? WHERE id=?", (other, frame_id))
    outside.commit()
    outside.close()
    code, _, err = cli(
        "fluorescence",
        "set",
        *USER,
        proc.study_id,
        "1",
        "--frame",
        str(frame_id),
        "--target",
        frames.TARGET,
        "--background",
        frames.BACKGROUND,
    )
    assert code == 2 and "does not match its hash" in err


def test_the_service_gives_the_measurements_of_the_record(cli, tmp_path, service):
    proc = cli.proc
    frame_id = keep(cli, tmp_path, lesion_event(proc, 2), frames.overlay_frame())
    frame_service.set_measurement(service, proc.study_id, 2, frame_id, frames.TARGET, frames.BACKGROUND, "green")
    [measured] = frame_service.measurements(service, proc.id)
    assert measured.lesion_number == 2 and measured.channel == "green"
    assert measured.sbr == pytest.approx(frames.KNOWN_RATIO, rel=0.01)


def test_the_csv_export_carries_a_measurements_table(cli, tmp_path, service):
    import csv

    from mimic_desktop.services.data_exports import export_csv

    proc = cli.proc
    frame_id = keep(cli, tmp_path, lesion_event(proc, 1), frames.nir_frame())
    frame_service.set_measurement(service, proc.study_id, 1, frame_id, frames.TARGET, frames.BACKGROUND)
    exported = export_csv(service, [proc.study_id], tmp_path / "out")
    table = tmp_path / "out" / f"{proc.study_id}_fluorescence.csv"
    assert table in exported.paths
    with table.open(encoding="utf-8", newline="") as stream:
        [row] = list(csv.DictReader(stream))
    assert row["study_id"] == proc.study_id and row["lesion_number"] == "1" and row["channel"] == "nir"
    assert float(row["sbr"]) == pytest.approx(frames.KNOWN_RATIO, rel=0.01)
    assert row["target"] == frames.TARGET and row["method"] == "sbr-mean-rectangles-1"
    # Exporting every record: the table holds the measured ones.
    other = export_csv(service, None, tmp_path / "all")
    assert (tmp_path / "all" / "mimic_fluorescence.csv") in other.paths
