"""The session file carries the lesions' fluorescence measurements (record format version 2), and the trial
office imports them; a version-1 file, without them, still imports."""

from __future__ import annotations

import json

import pytest

from mimic_desktop.exchange import record_json, session_file
from mimic_desktop.services import central_import
from mimic_desktop.services import frames as frame_service
from mimic_desktop.storage import central as central_storage
from tests.support import frames
from tests.support.office import data_manager
from tests.support.session_files import make_central, members, resign


def measured_record(laptop, tmp_path) -> tuple[str, str]:
    service = laptop.service
    proc_id = laptop.record(31, lesions=2)
    proc = service.load(proc_id)
    lesion = next(lesion for lesion in proc.lesions if lesion.number == 1)
    event = next(e for e in proc.live_events() if e.lesion_id == lesion.id and e.kind != "lesion_identified")
    image = frames.write(tmp_path / "still.png", frames.nir_frame())
    frame_id = frame_service.attach_frame(service, proc.study_id, event.id, image, reason="from the recording")
    frame_service.set_measurement(
        service, proc.study_id, 1, frame_id, frames.TARGET, frames.BACKGROUND, reason="measured after surgery"
    )
    return proc_id, lesion.id


def test_the_measurements_travel_in_record_json_and_are_imported(laptop, tmp_path):
    proc_id, lesion_id = measured_record(laptop, tmp_path)
    path = laptop.export(proc_id)
    record = json.loads(members(path.read_bytes())[session_file.RECORD])
    assert record["format_version"] >= 2
    [carried] = record["fluorescence"]
    assert carried["lesion_id"] == lesion_id and carried["method"] == "sbr-mean-rectangles-1"
    assert carried["sbr"] == pytest.approx(frames.KNOWN_RATIO, rel=0.01)
    [kept] = frame_service.kept_frames(laptop.service, laptop.service.load(proc_id).study_id)
    assert carried["frame_sha256"] == kept.sha256
    assert "data" not in carried and len(path.read_bytes()) < 2_000_000  # the pixels stay on the laptop
    central = make_central(tmp_path, laptop)
    summary = central_import.CentralImporter(central, data_manager(central)).import_paths([path])
    assert summary.count(central_import.Outcome.NEW) == 1, [r.message for r in summary.results]
    [stored] = central_storage.current_record_json(central.conn)
    assert json.loads(stored)["fluorescence"] == record["fluorescence"]
    central.close()


def test_a_record_without_measurements_has_no_fluorescence_part(laptop):
    path = laptop.export(laptop.record(32, lesions=1))
    record = json.loads(members(path.read_bytes())[session_file.RECORD])
    assert "fluorescence" not in record and record["format_version"] == record_json.FORMAT_VERSION


def test_a_version_1_file_still_imports(laptop, tmp_path):
    path = laptop.export(laptop.record(33, lesions=1))
    content = {name: body for name, body in members(path.read_bytes()).items() if name in session_file.CONTENT}
    record = json.loads(content[session_file.RECORD])
    record["format_version"] = 1
    content[session_file.RECORD] = session_file.canonical_json(record)
    old = tmp_path / "v1" / path.name
    old.parent.mkdir()
    old.write_bytes(resign(content, laptop.key_path, version=1))
    central = make_central(tmp_path, laptop)
    summary = central_import.CentralImporter(central, data_manager(central)).import_paths([old])
    assert summary.count(central_import.Outcome.NEW) == 1, [r.message for r in summary.results]
    central.close()


def test_a_measurement_that_breaks_the_schema_is_rejected(laptop, tmp_path):
    from tests.support.session_files import with_record

    proc_id, _ = measured_record(laptop, tmp_path)
    path = laptop.export(proc_id)

    def negative(record: dict) -> None:
        record["fluorescence"][0]["sbr"] = -1

    bad = tmp_path / "bad" / path.name
    bad.parent.mkdir()
    bad.write_bytes(with_record(path.read_bytes(), laptop.key_path, negative))
    central = make_central(tmp_path, laptop)
    summary = central_import.CentralImporter(central, data_manager(central)).import_paths([bad])
    [rejected] = summary.rejected
    assert "sbr" in str(rejected.message)
    central.close()


def test_the_trial_report_reads_the_ratios_measured_on_specimen_frames(laptop, tmp_path):
    from mimic_desktop.services.trial_report import central_report

    service = laptop.service
    expected = {}
    paths = []
    for seed in (41, 42, 43):
        proc = service.load(laptop.record(seed, lesions=2))
        for lesion in proc.lesions:
            specimen = [e for e in proc.live_events() if e.lesion_id == lesion.id and e.kind.startswith("specimen_")]
            if not specimen:
                continue
            image = frames.write(tmp_path / f"{seed}-{lesion.number}.png", frames.nir_frame(seed=seed + lesion.number))
            frame_id = frame_service.attach_frame(service, proc.study_id, specimen[0].id, image, reason="recording")
            _, measurement = frame_service.set_measurement(
                service,
                proc.study_id,
                lesion.number,
                frame_id,
                frames.TARGET,
                frames.BACKGROUND,
                reason="after surgery",
            )
            expected[(proc.session_id, lesion.number)] = measurement.ratio
        paths.append(laptop.export(proc.id))
    assert expected
    central = make_central(tmp_path, laptop)
    central_import.CentralImporter(central, data_manager(central)).import_paths(paths)
    central.close()
    report = central_report(tmp_path / "central.sqlite")
    ratio = report.fluorescence_ratio
    assert ratio is not None
    assert ratio.lesions + ratio.without_ratio == report.diagnostic.accuracy.lesions
    assert ratio.r1.lesions + ratio.r0.lesions == ratio.lesions
    assert 0 < ratio.lesions <= len(expected)
    medians = [m for m in (ratio.r1.median, ratio.r0.median) if m is not None]
    assert all(min(expected.values()) - 1e-6 <= m <= max(expected.values()) + 1e-6 for m in medians)
