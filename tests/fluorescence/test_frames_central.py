"""The trial office's frames: indexed at import (central m009), listed and written out by `mimic-central frames` and
`frame` from the checked archived file, checked by `verify`, kept through a laptop's redaction, and an older central
database upgraded with the frames of the files it holds."""

from __future__ import annotations

import hashlib
import json
import sqlite3

import pytest

from mimic_desktop.domain.errors import MimicError
from mimic_desktop.services import central_frames, central_import, frame_travel
from mimic_desktop.services import frames as frame_service
from mimic_desktop.services.central_import import Outcome
from mimic_desktop.services.central_verify import verify_central
from mimic_desktop.storage import central as central_storage
from mimic_desktop.storage import central_archive
from mimic_desktop.storage import central_frames as frame_index
from tests.support import frames
from tests.support.office import data_manager, run_central

IDENTIFYING = "Mr. Jan Jansen (born 12-03-1961, hospital no. 1234567)"


def keep_frame(laptop, tmp_path, proc_id: str, kind: str, seed: int) -> tuple[str, bytes]:
    """A frame kept with the record's first live event of this kind; its SHA-256 and stored bytes."""
    service = laptop.service
    proc = service.load(proc_id)
    event = next(e for e in proc.live_events() if e.kind == kind)
    image = frames.write(tmp_path / f"still-{seed}.png", frames.nir_frame(seed))
    frame_id = frame_service.attach_frame(service, proc.study_id, event.id, image, reason="from the recording")
    sha, data = service.store.conn.execute("SELECT sha256, data FROM frames WHERE id=?", (frame_id,)).fetchone()
    return sha, bytes(data)


@pytest.fixture
def imported(laptop, central, tmp_path):
    """A record whose ICG inspection frame travelled, and whose plane frame stayed (kept after the first export)."""
    frame_travel.set_frames_travel(laptop.service.store, laptop.service.user, True)
    proc_id = laptop.record(61, lesions=1)
    study_id = laptop.service.load(proc_id).study_id
    sha, pixels = keep_frame(laptop, tmp_path, proc_id, "inspect_icg", 7)
    importer = central_import.CentralImporter(central, data_manager(central))
    assert importer.import_file(laptop.export(proc_id)).outcome is Outcome.NEW
    return study_id, sha, pixels, proc_id


def test_the_import_indexes_the_frames_and_one_is_written_from_the_archive(imported, central, tmp_path):
    study_id, sha, pixels, _ = imported
    [listed] = central_frames.frames(central, study_id)
    assert (listed.version, listed.sha256, listed.size, listed.travelled) == (1, sha, len(pixels), True)
    assert listed.event_kind == "inspect_icg" and listed.width == frames.nir_frame().shape[1]
    assert central_frames.frame_png(central, study_id, sha.upper()) == pixels
    out = central_frames.write_frame(central, study_id, sha, tmp_path / "frame.png")
    assert out.read_bytes() == pixels
    assert verify_central(central.path, signatures=True).ok


def test_a_frame_that_stayed_at_the_centre_is_listed_and_cannot_be_written(imported, laptop, central, tmp_path):
    study_id, _, _, proc_id = imported
    frame_travel.set_frames_travel(laptop.service.store, laptop.service.user, False)
    laptop.service.set_values(proc_id, {"blood_loss_ml": 250}, reason="corrected from the anaesthesia chart")
    importer = central_import.CentralImporter(central, data_manager(central))
    assert importer.import_file(laptop.export(proc_id)).outcome is Outcome.SUPERSEDING
    listed = central_frames.frames(central, study_id)
    assert [(frame.version, frame.travelled) for frame in listed] == [(1, True), (2, False)]
    # Its pixels came with version 1 and are still written from that file.
    assert central_frames.frame_png(central, study_id, listed[1].sha256) == central_frames.frame_png(
        central, study_id, listed[0].sha256
    )
    other = "ab" * 32
    with pytest.raises(MimicError, match=r"No session file of .* carried the frame"):
        central_frames.frame_png(central, study_id, other)


def test_verify_finds_an_index_row_changed_and_a_frame_missing_from_the_archive(imported, central):
    study_id, sha, _, _ = imported
    conn = central.conn
    conn.execute("DROP TRIGGER frames_no_update")
    conn.execute("UPDATE frames SET size = size + 1")
    conn.commit()
    problems = verify_central(central.path).problems
    assert any("the index of its frames differs from the frames its record lists" in p for p in problems), problems
    assert any(f"does not carry the frame {sha} its index says travelled" in p for p in problems), problems
    with pytest.raises(MimicError, match="does not carry the frame"):
        central_frames.frame_png(central, study_id, sha)


def test_a_changed_archive_file_is_never_read_for_a_frame(imported, central):
    study_id, sha, _, _ = imported
    [row] = frame_index.every(central.conn)
    path = central_archive.path_for(central.path, row.file_hash)
    data = bytearray(path.read_bytes())
    data[-30] ^= 0x01
    path.write_bytes(bytes(data))
    with pytest.raises(MimicError, match="is not the one imported"):
        central_frames.frame_png(central, study_id, sha)
    assert not verify_central(central.path).ok


# -- the command line ------------------------------------------------------------------------------------------


def test_frames_and_frame_on_the_command_line(imported, central, tmp_path, capsys):
    study_id, sha, pixels, _ = imported
    central.close()
    assert run_central("frames", "--db", central.path, study_id.lower(), "--json") == 0
    [listed] = json.loads(capsys.readouterr().out)
    assert listed["sha256"] == sha and listed["travelled"] is True and listed["version"] == 1
    assert run_central("frames", "--db", central.path, study_id) == 0
    assert f"event {listed['event_id']} (inspect_icg): {sha}" in capsys.readouterr().out
    out = tmp_path / "frame.png"
    assert run_central("frame", "--db", central.path, study_id, sha, "--out", out) == 0
    assert capsys.readouterr().out.strip() == str(out) and out.read_bytes() == pixels
    assert hashlib.sha256(out.read_bytes()).hexdigest() == sha


@pytest.mark.parametrize(
    ("where", "message"),
    [
        ("database", "database"),
        ("wal", "database"),
        ("folder", "there is a folder of that name"),
        ("no folder", "does not exist"),
    ],
)
def test_frame_out_is_guarded_as_every_central_out(imported, central, tmp_path, capsys, where, message):
    study_id, sha, _, _ = imported
    db = central.path
    central.close()
    target = {
        "database": db,
        "wal": db.with_name(db.name + "-wal"),
        "folder": tmp_path,
        "no folder": tmp_path / "missing" / "frame.png",
    }[where]
    before = db.read_bytes()
    assert run_central("frame", "--db", db, study_id, sha, "--out", target) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and message in err and len(err.splitlines()) == 1
    assert db.read_bytes() == before


@pytest.mark.parametrize("given", ["=cmd|' /C calc'!A0", "", "ab" * 31, "zz" * 32, "\x1b[2J" + "ab" * 31])
def test_a_hostile_sha256_is_one_plain_line(imported, central, tmp_path, capsys, given):
    study_id, _, _, _ = imported
    central.close()
    assert run_central("frame", "--db", central.path, study_id, given, "--out", tmp_path / "f.png") == 2
    err = capsys.readouterr().err
    assert "is not a frame's SHA-256" in err and len(err.splitlines()) == 1
    assert not (tmp_path / "f.png").exists()


def test_an_unknown_study_id_is_said_plainly(imported, central, capsys):
    central.close()
    assert run_central("frames", "--db", central.path, "MIM-01-999") == 2
    assert "No session of MIM-01-999 has been imported" in capsys.readouterr().err


# -- redaction and an older database ------------------------------------------------------------------------


def test_a_redaction_keeps_the_frames_of_the_versions_it_rewrites(laptop, central, tmp_path):
    frame_travel.set_frames_travel(laptop.service.store, laptop.service.user, True)
    service = laptop.service
    proc_id = laptop.record(62, lesions=1)
    study_id = service.load(proc_id).study_id
    keeping = service.keeping_identifiers("dictated by the surgeon as said")
    keeping.record_event(proc_id, "note", note=IDENTIFYING, reason="a remark added after the operation")
    _, pixels = keep_frame(laptop, tmp_path, proc_id, "inspect_icg", 9)
    importer = central_import.CentralImporter(central, data_manager(central))
    first = laptop.export(proc_id)
    assert importer.import_file(first).outcome is Outcome.NEW
    service.redact(proc_id, IDENTIFYING, "the patient's name, typed by mistake")
    assert importer.import_file(laptop.export(proc_id)).outcome is Outcome.SUPERSEDING
    first_hash = hashlib.sha256(first.read_bytes()).hexdigest()
    rewritten = central_archive.read(central.path, first_hash)
    assert rewritten != first.read_bytes() and b"Jansen" not in rewritten
    [v1] = frame_index.of_file(central.conn, first_hash)
    assert central_frames.archived_member(central, v1) == pixels  # read from the rewritten file, still checked
    result = verify_central(central.path, signatures=True)
    assert result.ok, result.problems
    assert [frame.version for frame in central_frames.frames(central, study_id)] == [1, 2]


def test_an_older_central_database_indexes_the_frames_it_holds_when_upgraded(imported, central, tmp_path):
    study_id, sha, pixels, _ = imported
    path = tmp_path / "older.sqlite"
    older = sqlite3.connect(path)
    central.conn.backup(older)  # as it stood before frames were indexed
    older.execute("DROP TABLE frames")
    older.execute("DELETE FROM _sqlite_migrations WHERE name = 'm009_frames'")
    older.commit()
    older.close()
    central_archive.folder_for(central.path).rename(central_archive.folder_for(path))
    store = central_import.open_existing(path)
    try:
        assert "m009_frames" in central_storage.central_migrations.applied_names(store.conn)
        [listed] = central_frames.frames(store, study_id)
        assert (listed.sha256, listed.travelled) == (sha, True)
        assert central_frames.frame_png(store, study_id, sha) == pixels
        with pytest.raises(sqlite3.IntegrityError, match="kept as they came"):
            store.conn.execute("DELETE FROM frames")
    finally:
        store.close()
    assert verify_central(path, signatures=True).ok


def test_frames_are_listed_in_dutch_for_a_dutch_reader(imported, central, capsys, monkeypatch):
    study_id, sha, _, _ = imported
    central.close()
    monkeypatch.setenv("LANG", "nl_NL.UTF-8")
    assert run_central("frames", "--db", central.path, study_id) == 0
    out = capsys.readouterr().out
    assert out.startswith("versie 1, gebeurtenis ") and out.rstrip().endswith("meegestuurd") and sha in out
    assert run_central("frame", "--db", central.path, study_id, "nee", "--out", central.path.parent / "f.png") == 2
    assert "'nee' is geen SHA-256 van een beeld" in capsys.readouterr().err
